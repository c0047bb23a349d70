package cn.gov.assess.web;

import cn.gov.assess.audit.Trends;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.run.RunStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 页面上的图：每张图一份数据（放进页面的 {@code <script type="application/json">}，由 assets/charts.js 用 ECharts 画出），
 * 同一份数据也排成表格放在图下面。数字全部来自已保存的运行（{@link Trends}），这里只排列，不计算。
 */
final class Charts {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private Charts() {
    }

    /**
     * 趋势：一项数字在各期（runs 按考核期从早到晚）的取值，每个渠道一条线；unitId 为 null 时画渠道合计。
     */
    static Map<String, Object> trend(String id, String figure, List<RunStore.StoredRun> runs, List<String> channels, Long unitId) {
        List<String> periods = new ArrayList<>();
        runs.forEach(r -> periods.add(r.run().getPeriod().code()));
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("考核期"));
        List<List<String>> rows = new ArrayList<>();
        runs.forEach(r -> rows.add(new ArrayList<>(List.of(r.run().getPeriod().code() + "（运行 #" + r.run().getId() + "）"))));
        for (String c : channels) {
            List<BigDecimal> data = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Tally t = Trends.tally(runs.get(i), c, unitId);
                data.add(Trends.chartValue(t, figure));
                rows.get(i).add(Trends.text(t, figure));
            }
            header.add(c);
            series.add(series(c, data));
        }
        boolean rate = Figures.get(figure).rate();
        return chart(id, figure + "（各期）", "line", periods, series, rate ? "%" : Figures.get(figure).unit(), null, header, rows);
    }

    /**
     * 辖区对比：一个渠道的一项数字在各期（periods 从早到晚）的取值，每个辖区一条线；tallies 的第 i 个是第 i 期那个辖区的
     * 渠道合计（那期没有运行时为 null）。
     */
    static Map<String, Object> byJurisdiction(String id, String figure, String channel, List<String> periods,
                                              Map<String, List<Tally>> tallies) {
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("考核期"));
        List<List<String>> rows = new ArrayList<>();
        periods.forEach(p -> rows.add(new ArrayList<>(List.of(p))));
        for (Map.Entry<String, List<Tally>> e : tallies.entrySet()) {
            List<BigDecimal> data = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                Tally t = e.getValue().get(i);
                data.add(Trends.chartValue(t, figure));
                rows.get(i).add(Trends.text(t, figure));
            }
            header.add(e.getKey());
            series.add(series(e.getKey(), data));
        }
        boolean rate = Figures.get(figure).rate();
        return chart(id, channel + " " + figure + "（各辖区、各期）", "line", periods, series, rate ? "%" : Figures.get(figure).unit(),
                null, header, rows);
    }

    /** 本期各受理月份的逾期件数，每个渠道一组柱。 */
    static Map<String, Object> overdueByMonth(String id, RunStore.StoredRun run, List<String> channels, Long unitId) {
        List<String> months = new ArrayList<>();
        run.run().getPeriod().months().forEach(m -> months.add(m.toString()));
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("受理月份"));
        List<List<String>> rows = new ArrayList<>();
        months.forEach(m -> rows.add(new ArrayList<>(List.of(m))));
        for (String c : channels) {
            Map<YearMonth, Integer> byMonth = Trends.monthlyOverdue(run, c, unitId);
            List<BigDecimal> data = new ArrayList<>();
            int i = 0;
            for (Integer n : byMonth.values()) {
                data.add(BigDecimal.valueOf(n));
                rows.get(i++).add(String.valueOf(n));
            }
            header.add(c);
            series.add(series(c, data));
        }
        return chart(id, "逾期件数（按受理月份）", "bar", months, series, "件", null, header, rows);
    }

    /**
     * 排名类名单一组里各单位的排名依据取值（按名次），名额处画一条线：线左边的入选。placings 是运行记下的名次。
     */
    static Map<String, Object> spread(String id, String title, List<Placing> placings, java.util.function.LongFunction<String> unitName) {
        List<Placing> sorted = new ArrayList<>(placings);
        sorted.sort(java.util.Comparator.comparingInt(Placing::getPlace));
        List<String> units = new ArrayList<>();
        List<BigDecimal> data = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int selected = 0;
        String key = sorted.isEmpty() ? "" : sorted.get(0).getKey();
        for (Placing p : sorted) {
            String name = unitName.apply(p.getUnitId());
            units.add(name);
            data.add(p.getValue());
            rows.add(List.of(String.valueOf(p.getPlace()), name, p.getValueText(), p.isSelected() ? "入选" : "未入选"));
            if (p.isSelected()) {
                selected++;
            }
        }
        Map<String, Object> s = series(key, data);
        return chart(id, title, "bar", units, List.of(s), "", selected, List.of("名次", "单位", key, "结果"), rows);
    }

    private static Map<String, Object> series(String name, List<BigDecimal> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        return s;
    }

    private static Map<String, Object> chart(String id, String title, String kind, List<String> categories,
                                             List<Map<String, Object>> series, String unit, Integer cut, List<String> header,
                                             List<List<String>> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("kind", kind);
        data.put("unit", unit);
        data.put("categories", categories);
        data.put("series", series);
        if (cut != null) {
            data.put("cut", cut); // 前 cut 个入选
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("json", json(data));
        m.put("header", header);
        m.put("rows", rows);
        return m;
    }

    /** JSON 放进 HTML 的 script 块：&lt; &gt; &amp; 写成 \\u 转义，单位名里的“&lt;/script&gt;”也结束不了这个块。 */
    static String json(Object data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
