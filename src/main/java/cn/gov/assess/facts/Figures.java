package cn.gov.assess.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * 一个单位在一个渠道的各项数字（“数字”）的目录：中文名、含义、怎样从 {@link Tally} 取值。
 * 指标公式、名单条件、附件列、模板变量都用这里的中文名；比率是分数（0.96 表示 96%），分母为 0 时取值为 null（“无从计算”），
 * 由用到它的指标或名单按自己的“分母为零”写法处理。计算一律用十进制，不经过二进制浮点。
 */
public final class Figures {
    /** 十进制除法的精度（34 位有效数字），只在最后按指标的小数位舍入。 */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    /** 一项数字：名称、含义、单位（件、天、率）、取值。比率另记分子分母；汇总记着背后工单编号的，orders 取这些编号。 */
    public record Figure(String name, String meaning, String unit, ToLongFunction<Tally> count,
                         ToLongFunction<Tally> numerator, ToLongFunction<Tally> denominator,
                         java.util.function.Function<Tally, List<String>> orders) {
        /** 这个数字背后的工单编号（汇总没有记的为空表）。 */
        public List<String> orderNos(Tally t) {
            return orders == null ? List.of() : orders.apply(t);
        }

        public boolean rate() {
            return numerator != null;
        }

        /**
         * 印在通报、附件与网页上的写法：计数写整数，比率写百分数；分母为 0 时写规则表 数字.csv 的“分母为零时显示”（默认“—”）。
         */
        public String text(Tally t) {
            if (!rate()) {
                return String.valueOf(count.applyAsLong(t));
            }
            Rate r = t.getRates().get(name);
            long d = denominator(t);
            if (d == 0 && r != null) {
                return r.zero();
            }
            return percent(numerator(t), d);
        }

        /** 取值：计数为整数；比率为分数，分母为 0 时为 null。 */
        public BigDecimal value(Tally t) {
            if (!rate()) {
                return BigDecimal.valueOf(count.applyAsLong(t));
            }
            long d = denominator(t);
            if (d == 0) {
                return null;
            }
            return BigDecimal.valueOf(numerator(t)).divide(BigDecimal.valueOf(d), PRECISION);
        }

        /** 比率的分子：这次运行的规则表（数字.csv）另有定义时按它，否则按程序里的定义。 */
        public long numerator(Tally t) {
            Rate r = t.getRates().get(name);
            return r == null ? numerator.applyAsLong(t) : ALL.get(r.numerator()).count().applyAsLong(t);
        }

        /** 比率的分母，同上。 */
        public long denominator(Tally t) {
            Rate r = t.getRates().get(name);
            return r == null ? denominator.applyAsLong(t) : ALL.get(r.denominator()).count().applyAsLong(t);
        }
    }

    /**
     * 一个比率的口径：分子、分母（都是计数的名字）与分母为 0 时印出的写法。规则表 数字.csv 每行一个；
     * 与程序里的定义（{@link #defaults()}）相同的不记，旧运行与未改口径的运行因此与以前一样。
     */
    public record Rate(String numerator, String denominator, String zero) {
        /** 保存在汇总里的写法：分子/分母/显示（三项都不含“/”“;”“=”）。 */
        public String encode() {
            return numerator + "/" + denominator + "/" + zero;
        }

        public static Rate decode(String s) {
            String[] p = s.split("/", -1);
            return new Rate(p[0], p[1], p.length > 2 ? p[2] : ZERO);
        }
    }

    private static final Map<String, Figure> ALL;
    /** 比率分母为 0 时默认的写法。 */
    public static final String ZERO = "—";
    private static final Map<String, Rate> DEFAULT_RATES = new LinkedHashMap<>();

