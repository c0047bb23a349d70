package cn.gov.assess.engine;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.RuleSet;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/10-转办分类.drl：每条规则的命中与差一点命中，以及给转办分类的规则名。 */
class Rules10ClassificationTest {
    private static final String HOTLINE = "12345市民热线";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 11, 10, 18, 0);
    private static final String ON_TIME = "转办分类：按期办结";
    private static final String LATE = "转办分类：逾期办结";
    private static final String UNHANDLED = "转办分类：逾期未办";
    private static final String OPEN = "转办分类：在办（计入应办）";
    private static final String NOT_COUNTED = "转办分类：在办（不计入本期）";

    private static AssignmentFact classify(RuleHarness h, LocalDateTime deadline, LocalDateTime completed) {
        AssignmentFact a = h.order(HOTLINE, deadline, completed, "绛帐镇")[0];
        h.tally();
        return a;
    }

    private static void assertClassified(AssignmentFact a, AssignmentStatus status, int daysLate, String rule) {
        assertEquals(status, a.getStatus());
        assertEquals(daysLate, a.getDaysLate());
        assertEquals(rule, a.getClassifiedBy());
    }

    @Test
    void completedExactlyAtDeadlineIsOnTime() {
        assertClassified(classify(new RuleHarness(), DEADLINE, DEADLINE), AssignmentStatus.ON_TIME, 0, ON_TIME);
    }

    /** 参数“办结.恰在时限算按期”为“否”：恰在时限办结的算逾期办结；早 1 分钟仍按期（差一点）。 */
    @Test
    void completedExactlyAtDeadlineIsLateWhenThePolicySaysSo() {
        RuleSet strict = TestRules.withParameter("办结.恰在时限算按期", "否");
        AssignmentFact at = classify(new RuleHarness(strict), DEADLINE, DEADLINE);
        assertEquals(AssignmentStatus.OVERDUE_COMPLETED, at.getStatus());
        assertEquals(LATE, at.getClassifiedBy());
        assertClassified(classify(new RuleHarness(strict), DEADLINE, DEADLINE.minusMinutes(1)), AssignmentStatus.ON_TIME, 0, ON_TIME);
    }

    @Test
    void completedAMinuteLateIsOverdueByOneDay() {
        assertClassified(classify(new RuleHarness(), DEADLINE, DEADLINE.plusMinutes(1)), AssignmentStatus.OVERDUE_COMPLETED, 1, LATE);
    }

    @Test
    void completedOneDayLateIsOverdueCompleted() {
        assertClassified(classify(new RuleHarness(), DEADLINE, DEADLINE.plusDays(1)), AssignmentStatus.OVERDUE_COMPLETED, 1, LATE);
    }

    @Test
    void graceDaysMoveTheOnTimeBoundary() {
        RuleHarness grace = new RuleHarness(TestRules.withParameter("逾期宽限天数", "1"));
        assertClassified(classify(grace, DEADLINE, DEADLINE.plusDays(1)), AssignmentStatus.ON_TIME, 0, ON_TIME);
        RuleHarness again = new RuleHarness(TestRules.withParameter("逾期宽限天数", "1"));
        assertEquals(AssignmentStatus.OVERDUE_COMPLETED, classify(again, DEADLINE, DEADLINE.plusDays(1).plusMinutes(1)).getStatus());
    }

    @Test
    void notCompletedAndDeadlinePassedIsOverdueUnhandled() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2021, 12, 20, 18, 0), null, "县住建局")[0];
        h.tally();
        assertClassified(a, AssignmentStatus.OVERDUE_UNHANDLED, 11, UNHANDLED);
    }

    @Test
    void deadlineASecondBeforeTheCutoffIsOverdueDeadlineAtTheCutoffIsOpen() {
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED,
                classify(new RuleHarness(), RuleHarness.CUTOFF.minusSeconds(1), null).getStatus());
        assertClassified(classify(new RuleHarness(), RuleHarness.CUTOFF, null), AssignmentStatus.OPEN, 0, OPEN);
    }

    @Test
    void notCompletedButDeadlineAfterCutoffIsOpenAndCountedAsDue() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局")[0];
        List<Tally> t = h.tally();
        assertClassified(a, AssignmentStatus.OPEN, 0, OPEN);
        Tally unit = h.tallyOf(t, HOTLINE, "县住建局");
        assertEquals(1, unit.getDue());
        assertEquals(1, unit.getUnhandled());
        assertEquals(0, unit.getOverdueUnhandled());
    }

    @Test
    void openAssignmentIsNotCountedWhenTheParameterSaysNo() {
        RuleHarness h = new RuleHarness(TestRules.withParameter("在办件计入应办", "否"));
        AssignmentFact open = h.order(HOTLINE, LocalDateTime.of(2022, 1, 4, 18, 0), null, "县住建局")[0];
        AssignmentFact overdue = h.order(HOTLINE, LocalDateTime.of(2021, 12, 20, 18, 0), null, "县住建局")[0];
        Tally unit = h.tallyOf(h.tally(), HOTLINE, "县住建局");
        assertClassified(open, AssignmentStatus.NOT_COUNTED, 0, NOT_COUNTED);
        // 差一点：时限已过的未办件不受这个参数影响
        assertClassified(overdue, AssignmentStatus.OVERDUE_UNHANDLED, 11, UNHANDLED);
        assertEquals(1, unit.getDue());
        assertEquals(1, unit.getOverdueUnhandled());
    }

    @Test
    void completionAfterCutoffCountsAsNotCompleted() {
        RuleHarness h = new RuleHarness();
        AssignmentFact a = h.order(HOTLINE, LocalDateTime.of(2021, 12, 28, 18, 0),
                LocalDateTime.of(2022, 1, 2, 9, 0), "县住建局")[0];
        h.tally();
        assertEquals(AssignmentStatus.OVERDUE_UNHANDLED, a.getStatus());
        assertEquals(UNHANDLED, a.getClassifiedBy());
    }

    @Test
    void overlappingClassificationRulesAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        // 差一点互斥：“按期办结”去掉 excluded == null 后，核减的按期转办会被分类两次
        java.nio.file.Path copy = cn.gov.assess.TestSupport.broken(tmp, "10-转办分类.drl",
                "$a : AssignmentFact( excluded == null, completedBy($c.cutoff),\n                         completedAt < deadline",
                "$a : AssignmentFact( completedBy($c.cutoff),\n                         completedAt < deadline");
        RuleHarness h = new RuleHarness(cn.gov.assess.policy.RuleSet.load(copy));
        h.order(HOTLINE, DEADLINE, DEADLINE, "绛帐镇")[0].exclude("申诉 #1");
        cn.gov.assess.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(cn.gov.assess.io.InputException.class, h::tally);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("分了不止一次类"), e.getMessage());
        // 互斥的原规则：只分一次
        RuleHarness ok = new RuleHarness();
        AssignmentFact a = ok.order(HOTLINE, DEADLINE, DEADLINE, "绛帐镇")[0].exclude("申诉 #1");
        ok.tally();
        assertClassified(a, AssignmentStatus.NOT_COUNTED, 0, "转办分类：核减（不计入考核）");
    }

    @Test
    void rulesLookingAtStatusOnTheAssignmentFactAreRefusedByTheCheck(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path copy = cn.gov.assess.TestSupport.broken(tmp, "30-汇总.drl",
                "AssignmentOutcome( excluded != null, $u : unitId, $ch : channel )",
                "AssignmentFact( excluded != null, status != null, $u : unitId, $ch : channel )");
        List<String> errors = cn.gov.assess.policy.RulesChecker.check(cn.gov.assess.policy.RuleSet.load(copy)).errors();
        org.junit.jupiter.api.Assertions.assertTrue(errors.stream().anyMatch(e -> e.contains("30-汇总.drl 第 ")
                && e.contains("（规则“汇总：核减计入单位行”）：转办事实 AssignmentFact 上的 status 在规则里看不到")), errors.toString());
        // 差一点：看分类结果上的 status 没问题
        assertEquals(List.of(), cn.gov.assess.policy.RulesChecker.check(cn.gov.assess.TestSupport.rules()).errors());
    }
}
