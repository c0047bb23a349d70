package cn.gov.assess.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 逐项比较：比较符、精确的十进制比较、文字、工单编号。 */
class EvaluationTest {
    private static final UnitInfo UNIT = new UnitInfo(7, "县医保局", "部门", 30);

    @Test
    void boundaryValuesPassAndOneLessFails() {
        Evaluation e = Evaluation.of("规则", "名单", "12345市民热线", UNIT)
                .check("实办数", 50, ">=", 50)
                .check("逾期办结件数", 0, "==", 0)
                .check("未办件数", 0, "<", 1);
        assertTrue(e.isPassed());
        assertEquals("实办数 50，要求 ≥ 50；逾期办结件数 0，要求 = 0；未办件数 0，要求 < 1", e.summary());
        Evaluation miss = Evaluation.of("规则", "名单", "12345市民热线", UNIT).check("实办数", 49, "≥", 50);
        assertFalse(miss.isPassed());
        assertEquals(List.of("实办数 49，要求 ≥ 50"), miss.getFailed().stream().map(Evaluation.Check::text).toList());
    }

    @Test
    void ratesCompareAsExactDecimals() {
        Evaluation e = Evaluation.of("规则", "名单", null, UNIT)
                .check("按期办结率", new BigDecimal("99.99"), "≥", 100)
                .check("办结率", new BigDecimal("100.00"), "=", 100);
        assertEquals(List.of("按期办结率 99.99，要求 ≥ 100"), e.getFailed().stream().map(Evaluation.Check::text).toList());
        assertEquals("办结率 100，要求 = 100", e.getChecks().get(1).text());
    }

    @Test
    void orderNumbersStayWithTheComparison() {
        Evaluation e = Evaluation.of("规则", "名单", "县长信箱", UNIT).check("一票否决", 1, "=", 0, List.of("RX1"));
        assertEquals(List.of("RX1"), e.getFailed().get(0).orderNos());
        assertEquals(UNIT.getId(), e.getUnitId());
    }

    @Test
    void unknownComparisonIsRefusedInChinese() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of("规则", "名单", null, UNIT).check("实办数", 1, "=>", 1));
        assertTrue(x.getMessage().contains("未知的比较符“=>”"), x.getMessage());
    }

    @Test
    void placingInsideAndOutsideTheQuota() {
        Placing third = new Placing("排名", "名单", "12345市民热线", 1L, "部门", "实办数", 52, 3, 3);
        Placing fourth = new Placing("排名", "名单", "12345市民热线", 2L, "部门", "实办数", 32, 4, 3);
        assertTrue(third.isSelected());
        assertFalse(fourth.isSelected());
        assertEquals("部门第 4 名，取前 3 名（实办数 32）", fourth.text());
    }
}
