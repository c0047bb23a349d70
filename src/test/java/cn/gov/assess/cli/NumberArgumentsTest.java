package cn.gov.assess.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 写错的运行编号（diff 的两个运行、explain 与 report 的 --run）：中文说明，点出写错的值，不是 picocli 的英文句子。 */
class NumberArgumentsTest {
    @Test
    void diffNamesTheValueInChinese(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        CliTest.Outcome o = CliTest.exec("--db", db, "diff", "a", "b");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("错误：运行A 的取值“a”不对：应为整数"), o.err());
        assertFalse(o.err().contains("is not a"), o.err());
        CliTest.Outcome second = CliTest.exec("--db", db, "diff", "1", "二");
        assertTrue(second.err().startsWith("错误：运行B 的取值“二”不对：应为整数"), second.err());
    }

    @Test
    void explainAndReportRunNumbers(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        CliTest.Outcome e = CliTest.exec("--db", db, "explain", "--run", "x", "绛帐镇");
        assertEquals(2, e.code(), e.err());
        assertTrue(e.err().startsWith("错误：--run 编号 的取值“x”不对：应为整数"), e.err());
        CliTest.Outcome r = CliTest.exec("--db", db, "report", "--run", "第一次", "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("错误：--run 编号 的取值“第一次”不对：应为整数"), r.err());
        assertFalse(e.err().contains("is not a") || r.err().contains("is not a"), e.err() + r.err());
    }
}
