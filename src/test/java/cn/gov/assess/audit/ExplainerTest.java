package cn.gov.assess.audit;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain：表扬的、差一点的、被否决的、没有工单的单位；旧运行按旧规则解释；新加的规则无需改 Java 即可解释。 */
class ExplainerTest {
    static final Period Q4 = Period.parse("2021-Q4");
    static Database db;
    static RunStore store;
    static long run1;

    @BeforeAll
    static void setUp() {
        db = TestSupport.memoryDb();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        store = new RunStore(db);
        run1 = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Explainer.ListVerdict verdict(Explainer.UnitExplanation u, String scope, String list) {
        return u.lists().stream().filter(v -> v.scope().equals(scope) && v.list().equals(list)).findFirst().orElseThrow();
    }

    @Test
    void commendedUnitShowsRuleRankAndThreshold() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "绛帐镇", null, false);
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
        assertTrue(v.on());
        assertEquals("名单.csv：按期办结且办理较好：入选", v.rule());
        assertTrue(v.reason().contains("实办数 91，要求 ≥ 1") && v.reason().contains("镇街第 1 名，取前 3 名"), v.reason());
        assertEquals(1, v.placing().getPlace());
        assertTrue(v.checks().stream().allMatch(c -> c.passed()), v.checks().toString());
    }

    @Test
    void nearMissNamesTheFailedConditionWithValueAndThreshold() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "县人社局", "12345市民热线", true);
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
        assertEquals(List.of("规则“名单.csv：按期办结且办理较好：逐项比较”：逾期办结件数 3，要求 = 0，不成立"), v.why());
        List<Map<String, String>> late = u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).toList();
        assertEquals(3, late.size());
        assertEquals(75, u.orders().size());
        assertEquals("96%", u.figures().get(0).get("按期办结率"));
    }

    @Test
    void unitCutByTheQuotaSaysItsPlaceInPlainWords() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "县医保局", "12345市民热线", false);
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
        assertTrue(!v.on());
        assertEquals(1, v.why().size(), v.why().toString());
        assertTrue(v.why().get(0).contains("部门第 4 名，取前 3 名") && v.why().get(0).contains("因名额未入选")
                && v.why().get(0).contains("最后入选的是 县卫健局（第 3 名"), v.why().get(0));
    }

    @Test
    void listExplanationNamesTheLastMemberAndWhoWasCutByTheQuota() {
        Explainer.ListExplanation l = cn.gov.assess.assessment.StoredRuns.explainer(db).explainList(store.load(run1), "按期办结且办理较好", "12345市民热线");
        List<Map<String, String>> towns = l.members().stream().filter(m -> m.get("分组").equals("镇街")).toList();
        assertEquals("段家镇", towns.get(towns.size() - 1).get("单位"));
        assertEquals("3", towns.get(towns.size() - 1).get("名次"));
        assertEquals("天度镇", l.nearMisses().get(0).get("单位"), l.nearMisses().toString());
        assertEquals("4", l.nearMisses().get(0).get("名次"));
        Map<String, String> firstDepartment = l.nearMisses().stream().filter(m -> m.get("分组").equals("部门")).findFirst().orElseThrow();
        assertEquals("县医保局", firstDepartment.get("单位"));
        assertEquals("4", firstDepartment.get("名次"));
        assertTrue(l.nearMisses().stream().noneMatch(m -> m.get("单位").equals("法门镇")), "法门镇有逾期，不是因名额未入选");
    }

    @Test
    void disqualifiedUnitNamesTheOrderThatCausedIt() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "县住建局", "县长信箱", false);
        Explainer.ListVerdict v = verdict(u, "县长信箱", "按期办结且办理较好");
        assertTrue(!v.on());
        assertTrue(v.why().stream().anyMatch(w -> w.contains("一票否决 1，要求 = 0，不成立") && w.contains("工单 RX")), v.why().toString());
        assertEquals(1, u.disqualifications().size());
        assertTrue(u.disqualifications().get(0).contains("12345市民热线 逾期未办件数 1"), u.disqualifications().get(0));
    }

    @Test
    void thirtyFourOrdersMakeTheOverdueCompletedFigure() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "县住建局", "12345市民热线", true);
        assertEquals(34, u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).count());
        assertTrue(u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).allMatch(o -> Integer.parseInt(o.get("逾期天数")) >= 1));
        assertEquals(1, u.orders().stream().filter(o -> o.get("分类").equals("逾期未办")).count());
    }

    @Test
    void unitWithNoOrdersIsOutsideTheChannelsLists() {
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(store.load(run1), "县审计局", "12345市民热线", false);
        assertTrue(u.figures().isEmpty());
        assertTrue(u.lists().isEmpty(), "没有转办的单位不在该渠道名单的考核范围：" + u.lists());
    }

    @Test
    void oldRunIsExplainedWithTheMonitoringRecordsItSaw(@TempDir Path tmp) throws IOException {
        try (Database own = TestSupport.memoryDb()) {
            new Importer(own, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore s = new RunStore(own);
            long id = new AssessPeriod(own).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
            Path extra = tmp.resolve("补录.csv");
            Files.writeString(extra, "监测日期,单位名称,栏目未更新天数,空白栏目数,超三个月未回复留言数,网站可访问,新发布信息数\n"
                    + "2021-12-25,县人社局,1,0,0,是,10\n");
            new Importer(own, TestSupport.rules()).importPaths(List.of(extra));
            Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(own).explainUnit(s.load(id), "县人社局", "政府网站", false);
            assertEquals(List.of("规则“信息保障好（政府网站）：逐项比较”：新发布信息数 15，要求 ≥ 60，不成立"),
                    verdict(u, "政府网站", "信息保障好").why());
        }
    }

    @Test
    void aRunStoredBeforeReasonsWereRecordedSaysSoPlainly() {
        try (Database own = TestSupport.memoryDb()) {
            new Importer(own, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore s = new RunStore(own);
            long id = new AssessPeriod(own).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
            // V13 之前保存的运行没有 run_justification 的行
            own.sessions().inStatelessTransaction(ss -> ss.createNativeMutationQuery("delete from run_justification where run_id = " + id)
                    .executeUpdate());
            Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(own).explainUnit(s.load(id), "县医保局", "12345市民热线", false);
            assertTrue(!u.recorded());
            Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
            assertEquals(List.of(Explainer.PREDATES), v.why());
            Explainer.UnitExplanation member = cn.gov.assess.assessment.StoredRuns.explainer(own).explainUnit(s.load(id), "绛帐镇", "12345市民热线", false);
            assertTrue(verdict(member, "12345市民热线", "按期办结且办理较好").on(), "名单成员仍照旧说明");
        }
    }

    @Test
    void oldRunKeepsItsOldReasonsAndANewRuleIsExplainedWithoutJava(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path table = copy.resolve("thresholds.csv");
        Path conditions = copy.resolve("名单条件.csv");
        Files.writeString(conditions, Files.readString(conditions).replace("办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,80,"));
        Files.writeString(table, Files.readString(table)
                + "约谈.逾期件数,,10,整数,各渠道逾期件数合计达到此数的单位列入约谈名单\n");
        // 工作人员新加的规则，写法不寻常：function、or、跨渠道 accumulate，在后果里判断并记下比较
        Files.writeString(copy.resolve("90-约谈.drl"), """
                package rules.extra

                import cn.gov.assess.facts.Tally
                import cn.gov.assess.facts.UnitInfo
                import cn.gov.assess.facts.ListEntry
                import cn.gov.assess.facts.Evaluation
                import cn.gov.assess.facts.Parameters

                function boolean summoned(int late, int threshold) {
                    return late >= threshold;
                }

                // 约谈：各渠道逾期件数（逾期办结 + 逾期未办）合计达到门槛的镇街和部门
                rule "约谈：逾期件数合计达到门槛"
                when
                    $p : Parameters()
                    $u : UnitInfo( group != null, $uid : id )
                    ( Tally( channel == "12345市民热线", unitId == $uid ) or Tally( channel == "县长信箱", unitId == $uid ) )
                    accumulate( Tally( unitId == $uid, $n : overdueCompleted, $m : overdueUnhandled ); $late : sum($n + $m) )
                then
                    int late = ((Number) $late).intValue();
                    insertLogical(Evaluation.of(drools.getRule().getName(), "约谈", "全部渠道", $u)
                        .check("逾期件数合计", late, "≥", $p.number("约谈.逾期件数")));
                    if (summoned(late, $p.number("约谈.逾期件数"))) {
                        insertLogical(new ListEntry("约谈", "全部渠道", $u, late, 0, drools.getRule().getName(), "逾期件数合计 " + late));
                    }
                end
                """);
        long run2 = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), RuleSet.load(copy)).runId();
        Explainer e = cn.gov.assess.assessment.StoredRuns.explainer(db);
        Explainer.UnitExplanation old = e.explainUnit(store.load(run1), "县卫健局", "12345市民热线", false);
        assertTrue(verdict(old, "12345市民热线", "办结工单较多").on());
        assertEquals("实办数 52，要求 ≥ 50", verdict(old, "12345市民热线", "办结工单较多").reason());
        Explainer.UnitExplanation now = e.explainUnit(store.load(run2), "县卫健局", "12345市民热线", false);
        assertEquals(List.of("规则“名单.csv：办结工单较多：逐项比较”：实办数 52，要求 ≥ 80，不成立"), verdict(now, "12345市民热线", "办结工单较多").why());

        RunStore.StoredRun stored = store.load(run2);
        for (String name : List.of("县住建局", "县人社局", "法门镇")) {
            Explainer.UnitExplanation u = e.explainUnit(stored, name, "全部渠道", false);
            long unitId = stored.tallies().stream().filter(t -> t.getUnitLabel().equals(name) || name.equals(t.getUnitLabel()))
                    .findFirst().orElseThrow().getUnitId();
            int late = stored.tallies().stream().filter(t -> java.util.Objects.equals(t.getUnitId(), unitId))
                    .mapToInt(t -> t.toTally().getOverdueCompleted() + t.toTally().getOverdueUnhandled()).sum();
            Explainer.ListVerdict v = verdict(u, "全部渠道", "约谈");
            assertEquals(late >= 10, v.on(), name + " 逾期 " + late);
            assertEquals(1, v.checks().size(), v.checks().toString());
            assertEquals(String.valueOf(late), v.checks().get(0).value(), name);
            if (!v.on()) {
                assertEquals(List.of("规则“约谈：逾期件数合计达到门槛”：逾期件数合计 " + late + "，要求 ≥ 10，不成立"), v.why());
            }
        }
        assertTrue(verdict(e.explainUnit(stored, "县住建局", "全部渠道", false), "全部渠道", "约谈").on());
        assertTrue(!verdict(e.explainUnit(stored, "县人社局", "全部渠道", false), "全部渠道", "约谈").on());
    }

    /** 单位看的说法：用名单条件.csv 的“说明”说成句子，不写规则文件名与规则名。 */
    @Test
    void plainWordsUseTheConditionsOwnDescription() {
        RunStore.StoredRun stored = store.load(run1);
        Explainer.UnitExplanation u = cn.gov.assess.assessment.StoredRuns.explainer(db).explainUnit(stored, "县人社局", null, false);
        PlainWords plain = PlainWords.of(stored.rules());
        assertEquals(List.of("未达到“全部按期办结：没有逾期办结”：本单位逾期办结件数 3，要求 = 0"),
                plain.why(verdict(u, "12345市民热线", "按期办结且办理较好")));
        assertEquals(List.of("列在第 6 位：实办数 75，要求 ≥ 50"), plain.why(verdict(u, "12345市民热线", "办结工单较多")));
        for (Explainer.ListVerdict v : u.lists()) {
            plain.why(v).forEach(w -> assertTrue(!w.contains("规则“") && !w.contains(".csv"), w));
        }
    }

    /** 差一点入选：只差一项、相差不超过参数“名单.差一点.相差”（要求值的 20%），按相差从小到大；实办 1 对 ≥ 80 不算。 */
    @Test
    void nearMissesOfAThresholdListAreCloseAndSortedByCloseness(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path conditions = copy.resolve("名单条件.csv");
        Files.writeString(conditions, Files.readString(conditions).replace("办结工单较多,实办数,≥,50,实办数不少于 50 件", "办结工单较多,实办数,≥,80,实办数不少于 80 件"));
        long run = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), RuleSet.load(copy)).runId();
        Explainer.ListExplanation l = cn.gov.assess.assessment.StoredRuns.explainer(db).explainList(store.load(run), "办结工单较多",
                "12345市民热线");
        assertTrue(!l.nearMisses().isEmpty(), "实办 64–79 的单位差一点");
        int previous = Integer.MAX_VALUE;
        for (Map<String, String> m : l.nearMisses()) {
            String reason = m.get("原因");
            assertTrue(reason.startsWith("只差一项：实办数 ") && reason.endsWith("，要求 ≥ 80"), reason);
            int value = Integer.parseInt(reason.replaceAll("只差一项：实办数 (\\d+)，.*", "$1"));
            assertTrue(value >= 64 && value < 80, reason);
            assertEquals("只差一项：未达到“实办数不少于 80 件”，本单位实办数 " + value + "，要求 ≥ 80", m.get("白话"),
                    "网页的一句引条件自己的说明，不写文件名");
            assertTrue(value <= previous, "相差小的在前：" + l.nearMisses());
            previous = value;
        }
        assertTrue(l.nearMisses().stream().noneMatch(m -> m.get("单位").equals("县卫健局")), "实办 52 对 ≥ 80 相差 35%，不算差一点");
    }
}
