package cn.gov.assess.bench;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** 合成数据：同一种子同一数据；1 万行的考核结果与直接 SQL 统计完全一致，且与输入行序无关。 */
class BenchSmokeTest {
    @Test
    void sameSeedSameData(@TempDir Path tmp) throws IOException {
        SyntheticQuarter.write(tmp.resolve("a"), 5_000, 100, 7, false);
        SyntheticQuarter.write(tmp.resolve("b"), 5_000, 100, 7, false);
        SyntheticQuarter.write(tmp.resolve("c"), 5_000, 100, 8, false);
        byte[] a = Files.readAllBytes(tmp.resolve("a/派单.csv"));
        assertEquals(RuleSet.sha256(a), RuleSet.sha256(Files.readAllBytes(tmp.resolve("b/派单.csv"))));
        assertNotEquals(RuleSet.sha256(a), RuleSet.sha256(Files.readAllBytes(tmp.resolve("c/派单.csv"))));
    }

    private static Map<String, String> assess(Path data, List<String> digest) {
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(data));
            RunStore store = new RunStore(db);
            long id = new AssessPeriod(db).assessAndSave(Benchmark.PERIOD, Benchmark.CUTOFF, TestSupport.rules()).runId();
            RunStore.StoredRun run = store.load(id);
            Map<String, String> ours = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            db.inTransaction(s -> s.createSelectionQuery("from Unit", cn.gov.assess.unit.Unit.class).getResultList())
                    .forEach(u -> names.put(u.getId(), u.getName()));
            for (RunTally t : run.tallies()) {
                if (t.getUnitId() != null) {
                    Tally x = t.toTally();
                    ours.put(t.getChannel() + "/" + names.get(t.getUnitId()), x.getDue() + "," + x.getHandled() + ","
                            + x.getOverdueCompleted() + "," + x.getOverdueUnhandled());
                }
            }
            Map<String, String> sql = db.sessions().fromStatelessTransaction(s -> s.doReturningWork(conn -> {
                Map<String, String> out = new HashMap<>();
                try (java.sql.PreparedStatement ps = conn.prepareStatement(Benchmark.GROUP_BY)) {
                    Benchmark.bind(ps);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1) + "/" + names.get(rs.getLong(2)), rs.getLong(3) + "," + rs.getLong(4) + ","
                                    + rs.getLong(5) + "," + rs.getLong(6));
                        }
                    }
                }
                return out;
            }));
            assertEquals(sql, ours, "规则的结果应与 SQL 直接统计一致");
            digest.add(run.run().getDataFingerprint());
            StringBuilder lists = new StringBuilder();
            run.lists().forEach(e -> lists.append(e.getChannel()).append(e.getListName()).append(e.getUnitLabel()).append(e.getPosition()).append('\n'));
            ours.put("名单", lists.toString());
            return ours;
        }
    }

    @Test
    void tenThousandRowsEqualThePlainSqlReferenceWhateverTheRowOrder(@TempDir Path tmp) throws IOException {
        SyntheticQuarter.write(tmp.resolve("ordered"), 10_000, 200, 42, false);
        SyntheticQuarter.write(tmp.resolve("shuffled"), 10_000, 200, 42, true);
        List<String> fingerprints = new java.util.ArrayList<>();
        Map<String, String> a = assess(tmp.resolve("ordered"), fingerprints);
        Map<String, String> b = assess(tmp.resolve("shuffled"), fingerprints);
        assertEquals(a, b, "输入行序不同，结果应完全相同");
        assertEquals(fingerprints.get(0), fingerprints.get(1), "数据指纹与行序无关");
    }

    @Test
    void benchReportsThreadsAndRulesCpuPerAssignmentInItsTable(@TempDir Path tmp) throws IOException {
        Benchmark.Figures f = Benchmark.run(tmp.resolve("b"), 4_000, 50, 42, TestSupport.rules(), null, 1);
        assertEquals(1, f.threads());
        org.junit.jupiter.api.Assertions.assertTrue(f.rulesCpuMicros() > 0 && f.rulesCpuMicros() < 10_000, "规则 CPU " + f.rulesCpuMicros());
        String header = Benchmark.markdownHeader().lines().findFirst().orElseThrow();
        String row = Benchmark.markdownRow(f).strip();
        assertEquals(header.split("\\|").length, row.split("\\|").length, header + "\n" + row);
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("规则 CPU µs/转办") && header.contains("考核线程"), header);
    }
}
