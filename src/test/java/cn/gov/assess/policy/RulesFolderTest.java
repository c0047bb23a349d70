package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Period;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 规则目录在运行时读取：改一个参数或一条规则，不重新编译程序，结果就变。 */
class RulesFolderTest {
    static Database db;
    static final Period Q4 = Period.parse("2021-Q4");

    @BeforeAll
    static void load() {
        db = TestSupport.memoryDb();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Long> manyHandled(RuleSet rules) {
        return new AssessPeriod(db).trial(Q4, Q4.defaultCutoff(), rules).lists().stream()
                .filter(e -> e.getList().equals("办结工单较多")).map(ListEntry::getUnitId).sorted().toList();
    }

    @Test
    void raisingAThresholdInACopiedFolderShortensTheList(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        List<Long> before = manyHandled(RuleSet.load(copy));
        assertEquals(9, before.size());
        Path table = copy.resolve("名单条件.csv");
        Files.writeString(table, Files.readString(table).replace("办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,80,"));
        List<Long> after = manyHandled(RuleSet.load(copy));
        assertEquals(4, after.size(), "实办数 ≥ 80：城关街道办 92、绛帐镇 91、县住建局 201、县市场监管局 92");
        assertNotEquals(RuleSet.load(copy).fingerprint(), TestSupport.rules().fingerprint());
    }

    @Test
    void brokenRuleFileIsRejectedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path drl = copy.resolve("50-名单.drl");
        Files.writeString(drl, Files.readString(drl).replace("modify($u) { setGroup($g) }", "modify($u) { setGroup($g) "));
        InputException e = assertThrows(InputException.class, () -> RuleSet.load(copy).compile());
        assertTrue(e.problems().get(0).startsWith("rules/50-名单.drl 第 "), e.problems().toString());
    }

    @Test
    void missingParameterIsNamed(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path table = copy.resolve("thresholds.csv");
        Files.writeString(table, Files.readString(table).replaceAll("(?m)^名单分组顺序,.*\\n", ""));
        InputException e = assertThrows(InputException.class, () -> manyHandled(RuleSet.load(copy)));
        assertTrue(e.getMessage().contains("名单分组顺序"), e.getMessage());
    }
}
