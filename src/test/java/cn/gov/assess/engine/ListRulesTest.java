package cn.gov.assess.engine;

import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.ListEntry;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 规则表 名单.csv、名单条件.csv、否决与扣分.csv 编译成的规则：命中、差一点命中、并列。 */
class ListRulesTest {
    private static final String HOTLINE = "12345市民热线";
    private static final String MAYOR = "市长信箱";
    private static final String COUNTY = "县长信箱";
    private static final String MANY = "办结工单较多";
    private static final String GOOD = "按期办结且办理较好";
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2021, 11, 10, 18, 0);

    @Test
    void manyHandledNeedsFiftyHandled() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "绛帐镇", 50);
        h.onTime(HOTLINE, "杏林镇", 49);
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("绛帐镇"), h.list(c, MANY, HOTLINE));
        assertEquals("名单.csv：办结工单较多：入选", h.entry(c, MANY, HOTLINE, "绛帐镇").getRuleName());
    }

    @Test
    void manyHandledIsDescriptiveAndIgnoresDisqualification() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "县住建局", 60);
        h.order(HOTLINE, LocalDateTime.of(2021, 12, 1, 18, 0), null, "县住建局");
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("县住建局"), h.list(c, MANY, HOTLINE));
        assertEquals(1, c.disqualifications().size());
    }

    @Test
    void manyHandledIsNotListedForChannelsThatDoNotCarryIt() {
        RuleHarness h = new RuleHarness();
        h.onTime(MAYOR, "绛帐镇", 60);
        assertEquals(List.of(), h.list(h.conclude(), MANY, MAYOR));
    }

    @Test
    void commendationTakesTopThreeTownsAndTopThreeDepartments() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "绛帐镇", 40);
        h.onTime(HOTLINE, "杏林镇", 30);
        h.onTime(HOTLINE, "段家镇", 20);
        h.onTime(HOTLINE, "天度镇", 19);
        h.onTime(HOTLINE, "县市场监管局", 9);
        h.onTime(HOTLINE, "县卫健局", 8);
        h.onTime(HOTLINE, "县医保局", 7);
        h.onTime(HOTLINE, "县林业局", 6);
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("绛帐镇", "杏林镇", "段家镇", "县市场监管局", "县卫健局", "县医保局"), h.list(c, GOOD, HOTLINE));
        ListEntry third = h.entry(c, GOOD, HOTLINE, "段家镇");
        assertEquals(3, third.getRank());
        assertTrue(third.getReason().contains("镇街第 3 名，取前 3 名"), third.getReason());
        assertNull(h.entry(c, GOOD, HOTLINE, "天度镇"));
    }

    @Test
    void tieAtTheBoundaryAdmitsEveryTiedUnit() {
        RuleHarness h = new RuleHarness();
        h.onTime(COUNTY, "法门镇", 9);
        h.onTime(COUNTY, "绛帐镇", 7);
        h.onTime(COUNTY, "城关街道办", 4);
        h.onTime(COUNTY, "午井镇", 4);
        h.onTime(COUNTY, "杏林镇", 3);
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("法门镇", "绛帐镇", "城关街道办", "午井镇"), h.list(c, GOOD, COUNTY));
        assertEquals(3, h.entry(c, GOOD, COUNTY, "午井镇").getRank());
    }

    @Test
    void oneLateAssignmentKeepsAUnitOffTheCommendation() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "法门镇", 72);
        h.order(HOTLINE, DEADLINE, DEADLINE.plusDays(1), "法门镇");
        h.onTime(HOTLINE, "杏林镇", 10);
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("杏林镇"), h.list(c, GOOD, HOTLINE));
    }

    @Test
    void unhandledOrderInOneChannelStrikesTheUnitFromAnotherChannelsList() {
        RuleHarness h = new RuleHarness();
        h.onTime(COUNTY, "县住建局", 13);
        h.onTime(COUNTY, "县教体局", 11);
        h.onTime(HOTLINE, "县住建局", 5);
        h.order(HOTLINE, LocalDateTime.of(2021, 12, 15, 18, 0), null, "县住建局");
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("县教体局"), h.list(c, GOOD, COUNTY));
        Disqualification d = c.disqualifications().get(0);
        assertEquals("否决与扣分.csv：逾期未办一票否决", d.getRuleName());
        assertEquals(HOTLINE, d.getChannel());
        assertEquals(1, d.getOrderNos().size());
    }

    @Test
    void withoutTheUnhandledOrderTheUnitIsCommended() {
        RuleHarness h = new RuleHarness();
        h.onTime(COUNTY, "县住建局", 13);
        h.onTime(COUNTY, "县教体局", 11);
        h.onTime(HOTLINE, "县住建局", 5);
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("县住建局", "县教体局"), h.list(c, GOOD, COUNTY));
        assertNotNull(h.entry(c, GOOD, COUNTY, "县住建局"));
        assertTrue(c.disqualifications().isEmpty());
    }

    @Test
    void unitsOfKindOtherNeverEnterLists() {
        RuleHarness h = new RuleHarness();
        h.onTime(COUNTY, "其他", 12);
        h.onTime(COUNTY, "县教体局", 1);
        assertEquals(List.of("县教体局"), h.list(h.conclude(), GOOD, COUNTY));
    }

    private static cn.gov.assess.facts.Evaluation evaluation(RuleHarness h, Assessor.Conclusions c, String list, String channel,
                                                            String unit) {
        return c.evaluations().stream().filter(e -> e.getList().equals(list) && e.getChannel().equals(channel)
                && h.unitName(e.getUnitId()).equals(unit)).findFirst().orElse(null);
    }

    @Test
    void comparisonIsRecordedForTheMemberAndForTheNearMiss() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "绛帐镇", 50);
        h.onTime(HOTLINE, "杏林镇", 49);
        Assessor.Conclusions c = h.conclude();
        cn.gov.assess.facts.Evaluation in = evaluation(h, c, MANY, HOTLINE, "绛帐镇");
        cn.gov.assess.facts.Evaluation out = evaluation(h, c, MANY, HOTLINE, "杏林镇");
        assertEquals("名单.csv：办结工单较多：逐项比较", in.getRule());
        assertTrue(in.isPassed());
        assertEquals("实办数 50，要求 ≥ 50", in.summary());
        assertTrue(!out.isPassed());
        assertEquals("实办数 49，要求 ≥ 50", out.getFailed().get(0).text());
    }

    @Test
    void vetoIsRecordedAsAFailedComparisonWithTheOrderBehindIt() {
        RuleHarness h = new RuleHarness();
        h.onTime(COUNTY, "县住建局", 13);
        h.onTime(HOTLINE, "县住建局", 5);
        h.order(HOTLINE, LocalDateTime.of(2021, 12, 15, 18, 0), null, "县住建局");
        h.onTime(COUNTY, "县教体局", 11);
        Assessor.Conclusions c = h.conclude();
        cn.gov.assess.facts.Evaluation vetoed = evaluation(h, c, GOOD, COUNTY, "县住建局");
        assertEquals(1, vetoed.getFailed().size(), vetoed.summary());
        assertEquals("一票否决", vetoed.getFailed().get(0).field());
        assertEquals(c.disqualifications().get(0).getOrderNos(), vetoed.getFailed().get(0).orderNos());
        assertTrue(evaluation(h, c, GOOD, COUNTY, "县教体局").isPassed());
    }

    @Test
    void everyEligibleUnitGetsItsPlaceAndTheFourthIsCutByTheQuota() {
        RuleHarness h = new RuleHarness();
        h.onTime(HOTLINE, "绛帐镇", 40);
        h.onTime(HOTLINE, "杏林镇", 30);
        h.onTime(HOTLINE, "段家镇", 20);
        h.onTime(HOTLINE, "天度镇", 19);
        Assessor.Conclusions c = h.conclude();
        List<cn.gov.assess.facts.Placing> placings = c.placings().stream()
                .sorted(java.util.Comparator.comparingInt(cn.gov.assess.facts.Placing::getPlace)).toList();
        assertEquals(List.of("绛帐镇", "杏林镇", "段家镇", "天度镇"), placings.stream().map(p -> h.unitName(p.getUnitId())).toList());
        cn.gov.assess.facts.Placing third = placings.get(2);
        cn.gov.assess.facts.Placing fourth = placings.get(3);
        assertEquals("名单.csv：按期办结且办理较好：组内排名", third.getRule());
        assertTrue(third.isSelected());
        assertEquals(4, fourth.getPlace());
        assertEquals(3, fourth.getQuota());
        assertTrue(!fourth.isSelected());
        assertEquals("镇街第 4 名，取前 3 名（实办数 19）", fourth.text());
    }
}
