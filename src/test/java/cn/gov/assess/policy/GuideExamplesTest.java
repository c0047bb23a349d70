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
}
