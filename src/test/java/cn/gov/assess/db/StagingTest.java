package cn.gov.assess.db;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 打开库时清除被中断的导入与考核留下的“未完成”部分，已完成的数据不动；PostgreSQL 上别人正在做的运行不动。 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class StagingTest {
    @Parameter
    Engine engine;

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void pendingRun(Connection c, long id, String period) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("insert into assessment_run (id, period, period_start, period_end, cutoff, created_at, rules_fingerprint, "
                    + "data_fingerprint, order_count, assignment_count, correction_seq, state) values (" + id + ", '" + period + "', "
                    + "date '2021-10-01', date '2021-12-31', timestamp '2021-12-31 23:59:59', current_timestamp, '"
                    + "0".repeat(64) + "', '" + "-".repeat(64) + "', 0, 0, 0, 'pending')");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into run_trail (run_id, seq, row_count, payload) values (?, ?, 10, ?)")) {
            for (int seq = 1; seq <= 2; seq++) {
                ps.setLong(1, id);
                ps.setInt(2, seq);
                ps.setBytes(3, new byte[]{0});
                ps.executeUpdate();
            }
        }
    }

    @Test
    void pendingImportsAndRunsAreRemovedAndCompletedDataKept(@TempDir Path tmp) throws Exception {
        String url = engine.freshUrl(tmp);
        try (Database db = Database.open(url)) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        }
        long orders;
        long assignments;
        try (Connection c = Engine.connect(url); Statement st = c.createStatement()) {
            orders = scalar(c, "select count(*) from work_order");
            assignments = scalar(c, "select count(*) from assignment");
            long unit = scalar(c, "select min(id) from unit");
            long batch = scalar(c, "select min(id) from import_batch");
            // 模拟被杀的导入：一个 pending 批次，和它之后编号的工单、转办
            st.execute("insert into import_batch (id, file_name, file_sha256, kind, imported_at, rows_read, rows_added, state, "
                    + "first_order_id, first_assignment_id) values (9000, 'x.csv', '" + "0".repeat(64) + "', '派单记录', "
                    + "current_timestamp, 0, 0, 'pending', 500000, 600000)");
            for (int i = 0; i < 3; i++) {
                st.execute("insert into work_order (id, channel, order_no, received_at, batch_id) values (" + (500000 + i)
                        + ", '12345市民热线', 'KILLED" + i + "', timestamp '2021-10-05 09:00:00', 9000)");
                st.execute("insert into assignment (id, order_id, unit_id, unit_spelling, deadline, completed_at, batch_id) values ("
                        + (600000 + i) + ", " + (500000 + i) + ", " + unit + ", 'x', timestamp '2021-10-10 18:00:00', null, 9000)");
            }
            // 模拟被杀的考核：一个 pending 运行，已提交两块审计记录
            pendingRun(c, 7000, "2021-Q4");
            assertTrue(batch < 9000);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long deleted = Staging.recover(Database.connectionsOnly(url), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(3 + 3 + 20, deleted);
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("上次导入没有完成") && said.contains("已删除它写入一半的 6 行"), said);
        assertTrue(said.contains("考核运行 7000 没有完成") && said.contains("20 条审计记录"), said);
        try (Connection c = Engine.connect(url)) {
            assertEquals(orders, scalar(c, "select count(*) from work_order"));
            assertEquals(assignments, scalar(c, "select count(*) from assignment"));
            assertEquals(0, scalar(c, "select count(*) from import_batch where state <> 'done'"));
            assertEquals(0, scalar(c, "select count(*) from assessment_run"));
            assertEquals(0, scalar(c, "select count(*) from run_trail"));
        }
        // 再打开一次：没有可清除的，什么也不说
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, Staging.recover(Database.connectionsOnly(url), new PrintStream(again, true, StandardCharsets.UTF_8)));
        assertEquals("", again.toString(StandardCharsets.UTF_8));
    }

    /** PostgreSQL：一次 pending 的运行，若它那一期的锁有人拿着（另一个用户正在考核），打开库时不动它；锁放开后才清除。 */
    @Test
    void aRunInProgressElsewhereIsLeftAlone(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(engine == Engine.POSTGRESQL, "H2 库只许一个命令打开，不会有别人正在做的运行");
        String url = engine.freshUrl(tmp);
        try (Database db = Database.open(url); Connection c = Engine.connect(url)) {
            pendingRun(c, 7100, "2026-Q1");
            try (AutoCloseable lock = db.lockPeriod("2026-Q1", null)) {
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                assertEquals(0, Staging.recover(Database.connectionsOnly(url), new PrintStream(log, true, StandardCharsets.UTF_8)));
                assertEquals(1, scalar(c, "select count(*) from assessment_run where id = 7100"));
                assertEquals("", log.toString(StandardCharsets.UTF_8));
            }
            assertEquals(20, Staging.recover(Database.connectionsOnly(url), null));
            assertEquals(0, scalar(c, "select count(*) from assessment_run"));
        }
    }
}
