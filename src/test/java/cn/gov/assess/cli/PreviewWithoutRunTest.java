package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 只导入了数据、还没有保存运行（新方案的第一期）：rules preview --base 无 与 run --dry-run 与“无”比较，全部结果为新增。 */
class PreviewWithoutRunTest {
    @Test
    void previewAndDryRunAgainstNothing(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db/assess").toString();
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        Path draft = TestSupport.copyRules(tmp.resolve("新方案"));

        CliTest.Outcome p = exec("--db", db, "rules", "preview", "--rules", draft.toString(), "--base", "无",
                "--period", "2021-Q4");
        assertEquals(0, p.code(), p.err());
        String out = p.out();
        assertTrue(out.startsWith("预览（未保存）：草稿（" + draft + "） 与 无（没有保存的运行，全部结果显示为新增），考核期 2021-Q4"), out);
        assertTrue(out.contains("12345市民热线“按期办结且办理较好的镇街和部门”：\n    新进入  "), out);
        assertFalse(out.contains("不再列入"), out);
        assertFalse(out.contains("没有变化"), out);
        assertTrue(out.contains("【+"), out);
        assertFalse(out.replace("【-…】为删去", "").contains("【-"), out);

        // 近失：不写 --base 无 时照旧与现行规则比较，同一份规则没有变化
        CliTest.Outcome same = exec("--db", db, "rules", "preview", "--rules", draft.toString(), "--period", "2021-Q4");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("没有变化"), same.out());

        CliTest.Outcome d = exec("--db", db, "--rules", draft.toString(), "run", "--period", "2021-Q4", "--dry-run");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("与“无”比较，以下全部结果为新增"), d.out());
        assertTrue(d.out().contains("按期办结且办理较好"), d.out());
        assertTrue(exec("--db", db, "runs").out().lines().noneMatch(l -> l.startsWith("#1")), "预览与假如都不保存运行");
    }
}
