package cn.gov.assess.audit;

import cn.gov.assess.facts.Evaluation;

import java.math.BigDecimal;

/** 一项不成立的比较离要求有多远：|取值 − 要求| ÷ |要求|（要求为 0 时按 1 算）；取值或要求不是数时为无穷大（不算“差一点”）。 */
final class NearMiss {
    private NearMiss() {
    }

    static double gap(Evaluation.Check c) {
        BigDecimal v = number(c.value());
        BigDecimal t = number(c.threshold());
        if (v == null || t == null) {
            return Double.POSITIVE_INFINITY;
        }
        double base = t.signum() == 0 ? 1 : t.abs().doubleValue();
        return v.subtract(t).abs().doubleValue() / base;
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        String x = s.strip().replace("%", "").replace(",", "");
        try {
            return x.isEmpty() ? null : new BigDecimal(x);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
