package cn.gov.assess.engine;

import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.Remark;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/70-政务新媒体监测.drl：长期未更新、未按要求转发、注销逾期备注、多次督促、“信息保障好（政务新媒体）”的命中与差一点命中。 */
class Rules70MediaTest {
    private static final LocalDate DAY = LocalDate.of(2021, 10, 20);
    private static final String GOOD = "信息保障好";

    private static MediaCheckFact media(long account, long owner, int days, int posts, boolean forwarded, int reminders) {
        return new MediaCheckFact(DAY, account, owner, "微信", "号" + account, days, posts, forwarded, reminders);
    }

    private static List<String> problems(List<CheckFailure> failures) {
        return failures.stream().map(f -> f.getRuleName() + "：" + f.getProblem()).sorted().toList();
    }

    @Test
    void mediaThirteenDaysWithoutPostPassesFourteenFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("法门镇"), 13, 0, true, 0));
        h.extra.add(media(2, h.unit("午井镇"), 14, 0, true, 0));
        var c = h.conclude();
        assertEquals(List.of("政务新媒体：长期未更新：10月20日监测：14 天未更新"), problems(c.failures()));
        assertEquals(2, c.failures().get(0).getAccountId());
    }

    @Test
    void mediaForwardingPassesNotForwardingFails() {
        RuleHarness h = new RuleHarness();
        h.extra.add(media(1, h.unit("法门镇"), 1, 9, false, 0));
        h.extra.add(media(2, h.unit("午井镇"), 1, 9, true, 0));
        var c = h.conclude();
        assertEquals(List.of("政务新媒体：未按要求转发：10月20日监测：未按时转发上级要求转发的信息"), problems(c.failures()));
        assertEquals(1, c.failures().get(0).getAccountId());
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
        assertEquals("政务新媒体：个别单位需多次督促", notes.get(0).getRuleName());
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
        var c = h.conclude();
        assertEquals(List.of("法门镇", "县卫健局"), h.list(c, GOOD, "政务新媒体"));
        assertEquals("信息保障好（政务新媒体）：全部合格、无需督促且发布较多", h.entry(c, GOOD, "政务新媒体", "法门镇").getRuleName());
        assertEquals(List.of("发布数 149，要求 ≥ 150"), c.evaluations().stream()
                .filter(e -> e.getChannel().equals("政务新媒体") && h.unitName(e.getUnitId()).equals("午井镇"))
                .flatMap(e -> e.getFailed().stream()).map(x -> x.text()).toList());
    }

    @Test
    void accountStillCancellingPastItsDeadlineGetsARemark() {
        RuleHarness h = new RuleHarness();
        long u = h.unit("县住建局");
        h.extra.add(new MediaAccountFact(31, 31, "微博", "扶风住建", u, "县住建局", "注销中", LocalDate.of(2021, 12, 30)));
        // 差一点：期限就是截至日当天，还不算逾期
        h.extra.add(new MediaAccountFact(32, 32, "微博", "扶风水务", h.unit("县水利局"), "县水利局", "注销中",
                LocalDate.of(2021, 12, 31)));
        List<Remark> remarks = h.conclude().remarks();
        assertEquals(1, remarks.size());
        assertEquals("微博账号“扶风住建”仍未完成注销", remarks.get(0).getText());
        assertEquals(u, remarks.get(0).getUnitId());
        assertEquals("政务新媒体：注销逾期备注", remarks.get(0).getRuleName());
    }
}
