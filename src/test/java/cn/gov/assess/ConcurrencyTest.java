package cn.gov.assess;

import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.bench.SyntheticQuarter;
import cn.gov.assess.cli.Main;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL 上几个命令、几个用户同时用一个库：不同期的导入与考核并行；同一期的两次考核排队并用中文说明；
 * 考核进行时读者照常读。（H2 库同时只许一个命令打开，见 CrashSafetyTest。）
 */
class ConcurrencyTest {
    private static final Period Q4 = Period.parse("2021-Q4");
    private String url;

    @BeforeEach
    void needPostgres() {
        if (!Engine.pgConfigured() && !Engine.pgRequired()) {
            Assumptions.abort("PostgreSQL 测试没有运行（没有 -Dassess.test.pg.url 或 ASSESS_TEST_PG_URL）；用 bin/test 运行全部测试");
        }
        url = Engine.POSTGRESQL.freshUrl(null);
        try (Database db = Database.open(url)) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        }
    }

    @Test
    void twoRunsOfOnePeriodQueueAndTheSecondSaysWhy() throws Exception {
        try (Database db = Database.open(url)) {
            Database.Lock held = db.lockPeriod(Q4.code(), null);
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            CompletableFuture<Database.Lock> second = CompletableFuture.supplyAsync(
                    () -> db.lockPeriod(Q4.code(), new PrintStream(said, true, StandardCharsets.UTF_8)));
            CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> new AssessPeriod(db).assessAndSave(Q4,
                    Q4.defaultCutoff(), TestSupport.rules()).runId());
            Thread.sleep(3000);
            assertFalse(second.isDone(), "同一期已有运行时应等待");
            assertFalse(run.isDone(), "同一期已有运行时考核应等待");
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("考核期 2021-Q4 正由另一个考核运行使用"), said.toString(StandardCharsets.UTF_8));
            // 另一期不受影响
            try (Database.Lock other = db.lockPeriod("2021-Q3", null)) {
                assertTrue(other != null);
            }
            held.close();
            second.get(60, TimeUnit.SECONDS).close();
            assertTrue(run.get(300, TimeUnit.SECONDS) > 0);
            assertEquals(1L, TestSupport.scalar(db, "select count(*) from assessment_run where state = 'done'"));
        }
    }

    @Test
    void importAndRunOfDifferentPeriodsAtOnceAndReadersAreNotBlocked(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("q1");
        SyntheticQuarter.write(data, 60_000, 300, 7, false);
        try (Database db = Database.open(url)) {
            long first = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
            AtomicBoolean busy = new AtomicBoolean(true);
            // 读者：考核与导入进行时反复 explain 上一次运行
            List<Long> millis = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Thread reader = new Thread(() -> {
                while (busy.get()) {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    long t0 = System.nanoTime();
                    int code = Main.execute(new String[]{"--db", url, "explain", "县人社局", "--run", String.valueOf(first)},
                            new PrintWriter(out, true), new PrintWriter(err, true));
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                    if (code != 0 || !out.toString().contains("县人社局")) {
                        errors.add(code + " " + err);
                    }
                }
            });
            reader.start();
            CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> new AssessPeriod(db).assessAndSave(Q4,
                    Q4.defaultCutoff(), TestSupport.rules()).runId());
            CompletableFuture<Integer> imp = CompletableFuture.supplyAsync(() -> new Importer(db, TestSupport.rules())
                    .importPaths(List.of(data)).stream().mapToInt(Importer.FileResult::rowsAdded).sum());
            long second = run.get(600, TimeUnit.SECONDS);
            int added = imp.get(600, TimeUnit.SECONDS);
            busy.set(false);
            reader.join();
            assertTrue(second > first);
            assertTrue(added >= 60_000, "导入新增 " + added);
            assertTrue(errors.isEmpty(), errors.toString());
            assertFalse(millis.isEmpty());
            // 第二次运行与第一次数字相同：同时进行的另一期导入没有混进来
            assertEquals(TestSupport.scalar(db, "select assignment_count from assessment_run where id = " + first),
                    TestSupport.scalar(db, "select assignment_count from assessment_run where id = " + second));
        }
    }
}
