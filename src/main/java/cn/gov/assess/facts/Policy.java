package cn.gov.assess.facts;


import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * 规则表（指标、名单、否决与扣分）编译成的 DRL 在“then”里调用的计算：取数字、算公式、逐项比较、取名额。
 * 这里不认识任何名单、指标或门槛，它们都写在规则表里、由 policy.PolicyTables 写进生成的规则。
 */
public final class Policy {
    /** 跨渠道的指标与名单的渠道名（各渠道合计）。 */
    public static final String ALL_CHANNELS = "全部渠道";
    /** 公式里代表本单位本渠道全部扣分之和的名字。 */
    public static final String DEDUCTIONS = "扣分";
    /** 扣分行记成指标时规则名的前缀（“扣分”一项按它求和）。 */
    public static final String DEDUCTION_RULE_PREFIX = "否决与扣分.csv";

    private Policy() {
    }

    /**
     * 取一个名字的值：数字目录里的数字、别的指标、扣分之和。无从计算为 null。指标取按小数位舍入后的值
     * （名单条件与排名比的就是印出来的数）；公式里用 {@link #exact}。
     */
    public static BigDecimal lookup(String name, Tally t, Collection<?> indicators) {
        return lookup(name, t, indicators, false);
    }

    /** 同 {@link #lookup}，但指标取舍入前的值：公式用到别的指标时不逐级舍入。 */
    public static BigDecimal exact(String name, Tally t, Collection<?> indicators) {
        return lookup(name, t, indicators, true);
    }

    private static BigDecimal lookup(String name, Tally t, Collection<?> indicators, boolean exact) {
        BigDecimal deductions = BigDecimal.ZERO;
        boolean deductionSeen = false;
        for (Object o : indicators) {
            IndicatorValue v = (IndicatorValue) o;
            if (v.getIndicator().equals(name)) {
                return exact ? v.getExact() : v.getValue();
            }
            if (v.getRule().startsWith(DEDUCTION_RULE_PREFIX) && v.getValue() != null) {
                deductions = deductions.add(v.getValue());
                deductionSeen = true;
            }
        }
        if (name.equals(DEDUCTIONS)) {
            return deductionSeen ? deductions : BigDecimal.ZERO;
        }
        return t == null ? null : Figures.value(t, name);
    }

    /** 比率型的数字按百分数写出。 */
    static boolean isRate(String name) {
        Figures.Figure f = Figures.get(name);
        return f != null && f.rate();
    }

    /**
     * 一个单位一项指标：按公式算，按小数位与舍入方式舍入；某项无从计算时按“分母为零”一列：“不计”则无值，
     * 填一个数则那一项按这个数算（公式里写了 若无(…) 的项按 若无 的第二个参数算）。用到的别的指标取舍入前的值，
     * 只有这项指标自己的结果按小数位舍入。tallies 为一个 Tally（按渠道或各渠道合计）或多个（各渠道平均：逐渠道算后取平均）。
     */
    public static IndicatorValue indicator(String rule, String name, String channel, UnitInfo unit, Object tallies,
                                           Collection<?> indicators, String formula, int scale, String rounding,
                                           String zero) {
        Formula f = Formula.of(formula);
        List<Tally> each = new ArrayList<>();
        if (tallies instanceof Tally t) {
            each.add(t);
        } else {
            for (Object o : (Collection<?>) tallies) {
                each.add((Tally) o);
            }
        }
        BigDecimal substitute = zero == null || zero.isBlank() || zero.strip().equals("不计") ? null : number(zero);
        List<IndicatorValue.Term> terms = new ArrayList<>();
        List<IndicatorValue.Part> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int defined = 0;
        for (Tally t : each) {
            Formula.Result r = f.evaluate(n -> exact(n, t, indicators), n -> substitute != null && isRate(n) ? substitute : null,
                    (n, v) -> shown(n, v, indicators));
            if (each.size() == 1) {
                r.terms().forEach((k, v) -> terms.add(new IndicatorValue.Term(k, v)));
                r.parts().forEach(p -> parts.add(new IndicatorValue.Part(p.text(), p.points())));
            } else {
                terms.add(new IndicatorValue.Term(t.getChannel(), r.value()));
            }
            if (r.value() == null) {
                notes.add((each.size() == 1 ? "" : t.getChannel() + "：") + r.problem());
            } else {
                total = total.add(r.value());
                defined++;
            }
        }
        BigDecimal value;
        if (each.size() == 1) {
            value = defined == 1 ? total : null;
        } else {
            value = defined == 0 ? null : total.divide(BigDecimal.valueOf(defined), Figures.PRECISION);
        }
        BigDecimal exact = value;
        if (value != null) {
            value = value.setScale(scale, rounding(rounding));
        } else if (substitute == null) {
            notes.add("按规则表“分母为零”一列不计");
        }
        return new IndicatorValue(rule, name, channel, unit.getId(), unit.getGroup(), value, formula, terms,
                String.join("；", notes), exact, parts);
    }

