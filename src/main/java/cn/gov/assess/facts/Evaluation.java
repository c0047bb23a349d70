package cn.gov.assess.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * 理由（为什么在、为什么不在）：规则对名单考核范围内的一个单位逐项比较的结果，在规则触发时记下，随运行保存。
 * 解释、网页与差异都读它，不重新解读规则原文。写法：
 * {@code insertLogical(Evaluation.of(drools.getRule().getName(), "名单", $ch, $u).check("实办数", n, "≥", 50))}。
 */
public final class Evaluation {
    /** 一项比较：字段的中文名、取值、比较符、门槛、是否成立，以及取值背后的工单编号（可为空）。 */
    public record Check(String field, String value, String op, String threshold, boolean passed, List<String> orderNos) {
        public Check {
            orderNos = orderNos == null ? List.of() : List.copyOf(orderNos);
        }

        /** 一句中文：“实办数 32，要求 ≥ 50”。 */
        public String text() {
            if (op == null || op.isEmpty()) {
                return field + (value == null || value.isEmpty() ? "" : " " + value);
            }
            return field + " " + value + "，要求 " + op + " " + threshold;
        }
    }

    private final String rule;
    private final String list;
    private final String channel;
    private final long unitId;
    private final String group;
    private final List<Check> checks = new ArrayList<>();

    private Evaluation(String rule, String list, String channel, long unitId, String group) {
        this.rule = rule;
        this.list = list;
        this.channel = channel;
        this.unitId = unitId;
        this.group = group;
    }

    public static Evaluation of(String rule, String list, String channel, UnitInfo unit) {
        return new Evaluation(rule, list, channel, unit.getId(), unit.getGroup());
    }

    /** 供保存后读回时重建。 */
    public static Evaluation restore(String rule, String list, String channel, long unitId, String group, List<Check> checks) {
        Evaluation e = new Evaluation(rule, list, channel, unitId, group);
        e.checks.addAll(checks);
        return e;
    }

    /** 数值比较：op 为 {@link Comparison} 的一种写法。 */
    public Evaluation check(String field, Number value, String op, Number threshold) {
        return check(field, value, op, threshold, null);
    }

    /** 数值比较，附上取值背后的工单编号。 */
    public Evaluation check(String field, Number value, String op, Number threshold, Collection<String> orderNos) {
        String o = normalise(op);
        boolean passed = compare(value, o, threshold);
        checks.add(new Check(field, format(value), o, format(threshold), passed,
                orderNos == null ? List.of() : new ArrayList<>(orderNos)));
        return this;
    }

    /**
     * 十进制比较，比率（rate 为真）按百分数写出（0.9615 写作 96.15%）；value 为 null 表示无从计算（如应办件数为 0 的办结率），
     * 这一项不成立。
     */
    public Evaluation checkDecimal(String field, BigDecimal value, String op, BigDecimal threshold, boolean rate,
                                   Collection<String> orderNos) {
        String o = normalise(op);
        boolean passed = compare(value, o, threshold);
        checks.add(new Check(field, value == null ? "无从计算" : shown(value, rate), o, shown(threshold, rate), passed,
                orderNos == null ? List.of() : new ArrayList<>(orderNos)));
        return this;
    }

    /**
     * 按附件的写法：比率是百分数，整数不带小数（96%），否则两位（83.10%）；带小数位的数（指标 98.00）照它的小数位写，
     * 计数写整数。
     */
    private static String shown(BigDecimal v, boolean rate) {
        if (!rate) {
            return v.scale() > 0 ? v.toPlainString() : format(v);
        }
        BigDecimal pct = v.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
        return (pct.stripTrailingZeros().scale() <= 0 ? format(pct) : pct.toPlainString()) + "%";
    }

    /** 非数值的条件（是否被一票否决、是否属于某类单位……）：由规则算好是否成立，这里只记下文字。 */
    public Evaluation condition(String field, String value, boolean passed, String requirement) {
        checks.add(new Check(field, value, requirement == null ? "" : "为", requirement == null ? "" : requirement,
                passed, List.of()));
        return this;
    }

    public String getRule() { return rule; }
    public String getList() { return list; }
    public String getChannel() { return channel; }
    public long getUnitId() { return unitId; }
    public String getGroup() { return group; }
    public List<Check> getChecks() { return List.copyOf(checks); }

    /** 全部条件成立。 */
    public boolean isPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** 不成立的条件。 */
    public List<Check> getFailed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** 一句话：各项比较用“；”连起来。 */
    public String summary() {
        return String.join("；", checks.stream().map(Check::text).toList());
    }

    /** 比较符的规范写法（见 {@link Comparison}）。 */
    public static String normaliseOp(String op) {
        return normalise(op);
    }

    /** 取值的写法：比率按百分数，无值写“无从计算”。 */
    public static String checkText(BigDecimal v, boolean rate) {
        return v == null ? "无从计算" : shown(v, rate);
    }

    static String normalise(String op) {
        return Comparison.parse(op).symbol();
    }

    static boolean compare(Number value, String op, Number threshold) {
        if (value == null || threshold == null) {
            return false;
        }
        return Comparison.parse(op).holds(decimal(value).compareTo(decimal(threshold)));
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    static String format(Number n) {
        if (n == null) {
            return "—";
        }
        BigDecimal b = decimal(n).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    @Override
    public String toString() {
        return list + "/" + channel + "/" + unitId + "：" + summary();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && e.unitId == unitId && e.rule.equals(rule) && e.list.equals(list)
                && Objects.equals(e.channel, channel) && e.checks.equals(checks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, list, channel, unitId, checks);
    }
}
