package cn.gov.assess.run;

import cn.gov.assess.facts.Evaluation;
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
public record Justifications(boolean recorded, List<Evaluation> evaluations, List<Placing> placings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "记录";
    private static final String EVALUATION = "比较";
    private static final String PLACING = "名次";

    public List<Evaluation> evaluations(String list, String channel) {
        return evaluations.stream().filter(e -> e.getList().equals(list) && java.util.Objects.equals(e.getChannel(), channel)).toList();
    }

    public List<Placing> placings(String list, String channel) {
        return placings.stream().filter(p -> p.getList().equals(list) && java.util.Objects.equals(p.getChannel(), channel))
                .sorted(Comparator.comparing((Placing p) -> p.getGroup() == null ? "" : p.getGroup())
                        .thenComparingInt(Placing::getPlace).thenComparingLong(Placing::getUnitId))
                .toList();
    }

    static void save(Connection conn, long runId, List<Evaluation> evaluations, List<Placing> placings) throws SQLException {
        List<Evaluation> evs = new ArrayList<>(evaluations);
        evs.sort(Comparator.comparing(Evaluation::getList).thenComparing(e -> String.valueOf(e.getChannel()))
                .thenComparingLong(Evaluation::getUnitId).thenComparing(Evaluation::getRule));
        List<Placing> pls = new ArrayList<>(placings);
        pls.sort(Comparator.comparing(Placing::getList).thenComparing(p -> String.valueOf(p.getChannel()))
                .thenComparing(p -> String.valueOf(p.getGroup())).thenComparingInt(Placing::getPlace)
                .thenComparingLong(Placing::getUnitId));
        try (PreparedStatement ps = conn.prepareStatement("insert into run_justification (run_id, seq, kind, list_name, "
                + "channel, unit_id, unit_group, rule_name, passed, place, quota, rank_key, rank_value, checks) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            add(ps, runId, seq++, MARK, "", null, 0, null, "", true, null, null, null, null, null);
            for (Evaluation e : evs) {
                add(ps, runId, seq++, EVALUATION, e.getList(), e.getChannel(), e.getUnitId(), e.getGroup(), e.getRule(),
                        e.isPassed(), null, null, null, null, json(e.getChecks()));
            }
            for (Placing p : pls) {
                add(ps, runId, seq++, PLACING, p.getList(), p.getChannel(), p.getUnitId(), p.getGroup(), p.getRule(),
                        p.isSelected(), p.getPlace(), p.getQuota(), p.getKey(), p.getValue(), null);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long runId, int seq, String kind, String list, String channel, long unitId,
                            String group, String rule, boolean passed, Integer place, Integer quota, String key, Long value,
                            String checks) throws SQLException {
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
        String sql = "select kind, list_name, channel, unit_id, unit_group, rule_name, place, quota, rank_key, rank_value, checks "
                + "from run_justification where run_id = ?"
                + (unitId == null ? "" : " and (unit_id = ? or kind <> '" + EVALUATION + "')")
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
                                rs.getString(5), rs.getString(9), rs.getLong(10), rs.getInt(7), rs.getInt(8)));
                        default -> { }
                    }
                }
            }
        }
        return new Justifications(recorded, evs, pls);
    }

    private static String json(List<Evaluation.Check> checks) {
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
