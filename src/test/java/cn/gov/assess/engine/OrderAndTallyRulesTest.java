package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.Tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/20-工单分类.drl 与 30-汇总.drl：单位行按转办计，合计按不重复工单计。 */
class OrderAndTallyRulesTest {
    private static final String HOTLINE = "12345市民热线";
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
    void orderIsLateWhenAnyOfItsAssignmentsIsLate() {
        RuleHarness h = new RuleHarness();
        AssignmentFact[] a = h.order(HOTLINE, DEADLINE, DEADLINE.minusDays(1), "绛帐镇", "县住建局");
        // 同一工单派给两个单位：一个按期，一个晚 3 天
        h.assignments.remove(a[1]);
        h.assignments.add(new AssignmentFact(a[1].getId(), a[1].getOrderId(), HOTLINE, a[1].getOrderNo(), a[1].getUnitId(),
                a[1].getReceivedAt(), DEADLINE, DEADLINE.plusDays(3)));
        List<Tally> t = h.tally();
        Tally total = h.tallyOf(t, HOTLINE, null);
        assertEquals(1, total.getOverdueCompleted());
        assertEquals(3, total.getOverdueDays());
        assertEquals(0, h.tallyOf(t, HOTLINE, "绛帐镇").getOverdueCompleted());
        assertEquals(1, h.tallyOf(t, HOTLINE, "县住建局").getOverdueCompleted());
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
}
