package cn.gov.assess.engine;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.InterviewFact;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/80-在线访谈.drl：本期举办过在线访谈的单位点名，没举办的记下 0 次。 */
class Rules80InterviewTest {
    private static final LocalDate DAY = LocalDate.of(2021, 10, 20);
    private static final String LIST = "积极参与在线访谈";

    @Test
    void unitsThatHeldAnInterviewAreNamed() {
        RuleHarness h = new RuleHarness();
        h.unit("法门镇");
        h.extra.add(new InterviewFact(DAY, h.unit("城关街道办"), "便民服务"));
        h.extra.add(new InterviewFact(DAY.plusDays(30), h.unit("城关街道办"), "垃圾分类"));
        var c = h.conclude();
        assertEquals(List.of("城关街道办"), h.list(c, LIST, "在线访谈"));
        var entry = h.entry(c, LIST, "在线访谈", "城关街道办");
        assertEquals("在线访谈：本期举办过在线访谈", entry.getRuleName());
        assertEquals("本期举办在线访谈 2 次", entry.getReason());
        // 差一点：法门镇 0 次，逐项比较记下了为什么不在
        Evaluation none = c.evaluations().stream().filter(e -> e.getList().equals(LIST) && h.unitName(e.getUnitId()).equals("法门镇"))
                .findFirst().orElseThrow();
        assertEquals("在线访谈：逐项比较", none.getRule());
        assertEquals(List.of("本期举办在线访谈次数 0，要求 > 0"), none.getFailed().stream().map(Evaluation.Check::text).toList());
    }
}
