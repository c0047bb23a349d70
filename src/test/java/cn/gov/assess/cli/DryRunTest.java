package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run --dry-run 与同一考核期最近一次正式运行比较，不拿别的考核期的运行来比；同一期没有运行时与“无”比较（全部为新增）。 */
class DryRunTest {

    @Test
    void dryRunComparesWithTheLatestRunOfTheSamePeriod(@TempDir Path tmp) {
        String db = tmp.resolve("db/assess").toString();
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-10").code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code()); // 最近一次运行（#2）是另一个考核期的

        CliTest.Outcome month = exec("--db", db, "run", "--period", "2021-10", "--dry-run");
        assertEquals(0, month.code(), month.err());
        assertTrue(month.out().contains("运行 #1"), month.out());
        assertFalse(month.out().contains("运行 #2"), month.out());
        assertFalse(month.out().contains("新导入的数据"), month.out());
        assertFalse(month.out().contains("数据指纹不同"), month.out());
        assertTrue(month.out().contains("结果没有变化。"), month.out());

        // 同一期没有运行：不拿别的考核期的运行来比，与“无”比较，全部结果为新增
        CliTest.Outcome none = exec("--db", db, "run", "--period", "2021-11", "--dry-run");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("考核期 2021-11 还没有正式运行（其他考核期的运行不拿来比）：与“无”比较，以下全部结果为新增"),
                none.out());
        assertFalse(none.out().contains("运行 #"), none.out());
        assertFalse(none.out().contains("结果没有变化。"), none.out());
        assertTrue(exec("--db", db, "runs").out().lines().noneMatch(l -> l.startsWith("#3")), "假如不保存运行");
    }
}
