package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.assessment.ScenarioRunner;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules vars 的写法示例取自规则目录自己的名单，程序里不写名单名；rules/README.md 里的模板写法照原样渲染。 */
class TemplateVarsExamplesTest {
    private static String examples(RuleSet rules) {
        return String.join("\n", TemplateVars.examples(rules).stream().map(TemplateVars.Var::name).toList());
    }

    private static String guide() throws IOException {
        return Files.readString(TestSupport.root().resolve("rules/README.md"));
    }

    @Test
    void theShippedFolderExamplesNameItsFirstRankedList() {
        String e = examples(TestSupport.rules());
        assertTrue(e.contains("名单[\"按期办结且办理较好\"].成员"), e);
        assertTrue(e.contains("全部渠道[\"县长信箱\"]"), e);
        assertFalse(e.contains("?map("), "按组列名单不必写 ?map：" + e);
    }

    @Test
    void aFolderWhoseListIsCalledOtherwiseGetsItsOwnName() {
        Map<String, String> files = new TreeMap<>();
        TestSupport.rules().files().forEach((k, v) -> files.put(k, v.replace("按期办结且办理较好", "表扬名单甲")));
        String e = examples(RuleSet.fromSnapshot("改了名单名的规则", files));
        assertTrue(e.contains("名单[\"表扬名单甲\"].各组"), e);
        assertFalse(e.contains("按期办结且办理较好"), e);
    }

    /** “写法示例”一块的每一行用示例运行（有成员与全空各一遍）渲染，不出错。 */
    @Test
    void everyLineOfTheGuidesExampleBlockRenders() throws IOException {
        String g = guide();
        int at = g.indexOf("写法示例（每一条都有测试照原样渲染过）");
        assertTrue(at > 0);
        int open = g.indexOf("```\n", at) + 4;
        List<String> lines = g.substring(open, g.indexOf("```", open)).lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() >= 6 && lines.stream().anyMatch(l -> l.contains(".各组单位")), lines.toString());
        RuleSet rules = TestSupport.rules();
        for (boolean full : new boolean[]{true, false}) {
            Map<String, Object> m = TemplateModel.of(TemplateCheck.sample(rules, full)).forChannel("12345市民热线");
            for (String l : lines) {
                TemplateModelTest.render(l, m);
            }
        }
    }

    /** “常用的名单排法”表：每一行的写法用场景 24 的运行渲染，得到的正是表里“例如”一格。 */
    @Test
    void theGuidesListLayoutsGiveTheirExamplesOnScenario24() throws IOException {
        String g = guide();
        int at = g.indexOf("**常用的名单排法**");
        String table = g.substring(at, g.indexOf("\n\n", g.indexOf("| 要的样子", at)));
        Matcher row = Pattern.compile("(?m)^\\| [^|]+ \\| `(.+?)` \\| (.+?) \\|$").matcher(table);
        List<String[]> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(new String[]{row.group(1).replace("名单[\"…\"]", "名单[\"综合得分前列\"]"), row.group(2)});
        }
        assertEquals(4, rows.size(), table);
        Path scenario = TestSupport.root().resolve("fixtures/scenarios/24-规则表-综合得分");
        RuleSet rules = ScenarioRunner.withChanges(TestSupport.rules(), scenario);
        try (Database db = TestSupport.memoryDb()) {
            try (Stream<Path> files = Files.list(scenario)) {
                new Importer(db, rules).importPaths(files.filter(p -> p.toString().endsWith(".csv")
                        && !p.getFileName().toString().equals(ScenarioRunner.EXPECTED)).sorted().toList());
            }
            Period period = Period.parse("2021-Q4");
            RunStore store = new RunStore(db);
            RunStore.StoredRun run = store.load(new AssessPeriod(db, 1).assessAndSave(period, period.defaultCutoff(), rules).runId());
            Map<String, Object> m = TemplateModel.of(run).forChannel("12345市民热线");
            for (String[] r : rows) {
                assertEquals(r[1], TemplateModelTest.render(r[0], m), r[0]);
            }
            assertEquals("综合得分", TemplateModelTest.render("${名单[\"综合得分前列\"].排名依据}", m));
        }
    }
}
