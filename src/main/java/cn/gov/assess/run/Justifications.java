package cn.gov.assess.run;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Placing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 一次运行中规则记下的理由：逐项比较（{@link Evaluation}）与排名（{@link Placing}），存于 run_justification。
 * recorded 为假表示该运行早于逐项记录（V13 之前），解释时如实说明。
 */
public record Justifications(boolean recorded, List<Evaluation> evaluations, List<Placing> placings,
                             List<IndicatorValue> indicators) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "记录";
    private static final String EVALUATION = "比较";
    private static final String PLACING = "名次";
    private static final String INDICATOR = "指标";

    /** 一个单位的指标取值（channel 为 null 时不限渠道）。 */
    public List<IndicatorValue> indicators(long unitId, String channel) {
        return indicators.stream().filter(v -> v.getUnitId() == unitId
                && (channel == null || java.util.Objects.equals(v.getChannel(), channel))).toList();
    }

    public List<Evaluation> evaluations(String list, String channel) {
        return evaluations.stream().filter(e -> e.getList().equals(list) && java.util.Objects.equals(e.getChannel(), channel)).toList();
    }

    public List<Placing> placings(String list, String channel) {
        return placings.stream().filter(p -> p.getList().equals(list) && java.util.Objects.equals(p.getChannel(), channel))
                .sorted(Comparator.comparing((Placing p) -> p.getGroup() == null ? "" : p.getGroup())
                        .thenComparingInt(Placing::getPlace).thenComparingLong(Placing::getUnitId))
                .toList();
    }

    static void save(Connection conn, long runId, List<Evaluation> evaluations, List<Placing> placings,
                     List<IndicatorValue> indicators) throws SQLException {
        List<Evaluation> evs = new ArrayList<>(evaluations);
        evs.sort(Comparator.comparing(Evaluation::getList).thenComparing(e -> String.valueOf(e.getChannel()))
                .thenComparingLong(Evaluation::getUnitId).thenComparing(Evaluation::getRule));
        List<Placing> pls = new ArrayList<>(placings);
        pls.sort(Comparator.comparing(Placing::getList).thenComparing(p -> String.valueOf(p.getChannel()))
                .thenComparing(p -> String.valueOf(p.getGroup())).thenComparingInt(Placing::getPlace)
                .thenComparingLong(Placing::getUnitId));
        try (PreparedStatement ps = conn.prepareStatement("insert into run_justification (run_id, seq, kind, list_name, "
                + "channel, unit_id, unit_group, rule_name, passed, place, quota, rank_key, rank_value, checks, rank_text) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            add(ps, runId, seq++, MARK, "", null, 0, null, "", true, null, null, null, null, null, null);
            for (Evaluation e : evs) {
                add(ps, runId, seq++, EVALUATION, e.getList(), e.getChannel(), e.getUnitId(), e.getGroup(), e.getRule(),
                        e.isPassed(), null, null, null, null, json(e.getChecks()), null);
            }
            for (Placing p : pls) {
                add(ps, runId, seq++, PLACING, p.getList(), p.getChannel(), p.getUnitId(), p.getGroup(), p.getRule(),
                        p.isSelected(), p.getPlace(), p.getQuota(), p.getKey(), p.getValue().longValue(), null,
                        p.getValue().toPlainString());
            }
            List<IndicatorValue> ivs = new ArrayList<>(indicators);
            ivs.sort(Comparator.comparing(IndicatorValue::getIndicator).thenComparing(v -> String.valueOf(v.getChannel()))
                    .thenComparingLong(IndicatorValue::getUnitId));
            for (IndicatorValue v : ivs) {
                add(ps, runId, seq++, INDICATOR, v.getIndicator(), v.getChannel(), v.getUnitId(), v.getGroup(), v.getRule(),
                        v.isDefined(), null, null, null, null, json(new Stored(v.getTerms(), v.getNote(), v.getFormula(),
                                v.getExact() == null ? null : v.getExact().toPlainString(), v.getParts())),
                        v.getValue() == null ? null : v.getValue().toPlainString());
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long runId, int seq, String kind, String list, String channel, long unitId,
                            String group, String rule, boolean passed, Integer place, Integer quota, String key, Long value,
                            String checks, String rankText) throws SQLException {
        ps.setLong(1, runId);
        ps.setInt(2, seq);
        ps.setString(3, kind);
        ps.setString(4, list);
        ps.setString(5, channel);
        ps.setLong(6, unitId);
        ps.setString(7, group);
        ps.setString(8, rule);
        ps.setBoolean(9, passed);
        ps.setObject(10, place, Types.INTEGER);
        ps.setObject(11, quota, Types.INTEGER);
        ps.setString(12, key);
        ps.setObject(13, value, Types.BIGINT);
        ps.setString(14, checks);
        ps.setString(15, rankText);
        ps.addBatch();
    }

    /**
     * 读回一次运行的理由。unitId 不为空时只读该单位的逐项比较（排名全部读，用来说出谁在前、谁最后入选）；
     * list 不为空时只读该名单的。百万条转办的运行有上万条比较，解释一个单位时不必全读。
     */
    static Justifications load(Connection conn, long runId, Long unitId, String list) throws SQLException {
        boolean recorded = false;
        List<Evaluation> evs = new ArrayList<>();
        List<Placing> pls = new ArrayList<>();
        List<IndicatorValue> ivs = new ArrayList<>();
        String sql = "select kind, list_name, channel, unit_id, unit_group, rule_name, place, quota, rank_key, rank_value, checks, "
                + "rank_text "
                + "from run_justification where run_id = ?"
                + (unitId == null ? "" : " and (unit_id = ? or kind not in ('" + EVALUATION + "', '" + INDICATOR + "'))")
                + (list == null ? "" : " and (list_name = ? or kind = '" + MARK + "')")
                + " order by seq";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, runId);
            if (unitId != null) {
                ps.setLong(i++, unitId);
            }
            if (list != null) {
                ps.setString(i, list);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case MARK -> recorded = true;
                        case EVALUATION -> evs.add(Evaluation.restore(rs.getString(6), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5), checks(rs.getString(11))));
                        case PLACING -> pls.add(new Placing(rs.getString(6), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getString(9), rs.getString(12) != null
                                        ? new java.math.BigDecimal(rs.getString(12))
                                        : java.math.BigDecimal.valueOf(rs.getLong(10)), rs.getInt(7), rs.getInt(8)));
                        case INDICATOR -> {
                            Stored st = stored(rs.getString(11));
                            ivs.add(st.value(rs.getString(6), rs.getString(2), rs.getString(3), rs.getLong(4),
                                    rs.getString(5), rs.getString(12)));
                        }
                        default -> { }
                    }
                }
            }
        }
        return new Justifications(recorded, evs, pls, ivs);
    }

    /** 一次运行的全部指标取值（规则表“指标”与扣分）；旧运行没有，返回空表。 */
    static List<IndicatorValue> indicators(Connection conn, long runId) throws SQLException {
        List<IndicatorValue> ivs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("select rule_name, list_name, channel, unit_id, unit_group, "
                + "rank_text, checks from run_justification where run_id = ? and kind = '" + INDICATOR + "' order by seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored st = stored(rs.getString(7));
                    ivs.add(st.value(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return ivs;
    }

    /** 指标一行的算式各项与说明，舍入前的值与各部分得分（早先保存的运行没有后两项，读作 null）。 */
    public record Stored(List<IndicatorValue.Term> terms, String note, String formula, String exact,
                         List<IndicatorValue.Part> parts) {
        IndicatorValue value(String rule, String indicator, String channel, long unitId, String group, String value) {
            return new IndicatorValue(rule, indicator, channel, unitId, group,
                    value == null ? null : new java.math.BigDecimal(value), formula, terms, note,
                    exact == null ? null : new java.math.BigDecimal(exact), parts);
        }
    }

    private static Stored stored(String json) {
        try {
            return json == null ? new Stored(List.of(), "", "", null, null) : JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("运行中保存的指标无法读取：" + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object checks) {
        try {
            return JSON.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Evaluation.Check> checks(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Evaluation.Check>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("运行中保存的理由无法读取：" + e.getOriginalMessage(), e);
        }
    }
}
