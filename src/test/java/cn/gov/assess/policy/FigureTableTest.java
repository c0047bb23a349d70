package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.RulesCheck;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 规则表 rules/数字.csv：随程序发布的表与程序记着的口径一致；改了的口径随汇总保存与读回；坏格子报出文件、行、列。 */
class FigureTableTest {

    @Test
    void theShippedTableStatesTodaysDefinitionsOneRowPerRate() throws Exception {
        String text = Files.readString(TestSupport.rulesDir().resolve(FigureTable.FILE));
        assertEquals(Map.of(), FigureTable.parse(text), "发布的表与程序记着的口径相同，旧运行不变");
        for (String rate : Figures.defaults().keySet()) {
            assertTrue(text.contains("\n" + rate + ","), "数字.csv 写出了 " + rate);
        }
        assertEquals(Map.of(), RuleSet.load(TestSupport.rulesDir()).parameters().rates());
    }

    @Test
    void aChangedDenominatorAndZeroTextTravelWithTheTally() {
        Map<String, Figures.Rate> changed = FigureTable.parse("数字,分子,分母,分母为零时显示,说明\n"
                + "及时签收率,按时签收件数,转办数,,按转办数\n按期办结率,,,0,没有办结件印 0\n");
        assertEquals(new Figures.Rate("按时签收件数", "转办数", "—"), changed.get("及时签收率"));
        assertEquals(new Figures.Rate("按期办结件数", "实办数", "0"), changed.get("按期办结率"));
        Tally t = new Tally("12345市民热线", 1L, cn.gov.assess.facts.Parameters.of(new java.util.LinkedHashMap<>(),
                Map.of(), Map.of()).withRates(changed));
        assertEquals("0", Figures.get("按期办结率").text(t), "实办数 0：印表里写的 0");
        assertEquals("—", Figures.get("办结率").text(t), "没改的比率照旧");
        Tally back = new Tally("12345市民热线", 1L);
        back.restoreOptional(t.encodeOptional());
        assertEquals("0", Figures.get("按期办结率").text(back), "保存再读回，口径不变");
        assertEquals("及时签收率", back.getRates().keySet().stream().filter("及时签收率"::equals).findFirst().orElse(""));
    }

    @Test
    void badCellsAreReportedWithLineAndColumn() {
        InputException e = assertThrows(InputException.class, () -> FigureTable.parse("数字,分子,分母,分母为零时显示,说明\n"
                + "及时签收率,按时签收件数,转办件数,,\n签收率,按时签收件数,转办数,,\n办结率,实办数,应办件数,,\n办结率,实办数,转办数,,\n"));
        List<String> messages = e.located().stream().map(Problem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("数字.csv 第 2 行第 3 列") && m.contains("“转办件数”不是计数")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("第 3 行第 1 列") && m.contains("“签收率”不是比率")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("第 5 行第 1 列") && m.contains("写了两行")), messages.toString());

        Map<String, String> files = new TreeMap<>(RuleSet.load(TestSupport.rulesDir()).files());
        files.put(FigureTable.FILE, files.get(FigureTable.FILE).replace("及时签收率,按时签收件数,有签收时限件数,",
                "及时签收率,按时签收件数,有签收件数,"));
        List<Problem> problems = RulesCheck.problems(RuleSet.fromSnapshot("规则草稿", files));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("数字.csv 第 6 行第 3 列")
                && p.message().contains("有签收件数")), problems.toString());
    }
}
