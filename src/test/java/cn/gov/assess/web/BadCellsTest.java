package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.RulesCheck;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 编辑页标红的格来自检查结果的位置（rule、行、列），不从句子里拆“第 N 行第 M 列”。 */
class BadCellsTest {
    @Test
    void cellsComeFromTheLocatedProblemsOfThisTable() {
        List<Problem> problems = List.of(
                // 名单.csv 第 3 行第 2 列：表格第 1 行（下标 1）、第 2 列（下标 1）；取值里的“第 9 行第 9 列”不算位置
                new Problem("规则草稿/名单.csv", 3, 2, "rules/名单.csv", "“第 9 行第 9 列”不认识", "来源", "第 9 行第 9 列",
                        "规则草稿/名单.csv 第 3 行第 2 列（来源）"),
                // 没有位置的句子，哪怕写着“名单.csv 第 9 行第 9 列”，也不标
                Problem.of("规则草稿/名单.csv 第 9 行第 9 列（名单）：说明"),
                // 别的表的格不标
                new Problem("规则草稿/指标.csv", 4, 3, "rules/指标.csv", "错", "公式", "x", "规则草稿/指标.csv 第 4 行第 3 列（公式）"),
                // 只有行没有列的不标
                new Problem("规则草稿/名单.csv", 5, null, "rules/名单.csv", "错", null, null, "规则草稿/名单.csv 第 5 行"));
        assertEquals(List.of("1_1"), RuleTableController.badCells(problems, "名单.csv"));
    }

    @Test
    void theRulesCheckLocatesABadCellOfTheListTable() {
        Map<String, String> files = new TreeMap<>(RuleSet.load(TestSupport.rulesDir()).files());
        String lists = files.get("名单.csv");
        int second = lists.indexOf('\n') + 1;
        int end = lists.indexOf('\n', second);
        // 第 2 行“一票否决”（第 9 列）填了一句带“第 9 行第 9 列”的话
        files.put("名单.csv", lists.substring(0, second)
                + lists.substring(second, end).replaceFirst(",否,表格,", ",第 9 行第 9 列,表格,") + lists.substring(end));
        List<Problem> problems = RulesCheck.problems(RuleSet.fromSnapshot("规则草稿", files));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("名单.csv 第 2 行第 9 列（一票否决）")), problems.toString());
        assertEquals(List.of("0_8"), RuleTableController.badCells(problems, "名单.csv"));
    }
}
