package cn.gov.assess.bench;

import cn.gov.assess.audit.Explainer;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 负载测试（PostgreSQL）：N 个读者反复“解释一个单位”（读已保存的运行、逐项说明名单与否决，与工作台单位页读的相同），
 * 同时另一个命令导入百万行派单记录。先单独测读者 10 秒作对照。计数与时间都有上限，只连 --db 给出的服务器。
 */
public final class LoadTest {
    /** 结果。 */
    public record Figures(int readers, long rows, double importSeconds, long reads, long errors, double p50, double p95,
                          double p99, double max, long baselineReads, double baselineP95, List<String> firstErrors) {
    }

    private static final Period Q4 = Period.parse("2021-Q4");

    private LoadTest() {
    }

    public static Figures run(String serverUrl, Path work, Path fixture, long rows, int units, int readers, long seed, RuleSet rules,
                              PrintWriter log) throws Exception {
        Benchmark.deleteTree(work);
        Path data = work.resolve("data");
        long written = SyntheticQuarter.write(data, rows, units, seed, false);
        String url = Benchmark.freshSchema(serverUrl, "assess_load");
        try (Database readersDb = Database.open(url)) {
            new Importer(readersDb, rules).importPaths(List.of(fixture));
            long runId = new AssessPeriod(readersDb).assessAndSave(Q4, Q4.defaultCutoff(), rules).runId();
            List<String> units2021 = readersDb.inTransaction(s -> s.createSelectionQuery(
                    "select u.name from Unit u order by u.sortOrder", String.class).getResultList());
            log.printf("已准备：运行 #%d，%d 个单位可解释；合成数据 %,d 条转办%n", runId, units2021.size(), written);
            log.flush();

            // 对照：没有导入时 10 秒
            Sample baseline = readFor(readersDb, runId, units2021, readers, new AtomicBoolean(true), 10_000, 5_000);
            log.printf("对照（无导入）：%,d 次读取，p95 %.0f 毫秒%n", baseline.millis.size(), baseline.percentile(0.95));
            log.flush();

            AtomicBoolean importing = new AtomicBoolean(true);
            long t0 = System.nanoTime();
            CompletableFuture<Long> imp = CompletableFuture.supplyAsync(() -> {
                try (Database importerDb = Database.open(url)) { // 另一个“命令”：自己的连接
                    return (long) new Importer(importerDb, rules).importPaths(List.of(data)).stream()
                            .mapToInt(Importer.FileResult::rowsAdded).sum();
                } finally {
                    importing.set(false);
                }
            });
            Sample under = readFor(readersDb, runId, units2021, readers, importing, 30 * 60_000, 2_000_000);
            long added = imp.get();
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            log.printf("导入 %,d 行用时 %.1f 秒；其间 %,d 次读取，错误 %d 次%n", added, importSeconds, under.millis.size(), under.errors.get());
            return new Figures(readers, added, importSeconds, under.millis.size(), under.errors.get(), under.percentile(0.50),
                    under.percentile(0.95), under.percentile(0.99), under.percentile(1.0), baseline.millis.size(),
                    baseline.percentile(0.95), under.firstErrors);
        }
    }

    /** 读者们的计时。 */
    static final class Sample {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1 < 0 ? 0
                    : (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** readers 个线程，各自循环读，直到 go 为假、超过 maxMillis 或总数到 maxReads。 */
    static Sample readFor(Database db, long runId, List<String> units, int readers, AtomicBoolean go, long maxMillis, long maxReads)
            throws InterruptedException {
        Sample s = new Sample();
        long deadline = System.currentTimeMillis() + maxMillis;
        AtomicInteger total = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int me = r;
            Thread t = new Thread(() -> {
                Explainer explainer = cn.gov.assess.assessment.StoredRuns.explainer(db);
                RunStore store = new RunStore(db);
                int i = me;
                while (go.get() && System.currentTimeMillis() < deadline && total.incrementAndGet() <= maxReads) {
                    String unit = units.get(i++ % units.size());
                    long t0 = System.nanoTime();
                    try {
                        Explainer.UnitExplanation u = explainer.explainUnit(store.load(runId), unit, null, false);
                        if (!unit.equals(u.unit())) {
                            throw new IllegalStateException("解释的单位不对：" + u.unit());
                        }
                        s.millis.add((System.nanoTime() - t0) / 1e6);
                    } catch (RuntimeException e) {
                        s.errors.incrementAndGet();
                        if (s.firstErrors.size() < 5) {
                            s.firstErrors.add(String.valueOf(e.getMessage()));
                        }
                    }
                }
            }, "assess-reader-" + r);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return s;
    }
}
