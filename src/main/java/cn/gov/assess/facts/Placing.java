package cn.gov.assess.facts;

import java.util.Objects;

/**
 * 排名类名单上一个符合条件的单位的名次：按什么排、取值、组内第几名、名额、是否入选。每个候选都记下，
 * 所以“下一名是谁”“因名额未入选”是保存的事实，不是事后推算。
 */
public final class Placing {
    private final String rule;
    private final String list;
    private final String channel;
    private final long unitId;
    private final String group;
    private final String key;
    private final java.math.BigDecimal value;
    private final int place;
    private final int quota;

    public Placing(String rule, String list, String channel, UnitInfo unit, String key, long value, long place, long quota) {
        this(rule, list, channel, unit.getId(), unit.getGroup(), key, value, (int) place, (int) quota);
    }

    /** 规则表做的名单：按小数（如综合得分）排名；group 为 null 表示不分组、全体一起排。 */
    public Placing(String rule, String list, String channel, UnitInfo unit, String group, String key,
                   java.math.BigDecimal value, long place, long quota) {
        this(rule, list, channel, unit.getId(), group, key, value, (int) place, (int) quota);
    }

    public Placing(String rule, String list, String channel, long unitId, String group, String key, long value, int place,
                   int quota) {
        this(rule, list, channel, unitId, group, key, java.math.BigDecimal.valueOf(value), place, quota);
    }

    public Placing(String rule, String list, String channel, long unitId, String group, String key,
                   java.math.BigDecimal value, int place, int quota) {
        this.rule = rule;
        this.list = list;
        this.channel = channel;
        this.unitId = unitId;
        this.group = group;
        this.key = key;
        this.value = value;
        this.place = place;
        this.quota = quota;
    }

    public String getRule() { return rule; }
    public String getList() { return list; }
    public String getChannel() { return channel; }
    public long getUnitId() { return unitId; }
    public String getGroup() { return group; }
    public String getKey() { return key; }
    public java.math.BigDecimal getValue() { return value; }

    /**
     * 取值的写法，与附件相同：比率按百分数（96%、83.10%），指标照它的小数位（98.00），计数写整数。
     */
    public String getValueText() {
        Figures.Figure f = Figures.get(key);
        return Evaluation.checkText(value, f != null && f.rate());
    }
    public int getPlace() { return place; }
    public int getQuota() { return quota; }

    /** 名次在名额之内（并列按同一名次计，与末位并列的一并入选）。 */
    public boolean isSelected() {
        return place <= quota;
    }

    /** 一句话：“部门第 4 名，取前 3 名（实办数 32）”，不分组排名的说“全体第 4 名”；不限名额时只说名次。 */
    public String text() {
        String head = (group == null ? "全体" : group) + "第 " + place + " 名";
        return head + (quota >= Integer.MAX_VALUE / 2 ? "" : "，取前 " + quota + " 名") + "（" + key + " " + getValueText() + "）";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placing p && p.unitId == unitId && p.place == place && p.quota == quota && p.value.compareTo(value) == 0
                && p.rule.equals(rule) && p.list.equals(list) && Objects.equals(p.channel, channel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, list, channel, unitId, place, quota, value);
    }
}
