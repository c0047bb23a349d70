package cn.gov.assess.audit;

import cn.gov.assess.TestSupport;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.rules.RuleSet;
import cn.gov.assess.workorder.Importer;
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
        run1 = store.assessAndSave(new Assessor(db), Q4, Q4.end().atTime(23, 59, 59), TestSupport.rules()).runId();
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
        Explainer.UnitExplanation u = new Explainer(db).explainUnit(store.load(run1), "绛帐镇", null, false);
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
        assertTrue(v.on());
        assertEquals("按期办结且办理较好：镇街、部门各取前若干名", v.rule());
        assertTrue(v.reason().contains("实办数 91，镇街第 1 名，取前 3 名"), v.reason());
    }

    @Test
    void nearMissNamesTheFailedConditionWithValueAndThreshold() {
        Explainer.UnitExplanation u = new Explainer(db).explainUnit(store.load(run1), "县人社局", "12345市民热线", true);
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "按期办结且办理较好");
        assertEquals(List.of("规则“按期办结且办理较好：候选”：逾期办结件数 3，要求为 0"), v.why());
        List<Map<String, String>> late = u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).toList();
        assertEquals(3, late.size());
        assertEquals(75, u.orders().size());
        assertEquals("96%", u.figures().get(0).get("按期办结率"));
    }

    @Test
    void disqualifiedUnitNamesTheOrderThatCausedIt() {
        Explainer.UnitExplanation u = new Explainer(db).explainUnit(store.load(run1), "县住建局", "县长信箱", false);
        Explainer.ListVerdict v = verdict(u, "县长信箱", "按期办结且办理较好");
        assertTrue(!v.on());
        assertEquals(1, v.why().size(), v.why().toString());
        assertTrue(v.why().get(0).contains("存在一票否决：12345市民热线 逾期未办 1 件") && v.why().get(0).contains("工单 RX"), v.why().get(0));
        assertEquals(1, u.disqualifications().size());
    }

    @Test
    void thirtyFourOrdersMakeTheOverdueCompletedFigure() {
        Explainer.UnitExplanation u = new Explainer(db).explainUnit(store.load(run1), "县住建局", "12345市民热线", true);
        assertEquals(34, u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).count());
        assertTrue(u.orders().stream().filter(o -> o.get("分类").equals("逾期办结")).allMatch(o -> Integer.parseInt(o.get("逾期天数")) >= 1));
        assertEquals(1, u.orders().stream().filter(o -> o.get("分类").equals("逾期未办")).count());
    }

    @Test
    void unitWithNoOrdersSaysSo() {
        Explainer.UnitExplanation u = new Explainer(db).explainUnit(store.load(run1), "县审计局", "12345市民热线", false);
        assertTrue(u.figures().isEmpty());
        Explainer.ListVerdict v = verdict(u, "12345市民热线", "办结工单较多");
        assertEquals(List.of("规则“办结工单较多：实办数达到门槛”：没有该单位的汇总（本渠道没有转办）"), v.why());
    }

    @Test
    void oldRunIsExplainedWithTheMonitoringRecordsItSaw(@TempDir Path tmp) throws IOException {
        try (Database own = TestSupport.memoryDb()) {
            new Importer(own, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore s = new RunStore(own);
            long id = s.assessAndSave(new Assessor(own), Q4, Q4.end().atTime(23, 59, 59), TestSupport.rules()).runId();
            Path extra = tmp.resolve("补录.csv");
            Files.writeString(extra, "监测日期,单位名称,栏目未更新天数,空白栏目数,超三个月未回复留言数,网站可访问,新发布信息数\n"
                    + "2021-12-25,县人社局,1,0,0,是,10\n");
            new Importer(own, TestSupport.rules()).importPaths(List.of(extra));
            Explainer.UnitExplanation u = new Explainer(own).explainUnit(s.load(id), "县人社局", "政府网站", false);
            assertEquals(List.of("规则“信息保障好（政府网站）：全部合格且发布较多”：新发布信息数合计 15，要求 ≥ 60"),
                    verdict(u, "政府网站", "信息保障好").why());
        }
    }

    @Test
    void listExplanationShowsMembersAndNearMisses() {
        Explainer.ListExplanation l = new Explainer(db).explainList(store.load(run1), "按期办结且办理较好", "县长信箱");
        assertEquals(List.of("法门镇", "绛帐镇", "城关街道办", "县教体局", "县市场监管局", "县人社局"),
                l.members().stream().map(m -> m.get("单位")).toList());
        assertTrue(l.nearMisses().stream().anyMatch(m -> m.get("单位").equals("县医保局") && m.get("原因").contains("部门第 4 名")),
                l.nearMisses().toString());
    }

    @Test
    void oldRunKeepsItsOldReasonsAndANewRuleIsExplainedWithoutJava(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path table = copy.resolve("thresholds.csv");
        Files.writeString(table, Files.readString(table).replace("办结工单较多.最低实办数,,50,", "办结工单较多.最低实办数,,80,")
                + "零逾期大户.最低实办数,,30,整数,新名单的门槛\n");
        Files.writeString(copy.resolve("90-新名单.drl"), """
                package rules.extra

                import cn.gov.assess.facts.Tally
                import cn.gov.assess.facts.UnitInfo
                import cn.gov.assess.facts.ListEntry
                import cn.gov.assess.rules.Parameters

                // 新名单：12345 没有逾期、实办数达到门槛
                rule "零逾期大户：无逾期且实办较多"
                when
                    $p : Parameters()
                    $t : Tally( channel == "12345市民热线", unitId != null, $uid : unitId, overdueCompleted == 0,
                                handled >= $p.number("零逾期大户.最低实办数") )
                    $u : UnitInfo( id == $uid, group != null )
                then
                    insertLogical(new ListEntry("零逾期大户", "12345市民热线", $u, $t.getHandled(), 0, drools.getRule().getName(),
                        "实办数 " + $t.getHandled()));
                end
                """);
        long run2 = store.assessAndSave(new Assessor(db), Q4, Q4.end().atTime(23, 59, 59), RuleSet.load(copy)).runId();
        Explainer e = new Explainer(db);
        Explainer.UnitExplanation old = e.explainUnit(store.load(run1), "县卫健局", "12345市民热线", false);
        assertTrue(verdict(old, "12345市民热线", "办结工单较多").on());
        assertEquals("实办数 52，要求不少于 50", verdict(old, "12345市民热线", "办结工单较多").reason());
        Explainer.UnitExplanation now = e.explainUnit(store.load(run2), "县卫健局", "12345市民热线", false);
        assertEquals(List.of("规则“办结工单较多：实办数达到门槛”：实办数 52，要求 ≥ 80"), verdict(now, "12345市民热线", "办结工单较多").why());
        assertTrue(verdict(now, "12345市民热线", "零逾期大户").on());
        Explainer.UnitExplanation hrss = e.explainUnit(store.load(run2), "县人社局", "12345市民热线", false);
        assertEquals(List.of("规则“零逾期大户：无逾期且实办较多”：逾期办结件数 3，要求为 0"), verdict(hrss, "12345市民热线", "零逾期大户").why());
    }
}
