package cn.gov.assess.ruleversions;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 规则版本：目录登记为第 1 版；草稿、检查、发布（作者本人被拒、须写理由）；运行记下所用版本；两份草稿的冲突与重做；
 * 恢复旧版。H2 与 PostgreSQL 各跑一遍，每种引擎一个新库。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesVersionsTest {
    static final String LISTS = "名单.csv";
    static final String CONDITIONS = "名单条件.csv";
    static final String THRESHOLDS = "thresholds.csv";

    @Parameter
    Engine engine;

    static Database db;
    static RulesVersions versions;

    @BeforeParameterizedClassInvocation
    static void open(Engine engine) throws Exception {
        db = Database.open(engine.freshUrl(Files.createTempDirectory("assess-versions")));
        versions = new RulesVersions(db, cn.gov.assess.assessment.RulesCheck::problems);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "应含有：" + from);
        return text.replace(from, to);
    }

    static long beforeVersions;

    @Test
    @Order(0)
    void aRunBeforeAnyVersionIsRecordedRecordsNone() {
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        Period q = Period.parse("2021-Q4");
        beforeVersions = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), TestSupport.rules()).runId();
        assertTrue(versions.ofRun(beforeVersions).isEmpty());
        assertEquals(3, towns(beforeVersions), "第 1 版的内容：镇街 3 名");
    }

    @Test
    @Order(1)
    void folderBecomesVersionOneAndDraftsArePublishedByAnotherAccountWithAReason() {
        RulesVersions.Version v1 = versions.ensureInitial(TestSupport.rulesDir());
        assertEquals(1, v1.number());
        assertTrue(v1.published());
        assertEquals("规则目录", v1.publisher());
        assertTrue(v1.checkOk(), v1.checkErrors().toString());
        assertEquals(TestSupport.rules().fingerprint(), v1.fingerprint());
        assertEquals(v1.id(), versions.ensureInitial(TestSupport.rulesDir()).id(), "第二次启动不再登记");

        RulesVersions.Version d = versions.createDraft("规则甲", null);
        assertEquals(2, d.number());
        assertEquals(1, d.baseNumber());
        String lists = versions.files(d.id()).get(LISTS);
        String edited = replace(lists, "镇街 3、部门 3", "镇街 5、部门 3");
        d = versions.saveFile(d.id(), "规则甲", LISTS, edited);
        assertTrue(d.checkOk(), d.checkErrors().toString());
        assertEquals(edited, versions.files(d.id()).get(LISTS), "别的行一字不动");

        List<RulesVersions.FileDiff> diff = versions.diff(v1.id(), d.id());
        assertEquals(1, diff.size());
        assertEquals(List.of("名单“按期办结且办理较好” 的“名额”由“镇街 3、部门 3”改为“镇街 5、部门 3”"), diff.get(0).changes());

        long draft = d.id();
        RulesVersions.Refused own = assertThrows(RulesVersions.Refused.class, () -> versions.publish(draft, "规则甲", "自己发布"));
        assertTrue(own.getMessage().contains("不能发布自己起草的第 2 版"), own.getMessage());
        assertThrows(RulesVersions.Refused.class, () -> versions.publish(draft, "审核乙", " "));
        assertEquals(1, versions.current().version().number(), "被拒绝后仍是第 1 版");

        RulesVersions.Version p = versions.publish(draft, "审核乙", "名额扩大到 5 个");
        assertTrue(p.published());
        assertEquals("审核乙", p.publisher());
        assertEquals("名额扩大到 5 个", p.publishReason());
        assertNotNull(p.publishedAt());
        assertEquals(2, versions.current().version().number());
        assertEquals(edited, versions.current().rules().files().get(LISTS));
    }

    @Test
    @Order(2)
    void runsRecordTheVersionTheyUsed() {
        Period q = Period.parse("2021-Q4");
        RulesVersions.Current cur = versions.current();
        long webRun = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), cur.rules()).runId();
        assertEquals(cur.version().id(), versions.ofRun(webRun).orElseThrow().id());
        // 5 个镇街名额：按期办结且办理较好的镇街在 12345 热线里比第 1 版多

        // 命令行按目录运行：目录仍是第 1 版的内容 → 记第 1 版（没有登记的目录不记版本，见上一个测试）
        long folderRun = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), TestSupport.rules()).runId();
        assertEquals(1, versions.ofRun(folderRun).orElseThrow().number());
        assertEquals(3, towns(folderRun));
        // 12345 热线符合条件的镇街只有 4 个：名额 5 时全部入选（天度镇新入选）
        assertEquals(4, towns(webRun));
        assertEquals(1, TestSupport.scalar(db, "select count(*) from run_list_entry e where e.run_id = " + webRun
                + " and e.list_name = '按期办结且办理较好' and e.channel = '12345市民热线' and e.unit_label = '天度镇'"));
        assertEquals(0, TestSupport.scalar(db, "select count(*) from run_list_entry e where e.run_id = " + folderRun
                + " and e.list_name = '按期办结且办理较好' and e.channel = '12345市民热线' and e.unit_label = '天度镇'"));
        assertNull(versions.runNumbers().get(beforeVersions), "登记之前的运行仍没有版本");
        assertEquals(2, versions.runNumbers().get(webRun));
    }

    private long towns(long run) {
        return TestSupport.scalar(db, "select count(*) from run_list_entry e where e.run_id = " + run
                + " and e.list_name = '按期办结且办理较好' and e.channel = '12345市民热线' and e.unit_group = '镇街'");
    }

    @Test
    @Order(3)
    void secondOfTwoDraftsFromTheSameBaseIsRefusedKeptAndCanBeReappliedOnTheNewVersion() {
        int base = versions.current().version().number();
        RulesVersions.Version a = versions.createDraft("规则甲", "改门槛");
        RulesVersions.Version b = versions.createDraft("规则丙", "改条件");
        String th = versions.files(a.id()).get(THRESHOLDS);
        a = versions.saveFile(a.id(), "规则甲", THRESHOLDS, replace(th, "逾期宽限天数,,0,整数", "逾期宽限天数,,1,整数"));
        String cond = versions.files(b.id()).get(CONDITIONS);
        String bText = replace(cond, "办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,80,");
        b = versions.saveFile(b.id(), "规则丙", CONDITIONS, bText);
        RulesVersions.Version pa = versions.publish(a.id(), "审核乙", "宽限一天");

        long bid = b.id();
        RulesVersions.Refused r = assertThrows(RulesVersions.Refused.class, () -> versions.publish(bid, "审核乙", "门槛 80"));
        assertTrue(r.conflict());
        assertTrue(r.getMessage().contains("基于第 " + base + " 版起草，但此后 审核乙 已于"), r.getMessage());
        assertTrue(r.getMessage().contains("发布了" + pa.label()), r.getMessage());
        assertEquals(List.of(), r.overlap(), "改的是不同的文件");
        RulesVersions.Version still = versions.version(bid);
        assertTrue(still.draft());
        assertEquals(bText, versions.files(bid).get(CONDITIONS), "草稿原样保留");

        RulesVersions.Reapplied re = versions.reapply(bid, "规则丙");
        assertEquals(List.of(), re.clashes());
        Map<String, String> merged = versions.files(re.draft().id());
        assertTrue(merged.get(THRESHOLDS).contains("逾期宽限天数,,1,整数"));
        assertTrue(merged.get(CONDITIONS).contains("办结工单较多,实办数,≥,80,"));
        assertEquals(pa.id(), re.draft().baseId());
        versions.publish(re.draft().id(), "审核乙", "门槛 80（在新版上重做）");

        // 同一张表的不同行：照样合并；同一格改得不同：说清冲突在哪一格
        RulesVersions.Version c = versions.createDraft("规则甲", null);
        RulesVersions.Version d = versions.createDraft("规则丙", null);
        String t0 = versions.files(c.id()).get(THRESHOLDS);
        versions.saveFile(c.id(), "规则甲", THRESHOLDS, replace(t0, "逾期宽限天数,,1,整数", "逾期宽限天数,,2,整数"));
        versions.saveFile(d.id(), "规则丙", THRESHOLDS, replace(t0, "逾期宽限天数,,1,整数", "逾期宽限天数,,3,整数"));
        versions.publish(c.id(), "审核乙", "宽限两天");
        long did = d.id();
        RulesVersions.Refused r2 = assertThrows(RulesVersions.Refused.class, () -> versions.publish(did, "审核乙", "三天"));
        assertTrue(r2.getMessage().contains("thresholds.csv的 参数“逾期宽限天数”（渠道：全部）"), r2.getMessage());
        RulesVersions.Reapplied clash = versions.reapply(did, "规则丙");
        assertNull(clash.draft());
        assertEquals(List.of("thresholds.csv：参数“逾期宽限天数”（渠道：全部） 的“值”：原为“1”，已发布的版本改为“2”，本草稿改为“3”"),
                clash.clashes());
    }

    @Test
    @Order(4)
    void typeErrorsAreSavedButCannotBePublished() {
        RulesVersions.Version d = versions.createDraft("规则甲", null);
        String th = versions.files(d.id()).get(THRESHOLDS);
        d = versions.saveFile(d.id(), "规则甲", THRESHOLDS, th.replaceFirst("逾期宽限天数,,\\d,整数", "逾期宽限天数,,五,整数"));
        assertFalse(d.checkOk());
        assertTrue(d.checkErrors().stream().anyMatch(e -> e.contains("第 2 行第 3 列") && e.contains("“五”不是整数")),
                d.checkErrors().toString());
        assertTrue(versions.files(d.id()).get(THRESHOLDS).contains("逾期宽限天数,,五,整数"), "有错也保存");
        long id = d.id();
        RulesVersions.Refused r = assertThrows(RulesVersions.Refused.class, () -> versions.publish(id, "审核乙", "试试"));
        assertTrue(r.getMessage().contains("没有通过规则检查"), r.getMessage());
        versions.abandon(id, "规则甲");
        assertEquals(RulesVersions.ABANDONED, versions.version(id).state());
    }

    @Test
    @Order(5)
    void anEarlierVersionIsRestoredAsANewDraftAndPublished() {
        RulesVersions.Version v1 = versions.byNumber(1).orElseThrow();
        RulesVersions.Version d = versions.restore(v1.id(), "规则甲");
        assertTrue(d.draft());
        assertEquals(versions.files(v1.id()), versions.files(d.id()));
        assertEquals(v1.fingerprint(), d.fingerprint());
        RulesVersions.Version p = versions.publish(d.id(), "审核乙", "回到第 1 版");
        assertEquals(p.id(), versions.current().version().id());
        assertEquals(p.id(), versions.publishedWithFingerprint(TestSupport.rules().fingerprint()).orElseThrow().id(),
                "同样内容的版本中取最新发布的");
    }

    @Test
    @Order(6)
    void twoApproversPublishingDraftsFromTheSameBaseAtOnceExactlyOneWins() throws Exception {
        RulesVersions.Version a = versions.createDraft("规则甲", null);
        RulesVersions.Version b = versions.createDraft("规则丙", null);
        String th = versions.files(a.id()).get(THRESHOLDS);
        versions.saveFile(a.id(), "规则甲", THRESHOLDS, th.replaceFirst("逾期宽限天数,,\\d,整数", "逾期宽限天数,,4,整数"));
        versions.saveFile(b.id(), "规则丙", THRESHOLDS, th.replaceFirst("逾期宽限天数,,\\d,整数", "逾期宽限天数,,5,整数"));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (long id : List.of(a.id(), b.id())) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        versions.publish(id, "审核乙", "同时发布");
                        return "发布";
                    } catch (RulesVersions.Refused e) {
                        return e.conflict() ? "冲突" : e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (var f : results) {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(outcomes);
            assertEquals(List.of("冲突", "发布"), outcomes);
        } finally {
            pool.shutdownNow();
        }
        long published = List.of(a, b).stream().filter(v -> versions.version(v.id()).published()).count();
        assertEquals(1, published);
    }
}
