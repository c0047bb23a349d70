package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** issue 16 里列出的每一句英文，现在都是一行中文；退出码按 README。 */
class ChineseMessagesTest {

    private static void chineseOneLine(CliTest.Outcome o, int code, String expected) {
        assertEquals(code, o.code(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        for (String english : new String[]{"Usage", "Missing required", "Unmatched argument", "is not a long", "Exception",
                "EOF", "at org.", "at cn."}) {
            assertFalse(o.err().contains(english), o.err());
        }
        assertTrue(o.err().strip().lines().count() <= 2, o.err());
    }

    @Test
    void helpIsChinese() {
        CliTest.Outcome o = exec("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("用法：assess"), o.out());
        assertTrue(o.out().contains("显示本帮助并退出。") && o.out().contains("退出码："), o.out());
        assertFalse(o.out().contains("Usage:") || o.out().contains("Show this help message and exit."), o.out());
        CliTest.Outcome h = exec("help", "run");
        assertEquals(0, h.code());
        assertTrue(h.out().startsWith("用法：assess run"), h.out());
    }

    @Test
    void usageErrorsAreChinese(@TempDir Path tmp) {
        String db = tmp.resolve("db/assess").toString();
        chineseOneLine(exec("--db", db, "run"), 2, "缺少必填的选项：--period");
        chineseOneLine(exec("--db", db, "run", "--period"), 2, "--period");
        chineseOneLine(exec("--db", db, "2021-Q4"), 2, "多余的参数：“2021-Q4”");
        chineseOneLine(exec("--db", db, "report", "--out", tmp.toString(), "--run", "a"), 2, "取值“a”不对：应为整数");
        chineseOneLine(exec("--db", db, "run", "--period", "2021-Q4", "--frobnicate"), 2, "没有这个选项：“--frobnicate”");
    }

    @Test
    void fileSystemAndDatabaseErrorsInOneLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("README.md"), "x");
        chineseOneLine(exec("--db", file.resolve("x").toString(), "run", "--period", "2021-Q4"), 4, "是文件，不是目录");
        String db = tmp.resolve("db/assess").toString();
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        chineseOneLine(exec("--db", db, "report", "--out", file.toString()), 4, "已存在而且不是目录");
    }

    @Test
    void debugShowsTheStackTrace(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("README.md"), "x");
        CliTest.Outcome o = exec("--debug", "--db", file.resolve("x").toString(), "run", "--period", "2021-Q4");
        assertEquals(4, o.code());
        assertTrue(o.err().contains("at cn.gov.assess"), o.err());
    }

    @Test
    void csvParserErrorIsChineseWithTheLineWhereTheQuoteOpened(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("units.csv"), "单位名称,类型,排序\n县人社局,部门,1\n");
        Path f = tmp.resolve("12345.csv");
        Files.writeString(f, "渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n"
                + "12345市民热线,A1,2021-10-01,县人社局,2021-10-05,\n"
                + "12345市民热线,\"A2,2021-10-01,县人社局,2021-10-05,\n"
                + "12345市民热线,A3,2021-10-01,县人社局,2021-10-05,\n");
        chineseOneLine(exec("--db", tmp.resolve("db/assess").toString(), "import", tmp.resolve("units.csv").toString(), f.toString()), 1,
                "12345.csv 第 3 行");
    }

    @Test
    void reconcileOfAFolderWithoutNoticeTablesIsAnError(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db/assess").toString();
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("说明.txt"), "x");
        CliTest.Outcome o = exec("--db", db, "reconcile", empty.toString());
        chineseOneLine(o, 1, "没有可核对的通报表格");
        assertTrue(o.err().contains("annex-1.csv") && o.err().contains("lists.csv") && o.err().contains("totals.csv"), o.err());
        assertFalse(o.out().contains("共 0 处不一致"), o.out());
    }

    @Test
    void demoAcceptsADbPathAndPrintsIt(@TempDir Path tmp) {
        String db = tmp.resolve("demo/x").toString();
        CliTest.Outcome o = exec("--db", db, "demo", "--out", tmp.resolve("out/2021-Q4").toString());
        assertEquals(0, o.code(), o.err());
        assertFalse(o.err().contains("Flyway"), o.err());
        assertTrue(o.out().contains("--db " + db + " explain 县人社局"), o.out());
        CliTest.Outcome e = exec("--db", db, "explain", "县人社局");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("县人社局（运行 #1"), e.out());
    }
}
