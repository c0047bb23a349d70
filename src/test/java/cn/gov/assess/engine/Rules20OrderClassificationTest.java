package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;
import cn.gov.assess.facts.OrderFact;
import cn.gov.assess.facts.Tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/20-工单分类.drl：工单的状态由它的全部转办决定；每条规则的命中与差一点命中。 */
class Rules20OrderClassificationTest {
    private static final String HOTLINE = "12345市民热线";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 10, 20, 18, 0);
    /** 截至时点已过的时限（未办结即逾期未办）。 */
    private static final LocalDateTime PASSED = LocalDateTime.of(2021, 12, 20, 18, 0);
    /** 截至时点之后的时限（未办结即在办）。 */
    private static final LocalDateTime AHEAD = LocalDateTime.of(2022, 1, 4, 18, 0);

    /** 一个工单派给两个单位，各自的办理时限与办结时间；分类后返回这个工单。 */
    private static OrderFact order(RuleHarness h, LocalDateTime deadline1, LocalDateTime done1,
                                   LocalDateTime deadline2, LocalDateTime done2) {
        AssignmentFact[] a = h.order(HOTLINE, deadline1, done1, "绛帐镇", "县住建局");
        h.assignments.remove(a[1]);
        h.assignments.add(new AssignmentFact(a[1].getId(), a[1].getOrderId(), HOTLINE, a[1].getOrderNo(), a[1].getUnitId(),
                deadline2.minusDays(5), deadline2, done2));
        h.tally();
        return h.orders.get(h.orders.size() - 1);
    }

    private static void assertOrder(OrderFact o, AssignmentStatus status, int daysLate) {
        assertEquals(status, o.getStatus());
        assertEquals(daysLate, o.getDaysLate());
    }

    @Test
    void oneOverdueUnhandledAssignmentMakesTheOrderOverdueUnhandled() {
        assertOrder(order(new RuleHarness(), DEADLINE, DEADLINE.minusDays(1), PASSED, null), AssignmentStatus.OVERDUE_UNHANDLED, 11);
        // 差一点：那个转办在截至前办结了（晚 3 天），工单就是逾期办结
        assertOrder(order(new RuleHarness(), DEADLINE, DEADLINE.minusDays(1), PASSED, PASSED.plusDays(3)),
                AssignmentStatus.OVERDUE_COMPLETED, 3);
    }

    @Test
    void anOpenAssignmentMakesTheOrderOpenUnlessAnotherIsOverdueUnhandled() {
        assertOrder(order(new RuleHarness(), DEADLINE, DEADLINE.minusDays(1), AHEAD, null), AssignmentStatus.OPEN, 0);
        assertOrder(order(new RuleHarness(), PASSED, null, AHEAD, null), AssignmentStatus.OVERDUE_UNHANDLED, 11);
    }

    @Test
    void orderIsLateWhenAnyOfItsAssignmentsIsLate() {
        RuleHarness h = new RuleHarness();
        OrderFact o = order(h, DEADLINE, DEADLINE.minusDays(1), DEADLINE, DEADLINE.plusDays(3));
        assertOrder(o, AssignmentStatus.OVERDUE_COMPLETED, 3);
        List<Tally> t = h.tally();
        Tally total = h.tallyOf(t, HOTLINE, null);
        assertEquals(1, total.getOverdueCompleted());
        assertEquals(3, total.getOverdueDays());
        assertEquals(0, h.tallyOf(t, HOTLINE, "绛帐镇").getOverdueCompleted());
        assertEquals(1, h.tallyOf(t, HOTLINE, "县住建局").getOverdueCompleted());
    }

    @Test
    void allAssignmentsOnTimeMakeTheOrderOnTime() {
        assertOrder(order(new RuleHarness(), DEADLINE, DEADLINE.minusDays(1), DEADLINE, DEADLINE), AssignmentStatus.ON_TIME, 0);
        // 差一点：晚一分钟
        assertOrder(order(new RuleHarness(), DEADLINE, DEADLINE.minusDays(1), DEADLINE, DEADLINE.plusMinutes(1)),
                AssignmentStatus.OVERDUE_COMPLETED, 1);
    }

    @Test
    void notCountedAssignmentsDoNotSpoilAnOnTimeOrder() {
        RuleHarness h = new RuleHarness(TestRules.withParameter("在办件计入应办", "否"));
        assertOrder(order(h, DEADLINE, DEADLINE.minusDays(1), AHEAD, null), AssignmentStatus.ON_TIME, 0);
    }

    @Test
    void anOrderWhoseAssignmentsAreAllNotCountedIsNotCounted() {
        RuleHarness h = new RuleHarness(TestRules.withParameter("在办件计入应办", "否"));
        assertOrder(order(h, AHEAD, null, AHEAD, null), AssignmentStatus.NOT_COUNTED, 0);
        assertEquals(0, h.tallyOf(h.tally(), HOTLINE, null).getDue());
        // 差一点：参数为“是”（默认）时同样的工单在办，计入应办
        RuleHarness counted = new RuleHarness();
        assertOrder(order(counted, AHEAD, null, AHEAD, null), AssignmentStatus.OPEN, 0);
        assertEquals(1, counted.tallyOf(counted.tally(), HOTLINE, null).getDue());
    }
}