    /**
     * 公式一项取值在解释里的写法：比率按附件的百分数（96%、83.10%），指标按它的小数位（舍入前后不同时写
     * “25.5（印作 26）”），计数写整数。
     */
    static String shown(String name, BigDecimal v, Collection<?> indicators) {
        if (isRate(name)) {
            return Evaluation.checkText(v, true);
        }
        for (Object o : indicators) {
            IndicatorValue iv = (IndicatorValue) o;
            if (iv.getIndicator().equals(name) && iv.getValue() != null) {
                // 公式取的是舍入前的值：与印出的不同时两个都写，免得“26 + 70 = 95.50”对不上
                BigDecimal e = iv.getExact();
                return e.compareTo(iv.getValue()) == 0 ? iv.getValue().toPlainString()
                        : Formula.plain(e.setScale(Math.max(iv.getValue().scale() + 2, 4), java.math.RoundingMode.HALF_UP))
                        + "（印作 " + iv.getValue().toPlainString() + "）";
            }
        }
        return Formula.plain(v);
    }

    public static RoundingMode rounding(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "", "四舍五入" -> RoundingMode.HALF_UP;
            case "截断", "舍去" -> RoundingMode.DOWN;
            case "进一", "进位" -> RoundingMode.UP;
            case "四舍六入", "银行家舍入" -> RoundingMode.HALF_EVEN;
            default -> throw new InvalidValueException("未知的舍入方式“" + text + "”");
        };
    }

    /** 一条扣分：字段取值（满足条件时）× 每件扣分，记成一项指标，公式里用它的名字或“扣分”（之和）取用。 */
    public static IndicatorValue deduction(String rule, String name, String channel, UnitInfo unit, Tally t, String field,
                                           String op, String value, String perItem) {
        BigDecimal v = Figures.value(t, field);
        BigDecimal points = number(perItem);
        boolean applies = v != null && (op == null || op.isBlank() || compare(v, op, number(value)));
        BigDecimal result = applies ? v.multiply(points) : BigDecimal.ZERO;
        return new IndicatorValue(rule, name, channel, unit.getId(), unit.getGroup(), result, field + "*" + perItem,
                List.of(new IndicatorValue.Term(field, v), new IndicatorValue.Term("每件扣分", points)), "");
    }

    /** 取消表扬资格的一条：字段与门槛比较成立时的说明与工单编号（逾期未办的工单编号随汇总记下）。 */
    public static Disqualification veto(String rule, UnitInfo unit, Tally t, String field, String op, String value,
                                        String effect) {
        BigDecimal v = Figures.value(t, field);
        String reason = t.getChannel() + " " + field + " " + Evaluation.checkText(v, isRate(field)) + "，达到“"
                + Evaluation.normaliseOp(op) + " " + value + "”即" + effect;
        Figures.Figure f = Figures.get(field);
        List<String> orders = f == null ? List.of() : f.orderNos(t);
        return new Disqualification(unit.getId(), t.getChannel(), rule, reason, orders);
    }

    /** 否决条件是否成立。 */
    public static boolean holds(Tally t, String field, String op, String value) {
        BigDecimal v = Figures.value(t, field);
        return v != null && compare(v, op, number(value));
    }

    /**
     * 名单的逐项比较：conditions 依次是 字段、比较符、值（每三个一组）；veto 为真时加一项“一票否决 = 0”，
     * 带上导致否决的工单编号。
     */
    public static Evaluation evaluate(String rule, String list, String channel, UnitInfo unit, Tally t,
                                      Collection<?> indicators, Collection<?> vetoes, boolean veto, String... conditions) {
        Evaluation e = Evaluation.of(rule, list, channel, unit);
        for (int i = 0; i + 2 < conditions.length; i += 3) {
            String field = conditions[i];
            BigDecimal v = lookup(field, t, indicators);
            e.checkDecimal(field, v, conditions[i + 1], number(conditions[i + 2]), isRate(field), null);
        }
        if (veto) {
            List<String> orders = new ArrayList<>();
            for (Object d : vetoes) {
                orders.addAll(((Disqualification) d).getOrderNos());
            }
            e.check("一票否决", vetoes.size(), "=", 0, orders);
        }
        return e;
    }

    /** 名单理由：各段用“；”连起来，空的一段不写（没有条件的排名名单不以“；”开头）。 */
    public static String reason(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return String.join("；", out);
    }

    /** 排名依据的取值（数字或指标）；无从计算为 null，不参加排名。 */
    public static BigDecimal key(String field, Tally t, Collection<?> indicators) {
        return lookup(field, t, indicators);
    }

    /** 排名依据为计数时的整数取值（名单成员的“数量”），否则为实办数。 */
    public static int volume(String field, Tally t, BigDecimal key) {
        Figures.Figure f = Figures.get(field);
        if (f != null && !f.rate() && key != null) {
            return key.intValue();
        }
        return t == null ? 0 : t.getHandled();
    }

    private static final java.util.regex.Pattern QUOTA = java.util.regex.Pattern.compile("^(?:([^\\d\\s]+)\\s*)?(\\d+)\\s*名?$");

    /** 名额写法拆成各组名额（组名为空是所有组）；写法不对时 IllegalArgumentException 带出错的那一段。 */
    public static Map<String, Integer> quotas(String spec) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String part : spec.split("[、，,；;]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher x = QUOTA.matcher(p);
            if (!x.matches()) {
                throw new IllegalArgumentException(p);
            }
            m.put(x.group(1) == null ? "" : x.group(1).strip(), Integer.parseInt(x.group(2)));
        }
        return m;
    }

    /** 名额：“3”（每组 3 名）、“镇街 3、部门 2”（各组不同）；留空为不限。 */
    public static int quota(String spec, String group) {
        if (spec == null || spec.isBlank()) {
            return Integer.MAX_VALUE;
        }
        Map<String, Integer> byGroup = quotas(spec);
        Integer q = byGroup.get(group == null ? "" : group);
        if (q == null) {
            q = byGroup.get("");
        }
        return q == null ? 0 : q;
    }

    /** 各渠道合计：一个单位各渠道的汇总相加。 */
    public static Tally sum(long unitId, Collection<?> tallies) {
        Tally total = new Tally(ALL_CHANNELS, unitId);
        for (Object o : tallies) {
            total.merge((Tally) o);
        }
        return total;
    }

    /** 值的写法：数、百分数（90% 即 0.9）。 */
    public static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace('％', '%');
        if (s.endsWith("%")) {
            return new BigDecimal(s.substring(0, s.length() - 1).strip()).movePointLeft(2);
        }
        return new BigDecimal(s);
    }

    static boolean compare(BigDecimal v, String op, BigDecimal threshold) {
        return Comparison.parse(op).test(v, threshold);
    }
}
