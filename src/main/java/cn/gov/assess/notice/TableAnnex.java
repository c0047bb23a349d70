package cn.gov.assess.notice;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.PolicyTables;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.policy.SortKey;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 附件表（rules/附件.csv）定义的附件：列取自数字与指标，行序按“排序”一列，最后按官方顺序。
 * 全部取自已保存的运行（汇总与指标取值），不重新计算规则。
 */
public final class TableAnnex {
    private TableAnnex() {
    }

    /** 一行单位：名称、官方顺序、汇总、指标取值。 */
    private record Row(long unitId, String label, int sortOrder, Tally tally, Map<String, BigDecimal> indicators) {
        BigDecimal value(String name) {
            if (indicators.containsKey(name)) {
                return indicators.get(name);
            }
            return Figures.value(tally, name);
        }
    }

    public static NoticeModel.AnnexSource build(PolicyTables.Annex def, int no, RunStore.StoredRun stored) {
        String periodWord = stored.run().getPeriod().word();
        boolean all = def.channel().equals(Policy.ALL_CHANNELS);
        Map<Long, Row> rows = new LinkedHashMap<>();
        Tally total = new Tally(def.channel(), null);
        for (RunTally t : stored.tallies()) {
            if (t.getUnitId() == null) {
                if (t.getChannel().equals(def.channel()) || all) {
                    total.merge(t.toTally());
                }
                continue;
            }
            if (!all && !t.getChannel().equals(def.channel())) {
                continue;
            }
            Row r = rows.computeIfAbsent(t.getUnitId(), id -> new Row(id, t.getUnitLabel(), t.getUnitSortOrder(),
                    new Tally(def.channel(), id), new HashMap<>()));
            r.tally().merge(t.toTally());
        }
        rows.values().removeIf(r -> r.tally().getDue() == 0);
        for (IndicatorValue v : stored.indicators()) {
            Row r = rows.get(v.getUnitId());
            if (r != null && def.channel().equals(v.getChannel() == null ? Policy.ALL_CHANNELS : v.getChannel())) {
                r.indicators().put(v.getIndicator(), v.getValue());
            }
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(order(def.order()));
        SortKey rank = def.order().isEmpty() ? null : SortKey.parse(def.order().get(0));
        List<List<String>> cells = new ArrayList<>();
        for (Row r : ordered) {
            List<String> line = new ArrayList<>();
            for (String c : def.columns()) {
                if (c.equals(PolicyTables.UNIT_COLUMN)) {
                    line.add(r.label());
                } else if (c.equals(PolicyTables.PLACE_COLUMN)) {
                    line.add(place(r, ordered, rank));
                } else {
                    line.add(cell(c, r.value(c), r.tally()));
                }
            }
            cells.add(line);
        }
        if (def.totalRow()) {
            List<String> line = new ArrayList<>();
            for (String c : def.columns()) {
                if (c.equals(PolicyTables.UNIT_COLUMN)) {
                    line.add("合计");
                } else if (Figures.exists(c)) {
                    line.add(cell(c, Figures.value(total, c), total));
                } else {
                    line.add("");
                }
            }
            cells.add(line);
        }
        List<String> header = new ArrayList<>(def.columns());
        return new NoticeModel.AnnexSource(no, def.title(periodWord), List.of(), header, cells);
    }

    /** 名次：同值同名次（1、1、3）；没有取值的不排名；按官方顺序时即行号。 */
    private static String place(Row r, List<Row> rows, SortKey key) {
        if (key == null || key.official()) {
            return String.valueOf(rows.indexOf(r) + 1);
        }
        BigDecimal v = r.value(key.field());
        if (v == null) {
            return "—";
        }
        long better = rows.stream().map(x -> x.value(key.field())).filter(x -> x != null && key.compare(x, v) < 0).count();
        return String.valueOf(better + 1);
    }

    private static Comparator<Row> order(List<String> order) {
        return SortKey.<Row>comparator(SortKey.parse(order), Row::value)
                .thenComparingInt(Row::sortOrder).thenComparing(Row::label);
    }

    /** 一格：比率分母为 0 时写这次运行的口径（数字.csv“分母为零时显示”，默认“—”），其余见 {@link #format}。 */
    private static String cell(String name, BigDecimal v, Tally t) {
        Figures.Figure f = Figures.get(name);
        return v == null && f != null && f.rate() ? f.text(t) : format(name, v);
    }

    /** 比率写作百分数（与渠道附件同一写法），计数写整数，指标按它的小数位：见 {@link Figures#text(String, BigDecimal)}。 */
    static String format(String name, BigDecimal v) {
        return Figures.text(name, v);
    }
}
