package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 模板模型：单位的各项数字（按中文名）、名单成员的取值与名次、指标，都能在模板里取到。 */
class TemplateModelTest {
    static final Period Q4 = Period.parse("2021-Q4");

    /** 手工造的运行：县人社局 12345 应办 25、实办 24（办结率 96%），名单上第 2 名。 */
    static RunStore.StoredRun handMade() {
        AssessmentRun run = new AssessmentRun(Q4, Q4.end().atTime(23, 59, 59), Q4.end().atTime(23, 59, 59), "f", "d", 30, 40);
        Tally total = new Tally("12345市民热线", null);
        total.restore(30, 28, 2, 3, 1, 1, 7, "", "");
        Tally hr = new Tally("12345市民热线", 7L);
        hr.restore(25, 24, 1, 2, 1, 0, 5, "2021-10=3", "R1");
        Tally town = new Tally("12345市民热线", 8L);
        town.restore(0, 0, 0, 0, 0, 0, 0, "", "");
        UnitInfo hrUnit = new UnitInfo(7, "县人社局", "部门", 30);
        hrUnit.setGroup("部门");
        UnitInfo other = new UnitInfo(9, "县住建局", "部门", 31);
        other.setGroup("部门");
        List<RunListEntry> lists = List.of(
                new RunListEntry(null, new ListEntry("按期办结且办理较好", "12345市民热线", other, 40, 1, "规则甲", "理由"), "县住建局", 1),
                new RunListEntry(null, new ListEntry("按期办结且办理较好", "12345市民热线", hrUnit, 24, 2, "规则甲", "理由"), "县人社局", 2));
        return new RunStore.StoredRun(run, List.of(new RunTally(null, total, "合计", Integer.MAX_VALUE),
                new RunTally(null, hr, "县人社局", 30), new RunTally(null, town, "法门镇", 1)), lists, List.of(), List.of(),
                List.of(), Map.of(), TestSupport.rules().files(), List.of());
    }

    static String render(String template, Map<String, Object> model) {
        RuleSet rules = RuleSet.fromSnapshot("测试", Map.of("t.ftl", template));
        return Templates.render(Templates.configuration(rules), rules, "t.ftl", "模板", new HashMap<>(model));
    }

    @Test
    void aUnitsCompletionRateAndListRanksAreThere() {
        Map<String, Object> m = TemplateModel.of(handMade()).forChannel("12345市民热线");
        assertEquals("96%", render("${单位[\"县人社局\"].数字[\"办结率\"]}", m));
        assertEquals("0.96", render("${单位[\"县人社局\"].数值[\"办结率\"]}", m));
        assertEquals("91.67%", render("${单位[\"县人社局\"].数字[\"按期办结率\"]}", m), "(24 − 2) / 24");
        assertEquals("是", render("<#if 单位[\"县人社局\"].数值[\"办结率\"] < 0.97>是</#if>", m));
        assertEquals("—", render("${单位[\"法门镇\"].数字[\"办结率\"]}", m), "应办为 0：印成—");
        assertEquals("无", render("${(单位[\"法门镇\"].数值[\"办结率\"])!\"无\"}", m), "应办为 0：数值里没有这一项");
        assertEquals("县住建局第1名40件、县人社局第2名24件", render(
                "<#list 名单[\"按期办结且办理较好\"].成员 as x>${x.单位}第${x.名次}名${x.取值}件<#sep>、</#sep></#list>", m));
        assertEquals("2", render("${单位[\"县人社局\"].名次[\"按期办结且办理较好\"]}", m));
        assertEquals("部门：县住建局、县人社局", render(
                "<#list 名单[\"按期办结且办理较好\"].各组 as g, xs>${g}：${xs?map(x -> x.单位)?join(\"、\")}</#list>", m));
        assertEquals("30 28 93.33%", render("${合计.数字[\"应办件数\"]} ${合计.数字[\"实办数\"]} ${合计.数字[\"办结率\"]}", m));
        assertEquals("96%", render("${全部单位[\"县人社局\"].渠道[\"12345市民热线\"].数字[\"办结率\"]}", m));
        assertEquals("0", render("${名单[\"办结工单较多\"].人数}", m), "规则定义了但没有成员的名单是空名单");
    }

    @Test
    void indicatorsPlugInPerChannelAndAcrossChannels() {
        List<IndicatorValue> values = List.of(
                new IndicatorValue("指标：综合得分", "综合得分", null, 7, "部门", new BigDecimal("93.60"), "按期办结率*60 + 办结率*40",
                        List.of(new IndicatorValue.Term("按期办结率", new BigDecimal("0.9167")),
                                new IndicatorValue.Term("办结率", new BigDecimal("0.96"))), ""),
                new IndicatorValue("指标：满意度", "满意得分", "12345市民热线", 7, "部门", null, "满意率*100",
                        List.of(new IndicatorValue.Term("满意率", null)), "已回访件数为 0，按规则不计"));
        Map<String, Object> m = TemplateModel.of(handMade()).withIndicators(values).forChannel("12345市民热线");
        assertEquals("93.60", render("${全部单位[\"县人社局\"].指标[\"综合得分\"].文字}", m));
        assertEquals("是", render("<#if 全部单位[\"县人社局\"].指标[\"综合得分\"].值 gt 90>是</#if>", m));
        assertEquals("按期办结率=0.9167 办结率=0.96", render(
                "<#list 全部指标[\"综合得分\"][0].各项 as t>${t.名称}=${t.文字}<#sep> </#sep></#list>", m));
        assertEquals("—：已回访件数为 0，按规则不计", render(
                "${单位[\"县人社局\"].指标[\"满意得分\"].文字}：${单位[\"县人社局\"].指标[\"满意得分\"].说明}", m));
        assertEquals("县人社局", render("<#list 指标[\"满意得分\"] as v>${v.单位}</#list>", m));
    }

    /** 真实的 2021-Q4 运行：县住建局 12345 按期办结率 (201 − 34) / 201 = 83.08%，与附件 1 一致。 */
    @Test
    void seedRunGivesTheAnnexFigures() {
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore store = new RunStore(db);
            RunStore.StoredRun run = store.load(new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(),
                    TestSupport.rules()).runId());
            Map<String, Object> m = TemplateModel.of(run).forChannel("12345市民热线");
            assertEquals("201 34 83.08%", render("<#assign u = 单位[\"县住建局\"].数字>${u[\"实办数\"]} ${u[\"逾期办结件数\"]} "
                    + "${u[\"按期办结率\"]}", m));
            String listed = render("${名单[\"按期办结且办理较好\"].单位?join(\"、\")}", m);
            assertEquals(render("${lists[\"按期办结且办理较好\"]?join(\"、\")}", Map.of("lists",
                    Map.of("按期办结且办理较好", run.lists().stream().filter(e -> e.getChannel().equals("12345市民热线")
                            && e.getListName().equals("按期办结且办理较好")).map(RunListEntry::getUnitLabel).toList()))), listed);
            assertEquals("1", render("${名单[\"按期办结且办理较好\"].成员[0].名次}", m));
        }
    }
}
