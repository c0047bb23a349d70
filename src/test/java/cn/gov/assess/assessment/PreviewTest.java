package cn.gov.assess.assessment;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;

import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 预览规则草稿（issue 15 的验收例）：镇街名额 3 → 5，2021-Q4 的演示数据上 12345 热线的名单新进 天度镇、县长信箱的名单新进
 * 并列第 5 的 召公镇 与 杏林镇（还有第 4 名 午井镇），通报全文里这些名字标为新增；与现行规则相同的草稿“没有变化”；
 * DRL 写错的草稿只给中文错误、没有结果；预览前后数据库的每张表逐行相同。
 */
class PreviewTest {
    static Database db;
    static RuleSet base;
    static final Period Q = Period.parse("2021-Q4");

    @BeforeAll
    static void setUp() {
        db = TestSupport.memoryDb();
        base = TestSupport.rules();
        new Importer(db, base).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        new AssessPeriod(db).assessAndSave(Q, Q.defaultCutoff(), base);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** 复制规则目录，把“按期办结且办理较好”的名额改为 镇街 5、部门 3。 */
    static Path quotaFive(Path dir) throws IOException {
        TestSupport.copyRules(dir);
        Path lists = dir.resolve("名单.csv");
        String text = Files.readString(lists, StandardCharsets.UTF_8);
        assertTrue(text.contains("镇街 3、部门 3"), "名单.csv 的写法变了，测试要跟着改");
        Files.writeString(lists, text.replace("镇街 3、部门 3", "镇街 5、部门 3"), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void quotaFiveShowsNewTownsEntering() throws Exception {
        Map<String, Long> before = counts(db);
        String dumpBefore = TestSupport.dump(db, true);
        Long latestBefore = new RunStore(db).latestRunId();

        Preview.Outcome o = Preview.run(db, base, RuleSet.load(quotaFive(Files.createTempDirectory("preview-draft"))), Q, null);
        assertTrue(o.ok(), String.join("\n", o.errors()));
        Preview.Result r = o.result();
        assertFalse(r.unchanged());
        assertEquals(1369, r.assignments());
        assertEquals(List.of("名单.csv：名单“按期办结且办理较好” 的“名额”由“镇街 3、部门 3”改为“镇街 5、部门 3”"), r.ruleFiles());

        Preview.ListChange hotline = list(r, "12345市民热线");
        assertEquals(List.of("天度镇"), hotline.entering().stream().map(Preview.Member::unit).toList());
        assertEquals(List.of(), hotline.leaving());
        assertEquals(List.of("绛帐镇", "杏林镇", "段家镇", "天度镇", "县市场监管局", "县城管执法局", "县卫健局"), hotline.after());
        assertEquals(4, hotline.entering().get(0).position());
        assertTrue(hotline.entering().get(0).reason().contains("镇街第 4 名，取前 5 名（实办数 22）"), hotline.entering().get(0).reason());

        Preview.ListChange mailbox = list(r, "县长信箱");
        // 召公镇、杏林镇并列第 5（各 3 件），与末位并列的一并入选
        assertEquals(List.of("午井镇", "召公镇", "杏林镇"), mailbox.entering().stream().map(Preview.Member::unit).toList());
        assertEquals(List.of(5, 5), mailbox.entering().subList(1, 3).stream().map(Preview.Member::rank).toList());
        assertEquals(List.of(), mailbox.leaving());
        assertEquals(2, r.lists().size());

        // 单位变化：新进入的单位有名单一行；部门只是位次顺延，不列
        assertTrue(r.units().stream().anyMatch(u -> u.unit().equals("天度镇") && u.kind().equals("名单") && u.what().startsWith("新进入")),
                r.units().toString());
        assertTrue(r.units().stream().noneMatch(u -> u.unit().equals("县市场监管局")), r.units().toString());
        assertTrue(r.units().stream().noneMatch(u -> u.kind().equals("数字")), "只改了名额，数字不该变：" + r.units());

        // 通报全文：名字标为新增，没有删去的字
        assertEquals("通报.md", r.notice().file());
        List<String> inserted = r.notice().lines().stream().flatMap(l -> l.segments().stream()).filter(Preview.Segment::inserted)
                .map(Preview.Segment::text).toList();
        assertEquals(List.of("天度镇、", "、午井镇、召公镇、杏林镇"), inserted);
        assertTrue(r.notice().lines().stream().flatMap(l -> l.segments().stream()).noneMatch(Preview.Segment::deleted));
        assertEquals(2, r.notice().changedLines());
        // 未变的行照原样都在（全文）
        assertTrue(r.notice().lines().size() > 50, "全文应有全部行：" + r.notice().lines().size());

        List<String> text = Preview.text(o, false);
        assertTrue(text.contains("    新进入  天度镇（第 4 位）：" + hotline.entering().get(0).reason()), String.join("\n", text));
        assertTrue(text.stream().anyMatch(l -> l.contains("绛帐镇、杏林镇、段家镇、【+天度镇、】县市场监管局")), String.join("\n", text));

        // 预览不写库：每张表的行数与内容都不变，默认运行不变
        assertEquals(before, counts(db));
        assertEquals(dumpBefore, TestSupport.dump(db, true));
        assertEquals(latestBefore, new RunStore(db).latestRunId());
    }

    /** 名额减为镇街 2：第 3 名离开名单，理由是名次在名额之外；通报里它的名字标为删去。 */
    @Test
    void quotaTwoShowsLeavers() throws Exception {
        Path dir = TestSupport.copyRules(Files.createTempDirectory("preview-two"));
        Path lists = dir.resolve("名单.csv");
        Files.writeString(lists, Files.readString(lists, StandardCharsets.UTF_8).replace("镇街 3、部门 3", "镇街 2、部门 3"),
                StandardCharsets.UTF_8);
        Preview.Outcome o = Preview.run(db, base, RuleSet.load(dir), Q, null);
        assertTrue(o.ok(), String.join("\n", o.errors()));
        Preview.ListChange hotline = list(o.result(), "12345市民热线");
        assertEquals(List.of(), hotline.entering());
        assertEquals(List.of("段家镇"), hotline.leaving().stream().map(Preview.Member::unit).toList());
        assertEquals(3, hotline.leaving().get(0).position());
        assertEquals("镇街第 3 名，取前 2 名（实办数 33），在名额之外", hotline.leaving().get(0).reason());
        assertTrue(o.result().notice().lines().stream().flatMap(l -> l.segments().stream())
                .anyMatch(s -> s.deleted() && s.text().contains("段家镇")), "通报里段家镇应标为删去");
        assertTrue(Preview.text(o, false).contains("    不再列入  段家镇（原第 3 位）：镇街第 3 名，取前 2 名（实办数 33），在名额之外"),
                String.join("\n", Preview.text(o, false)));
    }

    @Test
    void identicalDraftHasNoChanges() throws Exception {
        Path dir = TestSupport.copyRules(Files.createTempDirectory("preview-same"));
        Preview.Outcome o = Preview.run(db, base, RuleSet.load(dir), Q, Q.end().atTime(23, 59, 59));
        assertTrue(o.ok(), String.join("\n", o.errors()));
        assertTrue(o.result().unchanged(), o.result().units() + " " + o.result().lists());
        assertEquals(List.of(), o.result().ruleFiles());
        assertEquals(0, o.result().notice().changedLines());
        assertTrue(Preview.text(o, false).stream().anyMatch(l -> l.contains("没有变化")), String.join("\n", Preview.text(o, false)));
    }

    @Test
    void brokenDraftGivesChineseErrorsAndNoResult() throws Exception {
        Path dir = TestSupport.copyRules(Files.createTempDirectory("preview-broken"));
        Files.writeString(dir.resolve("50-名单.drl"), "\nrule \"坏规则\"\nwhen\n  Tally( handeld > 1 )\nthen\nend\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Map<String, Long> before = counts(db);
        Preview.Outcome o = Preview.run(db, base, RuleSet.load(dir), Q, null);
        assertFalse(o.ok());
        assertNull(o.result());
        assertTrue(o.errors().get(0).startsWith("草稿未通过检查，不能预览"), o.errors().toString());
        assertTrue(o.errors().stream().anyMatch(e -> e.contains("50-名单.drl") && e.contains("handeld")), o.errors().toString());
        assertEquals(o.errors(), Preview.text(o, false));
        assertEquals(before, counts(db));
    }

    @Test
    void brokenTemplateGivesChineseErrors() throws Exception {
        Path dir = TestSupport.copyRules(Files.createTempDirectory("preview-template"));
        Path t = dir.resolve("templates/12345市民热线.ftl");
        Files.writeString(t, Files.readString(t, StandardCharsets.UTF_8) + "${handeld}", StandardCharsets.UTF_8);
        Preview.Outcome o = Preview.run(db, base, RuleSet.load(dir), Q, null);
        assertFalse(o.ok());
        assertTrue(o.errors().stream().anyMatch(e -> e.contains("12345市民热线.ftl") && e.contains("没有变量“handeld”")),
                o.errors().toString());
    }

    static Preview.ListChange list(Preview.Result r, String channel) {
        return r.lists().stream().filter(l -> l.channel().equals(channel) && l.list().equals("按期办结且办理较好")).findFirst()
                .orElseThrow(() -> new AssertionError("没有 " + channel + " 的名单变化：" + r.lists()));
    }

    /** 每张表的行数。 */
    static Map<String, Long> counts(Database db) {
        return db.read(conn -> {
            Map<String, Long> out = new TreeMap<>();
            List<String> tables = new java.util.ArrayList<>();
            try (var rs = conn.getMetaData().getTables(null, conn.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String t : tables) {
                try (var st = conn.createStatement(); var rs = st.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
            return out;
        });
    }
}
