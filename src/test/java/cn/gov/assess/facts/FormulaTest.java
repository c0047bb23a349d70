package cn.gov.assess.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 指标公式：若无(…) 逐项写分母为零时的值；最外层相加的各部分记下各自的得分。 */
class FormulaTest {
    private static Formula.Result eval(String formula, Map<String, BigDecimal> values, BigDecimal columnDefault) {
        return Formula.of(formula).evaluate(values::get, n -> columnDefault, (n, v) -> v.toPlainString());
    }

    private static Map<String, BigDecimal> values(Object... kv) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? null : new BigDecimal((String) kv[i + 1]));
        }
        return m;
    }

    @Test
    void ifNoneGivesItsSecondArgumentOnlyWhenTheFirstCannotBeComputed() {
        String f = "若无(按期办结率, 0)*40 + 若无(满意率, 1)*60";
        assertEquals(0, new BigDecimal("60").compareTo(eval(f, values("按期办结率", null, "满意率", null), null).value()));
        assertEquals(0, new BigDecimal("84").compareTo(eval(f, values("按期办结率", "0.6", "满意率", "1"), null).value()));
        // 全角括号与逗号也认
        assertEquals(0, new BigDecimal("40").compareTo(eval("若无（满意率，0.4）*100", values("满意率", null), null).value()));
    }

    @Test
    void theZeroDenominatorColumnStaysTheDefaultOutsideIfNone() {
        String f = "若无(按期办结率, 0)*40 + 满意率*60";
        Formula.Result r = eval(f, values("按期办结率", null, "满意率", null), BigDecimal.ONE);
        assertEquals(0, new BigDecimal("60").compareTo(r.value()), "满意率按“分母为零”一列的 1，按期办结率按 若无 的 0");
        assertNull(eval(f, values("按期办结率", null, "满意率", null), null).value(), "没有默认值时满意率无从计算");
    }

    @Test
    void aDivisionByZeroInsideIfNoneTakesTheFallback() {
        assertEquals(0, BigDecimal.ZERO.compareTo(eval("若无(按期办结件数 / 实办数, 0)",
                values("按期办结件数", "0", "实办数", "0"), null).value()));
    }

    @Test
    void onlyRatesAndDivisionsOutsideIfNoneNeedTheColumn() {
        assertTrue(Formula.of("按期办结率*40 + 若无(满意率, 1)*60").mayDivideByZero());
        assertFalse(Formula.of("若无(按期办结率, 0)*40 + 若无(满意率, 1)*60 - 扣分").mayDivideByZero());
        assertTrue(Formula.of("若无(按期办结率, 满意率)*40").mayDivideByZero(), "第二个参数里的比率仍可能无从计算");
        assertEquals(List.of("按期办结率", "满意率"), Formula.of("若无(按期办结率, 满意率)*40").names(), "若无 不是名字");
    }

    @Test
    void anUnknownFunctionOrAMissingSecondArgumentIsNamed() {
        Formula.FormulaException e = assertThrows(Formula.FormulaException.class, () -> Formula.of("如果(满意率, 1)"));
        assertTrue(e.getMessage().contains("“如果”不是可用的函数") && e.getMessage().contains("若无"), e.getMessage());
        Formula.FormulaException two = assertThrows(Formula.FormulaException.class, () -> Formula.of("若无(满意率)*3"));
        assertTrue(two.getMessage().contains("要写两项"), two.getMessage());
    }

    @Test
    void eachTopLevelSummandKeepsItsPoints() {
        Formula.Result r = eval("按时办结率*40 + 若无(满意率, 1)*20 - 扣分", values("按时办结率", "0.9", "满意率", null, "扣分", "2"), null);
        assertEquals(3, r.parts().size(), r.parts().toString());
        assertEquals("按时办结率 0.9 × 40", r.parts().get(0).text());
        assertEquals(0, new BigDecimal("36").compareTo(r.parts().get(0).points()));
        assertEquals("（满意率 无从计算，按 1 计） × 20", r.parts().get(1).text(), "取值的写法由调用方给（这里照原样）");
        assertEquals("−扣分 2", r.parts().get(2).text());
        assertEquals(0, new BigDecimal("-2").compareTo(r.parts().get(2).points()));
        assertEquals(0, new BigDecimal("54").compareTo(r.value()));
    }
}
