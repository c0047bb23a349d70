package cn.gov.assess.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 比较符只在 Comparison 定义一次：规则表的检查、DRL 的比较与理由的写法都用它。 */
class ComparisonTest {
    @Test
    void everySpellingMeansOneComparison() {
        assertEquals(Comparison.AT_LEAST, Comparison.parse(">="));
        assertEquals(Comparison.AT_LEAST, Comparison.parse(" ≥ "));
        assertEquals(Comparison.NOT_EQUAL, Comparison.parse("<>"));
        assertEquals("≠", Evaluation.normaliseOp("!="));
        assertEquals("不低于", Comparison.AT_LEAST.word());
        assertEquals("=、≠、≥、>、≤、<", Comparison.symbols());
    }

    @Test
    void atLeastHoldsAtTheThresholdAndAboveHoldsOnlyPastIt() {
        BigDecimal fifty = new BigDecimal("50");
        assertTrue(Comparison.AT_LEAST.test(new BigDecimal("50.0"), fifty));
        assertFalse(Comparison.ABOVE.test(new BigDecimal("50.0"), fifty));
        assertFalse(Comparison.AT_LEAST.test(null, fifty), "无从计算的取值不成立");
    }

    @Test
    void anUnknownSpellingIsRefusedAndTheTableCheckDoesNotStrip() {
        assertFalse(Comparison.known("大于"));
        assertFalse(Comparison.known(" ≥"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.parse("=>"));
        assertTrue(e.getMessage().contains("可用 =、≠、≥、>、≤、<"), e.getMessage());
    }
}
