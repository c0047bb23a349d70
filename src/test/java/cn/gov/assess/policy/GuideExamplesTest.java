package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rules/README.md 的四个例子“照着做就行”：从说明里逐字取出每个例子要加的表格行，与场景目录“规则/”里的行比对（一字不差），
 * 再用这些行跑场景，结果与场景的 expected.csv 一致。说明改了而场景没跟上、或反过来，这个测试都会失败。
 */
class GuideExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("(?m)^### (例[一二三四五六七八九十]+：.*)$");
    private static final Pattern BLOCK = Pattern.compile("(?s)```csv (\\S+)\\n(.*?)```");
    private static final Pattern SCENARIO = Pattern.compile("fixtures/scenarios/([^`\\s]+)");

    record Example(String title, Map<String, List<String>> rows, String scenario) {
    }

    static List<Example> examples() throws IOException {
        String guide = Files.readString(TestSupport.root().resolve("rules/README.md"));
        Matcher m = EXAMPLE.matcher(guide);
        List<Integer> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            titles.add(m.group(1));
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : guide.indexOf("\n## ", starts.get(i)) < 0 ? guide.length()
                    : guide.indexOf("\n## ", starts.get(i));
            String section = guide.substring(starts.get(i), end);
            Map<String, List<String>> rows = new LinkedHashMap<>();
            Matcher b = BLOCK.matcher(section);
            while (b.find()) {
                rows.computeIfAbsent(b.group(1), k -> new ArrayList<>())
                        .addAll(b.group(2).lines().filter(l -> !l.isBlank()).toList());
            }
            Matcher s = SCENARIO.matcher(section);
            out.add(new Example(titles.get(i), rows, s.find() ? s.group(1) : null));
        }
        return out;
    }

    @Test
    void everyExampleInTheGuideIsItsScenarioWordForWordAndPasses() throws IOException {
        List<Example> examples = examples();
        assertEquals(4, examples.size(), "rules/README.md 应有例一至例四：" + examples);
        ScenarioRunner runner = new ScenarioRunner(TestSupport.rules());
        for (Example e : examples) {
            assertTrue(e.scenario() != null, e.title() + "：说明里没有写场景目录");
            Path scenario = TestSupport.root().resolve("fixtures/scenarios").resolve(e.scenario());
            assertTrue(Files.isDirectory(scenario.resolve(ScenarioRunner.RULE_CHANGES)), e.title() + "：场景没有 规则/ 目录");
            assertTrue(!e.rows().isEmpty(), e.title() + "：说明里没有表格行");
            for (Map.Entry<String, List<String>> f : e.rows().entrySet()) {
                Path table = scenario.resolve(ScenarioRunner.RULE_CHANGES).resolve(f.getKey());
                assertTrue(Files.isRegularFile(table), e.title() + "：场景缺少 规则/" + f.getKey());
                List<String> lines = Files.readAllLines(table).stream().skip(1).filter(l -> !l.isBlank()).toList();
                assertEquals(f.getValue(), lines, e.title() + "：说明里的 " + f.getKey() + " 行与场景不一致");
            }
            ScenarioRunner.Outcome o = runner.run(scenario);
            assertTrue(o.passed(), e.title() + "：" + o.differences());
            assertTrue(o.checks() >= 3, e.title());
        }
    }

    @Test
    void theGuideExamplesPassRulesCheck() throws IOException {
        for (Example e : examples()) {
            Path scenario = TestSupport.root().resolve("fixtures/scenarios").resolve(e.scenario());
            RulesChecker.Report r = RulesChecker.check(ScenarioRunner.withChanges(TestSupport.rules(), scenario));
            assertTrue(r.ok(), e.title() + "：" + r.errors());
        }
    }

    /**
     * 例四（榆林式综合考评）的得分与手算一致，到分：各单位两个渠道相加的应办、实办、按期办结、逾期未办件数数自场景的
     * 派单记录（12345市民热线.csv、县长信箱.csv），导出没有回访与签收列，若无(满意率，1)、若无(及时签收率，1) 各得满分。
     * 综合考评得分 = 按期办结/应办 × 40 + 实办/应办 × 30 + 20 + 10 − 2 × 逾期未办，四舍五入到两位。
     */
    @Test
    void theYulinExampleScoresAreTheHandCalculationToTheCent() {
        // 单位 → {应办, 实办, 按期办结, 逾期未办}（12345 与县长信箱相加）
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("甲镇", new int[]{20 + 5, 20 + 5, 20 + 5, 0});
        counts.put("乙镇", new int[]{20 + 5, 20 + 5, 18 + 5, 0});
        counts.put("丙镇", new int[]{20 + 5, 20 + 5, 20 + 4, 0});
        counts.put("丁镇", new int[]{19 + 5, 18 + 4, 15 + 3, 1 + 1});
        counts.put("戊镇", new int[]{20 + 5, 20 + 5, 18 + 5, 0});
        counts.put("己街道", new int[]{17 + 5, 15 + 4, 10 + 2, 2 + 1});
        counts.put("县交通局", new int[]{12 + 6, 12 + 6, 12 + 6, 0});
        counts.put("县水利局", new int[]{12 + 3, 12 + 3, 9 + 3, 0});
        counts.put("县教育局", new int[]{14 + 3, 12 + 3, 8 + 2, 2});
        // 手算（写在这里的数，不经过程序）：如 己街道 12/22×40 = 21.818…，19/22×30 = 25.909…，+20 +10 −6 = 71.727… → 71.73
        Map<String, String> byHand = Map.of("甲镇", "100.00", "乙镇", "96.80", "丙镇", "98.40", "丁镇", "83.50", "戊镇", "96.80",
                "己街道", "71.73", "县交通局", "100.00", "县水利局", "92.00", "县教育局", "76.00");
        Path scenario = TestSupport.root().resolve("fixtures/scenarios/25-规则表-榆林式综合考评");
        RuleSet rules = ScenarioRunner.withChanges(TestSupport.rules(), scenario);
        try (cn.gov.assess.db.Database db = TestSupport.memoryDb()) {
            try (java.util.stream.Stream<Path> files = Files.list(scenario)) {
                new cn.gov.assess.intake.Importer(db, rules).importPaths(files.filter(p -> p.toString().endsWith(".csv")
                        && !p.getFileName().toString().equals(ScenarioRunner.EXPECTED)).sorted().toList());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            cn.gov.assess.facts.Period period = cn.gov.assess.facts.Period.parse("2021-10");
            cn.gov.assess.run.RunStore store = new cn.gov.assess.run.RunStore(db);
            cn.gov.assess.run.RunStore.StoredRun run = store.load(new cn.gov.assess.assessment.AssessPeriod(db, 1)
                    .assessAndSave(period, period.defaultCutoff(), rules).runId());
            Map<Long, String> names = new java.util.HashMap<>();
            run.tallies().forEach(t -> {
                if (t.getUnitId() != null) {
                    names.put(t.getUnitId(), t.getUnitLabel());
                }
            });
            for (Map.Entry<String, int[]> c : counts.entrySet()) {
                int[] n = c.getValue();
                java.math.BigDecimal due = java.math.BigDecimal.valueOf(n[0]);
                java.math.BigDecimal score = java.math.BigDecimal.valueOf(n[2] * 40L).divide(due, java.math.MathContext.DECIMAL128)
                        .add(java.math.BigDecimal.valueOf(n[1] * 30L).divide(due, java.math.MathContext.DECIMAL128))
                        .add(java.math.BigDecimal.valueOf(20 + 10 - 2 * n[3]))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                assertEquals(byHand.get(c.getKey()), score.toPlainString(), c.getKey() + "：手算的两种写法应一致");
                cn.gov.assess.facts.IndicatorValue v = run.indicators().stream().filter(i -> i.getIndicator().equals("综合考评得分")
                        && c.getKey().equals(names.get(i.getUnitId()))).findFirst().orElse(null);
                assertNotNull(v, c.getKey() + " 没有综合考评得分");
                assertEquals(byHand.get(c.getKey()), v.getValue().toPlainString(), c.getKey());
            }
        }
    }
}
