package cn.gov.assess.engine;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/60-政府网站监测.drl：四项单项否决与“信息保障好（政府网站）”，每条规则的命中与差一点命中。 */
class Rules60WebsiteTest {
    private static final LocalDate DAY = LocalDate.of(2021, 10, 20);
    private static final String GOOD = "信息保障好";

    private static WebsiteCheckFact site(long unit, int stale, int empty, int unanswered, boolean reachable, int published) {
        return new WebsiteCheckFact(DAY, unit, stale, empty, unanswered, reachable, published);
    }

    /** 不合格的单位、规则与问题，一行一处：“单位：规则：问题”。 */
    private static List<String> failures(RuleHarness h) {
        return h.conclude().failures().stream().map(f -> h.unitName(f.getUnitId()) + "：" + f.getRuleName() + "：" + f.getProblem())
                .sorted().toList();
    }

    @Test
    void websiteStaleThirteenDaysPassesFourteenFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 13, 0, 0, true, 5));
        h.extra.add(site(h.unit("县卫健局"), 14, 0, 0, true, 5));
        assertEquals(List.of("县卫健局：政府网站：栏目长期未更新：10月20日监测：栏目 14 天未更新"), failures(h));
    }

    @Test
    void websiteFourEmptyColumnsPassFiveFail() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 0, 4, 0, true, 5));
        h.extra.add(site(h.unit("县卫健局"), 0, 5, 0, true, 5));
        assertEquals(List.of("县卫健局：政府网站：空白栏目过多：10月20日监测：空白栏目 5 个"), failures(h));
    }

    @Test
    void websiteNoUnansweredMessagePassesOneFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 0, 0, 0, true, 5));
        h.extra.add(site(h.unit("县卫健局"), 0, 0, 1, true, 5));
        assertEquals(List.of("县卫健局：政府网站：留言超期未回复：10月20日监测：1 条有效留言超过 3 个月未回复"), failures(h));
    }

    @Test
    void websiteReachablePassesUnreachableFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 0, 0, 0, true, 5));
        h.extra.add(site(h.unit("县医保局"), 0, 0, 0, false, 5));
        assertEquals(List.of("县医保局：政府网站：无法访问：10月20日监测：网站无法访问"), failures(h));
    }

    @Test
    void websiteGoodListNeedsEveryCheckPassedAndEnoughItems() {
        RuleHarness h = new RuleHarness();
        long edu = h.unit("县教体局");
        long health = h.unit("县卫健局");
        long insurance = h.unit("县医保局");
        for (long u : new long[]{edu, health, insurance}) {
            h.extra.add(new WebsiteColumnFact((int) u, u, "x"));
        }
        h.extra.add(site(edu, 2, 0, 0, true, 60));
        h.extra.add(site(health, 2, 0, 0, true, 59));
        h.extra.add(site(insurance, 2, 0, 0, true, 40));
        h.extra.add(new WebsiteCheckFact(DAY.plusDays(10), insurance, 20, 0, 0, true, 40));
        var c = h.conclude();
        assertEquals(List.of("县教体局"), h.list(c, GOOD, "政府网站"));
        assertEquals("信息保障好（政府网站）：全部合格且发布较多", h.entry(c, GOOD, "政府网站", "县教体局").getRuleName());
        assertTrue(h.entry(c, GOOD, "政府网站", "县教体局").getReason().contains("新发布信息数 60，要求 ≥ 60"),
                h.entry(c, GOOD, "政府网站", "县教体局").getReason());
        // 差一点的也记下了比较：县卫健局差 1 条，县医保局有一次不合格且发布不够
        Evaluation health59 = c.evaluations().stream()
                .filter(e -> e.getChannel().equals("政府网站") && e.getUnitId() == health).findFirst().orElseThrow();
        assertEquals("信息保障好（政府网站）：逐项比较", health59.getRule());
        assertEquals(List.of("新发布信息数 59，要求 ≥ 60"), health59.getFailed().stream().map(x -> x.text()).toList());
        Evaluation ins = c.evaluations().stream()
                .filter(e -> e.getChannel().equals("政府网站") && e.getUnitId() == insurance).findFirst().orElseThrow();
        assertEquals(List.of("不合格次数 1，要求 = 0"), ins.getFailed().stream().map(x -> x.text()).toList());
    }

    @Test
    void aUnitWithoutRegisteredColumnsIsNotCompared() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 2, 0, 0, true, 90));
        var c = h.conclude();
        assertEquals(List.of(), h.list(c, GOOD, "政府网站"));
        assertTrue(c.evaluations().stream().noneMatch(e -> e.getChannel().equals("政府网站")), c.evaluations().toString());
    }

    @Test
    void disqualificationStrikesTheWebsiteGoodList() {
        RuleHarness h = new RuleHarness();
        long u = h.unit("县住建局");
        h.extra.add(new WebsiteColumnFact(1, u, "县住建局"));
        h.extra.add(site(u, 1, 0, 0, true, 70));
        assertEquals(List.of("县住建局"), h.list(h.conclude(), GOOD, "政府网站"));
        h.order("12345市民热线", LocalDateTime.of(2021, 12, 1, 18, 0), null, "县住建局");
        assertEquals(List.of(), h.list(h.conclude(), GOOD, "政府网站"));
    }
}
