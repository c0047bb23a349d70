package cn.gov.assess.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 百分比：两位小数、四舍五入，整数时不带小数：99.50%、83.08%、86%、100%。 */
public final class Percent {
    private Percent() {
    }

    public static String format(long numerator, long denominator) {
        if (denominator == 0) {
            return "—";
        }
        BigDecimal v = BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        if (v.stripTrailingZeros().scale() <= 0) {
            return v.setScale(0, RoundingMode.UNNECESSARY).toPlainString() + "%";
        }
        return v.toPlainString() + "%";
    }
}
