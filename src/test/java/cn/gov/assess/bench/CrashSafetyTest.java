package cn.gov.assess.bench;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 在子进程中执行导入、考核、更正，并在随机时刻 SIGKILL：数据库要么是命令之前的样子，要么是命令之后的样子；
 * 下一条命令无需修复即可执行。H2 库被占用时，第二条命令用一行话说明；PostgreSQL 上两条命令同时进行、都成功。
 * H2 与 PostgreSQL 各跑一遍（子进程从环境变量 ASSESS_DB_USER / ASSESS_DB_PASSWORD 取 PostgreSQL 的用户与口令）。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class CrashSafetyTest {
    @Parameter
    Engine engine;

    private static final long ROWS = 40_000;

    private static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dassess.home=" + TestSupport.root(), "-cp", System.getProperty("java.class.path"), "cn.gov.assess.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long count(Database db, String table) {
        return scalar(db, "select count(*) from " + table);
    }


    private static long scalar(Database db, String sql) {
        return TestSupport.scalar(db, sql);
    }

    /** 子进程运行到被杀或自行结束，返回是否被杀。PostgreSQL 上再等服务器发现它已断开（会话结束、锁释放）。 */
    private boolean killAt(Process p, long millis, String url) throws Exception {
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        p.destroyForcibly(); // Linux 上是 SIGKILL
        p.waitFor();
        if (engine == Engine.POSTGRESQL) {
            Engine.awaitNoClientSessions(url);
        }
        return true;
    }

    @Test
    void killedImportRunAndCorrectionLeaveTheDatabaseBeforeOrAfter(@TempDir Path tmp) throws Exception {
        Random random = new Random(20261128);
        Path data = tmp.resolve("data");
        SyntheticQuarter.write(data, ROWS, 500, 3, false);
        String url = engine.freshUrl(tmp.resolve("db"));

        // 导入：杀在随机时刻，之后要么 0 行要么全部；再导入一次应成功
        for (int round = 0; round < 2; round++) {
            boolean killed = killAt(start(tmp.resolve("import.log"), "--db", url, "import", data.toString()), 1500 + random.nextInt(2500), url);
            try (Database db = Database.open(url)) {
                long n = count(db, "assignment");
                assertTrue(n == 0 || n == ROWS, "导入被杀后转办数应为 0 或 " + ROWS + "，实为 " + n + "（被杀：" + killed + "）");
                assertEquals(n == 0 ? 0 : count(db, "work_order"), count(db, "work_order"));
            }
        }
        Process finish = start(tmp.resolve("import2.log"), "--db", url, "import", data.toString());
        assertEquals(0, finish.waitFor(), Files.readString(tmp.resolve("import2.log")));
        try (Database db = Database.open(url)) {
            assertEquals(ROWS, count(db, "assignment"));
        }

        // 考核：要么没有这次运行，要么运行连同全部审计记录都在
        boolean killed = killAt(start(tmp.resolve("run.log"), "--db", url, "run", "--period", "2026-Q1"), 2500 + random.nextInt(3000), url);
        try (Database db = Database.open(url)) {
            long runs = count(db, "assessment_run");
            long trail = scalar(db, "select coalesce(sum(row_count), 0) from run_trail");
            assertTrue(runs == 0 && trail == 0 || runs == 1 && trail == ROWS,
                    "考核被杀后：运行 " + runs + " 次、审计记录 " + trail + " 行（被杀：" + killed + "）");
        }
        Process rerun = start(tmp.resolve("run2.log"), "--db", url, "run", "--period", "2026-Q1");
        assertEquals(0, rerun.waitFor(), Files.readString(tmp.resolve("run2.log")));

        // 更正：要么全部登记，要么一条没有
        Path corrections = tmp.resolve("更正.csv");
        StringBuilder sb = new StringBuilder("渠道,工单编号,办理单位,更正项目,新值,原因,提出人\n");
        List<String> lines = Files.readAllLines(data.resolve("派单.csv"));
        for (int i = 1; i <= 200; i++) {
            String[] f = lines.get(i).split(",");
            sb.append(f[0]).append(',').append(f[1]).append(',').append(f[3]).append(",办理时限,2026-04-30 18:00,延期获批,测试\n");
        }
        Files.writeString(corrections, sb.toString());
        killed = killAt(start(tmp.resolve("correct.log"), "--db", url, "correct", corrections.toString()), 1200 + random.nextInt(1500), url);
        try (Database db = Database.open(url)) {
            long n = count(db, "correction");
            assertTrue(n == 0 || n == 200, "更正被杀后应为 0 或 200 条，实为 " + n + "（被杀：" + killed + "）");
        }
    }

    /**
     * 库由另一方打开期间（这里是测试进程自己打开并一直拿着，不依赖子进程恰好还没结束），命令用一行话说明；
     * 放开之后同一条命令照常执行。
     */
    @Test
    void aSecondCommandOnADatabaseInUseSaysSoInOneLine(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(engine == Engine.H2, "H2 只许一个命令打开；PostgreSQL 见 twoCommandsAtOnceBothSucceed");
        String url = engine.freshUrl(tmp.resolve("db"));
        Path second = tmp.resolve("second.log");
        try (Database held = Database.open(url)) {
            assertEquals(0, count(held, "assignment"));
            Process p = start(second, "--db", url, "run", "--period", "2026-Q1");
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "命令 2 分钟内没有结束");
            String out = Files.readString(second).strip();
            assertEquals(4, p.exitValue(), out); // 数据库无法使用：退出码 4（docs/退出码.md）
            assertEquals(1, out.lines().count(), out);
            assertTrue(out.startsWith("错误：数据库正被另一个 assess 命令使用"), out);
        }
        Path data = tmp.resolve("data");
        SyntheticQuarter.write(data, 200, 20, 5, false);
        Process again = start(tmp.resolve("again.log"), "--db", url, "import", data.toString());
        assertTrue(again.waitFor(2, TimeUnit.MINUTES), "命令 2 分钟内没有结束");
        assertEquals(0, again.exitValue(), Files.readString(tmp.resolve("again.log")));
    }

    /** PostgreSQL：导入进行中开始考核同一期：两条命令都成功；考核看到的是导入之前或之后，不会是一半。 */
    @Test
    void twoCommandsAtOnceBothSucceed(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(engine == Engine.POSTGRESQL, "H2 库同时只许一个命令使用");
        Path data = tmp.resolve("data");
        SyntheticQuarter.write(data, ROWS, 500, 5, false);
        String url = engine.freshUrl(tmp.resolve("db"));
        Process first = start(tmp.resolve("first.log"), "--db", url, "import", data.toString());
        Thread.sleep(1500);
        // 导入尚未提交时考核读到的是空库；--allow-empty 让这种情况也保存运行，好核对“之前或之后”
        Process second = start(tmp.resolve("second.log"), "--db", url, "run", "--period", "2026-Q1", "--allow-empty");
        assertEquals(0, second.waitFor(), Files.readString(tmp.resolve("second.log")));
        assertEquals(0, first.waitFor(), Files.readString(tmp.resolve("first.log")));
        try (Database db = Database.open(url)) {
            long seen = scalar(db, "select assignment_count from assessment_run");
            assertTrue(seen == 0 || seen == ROWS, "考核读到的转办应为 0 或 " + ROWS + "，实为 " + seen);
            assertEquals(ROWS, count(db, "assignment"));
        }
    }
}
