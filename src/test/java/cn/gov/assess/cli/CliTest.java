package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 命令行：import → run → report，各动词的 --help，出错时非零退出并给出一行原因。 */
public class CliTest {
    public record Outcome(int code, String out, String err) {
    }

    public static Outcome exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        System.setProperty("assess.home", TestSupport.root().toString());
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void importRunReport(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        Outcome i = exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("新增 1186 行"), i.out());
        Outcome r = exec("--db", db, "run", "--period", "2021-Q4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("运行 #1：2021-Q4，截至 2021-12-31，工单 1282 个，转办 1369 条"), r.out());
        Outcome p = exec("--db", db, "report", "--out", tmp.resolve("out").toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.exists(tmp.resolve("out/annex-3.csv")));
        assertTrue(Files.exists(tmp.resolve("out/sections.md")));
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[]{"import", "run", "report", "demo"}) {
            Outcome o = exec(verb, "--help");
            assertEquals(0, o.code(), verb);
            assertTrue(o.out().contains("用法：assess " + verb), o.out());
            assertFalse(o.out().contains("Usage") || o.out().contains("Show this help"), o.out());
        }
    }

    @Test
    void errorsExitNonZeroWithOneLine(@TempDir Path tmp) {
        Outcome o = exec("--db", "jdbc:h2:file:" + tmp.resolve("db/assess"), "run", "--period", "2021-Q5");
        assertEquals(1, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("错误：考核期“2021-Q5”写得不对：季度应为 Q1–Q4。可用的写法：月 2026-03"), o.err());
        Outcome r = exec("--db", "jdbc:h2:file:" + tmp.resolve("db/assess"), "report", "--out", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("还没有考核运行"), r.err());
    }
}
