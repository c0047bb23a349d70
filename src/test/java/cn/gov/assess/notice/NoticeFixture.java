package cn.gov.assess.notice;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** 测试公用：fixtures/2021-Q4 经默认规则考核一次、报告写到临时目录（各测试类共用，只跑一次）。 */
final class NoticeFixture {
    static final Period Q4 = Period.parse("2021-Q4");
    private static final java.util.Map<Engine, Path> OUT = new java.util.EnumMap<>(Engine.class);

    private NoticeFixture() {
    }

    static Path out() {
        return out(Engine.H2);
    }

    /** 在指定引擎的新库上导入、考核、写报告（每种引擎只做一次）。 */
    static synchronized Path out(Engine engine) {
        Path out = OUT.get(engine);
        if (out == null) {
            try (Database db = engine.open()) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
                long id = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(),
                        TestSupport.rules()).runId();
                Path dir = Files.createTempDirectory("notice-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                new ReportWriter().write(new RunStore(db).load(id), dir);
                out = dir;
                OUT.put(engine, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // 临时目录删不掉不影响测试结果
        }
    }

    static Path published() {
        return TestSupport.fixture("2021-Q4").resolve("published");
    }

    /** CSV 的全部行，第一行是表头。 */
    static List<List<String>> csv(Path file) {
        try {
            CsvTable t = CsvTable.read(file);
            List<List<String>> rows = new ArrayList<>();
            rows.add(t.header());
            t.rows().forEach(r -> rows.add(r.values()));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
