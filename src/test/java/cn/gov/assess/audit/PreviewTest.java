package cn.gov.assess.audit;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.Period;
import cn.gov.assess.rules.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.workorder.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** 预览规则草稿：镇街名额 3 → 5 的效果、与现行规则相同的草稿、编译不过的草稿；预览不写数据库。 */
class PreviewTest {
    static Database db;
    static RuleSet base;
    static final Period Q = Period.parse("2021-Q4");

    @BeforeAll
    static void setUp() {
        db = TestSupport.memoryDb();
        base = TestSupport.rules();
        new Importer(db, base).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        new RunStore(db).assessAndSave(new Assessor(db), Q, Q.end().atTime(23, 59, 59), base);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void quotaFiveShowsNewTownsEntering() throws Exception {
        Path dir = TestSupport.copyRules(Files.createTempDirectory("preview-draft"));
        Path lists = dir.resolve("名单.csv");
        Files.writeString(lists, Files.readString(lists, StandardCharsets.UTF_8).replace("镇街 3、部门 3", "镇街 5、部门 3"),
                StandardCharsets.UTF_8);
        Preview.Outcome o = Preview.run(db, base, RuleSet.load(dir), Q, null);
        Preview.text(o, false).forEach(System.out::println);
        assertTrue(o.ok(), String.join("\n", o.errors()));
    }
}
