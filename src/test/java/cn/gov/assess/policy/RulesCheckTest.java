package cn.gov.assess.policy;

import cn.gov.assess.assessment.ScenarioRunner;

import cn.gov.assess.TestSupport;
import cn.gov.assess.cli.CliTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules check：坏掉的规则目录给出确切的文件、行号或单元格；run 拒绝未通过检查的目录；场景测试随规则而变。 */
class RulesCheckTest {

    @Test
    void shippedRulesPassWithASummary() {
        RulesChecker.Report r = RulesChecker.check(TestSupport.rules());
        assertTrue(r.ok(), r.errors().toString());
        assertTrue(r.summary().startsWith("规则检查通过："), r.summary());
        assertTrue(r.lists().containsAll(List.of("办结工单较多", "按期办结且办理较好", "信息保障好")), r.lists().toString());
    }

    @Test
    void thresholdTableSavedFromExcelAsGbkOrUtf8WithBomIsAccepted(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Files.write(copy.resolve("thresholds.csv"), Files.readString(copy.resolve("thresholds.csv"))
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        byte[] channels = Files.readAllBytes(copy.resolve("channels.csv"));
        byte[] withBom = new byte[channels.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(channels, 0, withBom, 3, channels.length);
        Files.write(copy.resolve("channels.csv"), withBom);
        RuleSet rules = RuleSet.load(copy);
        assertTrue(RulesChecker.check(rules).ok(), RulesChecker.check(rules).errors().toString());
        assertEquals(List.of("镇", "街道"), rules.parameters().list("镇街类型"));
        assertEquals(3, rules.channels().size());
    }

    @Test
    void syntaxErrorGivesFileLineAndRule(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "50-名单.drl", "modify($u) { setGroup($g) }", "modify($u) { setGroup($g) ((");
        RulesChecker.Report r = RulesChecker.check(RuleSet.load(copy));
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(copy + "/50-名单.drl 第 ")), r.errors().toString());
    }

    @Test
    void unknownFieldNamesTheFactAndItsFields(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "50-名单.drl", "$u : UnitInfo( group == null, $kind : kind )",
                "$u : UnitInfo( grop == null, $kind : kind )");
        RulesChecker.Report r = RulesChecker.check(RuleSet.load(copy));
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).matches(java.util.regex.Pattern.quote(copy + "/") + "50-名单\\.drl 第 \\d+ 行（规则“名单分组：按参数表归组”）：事实“UnitInfo”没有字段“grop”；可用字段：.*group.*"),
                r.errors().get(0));
    }

    @Test
    void badThresholdCellPointsAtRowAndColumn(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "thresholds.csv", "逾期宽限天数,,0,", "逾期宽限天数,,零,");
        RulesChecker.Report r = RulesChecker.check(RuleSet.load(copy));
        assertEquals(List.of(copy + "/thresholds.csv 第 2 行第 3 列（值）：“零”不是整数（参数“逾期宽限天数”的类型是整数）"), r.errors());
    }

    @Test
    void duplicateRuleNameAndMissingParameterAreReported(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "10-转办分类.drl", "rule \"转办分类：逾期办结\"", "rule \"转办分类：按期办结\"");
        Path table = copy.resolve("thresholds.csv");
        Files.writeString(table, Files.readString(table).replaceAll("(?m)^名单分组顺序,.*\\n", ""));
        List<String> errors = RulesChecker.check(RuleSet.load(copy)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("（规则“转办分类：按期办结”）：规则名重复")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(copy + "/50-名单.drl 第 ") && e.contains("没有参数“名单分组顺序”")),
                errors.toString());
    }

    @Test
    void runRefusesABrokenFolderAndTheLastGoodRunStaysLatest(@TempDir Path tmp) throws IOException {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, CliTest.exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, CliTest.exec("--db", db, "run", "--period", "2021-Q4").code());
        Path copy = TestSupport.broken(tmp, "thresholds.csv", "逾期宽限天数,,0,", "逾期宽限天数,,零,");
        CliTest.Outcome o = CliTest.exec("--db", db, "--rules", copy.toString(), "run", "--period", "2021-Q4");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("未通过检查，本次不运行") && o.err().contains("thresholds.csv 第 2 行第 3 列"), o.err());
        CliTest.Outcome report = CliTest.exec("--db", db, "report", "--out", tmp.resolve("out").toString());
        assertTrue(report.out().startsWith("运行 #1"), report.out());
    }

    @Test
    void aThresholdChangeChangesAScenarioOutcome(@TempDir Path tmp) throws IOException {
        Path scenario = tmp.resolve("scenarios/门槛");
        Files.createDirectories(scenario);
        Files.writeString(scenario.resolve("units.csv"), "单位名称,类型,排序,别名\n绛帐镇,镇,1,\n杏林镇,镇,2,\n");
        StringBuilder rows = new StringBuilder("渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n");
        for (int i = 0; i < 50; i++) {
            rows.append("12345市民热线,A").append(i).append(",2021-10-05 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00\n");
        }
        for (int i = 0; i < 49; i++) {
            rows.append("12345市民热线,B").append(i).append(",2021-10-05 09:00,杏林镇,2021-10-10 18:00,2021-10-08 10:00\n");
        }
        Files.writeString(scenario.resolve("派单.csv"), rows.toString());
        Files.writeString(scenario.resolve("expected.csv"), "检查,渠道,对象,期望\n期间,,,2021-Q4\n名单:办结工单较多,12345市民热线,,绛帐镇\n");
        assertTrue(new ScenarioRunner(TestSupport.rules()).run(scenario).passed());
        Path copy = TestSupport.broken(tmp, "名单条件.csv", "办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,49,");
        ScenarioRunner.Outcome o = new ScenarioRunner(RuleSet.load(copy)).run(scenario);
        assertEquals(List.of("名单:办结工单较多 / 12345市民热线：应为“绛帐镇”，实为“绛帐镇、杏林镇”"), o.differences());
    }

    /** fixtures/scenarios/ 下每个场景目录一个测试，以目录名为名：新增一个场景就是新增一个目录。 */
    @TestFactory
    Stream<DynamicTest> shippedScenarios() {
        List<Path> scenarios = ScenarioRunner.scenarios(TestSupport.root().resolve("fixtures/scenarios"));
        assertTrue(scenarios.size() >= 1, "应有场景");
        ScenarioRunner runner = new ScenarioRunner(TestSupport.rules());
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), s.toUri(), () -> {
            ScenarioRunner.Outcome o = runner.run(s);
            assertTrue(o.passed(), o.name() + "：" + o.differences());
            assertTrue(o.checks() > 0, o.name() + "：expected.csv 除“期间”“截至”外没有检查项");
        }));
    }

    /** 场景目录里缺了 expected.csv 时它不会被悄悄跳过。 */
    @Test
    void everyScenarioFolderHasItsExpectedFile() throws IOException {
        Path dir = TestSupport.root().resolve("fixtures/scenarios");
        try (Stream<Path> s = Files.list(dir)) {
            List<String> without = s.filter(Files::isDirectory)
                    .filter(p -> !Files.isRegularFile(p.resolve(ScenarioRunner.EXPECTED)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(), without, "这些场景目录没有 expected.csv，不会运行");
        }
    }
}
