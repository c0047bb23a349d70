package cn.gov.assess.web;

import cn.gov.assess.io.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
