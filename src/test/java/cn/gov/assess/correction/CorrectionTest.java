package cn.gov.assess.correction;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 更正、重跑、撤回与差异：旧运行不变，差异追到更正。 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class CorrectionTest {
    @Parameter
    Engine engine;
    private static final Period Q4 = Period.parse("2021-Q4");
    private static final String HEADER = "渠道,工单编号,办理单位,更正项目,新值,原因,提出人\n";
    @TempDir
    Path dir;
    Database db;
    RunStore store;
    Corrections corrections;
    String unhandledOrder;

    @BeforeEach
    void setUp() throws IOException {
        db = engine.open();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        store = new RunStore(db);
        corrections = new Corrections(db);
        unhandledOrder = Files.readAllLines(TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv")).stream()
                .filter(l -> l.endsWith(",")).findFirst().orElseThrow().split(",")[0].replace("\uFEFF", "");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long run(RuleSet rules) {
        return new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), rules).runId();
    }

    private Path file(String content) throws IOException {
        Path f = dir.resolve("更正.csv");
        Files.writeString(f, HEADER + content);
        return f;
    }

    private static RunTally tally(RunStore.StoredRun r, String channel, String label) {
        return r.tallies().stream().filter(t -> t.getChannel().equals(channel) && t.getUnitLabel().equals(label))
                .findFirst().orElse(null);
    }

    private static List<String> list(RunStore.StoredRun r, String channel, String list) {
        return r.lists().stream().filter(e -> e.getChannel().equals(channel) && e.getListName().equals(list))
                .map(e -> e.getUnitLabel()).toList();
    }

    @Test
    void movingAnAssignmentChangesBothUnitsAndTheListsAndDiffNamesTheCorrection() throws IOException {
        long first = run(TestSupport.rules());
        // 县住建局唯一的逾期未办工单改派给县水利局：县住建局不再被一票否决，县水利局出现逾期未办
        corrections.record(file("12345市民热线," + unhandledOrder + ",县住建局,办理单位,县水利局,派错单位,县住建局\n"));
        long second = run(TestSupport.rules());
        RunStore.StoredRun a = store.load(first);
        RunStore.StoredRun b = store.load(second);
        assertEquals(202, tally(a, "12345市民热线", "县住建局").toTally().getDue());
        assertEquals(201, tally(b, "12345市民热线", "县住建局").toTally().getDue());
        assertEquals(15, tally(a, "12345市民热线", "县水利局").toTally().getDue());
        assertEquals(16, tally(b, "12345市民热线", "县水利局").toTally().getDue());
        assertEquals(1, tally(b, "12345市民热线", "县水利局").toTally().getOverdueUnhandled());
        assertTrue(list(b, "县长信箱", "按期办结且办理较好").contains("县住建局"));
        assertTrue(!list(a, "县长信箱", "按期办结且办理较好").contains("县住建局"));

        RunDiff.Result diff = RunDiff.compare(a, b, cn.gov.assess.assessment.StoredRuns.notes(corrections.between(a.run().getCorrectionSeq(), b.run().getCorrectionSeq())),
                "运行 #" + first, "运行 #" + second);
        String text = String.join("\n", diff.lines());
        assertTrue(text.contains("更正 #1：12345市民热线 工单 " + unhandledOrder + " 派给 县住建局 的办理单位由“县住建局”改为“县水利局”"), text);
        assertTrue(text.contains("12345市民热线 / 县住建局：应办件数 202 → 201"), text);
        assertTrue(text.contains("12345市民热线 / 县水利局：应办件数 15 → 16"), text);
        assertTrue(text.contains("县长信箱 “按期办结且办理较好” / 县住建局：新进入"), text);
        assertTrue(diff.changes().stream().filter(c -> cn.gov.assess.audit.DiffText.where(c).contains("县住建局")).allMatch(c -> cn.gov.assess.audit.DiffText.causes(c).contains("更正 #1")), text);
        // 旧运行保持原样
        assertEquals(202, tally(store.load(first), "12345市民热线", "县住建局").toTally().getDue());
    }

    @Test
    void withdrawingTheCorrectionRestoresTheOriginalOutcome() throws IOException {
        long first = run(TestSupport.rules());
        Correction c = corrections.record(file("12345市民热线," + unhandledOrder + ",县住建局,办结时间,2021-12-18 16:00,回访记录,县住建局\n")).get(0);
        long second = run(TestSupport.rules());
        assertEquals(0, store.load(second).disqualifications().size());
        corrections.withdraw(c.getId(), "回访记录不实", "督查科");
        long third = run(TestSupport.rules());
        RunStore.StoredRun a = store.load(first);
        RunStore.StoredRun z = store.load(third);
        RunDiff.Result same = RunDiff.compare(a, z, List.of(), "一", "三");
        assertTrue(same.changes().isEmpty(), String.join("\n", same.lines()));
        assertEquals(a.run().getDataFingerprint(), z.run().getDataFingerprint());
        List<String> history = corrections.history(unhandledOrder, null);
        assertTrue(history.stream().anyMatch(l -> l.contains("【已撤回】")), history.toString());
        assertTrue(history.stream().anyMatch(l -> l.contains("撤回更正 #" + c.getId())), history.toString());
    }

    @Test
    void corruptCorrectionsFileChangesNothing() throws IOException {
        InputException e = assertThrows(InputException.class, () -> corrections.record(file(
                "12345市民热线," + unhandledOrder + ",县住建局,办结时间,2021-12-18,ok,甲\n"
                        + "12345市民热线,RX-NONE,县住建局,办结时间,2021-12-18,ok,甲\n"
                        + "12345市民热线," + unhandledOrder + ",县住建局,受理时间,2021-12-18,ok,甲\n"
                        + "12345市民热线," + unhandledOrder + ",县住建局,办理时限,下周,ok,甲\n"
                        + "12345市民热线," + unhandledOrder + ",县住建局,办理单位,县不存在局,ok,甲\n")));
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("第 3 行第 2 列（工单编号）：渠道 12345市民热线 中没有工单“RX-NONE”"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("第 4 行第 4 列（更正项目）：未知更正项目“受理时间”"), e.problems().get(1));
        assertTrue(e.problems().get(2).contains("第 5 行第 5 列（新值）：无法识别的日期“下周”"), e.problems().get(2));
        assertTrue(e.problems().get(3).contains("第 6 行第 5 列（新值）：未知单位“县不存在局”"), e.problems().get(3));
        assertEquals(Long.valueOf(0), db.<Long>inTransaction(s -> s.createSelectionQuery("select count(*) from Correction", Long.class).getSingleResult()));
    }

    @Test
    void whatIfWithAnotherRulesFolderShowsTheListChange() throws IOException {
        long first = run(TestSupport.rules());
        Path copy = TestSupport.copyRules(dir.resolve("rules"));
        Path table = copy.resolve("名单.csv");
        Files.writeString(table, Files.readString(table).replace(",镇街 3、部门 3,", ",镇街 3、部门 4,"));
        RuleSet changed = RuleSet.load(copy);
        RunStore.StoredRun preview = RunStore.preview(new AssessPeriod(db).trial(Q4, Q4.defaultCutoff(), changed), changed);
        RunDiff.Result diff = RunDiff.compare(store.load(first), preview, List.of(), "运行 #1", "假如");
        String text = String.join("\n", diff.lines());
        assertTrue(text.contains("规则文件不同：名单.csv：名单“按期办结且办理较好” 的“名额”由“镇街 3、部门 3”改为“镇街 3、部门 4”"), text);
        assertTrue(text.contains("12345市民热线 “按期办结且办理较好” / 县医保局：新进入"), text);
        assertTrue(text.contains("县长信箱 “按期办结且办理较好” / 县医保局：新进入"), text);
        assertEquals(1, store.runs().size(), "假如不保存运行");
    }
}
