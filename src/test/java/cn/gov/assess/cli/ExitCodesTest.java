package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 退出码按异常的类型：库被另一个进程占用 4；程序内部的不变量被破坏 5（一句中文，堆栈只在 --debug 时打印）。 */
class ExitCodesTest {
    @Test
    void aDatabaseHeldByAnotherProcessExits4(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("db/assess").toAbsolutePath();
        assertEquals(0, exec("--db", base.toString(), "import", TestSupport.fixture("2021-Q4").toString()).code());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(),
                base.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", said.readLine());
            CliTest.Outcome o = exec("--db", base.toString(), "run", "--period", "2021-Q4");
            assertEquals(4, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("错误：数据库正被另一个 assess 命令使用"), o.err());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aBrokenInvariantIsAnInternalErrorExit5WithTheStackOnlyUnderDebug(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db/assess").toString();
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        // 运行里保存的理由坏了：这不是工作人员的错
        try (Connection c = DriverManager.getConnection(Database.fileUrl(Path.of(db)), "sa", "")) {
            c.createStatement().executeUpdate("update run_justification set checks = '[{'");
        }
        CliTest.Outcome o = exec("--db", db, "explain", "县人社局");
        assertEquals(5, o.code(), o.err());
        List<String> lines = o.err().strip().lines().toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("错误：程序内部错误"), o.err());
        assertTrue(lines.get(0).contains("--debug"), o.err());
        assertFalse(o.err().contains("理由无法读取") || o.err().contains("at cn.gov.assess"), o.err());

        CliTest.Outcome d = exec("--debug", "--db", db, "explain", "县人社局");
        assertEquals(5, d.code(), d.err());
        assertTrue(d.err().startsWith("错误：程序内部错误"), d.err());
        assertTrue(d.err().contains("at cn.gov.assess") && d.err().contains("运行中保存的理由无法读取"), d.err());
    }

    @Test
    void usageErrorsAreToldByTheirTypeNotByPicocliWords(@TempDir Path tmp) {
        String db = tmp.resolve("db/assess").toString();
        CliTest.Outcome given = exec("--db", db, "run", "--period", "--dry-run");
        assertEquals(2, given.code(), given.err());
        assertTrue(given.err().startsWith("错误：选项 --period") && given.err().contains("后面缺少取值"), given.err());
        CliTest.Outcome absent = exec("--db", db, "run");
        assertTrue(absent.err().startsWith("错误：缺少必填的选项：--period"), absent.err());
        CliTest.Outcome help = exec("help", "frobnicate");
        assertEquals(2, help.code(), help.err());
        assertTrue(help.err().startsWith("错误：没有命令“frobnicate”"), help.err());
    }

    @Test
    void aMissingParameterIsTheRulesFaultExit1() {
        cn.gov.assess.facts.Parameters p = cn.gov.assess.facts.Parameters.of(java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        Failures.Explained e = Failures.explain(assertThrowsInvalid(() -> p.text("不存在的参数", null)));
        assertEquals(Failures.INPUT, e.code());
        assertTrue(e.lines().get(0).startsWith("错误：参数表 rules/thresholds.csv 中没有参数“不存在的参数”"), e.lines().toString());
        assertEquals(Failures.INTERNAL, Failures.explain(new IllegalStateException("中文写的不变量")).code());
        assertEquals(Failures.ENVIRONMENT,
                Failures.explain(new IllegalStateException("写入失败", new cn.gov.assess.db.DatabaseUnavailableException("库被占用", null))).code());
    }

    private static RuntimeException assertThrowsInvalid(org.junit.jupiter.api.function.Executable x) {
        return org.junit.jupiter.api.Assertions.assertThrows(cn.gov.assess.facts.InvalidValueException.class, x);
    }
}
