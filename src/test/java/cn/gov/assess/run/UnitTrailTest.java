package cn.gov.assess.run;

import cn.gov.assess.TestSupport;
import cn.gov.assess.bench.Benchmark;
import cn.gov.assess.bench.SyntheticQuarter;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 保存运行时审计记录按单位分组成块：一块只含同一组的单位，读一个单位只解开它那组的块，读出的转办与库里逐条一致；
 * 按旧方式（按块顺序、每块含全部单位）写的运行照样能按单位读。
 */
class UnitTrailTest {
    private static final int GROUPS = 8;
    private static final int BLOCK_ROWS = 300;

    @Test
    void aRunsTrailIsGroupedByUnitAndAUnitReadsOnlyItsGroup(@TempDir Path tmp) throws Exception {
        SyntheticQuarter.write(tmp.resolve("data"), 12_000, 40, 5, false);
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(tmp.resolve("data")));
            RunStore store = new RunStore(db);
            long id;
            System.setProperty("assess.trail.groups", String.valueOf(GROUPS));
            System.setProperty("assess.trail.blockRows", String.valueOf(BLOCK_ROWS));
            try {
                id = new AssessPeriod(db).assessAndSave(Benchmark.PERIOD, Benchmark.CUTOFF, TestSupport.rules()).runId();
            } finally {
                System.clearProperty("assess.trail.groups");
                System.clearProperty("assess.trail.blockRows");
            }

            // 每块只含一组的单位，块的条数不超过上限；每组至多一块不满（最后写出的那块）
            Map<Integer, Integer> partialBlocks = new HashMap<>();
            Map<Long, Integer> blocksOfUnit = new HashMap<>();
            long total = 0;
            try (var c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "select seq, row_count, unit_ids, payload from run_trail where run_id = ? order by seq")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int rows = rs.getInt(2);
                        total += rows;
                        assertTrue(rows <= BLOCK_ROWS, "块 " + rs.getInt(1) + " 有 " + rows + " 条");
                        Set<Integer> groups = new HashSet<>();
                        for (String u : rs.getString(3).split(",")) {
                            long unit = Long.parseLong(u, 36);
                            groups.add((int) Math.floorMod(unit, (long) GROUPS));
                            blocksOfUnit.merge(unit, 1, Integer::sum);
                        }
                        assertEquals(1, groups.size(), "块 " + rs.getInt(1) + " 含多组单位：" + rs.getString(3));
                        List<TrailCodec.Row> decoded = new ArrayList<>();
                        TrailCodec.decode(rs.getBytes(4), decoded::add);
                        assertEquals(rows, decoded.size());
                        if (rows < BLOCK_ROWS) {
                            partialBlocks.merge(groups.iterator().next(), 1, Integer::sum);
                        }
                    }
                }
            }
            assertEquals(TestSupport.scalar(db, "select count(*) from assignment"), total);
            partialBlocks.forEach((g, n) -> assertEquals(1, n, "组 " + g + " 有 " + n + " 块不满"));

            // 每个单位：读出的转办与转办表逐条一致；只解开它那组的块（组内 12000/8 条，每块 300 条）
            Map<Long, Set<Long>> expected = new HashMap<>();
            try (var c = db.connect(); PreparedStatement ps = c.prepareStatement("select unit_id, id from assignment");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }
            }
            assertEquals(40, expected.size());
            for (Map.Entry<Long, Set<Long>> e : expected.entrySet()) {
                Set<Long> got = new HashSet<>();
                store.trail(id, e.getKey(), r -> {
                    assertEquals((long) e.getKey(), r.unitId());
                    assertTrue(got.add(r.assignmentId()), "转办 " + r.assignmentId() + " 读出两次");
                });
                assertEquals(e.getValue(), got, "单位 " + e.getKey());
                // 它的块数不超过它那组的转办数 ÷ 每块条数（向上取整）：组外的块一块也不用解开
                long group = Math.floorMod(e.getKey(), (long) GROUPS);
                long groupRows = expected.entrySet().stream().filter(x -> Math.floorMod(x.getKey(), (long) GROUPS) == group)
                        .mapToLong(x -> x.getValue().size()).sum();
                int blocks = blocksOfUnit.get(e.getKey());
                assertTrue(blocks <= (groupRows + BLOCK_ROWS - 1) / BLOCK_ROWS,
                        "单位 " + e.getKey() + " 分在 " + blocks + " 块里，它那组只有 " + groupRows + " 条");
            }
        }
    }

    @Test
    void blocksWrittenTheOldWayInChunkOrderAreStillReadByUnit() {
        try (Database db = TestSupport.memoryDb()) {
            LocalDateTime t = LocalDateTime.of(2021, 10, 1, 8, 0);
            List<List<AssignmentFact>> chunks = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < 400; i++) {
                chunks.get(i / 200).add(new AssignmentFact(i + 1, i + 1, "12345市民热线", "GD" + i, 1 + i % 7, t, t.plusDays(1), null));
            }
            db.read(c -> {
                // run_trail 不引用 assessment_run（V10），只写块即可
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into run_trail (run_id, seq, row_count, payload, unit_ids) values (77, ?, 200, ?, ?)")) {
                    for (int s = 0; s < 2; s++) {
                        ps.setInt(1, s + 1);
                        ps.setBytes(2, TrailCodec.encode(chunks.get(s)));
                        ps.setString(3, s == 0 ? null : TrailCodec.unitIds(chunks.get(s))); // 第一块像 V12 之前那样没有单位列
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return null;
            });
            List<Long> got = new ArrayList<>();
            new RunStore(db).trail(77L, 3L, r -> got.add(r.assignmentId()));
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < 400; i++) {
                if (1 + i % 7 == 3) {
                    expected.add(i + 1);
                }
            }
            assertEquals(expected, got);
        }
    }
}
