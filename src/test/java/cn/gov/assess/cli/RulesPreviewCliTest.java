package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** assess rules preview：镇街名额 3 → 5 的效果（默认取最近一次运行的考核期）、相同的草稿、编译不过的草稿、没给草稿目录。 */
class RulesPreviewCliTest {
    @Test
    void previewFromTheCommandLine(@TempDir Path tmp) throws Exception {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, CliTest.exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        CliTest.Outcome run = CliTest.exec("--db", db, "run", "--period", "2021-Q4");
        assertEquals(0, run.code(), run.err());

        Path draft = TestSupport.copyRules(tmp.resolve("草稿"));
        Path lists = draft.resolve("名单.csv");
        Files.writeString(lists, Files.readString(lists, StandardCharsets.UTF_8).replace("镇街 3、部门 3", "镇街 5、部门 3"),
                StandardCharsets.UTF_8);
        CliTest.Outcome o = CliTest.exec("--db", db, "rules", "preview", "--rules", draft.toString());
        assertEquals(0, o.code(), o.err());
        String out = o.out();
        assertTrue(out.startsWith("预览（未保存）：草稿（" + draft + "） 与 现行规则（"), out);
        assertTrue(out.contains("考核期 2021-Q4，截至 2021-12-31 23:59:59"), out);
        assertTrue(out.contains("二、名单变化\n  12345市民热线“按期办结且办理较好的镇街和部门”：\n    新进入  天度镇（第 4 位）："), out);
        assertTrue(out.contains("    新进入  召公镇（第 5 位）：") && out.contains("    新进入  杏林镇（第 6 位）："), out);
        assertTrue(out.contains("三、单位变化\n"), out);
        assertTrue(out.contains("【+天度镇、】") && out.contains("【+、午井镇、召公镇、杏林镇】"), out);

        Path same = TestSupport.copyRules(tmp.resolve("相同"));
        CliTest.Outcome s = CliTest.exec("--db", db, "rules", "preview", "--rules", same.toString(), "--period", "2021-Q4");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("没有变化"), s.out());

        CliTest.Outcome empty = CliTest.exec("--db", db, "rules", "preview", "--rules", same.toString(), "--period", "2026-Q1");
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.out().contains("注意：数据库中没有这个考核期（截至时点以前受理）的工单"), empty.out());

        Path broken = TestSupport.copyRules(tmp.resolve("坏草稿"));
        Files.writeString(broken.resolve("50-名单.drl"), "\nrule \"坏规则\" when Tally( handeld > 1 ) then end\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CliTest.Outcome b = CliTest.exec("--db", db, "rules", "preview", "--rules", broken.toString());
        assertEquals(1, b.code());
        assertTrue(b.err().startsWith("草稿（" + broken + "）未通过检查，不能预览"), b.err());
        assertTrue(b.err().contains("handeld"), b.err());
        assertEquals("", b.out());

        CliTest.Outcome none = CliTest.exec("--db", db, "rules", "preview");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("请用 --rules 指定要预览的规则草稿目录"), none.err());

        // 只有最初的一次运行：预览没有保存运行
        CliTest.Outcome again = CliTest.exec("--db", db, "run", "--period", "2021-Q4");
        assertTrue(again.out().startsWith("运行 #2："), again.out());
    }
}
