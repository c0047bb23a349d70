package cn.gov.assess.notice;

/** 百分比的写法，见 {@link cn.gov.assess.facts.Figures#percent}（数字的写法只在那里定一次）。 */
public final class Percent {
    private Percent() {
    }

    public static String format(long numerator, long denominator) {
        return cn.gov.assess.facts.Figures.percent(numerator, denominator);
    }
}
