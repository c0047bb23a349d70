package cn.gov.assess.assessment;

import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.engine.AssignmentRow;
import cn.gov.assess.engine.PeriodInput;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.workorder.NoticeMeta;
import org.hibernate.StatelessSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * 从库里读出一次考核的输入（{@link PeriodInput}）：单位、监测、通报信息、更正，以及按工单顺序一页一页读出的本期转办
 * （已应用更正）。转办不全部放进内存：引擎取下一页时才读。用完关闭（释放读取用的连接）。
 */
public final class PeriodReader implements AutoCloseable {
    /** 读取时每页的转办数（H2 在内存中保留的结果行数上限默认 4 万，超过会写临时文件）。 */
    static final int PAGE = 20_000;

    private final Database db;
    private final Period period;
    private final LocalDateTime cutoff;
    private final PeriodInput input;
    private final Corrections.Overrides overrides;
    /** 未撤回的核减：转办编号 → 说明。 */
    private final Map<Long, String> exclusions;
    private Connection conn;
    /** 读取连接上的会话，开到读完转办：Hibernate 关闭会话时会结束连接上的事务，快照也就没了。 */
    private StatelessSession snapshot;
    private PreparedStatement ps;

    private PeriodReader(Database db, Period period, LocalDateTime cutoff) {
        this.db = db;
        this.period = period;
        this.cutoff = cutoff;
        Map<Long, UnitInfo> units = new HashMap<>();
        Map<String, String> meta = new TreeMap<>();
        MonitoringReader.Read monitoring;
        // PostgreSQL：刚导入一大批时先让规划器知道表有多大，否则分页读取每一页都是全表扫描（见 PlannerStatistics）
        cn.gov.assess.db.PlannerStatistics.refreshIfStale(db);
        // 单位、监测、更正与转办都从同一个连接、同一个快照读（PostgreSQL 的 REPEATABLE READ）：别人的导入在读单位之后、
        // 读转办之前提交时，不会出现转办的单位不在单位表里
        conn = db.connectForReading();
        try {
            snapshot = db.sessions().withStatelessOptions().connection(conn).openStatelessSession();
            StatelessSession s = snapshot;
            for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
                units.put(u.getId(), new UnitInfo(u.getId(), u.getName(), u.getKind(), u.getSortOrder()));
            }
            monitoring = MonitoringReader.load(s, period, cutoff);
            overrides = new Corrections(db).overrides(s);
            exclusions = cn.gov.assess.correction.Exclusions.active(s);
            for (NoticeMeta m : s.createSelectionQuery("from NoticeMeta m where m.period = :p", NoticeMeta.class)
                    .setParameter("p", period.code()).getResultList()) {
                meta.put(m.getField(), m.getContent());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        input = new PeriodInput(period, cutoff, units, monitoring.facts(), monitoring.labels(), meta,
                overrides.lastCorrection(), this::count, new Pages());
    }

    /** 准备读 period（截至 cutoff）：单位、监测等现在读，转办在引擎取页时读。 */
    public static PeriodReader open(Database db, Period period, LocalDateTime cutoff) {
        return new PeriodReader(db, period, cutoff);
    }

    public PeriodInput input() {
        return input;
    }

    /** 受理时间在考核期内（截至 cutoff）的工单是否存在（只探一行，不数全表）：没有时不保存空运行，免得它成为默认运行。 */
    public static boolean hasOrders(Database db, Period period, LocalDateTime cutoff) {
        LocalDateTime from = period.start().atStartOfDay();
        LocalDateTime to = period.end().plusDays(1).atStartOfDay();
        LocalDateTime before = cutoff.isBefore(to) ? cutoff.plusSeconds(1) : to;
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from work_order where received_at >= ? "
                    + "and received_at < ? fetch first 1 row only")) {
                ps.setObject(1, from);
                ps.setObject(2, before);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** 本期转办数（进度条的总数，要多扫一遍）。 */
    private long count() {
        if (conn == null) {
            throw new IllegalStateException("转办已读完，不能再数");
        }
        return snapshot.createSelectionQuery("select count(*) from Assignment a join WorkOrder o on o.id = a.orderId "
                            + "where o.receivedAt >= :from and o.receivedAt < :to", Long.class)
                    .setParameter("from", period.start().atStartOfDay())
                    .setParameter("to", period.receivedBefore(cutoff)).getSingleResult();
    }

    /**
     * 各页转办。直接用 JDBC 读：Hibernate 的无状态会话逐行滚动时每行都要清空一次持久化上下文（百万行时占读取时间的四分之一）。
     * 按工单主键分页（键集分页）：每页是一个短查询，H2 按主键定位到上一页末尾接着扫描，不排序，同一工单的转办相邻。
     * 不用一个跨越整个考核的长查询：千万行时它要读十几分钟，期间审计记录在另一个连接上提交，H2 会回收长查询
     * 还在用的旧数据块（实测 1000 万行时报 “Chunk not found”）。
     */
    private final class Pages implements Iterator<List<AssignmentRow>> {
        private int pageSize = PAGE;
        private long after = Long.MIN_VALUE;
        private boolean done;
        private List<AssignmentRow> next;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = read();
                } catch (SQLException e) {
                    throw new IllegalStateException("读取转办失败：" + e.getMessage(), e);
                }
            }
            return next != null;
        }

        @Override
        public List<AssignmentRow> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<AssignmentRow> page = next;
            next = null;
            return page;
        }

        /** 下一页（只含完整的工单）；读完时为 null。 */
        private List<AssignmentRow> read() throws SQLException {
            if (ps == null) {
                ps = conn.prepareStatement(
                        "select a.id, o.id, o.channel, o.order_no, o.received_at, a.unit_id, a.unit_spelling, a.deadline, "
                                + "a.completed_at, a.signed_at, a.sign_deadline, a.satisfaction, a.return_count, a.reopened "
                                + "from work_order o join assignment a on a.order_id = o.id "
                                + "where o.received_at >= ? and o.received_at < ? and o.id > ? and a.order_id > ? order by o.id "
                                + "fetch first ? rows only");
                // “a.order_id > ?” 与 “o.id > ?” 等价（连接条件），但要写出来：PostgreSQL 用归并连接时不会自己推出它，
                // 转办表的索引扫描每页都从头开始，1000 万行时读取线程从几十秒变成 969 秒（每页 7 秒以上，越往后越慢）。
                ps.setObject(1, period.start().atStartOfDay());
                ps.setObject(2, period.receivedBefore(cutoff));
            }
            while (true) {
                List<AssignmentRow> page = new ArrayList<>(pageSize);
                ps.setLong(3, after);
                ps.setLong(4, after);
                ps.setInt(5, pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(row(rs));
                    }
                }
                boolean lastPage = page.size() < pageSize;
                int end = page.size();
                if (!lastPage) {
                    // 页尾的工单可能只读到一部分转办：留到下一页
                    long tail = page.get(end - 1).orderId();
                    while (end > 0 && page.get(end - 1).orderId() == tail) {
                        end--;
                    }
                    if (end == 0) {
                        pageSize *= 2; // 一个工单的转办比一页还多
                        continue;
                    }
                    after = page.get(end - 1).orderId();
                    return page.subList(0, end);
                }
                done = true;
                close(); // 读完就还连接，不等考核的第二步
                return page.isEmpty() ? null : page;
            }
        }
    }

    /** 一行转办；有更正时用更正后的单位、时限与办结时间（改派的单位以单位表名称记写法），核减的带上说明。 */
    private AssignmentRow row(ResultSet rs) throws SQLException {
        long assignmentId = rs.getLong(1);
        long unitId = rs.getLong(6);
        String spelling = rs.getString(7);
        LocalDateTime deadline = rs.getObject(8, LocalDateTime.class);
        LocalDateTime completed = rs.getObject(9, LocalDateTime.class);
        Corrections.Effective fix = overrides.byAssignment().get(assignmentId);
        if (fix != null) {
            if (fix.unitId() != unitId) {
                spelling = overrides.unitNames().get(fix.unitId());
            }
            unitId = fix.unitId();
            deadline = fix.deadline();
            completed = fix.completed();
        }
        return new AssignmentRow(assignmentId, rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDateTime.class), unitId, spelling, deadline, completed,
                rs.getObject(10, LocalDateTime.class), rs.getObject(11, LocalDateTime.class), rs.getString(12),
                rs.getObject(13, Integer.class), rs.getObject(14, Boolean.class), exclusions.get(assignmentId));
    }

    @Override
    public void close() {
        try {
            if (ps != null) {
                ps.close();
            }
            if (snapshot != null) {
                snapshot.close();
            }
            if (conn != null) {
                conn.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("关闭读取转办的连接失败：" + e.getMessage(), e);
        } finally {
            ps = null;
            snapshot = null;
            conn = null;
        }
    }
}
