package cn.gov.assess.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench city 的极小规模（2 个县 × 3 个单位 × 2,000 条转办）：市级导出分到两个县各 1,000 条，run-all 两遍结果相同，
 * 县级查看账号的五个页面都取到了（不是 200 就失败），结果追加到给出的文件。只防它坏掉，不看快慢。
 */
class BenchCityTest {
    @Test
    void aTinyCityImportsAssessesAndServesItsPages(@TempDir Path tmp) throws Exception {
        Path md = tmp.resolve("BENCH.md");
        CliTest.Outcome r = CliTest.exec("bench", "city", "--counties", "2", "--units", "3", "--assignments", "2000",
                "--threads", "2", "--warm", "2", "--work", tmp.resolve("work").toString(), "--append", md.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        String out = r.out();
        assertTrue(out.contains("与 1 个线程的结果逐字节相同"), out);
        assertTrue(out.contains("| 合成01县 | 1,000 |") && out.contains("| 合成02县 | 1,000 |"), out);
        assertTrue(out.contains("| 合成市 | — | 未运行：没有工单 | — |"), out);
        for (String page : new String[]{"| 工作台 |", "| 运行页 |", "| 单位页（转办最多的单位） |", "| 单位列表（搜索“单位”） |", "| 名单解释 |"}) {
            assertTrue(out.contains(page), page + "\n" + out);
        }
        String appended = Files.readString(md);
        assertTrue(appended.contains("命令：`bin/assess bench city --counties 2 --units 3 --assignments 2000 --threads 2 --seed 42`"), appended);
    }

    @Test
    void refusesAnH2AddressAndNonsenseSizes(@TempDir Path tmp) {
        CliTest.Outcome h2 = CliTest.exec("--db", tmp.resolve("x").toString(), "bench", "city", "--counties", "1");
        assertEquals(1, h2.code(), h2.err());
        assertTrue(h2.err().contains("bench city 的 --db 只接受 PostgreSQL 地址"), h2.err());
        CliTest.Outcome none = CliTest.exec("bench", "city", "--counties", "0", "--work", tmp.resolve("w").toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--counties 至少 1"), none.err());
    }
}
