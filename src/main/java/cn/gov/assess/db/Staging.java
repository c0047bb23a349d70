package cn.gov.assess.db;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 分批写入的“未完成”部分。百万行级的导入与考核不能放进一个事务（H2 在一个未提交事务里要保留全部撤销记录，
 * 1000 万行时库文件涨到 23 GB），所以它们先把批次或运行登记为 pending 并提交，再分批写入、分批提交，最后在一个
 * 小事务里改为 done。pending 的行对读者没有意义：进程被杀后，下一个打开库的命令（库是独占打开的，此时不可能还有
 * 别的进程在写）先删掉它们，库回到那条命令之前的样子。删除本身也分批提交，中途再被杀，下次接着删。
 */
public final class Staging {
    static final String[] RUN_TABLES = {"run_assignment", "run_trail", "run_firing", "run_monitoring", "run_tally", "run_list_entry",
            "run_disqualification", "run_rule_file", "run_meta", "run_check_result", "run_note", "run_justification"};
    private static final int DELETE_CHUNK = 100_000;

    private Staging() {
    }

    /**
     * 打开库时调用：清除被中断的导入与考核留下的 pending 行。返回删除的行数。
     * H2 库是独占打开的，此时不可能还有别的进程在写。PostgreSQL 上别的用户可能正在导入或考核：导入在一个事务里写完
     * （别人看不到它的 pending 行，被杀时服务器自动回滚）；考核运行持有它那一期的 advisory 锁，锁拿得到才说明它已中断。
     */
    static long recover(Database db, PrintStream log) {
        try (Connection c = db.connect()) {
            long deleted = 0;
            List<Long> batches = new ArrayList<>();
            Long firstOrder = null;
            Long firstAssignment = null;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id, first_order_id, first_assignment_id from import_batch where state = 'pending'")) {
                while (rs.next()) {
                    batches.add(rs.getLong(1));
                    firstOrder = min(firstOrder, (Long) rs.getObject(2));
                    firstAssignment = min(firstAssignment, (Long) rs.getObject(3));
                }
            }
            c.commit();
            if (!batches.isEmpty()) {
                deleted += discardImport(c, batches, firstOrder, firstAssignment);
                if (log != null) {
                    log.printf("上次导入没有完成（进程被中断），已删除它写入一半的 %,d 行，库已恢复到那次导入之前。%n", deleted);
                }
            }
            Map<Long, String> runs = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id, period from assessment_run where state = 'pending' order by id")) {
                while (rs.next()) {
                    runs.put(rs.getLong(1), rs.getString(2));
                }
            }
            c.commit();
            for (Map.Entry<Long, String> run : runs.entrySet()) {
                long n;
                if (db.vendor() == Vendor.POSTGRESQL) {
                    try (Connection lock = db.connect()) {
                        lock.setAutoCommit(true);
                        if (!Locks.tryPeriod(lock, run.getValue())) {
                            continue; // 另一个用户正在考核这一期：不是中断的运行
                        }
                        n = discardRun(c, run.getKey());
                        Locks.releasePeriod(lock, run.getValue());
                    }
                } else {
                    n = discardRun(c, run.getKey());
                }
                deleted += n;
                if (log != null) {
                    log.printf("考核运行 %d 没有完成（进程被中断），已删除它写入一半的 %,d 条审计记录。%n", run.getKey(), n);
                }
            }
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("清除未完成的写入失败：" + e.getMessage(), e);
        }
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }

    /**
     * 删除一次未完成导入的批次与它写入的工单、转办（编号不小于导入开始时序列的值：库独占打开，这之后的编号都属于它）。
     * 连接须已关闭自动提交；分批提交。
     */
    public static long discardImport(Connection c, List<Long> batches, Long firstOrder, Long firstAssignment) throws SQLException {
        long deleted = 0;
        if (Vendor.of(c) == Vendor.POSTGRESQL) {
            // 别的导入可能同时在写，编号区间会交错：按批次删
            Long[] ids = batches.toArray(Long[]::new);
            for (String t : new String[]{"assignment", "work_order"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + t + " where batch_id = any(?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids));
                    deleted += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from import_batch where id = any(?) and state = 'pending'")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.executeUpdate();
            }
            c.commit();
            return deleted;
        }
        if (firstAssignment != null) {
            deleted += deleteInChunks(c, "delete from assignment where id >= ?", firstAssignment);
        }
        if (firstOrder != null) {
            deleted += deleteInChunks(c, "delete from work_order where id >= ?", firstOrder);
        }
        try (PreparedStatement ps = c.prepareStatement("delete from import_batch where id = ? and state = 'pending'")) {
            for (Long b : batches) {
                ps.setLong(1, b);
                ps.executeUpdate();
            }
        }
        c.commit();
        return deleted;
    }

    /** 删除一次未完成的考核运行与它已写入的审计记录。连接须已关闭自动提交；分批提交。 */
    public static long discardRun(Connection c, long runId) throws SQLException {
        long deleted = 0;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(row_count), 0) from run_trail where run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                deleted += rs.getLong(1); // 审计记录按块存放：数的是块里的转办条数
            }
        }
        for (String t : RUN_TABLES) {
            long n = deleteInChunks(c, "delete from " + t + " where run_id = ?", runId);
            if (t.equals("run_assignment")) {
                deleted += n;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("delete from assessment_run where id = ? and state = 'pending'")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
        c.commit();
        return deleted;
    }

    private static long deleteInChunks(Connection c, String sql, long arg) throws SQLException {
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(Vendor.of(c).deleteChunk(sql, DELETE_CHUNK))) {
            ps.setLong(1, arg);
            for (int n = ps.executeUpdate(); n > 0; n = ps.executeUpdate()) {
                total += n;
                c.commit();
            }
        }
        c.commit();
        return total;
    }
}
