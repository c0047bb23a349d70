package cn.gov.assess.engine;

import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.Remark;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/60-政府网站监测.drl、70-政务新媒体监测.drl、80-在线访谈.drl：命中与差一点命中。 */
class MonitoringRulesTest {
    private static final LocalDate DAY = LocalDate.of(2021, 10, 20);
    private static final String GOOD = "信息保障好";

    private static WebsiteCheckFact site(long unit, int stale, int empty, int unanswered, boolean reachable, int published) {
        return new WebsiteCheckFact(DAY, unit, stale, empty, unanswered, reachable, published);
    }

    private static List<String> problems(Assessor.Conclusions c) {
        return c.failures().stream().map(CheckFailure::getProblem).sorted().toList();
    }

    @Test
    void websiteStaleThirteenDaysPassesFourteenFails() {
        RuleHarness h = new RuleHarness();
        long a = h.unit("县教体局");
        long b = h.unit("县卫健局");
        h.extra.add(site(a, 13, 0, 0, true, 5));
        h.extra.add(site(b, 14, 0, 0, true, 5));
        Assessor.Conclusions c = h.conclude();
        assertEquals(1, c.failures().size());
        assertEquals(b, c.failures().get(0).getUnitId());
        assertEquals("10月20日监测：栏目 14 天未更新", c.failures().get(0).getProblem());
        assertEquals("政府网站：栏目长期未更新", c.failures().get(0).getRuleName());
    }

    @Test
    void websiteFourEmptyColumnsPassFiveFail() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 0, 4, 0, true, 5));
        h.extra.add(site(h.unit("县卫健局"), 0, 5, 0, true, 5));
        assertEquals(List.of("10月20日监测：空白栏目 5 个"), problems(h.conclude()));
    }

    @Test
    void websiteUnansweredMessageAndUnreachableSiteFail() {
        RuleHarness h = new RuleHarness();
        h.extra.add(site(h.unit("县教体局"), 0, 0, 0, true, 5));
        h.extra.add(site(h.unit("县卫健局"), 0, 0, 1, true, 5));
        h.extra.add(site(h.unit("县医保局"), 0, 0, 0, false, 5));
        assertEquals(List.of("10月20日监测：1 条有效留言超过 3 个月未回复", "10月20日监测：网站无法访问"), problems(h.conclude()));
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
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("县教体局"), h.list(c, GOOD, "政府网站"));
        assertTrue(h.entry(c, GOOD, "政府网站", "县教体局").getReason().contains("新发布信息数 60，要求 ≥ 60"),
                h.entry(c, GOOD, "政府网站", "县教体局").getReason());
        // 差一点的也记下了比较：县卫健局差 1 条，县医保局有一次不合格且发布不够
        cn.gov.assess.facts.Evaluation health59 = c.evaluations().stream()
                .filter(e -> e.getChannel().equals("政府网站") && e.getUnitId() == health).findFirst().orElseThrow();
        assertEquals(List.of("新发布信息数 59，要求 ≥ 60"), health59.getFailed().stream().map(x -> x.text()).toList());
        cn.gov.assess.facts.Evaluation ins = c.evaluations().stream()
                .filter(e -> e.getChannel().equals("政府网站") && e.getUnitId() == insurance).findFirst().orElseThrow();
        assertEquals(List.of("不合格次数 1，要求 = 0"), ins.getFailed().stream().map(x -> x.text()).toList());
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

    private static MediaCheckFact media(long account, long owner, int days, int posts, boolean forwarded, int reminders) {
        return new MediaCheckFact(DAY, account, owner, "微信", "号" + account, days, posts, forwarded, reminders);
    }

    @Test
    void mediaThirteenDaysWithoutPostPassesFourteenFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("法门镇"), 13, 0, true, 0));
        h.extra.add(media(2, h.unit("午井镇"), 14, 0, true, 0));
        Assessor.Conclusions c = h.conclude();
        assertEquals(List.of("10月20日监测：14 天未更新"), problems(c));
        assertEquals(2, c.failures().get(0).getAccountId());
    }

    @Test
    void mediaNotForwardingRequiredItemsFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("法门镇"), 1, 9, false, 0));
        assertEquals(List.of("10月20日监测：未按时转发上级要求转发的信息"), problems(h.conclude()));
    }

    @Test
    void oneReminderIsNotYetTheSentenceTwoAre() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("县水利局"), 1, 9, true, 1));
        assertTrue(h.conclude().notes().isEmpty());
        h.extra.add(new MediaCheckFact(DAY.plusDays(7), 1, h.unit("县水利局"), "微信", "扶风水利", 1, 9, true, 1));
        List<Note> notes = h.conclude().notes();
        assertEquals(1, notes.size());
        assertEquals("多次督促", notes.get(0).getKey());
        assertTrue(notes.get(0).getReason().startsWith("县水利局 本期督促 2 次"));
    }

    @Test
    void mediaGoodListNeedsPostsNoReminderAndNoFailure() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("法门镇"), 1, 150, true, 0));
        h.extra.add(media(2, h.unit("午井镇"), 1, 149, true, 0));
        h.extra.add(media(3, h.unit("县公安局"), 1, 190, true, 1));
        h.extra.add(media(4, h.unit("县文旅局"), 14, 300, true, 0));
        h.extra.add(media(5, h.unit("县卫健局"), 1, 100, true, 0));
        h.extra.add(media(6, h.unit("县卫健局"), 1, 50, true, 0));
        assertEquals(List.of("法门镇", "县卫健局"), h.list(h.conclude(), GOOD, "政务新媒体"));
    }

    @Test
    void accountStillCancellingPastItsDeadlineGetsARemark() {
        RuleHarness h = new RuleHarness();
        long u = h.unit("县住建局");
        h.extra.add(new MediaAccountFact(31, 31, "微博", "扶风住建", u, "县住建局", "注销中", LocalDate.of(2021, 11, 30)));
        h.extra.add(new MediaAccountFact(32, 32, "微博", "扶风水务", h.unit("县水利局"), "县水利局", "注销中",
                LocalDate.of(2022, 1, 31)));
        List<Remark> remarks = h.conclude().remarks();
        assertEquals(1, remarks.size());
        assertEquals("微博账号“扶风住建”仍未完成注销", remarks.get(0).getText());
        assertEquals(u, remarks.get(0).getUnitId());
    }

    @Test
    void unitsThatHeldAnInterviewAreNamed() {
        RuleHarness h = new RuleHarness();
        h.unit("法门镇");
        h.extra.add(new InterviewFact(DAY, h.unit("城关街道办"), "便民服务"));
        assertEquals(List.of("城关街道办"), h.list(h.conclude(), "积极参与在线访谈", "在线访谈"));
    }
}
