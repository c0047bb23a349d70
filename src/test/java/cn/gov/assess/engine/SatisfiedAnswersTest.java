package cn.gov.assess.engine;

import cn.gov.assess.TestSupport;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunTally;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 参数“满意率.计为满意的回访结果”：满意率的分子计哪些回访结果；没有这一参数的旧规则目录按满意 + 基本满意。 */
class SatisfiedAnswersTest {
    private static RuleSet withSatisfied(String value) {
        Map<String, String> files = new TreeMap<>(TestSupport.rules().files());
        String params = files.get("thresholds.csv").lines()
                .filter(l -> !l.startsWith(Tally.SATISFIED_PARAMETER + ",")).reduce("", (a, b) -> a + b + "\n");
        if (value != null) {
            params += Tally.SATISFIED_PARAMETER + ",," + value + ",列表,\n";
        }
        files.put("thresholds.csv", params);
        return RuleSet.fromSnapshot("测试规则", files);
    }

    /** 一个单位三件回访：满意、基本满意、不满意。 */
    private static Tally tally(RuleSet rules) {
        RuleHarness h = new RuleHarness(rules);
        LocalDateTime d = LocalDateTime.of(2021, 11, 10, 18, 0);
        for (String answer : List.of("满意", "基本满意", "不满意")) {
            h.order("12345市民热线", d, d.minusHours(2), "甲镇")[0].withOptional(null, null, answer, null, null);
        }
        return h.tallyOf(h.tally(), "12345市民热线", "甲镇");
    }

    @Test
    void basicallySatisfiedCountsInTheShippedRules() {
        Tally t = tally(TestSupport.rules());
        assertEquals(0, new BigDecimal("2").divide(new BigDecimal("3"), Figures.PRECISION).compareTo(Figures.value(t, "满意率")));
    }

    @Test
    void aFolderWhereBasicallySatisfiedDoesNotCount() {
        Tally t = tally(withSatisfied("满意"));
        assertEquals(0, new BigDecimal("1").divide(new BigDecimal("3"), Figures.PRECISION).compareTo(Figures.value(t, "满意率")));
        assertEquals(100.0 / 3, t.getSatisfactionRate(), 1e-9);
        // 保存后读回，附件与解释算出的满意率不变
        Tally back = new RunTally(1L, t, "甲镇", 1).toTally();
        assertEquals(0, Figures.value(t, "满意率").compareTo(Figures.value(back, "满意率")));
    }

    @Test
    void anOldFolderWithoutTheParameterKeepsBothAnswers() {
        Tally t = tally(withSatisfied(null));
        assertEquals(List.of("满意", "基本满意"), t.getSatisfiedAnswers());
        assertEquals("", new Tally("x", 1L).encodeOptional(), "按旧写法算的汇总保存的文字不变");
    }

    @Test
    void anAnswerThatIsNotASurveyResultIsRefused() {
        InputException e = assertThrows(InputException.class, () -> withSatisfied("满意、很满意").parameters());
        assertTrue(e.getMessage().contains("“很满意”不是回访结果"), e.getMessage());
    }
}
