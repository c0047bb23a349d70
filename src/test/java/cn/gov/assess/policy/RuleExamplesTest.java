package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.db.Database;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/README.md 中的两个示例（新表扬名单、严重逾期处罚）照着做就能用，无需改 Java。 */
class RuleExamplesTest {
    @Test
    void guideExamplesWorkAsDocumented(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path examples = TestSupport.root().resolve("fixtures/rule-examples");
        Files.copy(examples.resolve("90-新表扬名单.drl"), copy.resolve("90-新表扬名单.drl"));
        Files.copy(examples.resolve("95-严重逾期否决.drl"), copy.resolve("95-严重逾期否决.drl"));
        Files.writeString(copy.resolve("thresholds.csv"), Files.readString(copy.resolve("thresholds.csv"))
                + Files.readString(examples.resolve("thresholds-append.csv")));
        RuleSet rules = RuleSet.load(copy);
        RulesChecker.Report check = RulesChecker.check(rules);
        assertTrue(check.ok(), check.errors().toString());
        assertTrue(check.lists().contains("零逾期大户"));

        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            Period q4 = Period.parse("2021-Q4");
            AssessmentResult r = new AssessPeriod(db).trial(q4, q4.defaultCutoff(), rules);
            List<String> newList = r.lists().stream().filter(e -> e.getList().equals("零逾期大户"))
                    .map(e -> r.units().get(e.getUnitId()).getName()).sorted().toList();
            assertTrue(newList.contains("绛帐镇") && newList.contains("县市场监管局") && !newList.contains("县人社局"), newList.toString());
            assertTrue(r.lists().stream().noneMatch(e -> e.getList().equals("零逾期大户") && !e.getChannel().equals("12345市民热线")));
            Tally housing = r.tallies().stream().filter(t -> "12345市民热线".equals(t.getChannel()) && t.getUnitId() != null
                    && r.units().get(t.getUnitId()).getName().equals("县住建局")).findFirst().orElseThrow();
            assertTrue(housing.extra("严重逾期件数") >= 1, housing.getExtras().toString());
            List<String> severe = r.disqualifications().stream().filter(d -> d.getRuleName().equals("一票否决：有严重逾期工单"))
                    .map(Disqualification::getReason).toList();
            assertTrue(severe.stream().anyMatch(s -> s.contains("逾期超过 10 天的工单")), severe.toString());
            assertEquals(0, r.lists().stream().filter(e -> e.getList().equals("零逾期大户"))
                    .filter(e -> r.disqualifications().stream().anyMatch(d -> d.getUnitId() == e.getUnitId())).count());
            assertTrue(r.lists().stream().map(ListEntry::getList).anyMatch("按期办结且办理较好"::equals));
        }
    }
}
