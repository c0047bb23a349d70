package cn.gov.assess.bench;

import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.rules.RuleSet;
import cn.gov.assess.workorder.Importer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * 基准：合成数据 → 新建嵌入式库导入 → 考核并保存 → 报告；同一进程、同一数据上测 H2 自己做等价 GROUP BY 的时间作对照。
 */
public final class Benchmark {
    public static final Period PERIOD = Period.parse("2026-Q1");
    public static final LocalDateTime CUTOFF = PERIOD.end().atTime(23, 59, 59);

    /** 一个规模的测量结果。 */
    public record Figures(long assignments, int units, double importSeconds, double importRowsPerSecond,
                          double assessSeconds, double loadSeconds, double rulesSeconds, double storeSeconds,
                          double reportSeconds, double groupBySeconds, long peakHeapBytes, long baselineHeapBytes) {
        public double ratio() { return assessSeconds / groupBySeconds; }
        public double heapPerAssignment() { return (double) (peakHeapBytes - baselineHeapBytes) / assignments; }
    }

    private Benchmark() {
    }

    public static Figures run(Path work, long assignments, int units, long seed, RuleSet rules) throws IOException {
        deleteTree(work);
        Path data = work.resolve("data");
        long rows = SyntheticQuarter.write(data, assignments, units, seed, false);
        try (Database db = Database.open(Database.fileUrl(work.resolve("db").resolve("assess")))) {
            long t0 = System.nanoTime();
            new Importer(db, rules).withProgress().importPaths(List.of(data));
            double importSeconds = (System.nanoTime() - t0) / 1e9;

            rules.compile(); // 规则编译不计入考核时间
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            Assessor assessor = new Assessor(db);
            t0 = System.nanoTime();
            Assessor.Result result = new RunStore(db).assessAndSave(assessor, PERIOD, CUTOFF, rules);
            double assessSeconds = (System.nanoTime() - t0) / 1e9;
            sampler.stopSampling();

            t0 = System.nanoTime();
            new ReportWriter().write(new RunStore(db).load(result.runId()), work.resolve("out"));
            double reportSeconds = (System.nanoTime() - t0) / 1e9;

            double groupBy = groupBySeconds(db);
            double load = assessor.loadNanos() / 1e9;
            double store = assessor.trailNanos() / 1e9;
            double rulesWall = Math.max(0, assessSeconds - load - store);
            return new Figures(rows, units, importSeconds, rows / importSeconds, assessSeconds, load, rulesWall, store,
                    reportSeconds, groupBy, sampler.peak(), baseline);
        }
    }

    /** H2 自己按单位和渠道统计应办、实办、逾期办结、逾期未办（只计第一次执行：H2 会复用相同查询的结果）。 */
    public static double groupBySeconds(Database db) {
        return db.sessions().fromStatelessTransaction(s -> s.doReturningWork(conn -> {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 1; i++) {
                long t0 = System.nanoTime();
                try (java.sql.PreparedStatement ps = conn.prepareStatement(GROUP_BY)) {
                    bind(ps);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(3);
                        }
                    }
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return best;
        }));
    }

    public static final String GROUP_BY = "select o.channel, a.unit_id, count(*) as due, "
            + "sum(case when a.completed_at is not null and a.completed_at <= ? then 1 else 0 end) as handled, "
            + "sum(case when a.completed_at is not null and a.completed_at <= ? and a.completed_at > a.deadline then 1 else 0 end) as overdue_completed, "
            + "sum(case when (a.completed_at is null or a.completed_at > ?) and a.deadline < ? then 1 else 0 end) as overdue_unhandled "
            + "from assignment a join work_order o on o.id = a.order_id "
            + "where o.received_at >= ? and o.received_at < ? group by o.channel, a.unit_id";

    public static void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        java.sql.Timestamp cutoff = java.sql.Timestamp.valueOf(CUTOFF);
        ps.setTimestamp(1, cutoff);
        ps.setTimestamp(2, cutoff);
        ps.setTimestamp(3, cutoff);
        ps.setTimestamp(4, cutoff);
        ps.setTimestamp(5, java.sql.Timestamp.valueOf(PERIOD.start().atStartOfDay()));
        ps.setTimestamp(6, java.sql.Timestamp.valueOf(PERIOD.end().plusDays(1).atStartOfDay()));
    }

    /** 每 20 毫秒记一次堆占用的峰值（含尚未回收的垃圾，是上界）。 */
    static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long peak() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        @Override
        public void interrupt() {
            running = false;
            super.interrupt();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static String markdownHeader() {
        return "| 转办数 | 单位数 | 导入秒 | 导入 行/秒 | 考核秒 | 其中读取 | 规则 | 写入审计 | 报告秒 | H2 GROUP BY 秒 | 考核÷GROUP BY | 峰值堆 MB | 每转办堆字节 |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    public static String markdownRow(Figures f) {
        return String.format("| %,d | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %,d | %.0f |%n",
                f.assignments(), f.units(), f.importSeconds(), f.importRowsPerSecond(), f.assessSeconds(), f.loadSeconds(),
                f.rulesSeconds(), f.storeSeconds(), f.reportSeconds(), f.groupBySeconds(), f.ratio(),
                f.peakHeapBytes() / (1024 * 1024), f.heapPerAssignment());
    }

    static List<long[]> parseSizes(String spec) {
        List<long[]> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] nm = part.strip().split(":");
            out.add(new long[]{Long.parseLong(nm[0].replace("_", "")), Long.parseLong(nm[1])});
        }
        return out;
    }
}
