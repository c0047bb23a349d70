package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 空运行默认拒绝（--allow-empty 才保存）；运行可作废：不删除、不再是默认、列出时注明。 */
class RetireAndEmptyRunTest {

    @Test
    void emptyRunIsRefusedUnlessAllowedAndRetiredRunsAreNeverTheDefault(@TempDir Path tmp) {
        String db = tmp.resolve("db/assess").toString();
        CliTest.Outcome empty = exec("--db", db, "run", "--period", "2022-Q1");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("不保存空运行") && empty.err().contains("--allow-empty"), empty.err());
        assertTrue(exec("--db", db, "runs").out().contains("还没有考核运行"));

        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        CliTest.Outcome allowed = exec("--db", db, "run", "--period", "2022-Q1", "--allow-empty");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().startsWith("运行 #2：2022-Q1"), allowed.out());
        assertTrue(exec("--db", db, "explain", "县人社局").out().startsWith("县人社局（运行 #2"));

        CliTest.Outcome missing = exec("--db", db, "retire", "2", "--reason", "误跑的空季度");
        assertEquals(2, missing.code());
        assertTrue(exec("--db", db, "runs").out().lines().anyMatch(l -> l.startsWith("#2") && l.contains("有效（默认）")));

        CliTest.Outcome retire = exec("--db", db, "retire", "2", "--reason", "误跑的空季度", "--by", "张三");
        assertEquals(0, retire.code(), retire.err());
        assertTrue(retire.out().contains("运行 #2（2022-Q1）已作废：误跑的空季度（张三，") && retire.out().contains("默认运行现在是 #1"),
                retire.out());
        // 不再是默认
        assertTrue(exec("--db", db, "explain", "县人社局").out().startsWith("县人社局（运行 #1"));
        CliTest.Outcome report = exec("--db", db, "report", "--out", tmp.resolve("out").toString());
        assertTrue(report.out().startsWith("运行 #1（2021-Q4）"), report.out());
        // 不删除：指定编号仍可查看，并提醒已作废
        CliTest.Outcome old = exec("--db", db, "report", "--run", "2", "--out", tmp.resolve("out2").toString());
        assertEquals(0, old.code(), old.err());
        assertTrue(old.err().contains("注意：运行 #2 已作废（误跑的空季度，张三，"), old.err());
        // 列出时注明
        String runs = exec("--db", db, "runs").out();
        assertTrue(runs.contains("#1") && runs.contains("有效（默认）"), runs);
        assertTrue(runs.lines().anyMatch(l -> l.startsWith("#2") && l.contains("作废：误跑的空季度（张三，")), runs);
        // 再次作废、作废不存在的运行
        CliTest.Outcome again = exec("--db", db, "retire", "2", "--reason", "x", "--by", "y");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("已于") && again.err().contains("无需再作废"), again.err());
        assertEquals(1, exec("--db", db, "retire", "9", "--reason", "x", "--by", "y").code());
        // 全部作废后，默认运行没有了，说清楚
        assertEquals(0, exec("--db", db, "retire", "1", "--reason", "重算", "--by", "李四").code());
        CliTest.Outcome none = exec("--db", db, "explain", "县人社局");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("都已作废"), none.err());
        assertFalse(none.err().contains("Exception"), none.err());
    }
}
