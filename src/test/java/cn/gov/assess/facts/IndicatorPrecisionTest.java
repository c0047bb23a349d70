package cn.gov.assess.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 指标之间不逐级舍入：用到别的指标时取舍入前的值；名单比较、排名与印出取舍入后的值。 */
class IndicatorPrecisionTest {
    @Test
    void anIndicatorUsedByAnotherIsUsedUnroundedButComparedAsPrinted() {
        UnitInfo unit = new UnitInfo(1, "乙镇", "镇", 1);
        Tally t = new Tally("12345市民热线", 1L);
        t.add("得分基数", 51); // 规则自定义的计数，公式按名字取
        IndicatorValue half = Policy.indicator("指标.csv：办结得分", "办结得分", "12345市民热线", unit, t, List.of(),
                "得分基数 / 2", 0, "四舍五入", "");
        assertEquals("26", half.getValue().toPlainString(), "印出的是舍入后的 26");
        assertEquals(0, new BigDecimal("25.5").compareTo(half.getExact()));
        IndicatorValue total = Policy.indicator("指标.csv：综合得分", "综合得分", "12345市民热线", unit, t, List.of(half),
                "办结得分 + 70", 2, "四舍五入", "");
        assertEquals("95.50", total.getValue().toPlainString(), "用的是 25.5，不是 26（那样是 96.00）");
        assertEquals(0, new BigDecimal(26).compareTo(Policy.lookup("办结得分", t, List.of(half))), "名单比较取印出的值");
        assertEquals("办结得分 25.5（印作 26） + 70", total.getParts().get(0).text() + " + " + total.getParts().get(1).text(),
                "解释里写出公式实际用的值");
    }
}
