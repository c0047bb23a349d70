package cn.gov.assess.audit;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 工作台首页与图表用的数字：全部取自已保存运行的汇总（run_tally），经 {@link Figures} 的同一套取值与写法，与附件、
 * explain 印的数字相同；跨期的趋势就是各期正式结果的这些数字排在一起，不另算。
 */
public final class Trends {
    /** 首页每个渠道的主要数字（数字目录里的名字，见 facts/Figures）。 */
    public static final List<String> HEADLINE = List.of("应办件数", "实办数", "办结率", "按期办结率", "逾期件数");
    /** 趋势图画的数字。 */
    public static final List<String> TREND = List.of("按期办结率", "办结率", "逾期件数");

    private Trends() {
    }

    /** 一次运行里有汇总的渠道，按规则快照里渠道表的顺序。 */
    public static List<String> channels(RunStore.StoredRun run) {
        List<String> out = new ArrayList<>();
        for (String c : run.rules().channels().keySet()) {
            if (run.tallies().stream().anyMatch(t -> t.getChannel().equals(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** 一个渠道一个单位的汇总（unitId 为 null 时是渠道合计）；没有时为 null。 */
    public static Tally tally(RunStore.StoredRun run, String channel, Long unitId) {
        for (RunTally t : run.tallies()) {
            if (t.getChannel().equals(channel) && Objects.equals(t.getUnitId(), unitId)) {
                return t.toTally();
            }
        }
        return null;
    }

    /** 印出来的写法（与附件相同：96%、83.08%、12）；没有汇总时为“—”。 */
    public static String text(Tally t, String figure) {
        return t == null ? "—" : Figures.get(figure).text(t);
    }

    /** 图上的数：比率为百分数（两位小数，96.5 表示 96.5%），计数为整数；没有汇总或分母为 0 时为 null。 */
    public static BigDecimal chartValue(Tally t, String figure) {
        if (t == null) {
            return null;
        }
        BigDecimal v = Figures.get(figure).value(t);
        if (v == null) {
            return null;
        }
        return Figures.get(figure).rate() ? v.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros() : v;
    }

    /** 比上期的变化，如“+1.5 个百分点”“-3 件”“持平”；任一期无从计算时为“—”。 */
    public static String change(Tally now, Tally before, String figure) {
        BigDecimal a = chartValue(now, figure);
        BigDecimal b = chartValue(before, figure);
        if (a == null || b == null) {
            return "—";
        }
        BigDecimal d = a.subtract(b);
        if (d.signum() == 0) {
            return "持平";
        }
        String n = d.stripTrailingZeros().toPlainString();
        return (d.signum() > 0 ? "+" : "") + n + (Figures.get(figure).rate() ? " 个百分点" : " " + Figures.get(figure).unit());
    }

    /** 比上期是升还是降：1、-1、0；无从比较时为 0。 */
    public static int direction(Tally now, Tally before, String figure) {
        BigDecimal a = chartValue(now, figure);
        BigDecimal b = chartValue(before, figure);
        return a == null || b == null ? 0 : a.compareTo(b);
    }

    /** 一个单位（或渠道合计）本期每个受理月份的逾期件数，按月份；考核期里没有逾期的月份记 0。 */
    public static Map<YearMonth, Integer> monthlyOverdue(RunStore.StoredRun run, String channel, Long unitId) {
        Map<YearMonth, Integer> out = new TreeMap<>();
        Period p = run.run().getPeriod();
        p.months().forEach(m -> out.put(m, 0));
        Tally t = tally(run, channel, unitId);
        if (t != null) {
            t.getMonthlyOverdue().forEach((m, n) -> out.merge(m, n, Integer::sum));
        }
        return out;
    }
}
