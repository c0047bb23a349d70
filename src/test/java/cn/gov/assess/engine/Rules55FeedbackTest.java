package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.ListEntry;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rules/55-回访与签收.drl：“群众评价较好”的逐项比较（已回访件数、满意率、回退率、重办率、有签收数据时的及时签收率、一票否决）
 * 与入选；每个门槛刚好达到与差一点（门槛见参数表：5 件、90%、95%、5%、5%）。
 */
class Rules55FeedbackTest {
    private static final String HOTLINE = "12345市民热线";
    private static final String LIST = "群众评价较好";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 11, 10, 18, 0);

    /**
     * 单位 n 件按期办结的转办，其中 dissatisfied 件回访不满意（其余满意）；signLate 件超过签收时限才签收（signLate 为负时
     * 没有签收数据）；returned 件退回过，reopened 件重办过。
     */
    private static void feedback(RuleHarness h, String unit, int n, int dissatisfied, int signLate, int returned, int reopened) {
        for (int i = 0; i < n; i++) {
            AssignmentFact a = h.order(HOTLINE, DEADLINE, DEADLINE.minusHours(2), unit)[0];
            LocalDateTime signBy = a.getReceivedAt().plusHours(2);
            a.withOptional(signLate < 0 ? null : i < signLate ? signBy.plusMinutes(1) : signBy,
                    signLate < 0 ? null : signBy, i < dissatisfied ? "不满意" : "满意", i < returned ? 1 : 0, i < reopened);
        }
    }

    private static Evaluation evaluation(RuleHarness h, List<Evaluation> evaluations, String unit) {
        return evaluations.stream().filter(e -> e.getList().equals(LIST) && h.unitName(e.getUnitId()).equals(unit))
                .findFirst().orElse(null);
    }

    private static List<String> failed(RuleHarness h, List<Evaluation> evaluations, String unit) {
        return evaluation(h, evaluations, unit).getFailed().stream().map(Evaluation.Check::field).toList();
    }

    @Test
    void everyThresholdJustMetIsListedWithTheComparisonAsReason() {
        RuleHarness h = new RuleHarness();
        feedback(h, "法门镇", 20, 2, 1, 1, 1);
        var c = h.conclude();
        assertEquals(List.of("法门镇"), h.list(c, LIST, HOTLINE));
        ListEntry e = h.entry(c, LIST, HOTLINE, "法门镇");
        assertEquals("群众评价较好：各项达到门槛", e.getRuleName());
        assertEquals(evaluation(h, c.evaluations(), "法门镇").summary(), e.getReason());
        assertEquals("群众评价较好：逐项比较", evaluation(h, c.evaluations(), "法门镇").getRule());
        assertEquals(List.of("已回访件数", "满意率", "回退率", "重办率", "及时签收率", "一票否决"),
                evaluation(h, c.evaluations(), "法门镇").getChecks().stream().map(Evaluation.Check::field).toList());
    }

    @Test
    void unitsWithoutSurveysAreNotCompared() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "午井镇", 20);
        var c = h.conclude();
        assertNull(evaluation(h, c.evaluations(), "午井镇"));
        assertEquals(List.of(), h.list(c, LIST, HOTLINE));
    }

    @Test
    void satisfactionNinetyPassesEightyFiveFails() {
        RuleHarness h = new RuleHarness();
        feedback(h, "法门镇", 20, 2, -1, 0, 0);
        feedback(h, "召公镇", 20, 3, -1, 0, 0);
        var c = h.conclude();
        assertEquals(List.of("法门镇"), h.list(c, LIST, HOTLINE));
        assertEquals(List.of("满意率"), failed(h, c.evaluations(), "召公镇"));
        assertTrue(evaluation(h, c.evaluations(), "法门镇").getChecks().stream().noneMatch(x -> x.field().equals("及时签收率")),
                "没有签收数据时不比较及时签收率");
    }

    @Test
    void signingOnTimeNinetyFivePassesNinetyFails() {
        RuleHarness h = new RuleHarness();
        feedback(h, "法门镇", 20, 0, 1, 0, 0);
        feedback(h, "午井镇", 20, 0, 2, 0, 0);
        var c = h.conclude();
        assertEquals(List.of("法门镇"), h.list(c, LIST, HOTLINE));
        assertEquals(List.of("及时签收率"), failed(h, c.evaluations(), "午井镇"));
    }

    @Test
    void returnAndReopenRatesFivePassTenFail() {
        RuleHarness h = new RuleHarness();
        feedback(h, "法门镇", 20, 0, -1, 1, 1);
        feedback(h, "县水利局", 20, 0, -1, 2, 0);
        feedback(h, "县民政局", 20, 0, -1, 0, 2);
        var c = h.conclude();
        assertEquals(List.of("法门镇"), h.list(c, LIST, HOTLINE));
        assertEquals(List.of("回退率"), failed(h, c.evaluations(), "县水利局"));
        assertEquals(List.of("重办率"), failed(h, c.evaluations(), "县民政局"));
    }

    @Test
    void fiveSurveysAreEnoughFourAreNot() {
        RuleHarness h = new RuleHarness();
        feedback(h, "县卫健局", 5, 0, -1, 0, 0);
        feedback(h, "县医保局", 4, 0, -1, 0, 0);
        var c = h.conclude();
        assertNotNull(h.entry(c, LIST, HOTLINE, "县卫健局"));
        assertEquals(List.of("已回访件数"), failed(h, c.evaluations(), "县医保局"));
    }

    @Test
    void aDisqualifiedUnitIsComparedButNotListed() {
        RuleHarness h = new RuleHarness();
        feedback(h, "法门镇", 20, 0, -1, 0, 0);
        h.order(HOTLINE, LocalDateTime.of(2021, 12, 15, 18, 0), null, "法门镇");
        var c = h.conclude();
        assertEquals(List.of(), h.list(c, LIST, HOTLINE));
        assertEquals(List.of("一票否决"), failed(h, c.evaluations(), "法门镇"));
    }
}