    static {
        Map<String, Figure> m = new LinkedHashMap<>();
        count(m, "应办件数", "本期应办理的转办件数（已办结与截止日仍未办结的）", Tally::getDue);
        count(m, "实办数", "本期已办结的转办件数", Tally::getHandled);
        count(m, "未办件数", "截止日仍未办结的转办件数", Tally::getUnhandled);
        count(m, "逾期办结件数", "超过办理时限才办结的转办件数", Tally::getOverdueCompleted);
        m.put("逾期未办件数", new Figure("逾期未办件数", "超过办理时限仍未办结的转办件数", "件", Tally::getOverdueUnhandled, null,
                null, Tally::getOverdueUnhandledOrderNos));
        count(m, "逾期件数", "逾期办结与逾期未办件数之和", Tally::getLate);
        count(m, "按期办结件数", "实办数减逾期办结件数", Tally::getOnTime);
        count(m, "在办件数", "截止日未办结、办理时限未到的转办件数", Tally::getOpen);
        count(m, "逾期天数", "逾期转办的逾期天数之和", Tally::getOverdueDays);
        count(m, "已回访件数", "回访结果为满意、基本满意、不满意的件数", Tally::getSurveyed);
        count(m, "满意件数", "回访结果为满意的件数", Tally::getSatisfied);
        count(m, "基本满意件数", "回访结果为基本满意的件数", Tally::getBasicallySatisfied);
        count(m, "不满意件数", "回访结果为不满意的件数", Tally::getDissatisfied);
        count(m, "有签收时限件数", "导出带签收时限的转办件数", Tally::getSignDue);
        count(m, "按时签收件数", "在签收时限内签收的转办件数", Tally::getSignedOnTime);
        count(m, "回退件数", "退回过热线中心的转办件数", Tally::getReturned);
        count(m, "重办件数", "重办的转办件数", Tally::getReopened);
        count(m, "转办数", "本期转办给单位的件数：应办件数加上不计入本期的在办件（参数“在办件计入应办”为“否”时）；合计行按不重复工单",
                Tally::getAssigned);
        count(m, "计为满意件数", "回访结果计为满意的件数（哪些回访结果计为满意见参数“" + Tally.SATISFIED_PARAMETER
                + "”，缺省为满意、基本满意）", Tally::getCountedSatisfied);
        rate(m, "办结率", "实办数", "应办件数", Tally::getHandled, Tally::getDue);
        rate(m, "按期办结率", "按期办结件数", "实办数", Tally::getOnTime, Tally::getHandled);
        rate(m, "按时办结率", "按期办结件数", "应办件数", Tally::getOnTime, Tally::getDue);
        rate(m, "满意率", "计为满意件数", "已回访件数", Tally::getCountedSatisfied, Tally::getSurveyed);
        rate(m, "及时签收率", "按时签收件数", "有签收时限件数", Tally::getSignedOnTime, Tally::getSignDue);
        rate(m, "回退率", "回退件数", "应办件数", Tally::getReturned, Tally::getDue);
        rate(m, "重办率", "重办件数", "应办件数", Tally::getReopened, Tally::getDue);
        ALL = Collections.unmodifiableMap(m);
    }

    private Figures() {
    }

    private static void count(Map<String, Figure> m, String name, String meaning, ToLongFunction<Tally> f) {
        m.put(name, new Figure(name, meaning, name.endsWith("天数") ? "天" : "件", f, null, null, null));
    }

    private static void rate(Map<String, Figure> m, String name, String numerator, String denominator,
                             ToLongFunction<Tally> n, ToLongFunction<Tally> d) {
        m.put(name, new Figure(name, numerator + " ÷ " + denominator + "（口径以规则表 数字.csv 为准）", "率", null, n, d, null));
        DEFAULT_RATES.put(name, new Rate(numerator, denominator, ZERO));
    }

    /**
     * 程序里记着的比率口径：与随程序发布的规则表 rules/数字.csv 相同（FigureTableTest 核对两者一致），只用于没有这张表的
     * 旧规则快照与旧运行；现行口径以规则表为准，表里与此不同的口径随汇总保存。
     */
    public static Map<String, Rate> defaults() {
        return Collections.unmodifiableMap(DEFAULT_RATES);
    }

    /** 全部数字，按目录顺序。 */
    public static Map<String, Figure> all() {
        return ALL;
    }

    public static Figure get(String name) {
        return ALL.get(name);
    }

    public static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /** 百分比：两位小数、四舍五入，整数时不带小数：99.50%、83.08%、86%、100%；分母为 0 时为“—”。 */
    public static String percent(long numerator, long denominator) {
        if (denominator == 0) {
            return "—";
        }
        BigDecimal v = BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return (v.stripTrailingZeros().scale() <= 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v).toPlainString() + "%";
    }

    /** 一个已算出的值（数字或指标）的写法：比率型的数字写百分数（与 {@link Figure#text} 同一写法），其余照写；无值为“—”。 */
    public static String text(String name, BigDecimal v) {
        if (v == null) {
            return "—";
        }
        Figure f = ALL.get(name);
        if (f != null && f.rate()) {
            BigDecimal pct = v.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
            return (pct.stripTrailingZeros().scale() <= 0 ? pct.setScale(0, RoundingMode.UNNECESSARY) : pct).toPlainString() + "%";
        }
        return v.toPlainString();
    }

    /** 一个数字的取值；规则自定义的计数（Tally.add）也可按名称取。未知名称为 null。 */
    public static BigDecimal value(Tally t, String name) {
        Figure f = ALL.get(name);
        if (f != null) {
            return f.value(t);
        }
        Integer extra = t.getExtras().get(name);
        return extra == null ? null : BigDecimal.valueOf(extra);
    }
}
