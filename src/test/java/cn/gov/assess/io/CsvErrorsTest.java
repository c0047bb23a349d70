package cn.gov.assess.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV 解析器的英文错误译成中文，行号是引号开始的那一行。 */
class CsvErrorsTest {
    static final String TEXT = "渠道,工单编号\n12345市民热线,A1\n12345市民热线,\"A2\n12345市民热线,A3\n";

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.csv");
        Files.writeString(f, TEXT, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> {
            try (CsvStream s = CsvStream.open(f)) {
                while (s.next()) {
                    // 读到出错为止
                }
            }
        });
        String m = e.problems().get(0);
        assertTrue(m.contains("第 3 行"), m);
        assertEquals(3, e.located().get(0).row());
        assertEquals(f.toString(), e.located().get(0).file());
        assertFalse(m.contains("EOF") || m.contains("startline") || m.contains("encapsulated"), m);
        InputException t = assertThrows(InputException.class, () -> CsvTable.read(f));
        assertEquals(m, t.problems().get(0));
    }

    @Test
    void textAfterClosingQuote(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("y.csv");
        Files.writeString(f, "渠道,工单编号\n12345市民热线,\"A1\"x\n", StandardCharsets.UTF_8);
        InputException t = assertThrows(InputException.class, () -> CsvTable.read(f));
        String m = t.problems().get(0);
        assertTrue(m.contains("第 2 行") && m.contains("结束引号后还有其他文字"), m);
        assertFalse(m.contains("Invalid"), m);
    }
}
