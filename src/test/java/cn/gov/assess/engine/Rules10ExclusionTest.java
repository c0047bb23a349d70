package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;
import cn.gov.assess.facts.Tally;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 核减（issue 24）：rules/10-转办分类.drl 的“转办分类：核减（不计入考核）”与 rules/30-汇总.drl 的两条核减计数。
 * 核减的转办不计入（不逾期、不否决），单位行与渠道合计各记“核减件数”；没有核减的同一件照常逾期未办、照常否决。
 */
class Rules10ExclusionTest {
    private static final String HOTLINE = "12345市民热线";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 12, 17, 18, 0);
    private static final String TEXT = "申诉 #7，非本单位职责，经办甲 于 2022-01-08 同意";

    /** 县住建局：一件逾期未办（是否核减由 excluded 定），另有两件按期办结。 */
    private static RuleHarness harness(boolean excluded) {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, DEADLINE, null, "县住建局")[0];
        if (excluded) {
            a.exclude(TEXT);
        }
        h.onTime(HOTLINE, "县住建局", 2);
        return h;
    }

    @Test
    void anExcludedAssignmentIsNotCountedAndIsCountedAsExcluded() {
        RuleHarness h = harness(true);
        List<Tally> tallies = h.tally();
        AssignmentFact a = h.assignments.get(0);
        assertEquals(AssignmentStatus.NOT_COUNTED, a.getStatus());
        assertEquals("转办分类：核减（不计入考核）", a.getClassifiedBy());
        assertEquals(TEXT, a.getExcluded());
        Tally unit = h.tallyOf(tallies, HOTLINE, "县住建局");
        assertEquals(2, unit.getDue());
        assertEquals(0, unit.getOverdueUnhandled());
        assertEquals(1, unit.extra("核减件数"));
        Tally total = h.tallyOf(tallies, HOTLINE, null);
        assertEquals(2, total.getDue(), "只派给县住建局的工单核减后也不计入渠道合计");
        assertEquals(1, total.extra("核减件数"));
        assertFalse(h.conclude().disqualifications().stream().anyMatch(d -> h.unitName(d.getUnitId()).equals("县住建局")));
    }

    @Test
    void withoutExclusionTheSameOrderIsOverdueUnhandledAndVetoes() {
        RuleHarness h = harness(false);
        List<Tally> tallies = h.tally();
        AssignmentFact a = h.assignments.get(0);
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED, a.getStatus());
        assertEquals("转办分类：逾期未办", a.getClassifiedBy());
        Tally unit = h.tallyOf(tallies, HOTLINE, "县住建局");
        assertEquals(3, unit.getDue());
        assertEquals(0, unit.extra("核减件数"));
        assertTrue(unit.getExtras().isEmpty(), "没有核减时不记这一计数（通报与旧运行一字不变）");
        assertTrue(h.conclude().disqualifications().stream().anyMatch(d -> h.unitName(d.getUnitId()).equals("县住建局")));
    }

    @Test
    void excludingOneOfTwoAssignmentsKeepsTheOrderForTheOtherUnit() {
        RuleHarness h = new RuleHarness();
        AssignmentFact[] both = h.order(HOTLINE, DEADLINE, null, "县住建局", "县水利局");
        both[0].exclude(TEXT);
        List<Tally> tallies = h.tally();
        assertEquals(AssignmentStatus.NOT_COUNTED, both[0].getStatus());
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED, both[1].getStatus());
        assertEquals(1, h.tallyOf(tallies, HOTLINE, null).getOverdueUnhandled(), "工单仍因县水利局逾期未办");
        assertEquals(1, h.tallyOf(tallies, HOTLINE, "县水利局").getOverdueUnhandled());
    }
}
