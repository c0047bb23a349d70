package cn.gov.assess.issuance;

import cn.gov.assess.TestSupport;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 通报与申诉之前（迁移到 V20 为止）的库：两次运行，升级后照常打开，运行都是工作运行，什么也没丢，explain 与 report 与升级前一字不差。
 * 升级前的库由现在的程序写数据、再把 V21 起的结构撤掉、迁移记录删去得到（与 V20 的库结构相同，Flyway 认为它停在 V20）。
 */
class PreNoticeDatabaseTest {
    @Test
    void runsOfAnOldDatabaseBecomeWorkingRunsAndExplainTheSame(@TempDir Path tmp) throws IOException, java.sql.SQLException {
        String url = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, CliTest.exec("--db", url, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, CliTest.exec("--db", url, "run", "--period", "2021-Q4").code());
        assertEquals(0, CliTest.exec("--db", url, "run", "--period", "2021-Q4").code());
        String explain1 = CliTest.exec("--db", url, "explain", "县住建局", "--run", "1").out();
        String explain2 = CliTest.exec("--db", url, "explain", "县住建局").out();
        assertEquals(0, CliTest.exec("--db", url, "report", "--run", "1", "--out", tmp.resolve("before").toString()).code());
        long tallies;
        long runs;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            tallies = count(st, "select count(*) from run_tally");
            runs = count(st, "select count(*) from assessment_run");
            for (String sql : List.of("alter table app_user drop column jurisdiction_id", "drop table jurisdiction",
                    "drop index if exists app_user_name_key", "alter table app_user drop column name_key",
                    "alter table app_user drop column must_change", "alter table app_user drop column unlocked_at",
                    "alter table correction drop column appeal_id", "drop table appeal_attachment", "drop table appeal_item",
                    "drop table appeal", "drop table notice_event", "drop table notice", "drop sequence appeal_seq",
                    "drop sequence notice_seq", "delete from \"flyway_schema_history\" where \"version\" like '21%' or \"version\" in ('22', '23')")) {
                st.execute(sql);
            }
        }

        // 现在的程序打开：迁移 V21 起的各步，两次运行都在、都是工作运行
        try (Database db = Database.open(url)) {
            assertEquals(List.of(), new Notices(db).all());
            assertEquals(RunStatus.Kind.工作运行, RunStatus.of(db, 1, "2021-Q4").kind());
            assertEquals(RunStatus.Kind.工作运行, RunStatus.of(db, 2, "2021-Q4").kind());
            assertEquals(tallies, TestSupport.scalar(db, "select count(*) from run_tally"));
            assertEquals(runs, TestSupport.scalar(db, "select count(*) from assessment_run"));
        }
        assertEquals(explain1, CliTest.exec("--db", url, "explain", "县住建局", "--run", "1").out());
        assertEquals(explain2, CliTest.exec("--db", url, "explain", "县住建局").out());
        assertEquals(0, CliTest.exec("--db", url, "report", "--run", "1", "--out", tmp.resolve("after").toString()).code());
        try (Stream<Path> files = Files.list(tmp.resolve("before"))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().endsWith(".docx") && !f.getFileName().toString().endsWith(".xlsx")) {
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("after").resolve(f.getFileName())), f.toString());
                }
            }
        }
    }

    private static long count(Statement st, String sql) throws java.sql.SQLException {
        var rs = st.executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }
}
