package cn.gov.assess.run;

import cn.gov.assess.assessment.AssessPeriod;

import cn.gov.assess.TestSupport;
import cn.gov.assess.bench.Benchmark;
import cn.gov.assess.bench.SyntheticQuarter;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 考核的审计记录分批提交；运行中途出错时，已提交的审计记录与未完成的运行一并删除，之后的运行照常。 */
class StagedRunTest {
    private static long scalar(Database db, String sql) {
        return TestSupport.scalar(db, sql);
    }

    @Test
    void aRunThatFailsAfterSomeTrailWasCommittedLeavesNothing(@TempDir Path tmp) throws Exception {
        SyntheticQuarter.write(tmp.resolve("data"), 12_000, 50, 3, false);
        Path rules = TestSupport.copyRules(tmp.resolve("rules"));
        // 第 9000 个工单让规则出错：此前的几块（每块 2000 条）已分类并写入审计记录
        Files.writeString(rules.resolve("99-测试出错.drl"), """
                package rules.test
                import cn.gov.assess.facts.AssignmentFact
                rule "测试：第 9000 个工单出错"
                when
                    AssignmentFact( orderNo == "S000009000" )
                then
                    throw new IllegalStateException("测试用的规则错误");
                end
                """);
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(tmp.resolve("data")));
            RunStore store = new RunStore(db);
            System.setProperty("assess.trail.commitEvery", "2000");
            System.setProperty("assess.trail.blockRows", "100"); // 50 个单位分在 50 组，每组攒 100 条就写出
            InputException e;
            try {
                e = assertThrows(InputException.class, () -> new AssessPeriod(db).assessAndSave(Benchmark.PERIOD,
                        Benchmark.CUTOFF, RuleSet.load(rules)));
            } finally {
                System.clearProperty("assess.trail.commitEvery");
                System.clearProperty("assess.trail.blockRows");
            }
            assertTrue(e.getMessage().contains("测试用的规则错误"), e.getMessage());
            assertEquals(0, scalar(db, "select count(*) from assessment_run"));
            assertEquals(0, scalar(db, "select count(*) from run_trail"));
            assertTrue(store.runs().isEmpty());

            long id = new AssessPeriod(db).assessAndSave(Benchmark.PERIOD, Benchmark.CUTOFF, TestSupport.rules()).runId();
            assertEquals(1, store.runs().size());
            assertEquals(scalar(db, "select count(*) from assignment"),
                    scalar(db, "select sum(row_count) from run_trail where run_id = " + id));
        }
    }
}
