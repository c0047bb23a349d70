package cn.gov.assess.engine;

import cn.gov.assess.facts.Tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/30-汇总.drl：每个单位×渠道一张汇总、每个渠道一张合计；单位行按转办计，合计按不重复工单计；不计入本期的不计。 */
class Rules30TallyTest {
    private static final String HOTLINE = "12345市民热线";
    private static final String COUNTY = "县长信箱";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 10, 20, 18, 0);

    @Test
    void coHandledOrderCountsOnceInTotalAndOncePerUnit() {
        RuleHarness h = new RuleHarness();
        h.order(HOTLINE, DEADLINE, DEADLINE.minusDays(1), "绛帐镇", "县住建局");
        List<Tally> t = h.tally();
        assertEquals(1, h.tallyOf(t, HOTLINE, "绛帐镇").getDue());
        assertEquals(1, h.tallyOf(t, HOTLINE, "县住建局").getDue());
        assertEquals(1, h.tallyOf(t, HOTLINE, null).getDue());
    }

    @Test
    void unhandledOrderIsCountedAsOverdueUnhandledNotCompleted() {
        RuleHarness h = new RuleHarness();
        h.order(HOTLINE, DEADLINE, DEADLINE.minusDays(1), "县住建局");
        h.order(HOTLINE, LocalDateTime.of(2021, 12, 20, 18, 0), null, "县住建局");
        List<Tally> t = h.tally();
        Tally total = h.tallyOf(t, HOTLINE, null);
        assertEquals(2, total.getDue());
        assertEquals(1, total.getHandled());
        assertEquals(1, total.getUnhandled());
        assertEquals(1, total.getOverdueUnhandled());
        assertEquals(List.of("T3"), total.getOverdueUnhandledOrderNos());
    }

    @Test
    void monthlyRemarkCountsByMonthOfDeadline() {
        RuleHarness h = new RuleHarness();
        h.order(HOTLINE, LocalDateTime.of(2021, 10, 30, 18, 0), LocalDateTime.of(2021, 11, 2, 9, 0), "法门镇");
        h.order(HOTLINE, LocalDateTime.of(2021, 11, 3, 18, 0), LocalDateTime.of(2021, 11, 5, 9, 0), "法门镇");
        h.order(HOTLINE, LocalDateTime.of(2021, 11, 4, 18, 0), LocalDateTime.of(2021, 11, 4, 9, 0), "法门镇");
        Tally unit = h.tallyOf(h.tally(), HOTLINE, "法门镇");
        assertEquals(Map.of(YearMonth.of(2021, 10), 1, YearMonth.of(2021, 11), 1), unit.getMonthlyOverdue());
        assertEquals(3 + 2, unit.getOverdueDays());
    }

    @Test
    void eachChannelHasItsOwnRowsAndTotal() {
        RuleHarness h = new RuleHarness();
        h.order(HOTLINE, DEADLINE, DEADLINE.minusDays(1), "绛帐镇");
        h.order(COUNTY, DEADLINE, DEADLINE.minusDays(1), "绛帐镇");
        h.order(COUNTY, DEADLINE, DEADLINE.minusDays(1), "绛帐镇");
        List<Tally> t = h.tally();
        assertEquals(4, t.size(), t.toString());
        assertEquals(1, h.tallyOf(t, HOTLINE, "绛帐镇").getDue());
        assertEquals(2, h.tallyOf(t, COUNTY, "绛帐镇").getDue());
        assertEquals(2, h.tallyOf(t, COUNTY, null).getDue());
    }

    @Test
    void notCountedAssignmentsGetARowButAreNotCounted() {
        RuleHarness h = new RuleHarness(TestRules.withParameter("在办件计入应办", "否"));
        h.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局");
        List<Tally> t = h.tally();
        assertEquals(0, h.tallyOf(t, HOTLINE, "县住建局").getDue());
        assertEquals(0, h.tallyOf(t, HOTLINE, null).getDue());
        // 差一点：计入应办时同一件是 1 件应办、1 件未办
        RuleHarness counted = new RuleHarness();
        counted.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局");
        Tally unit = counted.tallyOf(counted.tally(), HOTLINE, "县住建局");
        assertEquals(1, unit.getDue());
        assertEquals(1, unit.getUnhandled());
    }

    /** 转办数：参数“在办件计入应办”为“否”时不计入本期的在办件只计入转办数（单位行与合计）；计入应办时转办数等于应办件数。 */
    @Test
    void notCountedOpenAssignmentsCountInTheAssignedFigure() {
        RuleHarness h = new RuleHarness(TestRules.withParameter("在办件计入应办", "否"));
        h.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局");
        h.order(HOTLINE, LocalDateTime.of(2021, 11, 4, 18, 0), LocalDateTime.of(2021, 11, 3, 18, 0), "县住建局");
        List<Tally> t = h.tally();
        Tally unit = h.tallyOf(t, HOTLINE, "县住建局");
        assertEquals(1, unit.getDue());
        assertEquals(2, unit.getAssigned());
        assertEquals("2", cn.gov.assess.facts.Figures.get("转办数").text(unit));
        assertEquals(2, h.tallyOf(t, HOTLINE, null).getAssigned());
        // 差一点：计入应办时在办件也是应办，转办数与应办件数相同
        RuleHarness counted = new RuleHarness();
        counted.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局");
        Tally same = counted.tallyOf(counted.tally(), HOTLINE, "县住建局");
        assertEquals(1, same.getDue());
        assertEquals(1, same.getAssigned());
    }
}
