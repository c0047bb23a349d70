package cn.gov.assess.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 一个单位一项指标（规则表“指标”里的一行，如“综合得分”）的取值，连同算式的每一项（名称与取值），解释时原样列出。
 * channel 为 null 表示跨渠道的指标（各渠道合计或平均）；value 为 null 表示无从计算（如应办件数为 0 时的比率，
 * 按该指标“分母为零”一列的写法不计）。value 按指标的小数位舍入（印出、名单比较与排名都用它）；exact 是舍入前的值，
 * 别的指标的公式用到这一项时取 exact（指标之间不逐级舍入）。parts 是公式最外层相加的各部分及其得分，解释时逐项列出。
 */
public final class IndicatorValue {
    /** 算式中的一项：名称、取值（null 表示无从计算）。 */
    public record Term(String name, BigDecimal value) {
    }

    /** 公式最外层相加的一部分：写法（带各项取值，如“满意率 82.22% × 30”）与得分（未舍入；null 为无从计算）。 */
    public record Part(String text, BigDecimal points) {
    }

    private final String rule;
    private final String indicator;
    private final String channel;
    private final long unitId;
    private final String group;
    private final BigDecimal value;
    private final String formula;
    private final List<Term> terms;
    private final String note;
    private final BigDecimal exact;
    private final List<Part> parts;

    public IndicatorValue(String rule, String indicator, String channel, long unitId, String group, BigDecimal value,
                          String formula, List<Term> terms, String note) {
        this(rule, indicator, channel, unitId, group, value, formula, terms, note, value, List.of());
    }

    /** exact：舍入前的值（null 时同 value）；parts：各部分得分（旧运行没有时为空）。 */
    public IndicatorValue(String rule, String indicator, String channel, long unitId, String group, BigDecimal value,
                          String formula, List<Term> terms, String note, BigDecimal exact, List<Part> parts) {
        this.exact = exact == null ? value : exact;
        this.parts = parts == null ? List.of() : List.copyOf(parts);
        this.rule = rule;
        this.indicator = indicator;
        this.channel = channel;
        this.unitId = unitId;
        this.group = group;
        this.value = value;
        this.formula = formula;
        this.terms = List.copyOf(terms);
        this.note = note;
    }

    public String getRule() { return rule; }
    public String getIndicator() { return indicator; }
    public String getChannel() { return channel; }
    public long getUnitId() { return unitId; }
    public String getGroup() { return group; }
    public BigDecimal getValue() { return value; }
    public String getFormula() { return formula; }
    public List<Term> getTerms() { return terms; }
    /** 取值的说明（如“应办件数为 0，按规则不计”）；没有时为空串。 */
    public String getNote() { return note == null ? "" : note; }
    public boolean isDefined() { return value != null; }
    /** 舍入前的值：别的指标的公式取这个（保存前的运行没有记它时同 {@link #getValue()}）。 */
    public BigDecimal getExact() { return value == null ? null : exact; }
    public List<Part> getParts() { return parts; }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorValue v && v.unitId == unitId && v.indicator.equals(indicator)
                && Objects.equals(v.channel, channel) && Objects.equals(v.value, value) && v.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(indicator, channel, unitId, value);
    }

    @Override
    public String toString() {
        return indicator + "(" + channel + ", " + unitId + ") = " + value;
    }
}
