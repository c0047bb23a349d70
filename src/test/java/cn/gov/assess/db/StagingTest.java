package cn.gov.assess.db;

import cn.gov.assess.TestSupport;
import cn.gov.assess.workorder.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 打开库时清除被中断的导入与考核留下的“未完成”部分，已完成的数据不动。 */
class StagingTest {
    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void pendingImportsAndRunsAreRemovedAndCompletedDataKept(@TempDir Path tmp) throws Exception {
        String url = Database.fileUrl(tmp.resolve("db"));
        try (Database db = Database.open(url)) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        }
        long orders;
        long assignments;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
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
            st.execute("insert into assessment_run (id, period, period_start, period_end, cutoff, created_at, rules_fingerprint, "
                    + "data_fingerprint, order_count, assignment_count, correction_seq, state) values (7000, '2021-Q4', "
                    + "date '2021-10-01', date '2021-12-31', timestamp '2021-12-31 23:59:59', current_timestamp, '"
                    + "0".repeat(64) + "', '" + "-".repeat(64) + "', 0, 0, 0, 'pending')");
            st.execute("insert into run_trail (run_id, seq, row_count, payload) values (7000, 1, 10, x'00'), (7000, 2, 10, x'00')");
            assertTrue(batch < 9000);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long deleted = Staging.recover(url, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(3 + 3 + 20, deleted);
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("上次导入没有完成") && said.contains("已删除它写入一半的 6 行"), said);
        assertTrue(said.contains("考核运行 7000 没有完成") && said.contains("20 条审计记录"), said);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(orders, scalar(c, "select count(*) from work_order"));
            assertEquals(assignments, scalar(c, "select count(*) from assignment"));
            assertEquals(0, scalar(c, "select count(*) from import_batch where state <> 'done'"));
            assertEquals(0, scalar(c, "select count(*) from assessment_run"));
            assertEquals(0, scalar(c, "select count(*) from run_trail"));
        }
        // 再打开一次：没有可清除的，什么也不说
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, Staging.recover(url, new PrintStream(again, true, StandardCharsets.UTF_8)));
        assertEquals("", again.toString(StandardCharsets.UTF_8));
    }
}
