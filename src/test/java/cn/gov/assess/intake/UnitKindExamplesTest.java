package cn.gov.assess.intake;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 单位表“类型”为空时提示里举的类型来自参数“单位类型示例”；旧规则目录没有这个参数时照旧。 */
class UnitKindExamplesTest {
    @TempDir
    Path dir;

    private String problem(RuleSet rules) throws IOException {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "单位名称,类型,排序\n绛帐镇,,1\n", StandardCharsets.UTF_8);
        try (Database db = TestSupport.memoryDb()) {
            InputException e = assertThrows(InputException.class, () -> new Importer(db, rules).importPaths(List.of(units)));
            assertEquals(1, e.problems().size(), e.problems().toString());
            return e.problems().get(0);
        }
    }

    private RuleSet withThresholds(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        Path t = rules.resolve("thresholds.csv");
        Files.writeString(t, edit.apply(Files.readString(t, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return RuleSet.load(rules);
    }

    @Test
    void theHintNamesTheParametersWords() throws IOException {
        String expected = dir.resolve("units.csv") + " 第 2 行第 2 列（类型）：类型为空（应为 镇、街道、部门、其他 等）";
        assertEquals(expected, problem(TestSupport.rules()));
        RuleSet old = withThresholds(s -> s.lines().filter(l -> !l.startsWith("单位类型示例,"))
                .collect(Collectors.joining("\n", "", "\n")));
        assertEquals(expected, problem(old), "旧规则目录没有这个参数：提示照旧");
    }

    @Test
    void staffCanChangeTheWords() throws IOException {
        RuleSet rules = withThresholds(s -> s.replace("单位类型示例,,镇、街道、部门、其他,", "单位类型示例,,镇、街道、园区、部门,"));
        assertEquals(dir.resolve("units.csv") + " 第 2 行第 2 列（类型）：类型为空（应为 镇、街道、园区、部门 等）", problem(rules));
    }
}
