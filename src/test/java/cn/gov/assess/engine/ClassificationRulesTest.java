package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;
import cn.gov.assess.facts.Tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/10-转办分类.drl：每条规则的命中与差一点命中。 */
class ClassificationRulesTest {
    private static final String HOTLINE = "12345市民热线";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 11, 10, 18, 0);

    @Test
    void completedExactlyAtDeadlineIsOnTime() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, DEADLINE, DEADLINE, "绛帐镇")[0];
        h.tally();
        assertEquals(AssignmentStatus.ON_TIME, a.getStatus());
        assertEquals(0, a.getDaysLate());
    }

    @Test
    void completedOneDayLateIsOverdueCompleted() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, DEADLINE, DEADLINE.plusDays(1), "绛帐镇")[0];
        h.tally();
        assertEquals(AssignmentStatus.OVERDUE_COMPLETED, a.getStatus());
        assertEquals(1, a.getDaysLate());
    }

    @Test
    void completedAMinuteLateIsOverdueByOneDay() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, DEADLINE, DEADLINE.plusMinutes(1), "绛帐镇")[0];
        h.tally();
        assertEquals(AssignmentStatus.OVERDUE_COMPLETED, a.getStatus());
        assertEquals(1, a.getDaysLate());
    }

    @Test
    void notCompletedAndDeadlinePassedIsOverdueUnhandled() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2021, 12, 20, 18, 0), null, "县住建局")[0];
        h.tally();
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED, a.getStatus());
        assertEquals(11, a.getDaysLate());
    }

    @Test
    void notCompletedButDeadlineAfterCutoffIsOpenAndCountedAsDue() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局")[0];
        List<Tally> t = h.tally();
        assertEquals(AssignmentStatus.OPEN, a.getStatus());
        Tally unit = h.tallyOf(t, HOTLINE, "县住建局");
        assertEquals(1, unit.getDue());
        assertEquals(1, unit.getUnhandled());
        assertEquals(0, unit.getOverdueUnhandled());
    }

    @Test
    void completionAfterCutoffCountsAsNotCompleted() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2021, 12, 28, 18, 0),
                LocalDateTime.of(2022, 1, 2, 9, 0), "县住建局")[0];
        h.tally();
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED, a.getStatus());
    }
}
