package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Period;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 渠道附件的统计表列：任何数字或指标都可以作列（不再限于 11 个列名）；不是数字也不是指标的名字报错。 */
class AnnexColumnsTest {
    private static Path rules(Path tmp, String columns) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Files.writeString(copy.resolve("指标.csv"), Files.readString(copy.resolve("指标.csv"))
                + "逾期率,12345市民热线,,逾期件数/应办件数,4,四舍五入,不计,逾期件数占应办件数\n");
        Path channels = copy.resolve("channels.csv");
        Files.writeString(channels, Files.readString(channels).replaceFirst(
                "办理单位、应办件数、实办数、办结率、逾期办结件数、逾期未办件数、按期办结率、备注", columns));
        return copy;
    }

    @Test
    void anIndicatorAndAnyFigureMayBeAnAnnexColumn(@TempDir Path tmp) throws IOException {
        RuleSet rules = RuleSet.load(rules(tmp, "办理单位、应办件数、逾期件数、逾期率、满意率、回退件数"));
        assertTrue(RulesChecker.check(rules).ok(), RulesChecker.check(rules).errors().toString());
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            Period q4 = Period.parse("2021-Q4");
            RunStore store = new RunStore(db);
            RunStore.StoredRun run = store.load(new AssessPeriod(db, 1).assessAndSave(q4, q4.defaultCutoff(), rules).runId());
            AnnexTable table = AnnexTable.build(rules.channels().get("12345市民热线"), "四季度", run.tallies(),
                    run.indicators());
            assertEquals(List.of("办理单位", "应办件数", "逾期件数", "逾期率", "满意率", "回退件数"), table.header());
            List<String> first = table.rows().get(0);
            IndicatorValue v = run.indicators().stream().filter(i -> i.getIndicator().equals("逾期率")
                    && i.getChannel().equals("12345市民热线")
                    && run.tallies().stream().anyMatch(t -> t.getUnitId() != null && t.getUnitId() == i.getUnitId()
                    && t.getUnitLabel().equals(first.get(0)))).findFirst().orElseThrow();
            assertEquals(v.getValue().toPlainString(), first.get(3), "指标列写运行保存的指标取值");
            assertEquals("—", first.get(4), "导出没有回访结果时满意率无从计算");
            List<String> total = table.rows().get(table.rows().size() - 1);
            assertEquals("合计", total.get(0));
            assertEquals("", total.get(3), "合计行不算指标");
        }
    }

    @Test
    void aNameThatIsNeitherAFigureNorAnIndicatorIsRefused(@TempDir Path tmp) throws IOException {
        List<String> e = RulesChecker.check(RuleSet.load(rules(tmp, "办理单位、应办件数、逾期比率"))).errors();
        assertTrue(e.stream().anyMatch(x -> x.contains("channels.csv 第 2 行") && x.contains("未知列“逾期比率”")
                && x.contains("逾期率")), e.toString());
    }
}
