package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules versions 列出数据库里的规则版本；rules export 把一版写回目录，与原目录逐字相同；目录不空时拒绝。 */
class RulesVersionsCliTest {
    @Test
    void listsVersionsAndExportsOneToAFolder(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("assess");
        try (Database db = Database.open(Database.fileUrl(base))) {
            RulesVersions versions = new RulesVersions(db, cn.gov.assess.assessment.RulesCheck::problems);
            versions.ensureInitial(TestSupport.rulesDir());
            versions.createDraft("规则甲", "试改");
        }
        CliTest.Outcome list = CliTest.exec("--db", base.toString(), "rules", "versions");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("第 2 版  草稿  起草 规则甲"), list.out());
        assertTrue(list.out().contains("第 1 版  已发布（当前）  起草 规则目录"), list.out());

        Path out = tmp.resolve("第1版");
        CliTest.Outcome export = CliTest.exec("--db", base.toString(), "rules", "export", "--version", "1", out.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(TestSupport.rules().files(), RuleSet.load(out).files(), "写出的文件与原目录逐字相同");

        CliTest.Outcome again = CliTest.exec("--db", base.toString(), "rules", "export", "--version", "1", out.toString());
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("不是空的"), again.err());
        CliTest.Outcome missing = CliTest.exec("--db", base.toString(), "rules", "export", "--version", "9", tmp.resolve("x").toString());
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("没有第 9 版规则"), missing.err());
        assertTrue(Files.notExists(tmp.resolve("x")));
    }
}
