package cn.gov.assess.notice;

import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.ChannelConfig;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<RunTally> unitRows = new ArrayList<>(tallies.stream()
                .filter(t -> t.getChannel().equals(channel.name()) && t.getUnitId() != null && t.toTally().getDue() > 0)
                .toList());
        unitRows.sort(channel.order() == null ? ROW_ORDER : order(channel.order()));
        List<List<String>> rows = new ArrayList<>();
        for (RunTally t : unitRows) {
            rows.add(row(channel, t.getUnitLabel(), t.toTally(), true));
        }
        tallies.stream().filter(t -> t.getChannel().equals(channel.name()) && t.getUnitId() == null).findFirst()
                .ifPresent(t -> rows.add(row(channel, "合计", t.toTally(), false)));
        return new AnnexTable(channel, channel.annexTitle(quarterWord), channel.columns(), rows);
    }

    /** 一行附件单元格（与附件 CSV 完全相同的文字）。 */
    public static List<String> row(ChannelConfig channel, String label, Tally t, boolean remark) {
        List<String> cells = new ArrayList<>();
        for (String col : channel.columns()) {
            cells.add(switch (col) {
                case "办理单位" -> label;
                case "应办件数" -> String.valueOf(t.getDue());
                case "实办数" -> String.valueOf(t.getHandled());
                case "未办件数" -> String.valueOf(t.getUnhandled());
                case "办结率" -> Percent.format(t.getHandled(), t.getDue());
                case "逾期办结件数" -> String.valueOf(t.getOverdueCompleted());
                case "逾期未办件数" -> String.valueOf(t.getOverdueUnhandled());
                case "逾期件数" -> String.valueOf(t.getLate());
                case "逾期天数" -> String.valueOf(t.getOverdueDays());
                case "按期办结率" -> Percent.format(t.getOnTime(), t.getHandled());
                case "备注" -> remark ? remark(channel, t) : "";
                default -> throw new IllegalArgumentException("未知列：" + col);
            });
        }
        return cells;
    }

    /** 月度逾期备注，如“10月逾期 19件 11月逾期 8件 12月逾期 8件 其中未办 1件”。 */
    static String remark(ChannelConfig channel, Tally t) {
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
