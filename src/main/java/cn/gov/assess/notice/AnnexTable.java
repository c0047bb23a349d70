package cn.gov.assess.notice;

import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.ChannelConfig;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 一个渠道的附件统计表：表头来自渠道配置，单位行按转办计，末行“合计”按不重复工单计。
 * 行序：按期办结率从低到高（最差在前），同率按单位官方排序。
 */
public record AnnexTable(ChannelConfig channel, String title, List<String> header, List<List<String>> rows) {

    /**
     * 渠道配置“附件行序”一列写的行序：各项依次比较（无从计算的比率算最低），最后按官方顺序。
     */
    static Comparator<RunTally> order(List<String> order) {
        return cn.gov.assess.policy.SortKey.<RunTally>comparator(cn.gov.assess.policy.SortKey.parse(order),
                        (t, field) -> cn.gov.assess.facts.Figures.value(t.toTally(), field))
                .thenComparingInt(RunTally::getUnitSortOrder).thenComparing(RunTally::getUnitLabel);
    }

    /** 没有“附件行序”一列的旧规则快照的行序：按期办结率从低到高（实办数为 0 的最前），同率按官方排序；按分数精确比较。 */
    static final Comparator<RunTally> ROW_ORDER = Comparator
            .comparing((RunTally t) -> onTimeFraction(t.toTally()))
            .thenComparingInt(RunTally::getUnitSortOrder)
            .thenComparing(RunTally::getUnitLabel);

    private static double onTimeFraction(Tally t) {
        return t.getHandled() == 0 ? -1 : (double) t.getOnTime() / t.getHandled();
    }

    public static AnnexTable build(ChannelConfig channel, String quarterWord, List<RunTally> tallies) {
        return build(channel, quarterWord, tallies, List.of());
    }

    /** 同上；列里有指标（规则表 指标.csv 或扣分）时取自运行保存的指标取值：本渠道的，没有时取跨渠道的。 */
    public static AnnexTable build(ChannelConfig channel, String quarterWord, List<RunTally> tallies,
                                   List<IndicatorValue> indicators) {
        List<RunTally> unitRows = new ArrayList<>(tallies.stream()
                .filter(t -> t.getChannel().equals(channel.name()) && t.getUnitId() != null && t.toTally().getDue() > 0)
                .toList());
        unitRows.sort(channel.order() == null ? ROW_ORDER : order(channel.order()));
        List<List<String>> rows = new ArrayList<>();
        for (RunTally t : unitRows) {
            rows.add(row(channel, t.getUnitLabel(), t.toTally(), true, indicatorsOf(channel, t.getUnitId(), indicators)));
        }
        tallies.stream().filter(t -> t.getChannel().equals(channel.name()) && t.getUnitId() == null).findFirst()
                .ifPresent(t -> rows.add(row(channel, "合计", t.toTally(), false)));
        return new AnnexTable(channel, channel.annexTitle(quarterWord), channel.columns(), rows);
    }

    private static Map<String, BigDecimal> indicatorsOf(ChannelConfig channel, long unitId, List<IndicatorValue> all) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (IndicatorValue v : all) {
            if (v.getUnitId() == unitId && channel.name().equals(v.getChannel())) {
                out.put(v.getIndicator(), v.getValue());
            }
        }
        for (IndicatorValue v : all) {
            if (v.getUnitId() == unitId && Policy.ALL_CHANNELS.equals(v.getChannel())) {
                out.putIfAbsent(v.getIndicator(), v.getValue());
            }
        }
        return out;
    }

    /** 一行附件单元格（与附件 CSV 完全相同的文字）；合计行与不带指标的调用里，指标列为空。 */
    public static List<String> row(ChannelConfig channel, String label, Tally t, boolean remark) {
        return row(channel, label, t, remark, null);
    }

    /** 一行附件单元格：办理单位、备注，其余列是数字（写法见 {@link Figures}）或指标。 */
    public static List<String> row(ChannelConfig channel, String label, Tally t, boolean remark,
                                   Map<String, BigDecimal> indicators) {
        List<String> cells = new ArrayList<>();
        for (String col : channel.columns()) {
            Figures.Figure f = Figures.get(col);
            if (col.equals(ChannelConfig.UNIT_COLUMN)) {
                cells.add(label);
            } else if (col.equals(ChannelConfig.REMARK_COLUMN)) {
                cells.add(remark ? remark(channel, t) : "");
            } else if (f != null) {
                cells.add(f.text(t));
            } else {
                cells.add(indicators == null ? "" : Figures.text(col, indicators.get(col)));
            }
        }
        return cells;
    }

    /** 月度逾期备注，如“10月逾期 19件 11月逾期 8件 12月逾期 8件 其中未办 1件”。 */
    public static String remark(ChannelConfig channel, Tally t) {
        List<String> parts = new ArrayList<>();
        // 跨年的月份（全年考核、或截至晚于年底）写出年份，免得两个“1月”分不清
        boolean manyYears = t.getMonthlyOverdue().keySet().stream().map(YearMonth::getYear).distinct().count() > 1;
        for (Map.Entry<YearMonth, Integer> e : t.getMonthlyOverdue().entrySet()) {
            parts.add(channel.monthRemark(e.getKey(), e.getValue(), manyYears));
        }
        if (t.getOverdueUnhandled() > 0) {
            parts.add(channel.unhandledRemark(t.getOverdueUnhandled()));
        }
        return String.join(" ", parts);
    }
}
