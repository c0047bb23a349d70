package cn.gov.assess.bench;

import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * 基准：合成数据 → 新建嵌入式库导入 → 考核并保存 → 报告；同一进程、同一数据上测 H2 自己做等价 GROUP BY 的时间作对照。
 * 给出 PostgreSQL 地址时（bench --db jdbc:postgresql://…），在那个库里新建 schema assess_bench（先删掉旧的）做同样的事，
 * 对照的是 PostgreSQL 自己的 GROUP BY。
 */
public final class Benchmark {
    public static final Period PERIOD = Period.parse("2026-Q1");
    public static final LocalDateTime CUTOFF = PERIOD.defaultCutoff();

    /** 一个规模的测量结果。 */
    public record Figures(long assignments, int units, double importSeconds, double importRowsPerSecond,
                          double assessSeconds, double loadSeconds, double rulesSeconds, double storeSeconds,
                          double reportSeconds, double groupBySeconds, long peakHeapBytes, long baselineHeapBytes,
                          String engine, long peakRssBytes, double importCpuSeconds, double loadBefore, double loadAfter,
                          int threads, double rulesCpuSeconds) {
        public double ratio() { return assessSeconds / groupBySeconds; }
        /** 规则线程每条转办用的 CPU（微秒）。 */
        public double rulesCpuMicros() { return rulesCpuSeconds * 1e6 / assignments; }
        public double heapPerAssignment() { return (double) (peakHeapBytes - baselineHeapBytes) / assignments; }
    }

    private Benchmark() {
    }

    public static Figures run(Path work, long assignments, int units, long seed, RuleSet rules) throws IOException {
        return run(work, assignments, units, seed, rules, null);
    }

    public static Figures run(Path work, long assignments, int units, long seed, RuleSet rules, String serverUrl) throws IOException {
        return run(work, assignments, units, seed, rules, serverUrl, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** serverUrl 为 null 时用临时的 H2 文件库；否则是 PostgreSQL 地址，在其中新建 schema assess_bench。 */
    public static Figures run(Path work, long assignments, int units, long seed, RuleSet rules, String serverUrl, int threads)
            throws IOException {
        deleteTree(work);
        Path data = work.resolve("data");
        long rows = SyntheticQuarter.write(data, assignments, units, seed, false);
        if (WARM_UP_ROWS > 0) {
            warmUp(work.resolve("warm-up"), (int) Math.min(WARM_UP_ROWS, assignments / 10), seed, rules, serverUrl);
        }
        String url = serverUrl == null ? Database.fileUrl(work.resolve("db").resolve("assess")) : freshSchema(serverUrl, "assess_bench");
        try (Database db = Database.open(url)) {
            // 打开库到第一次可用（Hibernate 建会话工厂，约 0.5–1 秒）是每条命令的启动开销，记在命令延迟里（bench --latency），
            // 不算进导入：网页服务与长时间运行的进程只付一次
            db.sessions();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            new Importer(db, rules).withProgress().importPaths(List.of(data));
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            double importCpu = (processCpuNanos() - cpu0) / 1e9;

            rules.compile(); // 规则编译不计入考核时间
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            AssessPeriod assess = new AssessPeriod(db, threads);
            Assessor assessor = assess.engine();
            t0 = System.nanoTime();
            AssessmentResult result = assess.assessAndSave(PERIOD, CUTOFF, rules);
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
                    reportSeconds, groupBy, sampler.peak(), baseline, db.vendor() == cn.gov.assess.db.Vendor.POSTGRESQL
                    ? "PostgreSQL" : "H2", peakRss(), importCpu, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads, assessor.rulesCpuNanos() / 1e9);
        }
    }

    /** 正式测量前先导入的行数上限（系统属性 assess.bench.warmUp，0 表示不预热，即“冷”进程的数字）；不超过正式行数的十分之一。 */
    static final int WARM_UP_ROWS = Integer.getInteger("assess.bench.warmUp", 50_000);

    /**
     * 预热：用另一份合成数据（另一个种子）导入到另一个库（H2 的另一个文件、PostgreSQL 的 schema assess_bench_warmup），
     * 让 JIT 先把导入的代码编译好。正式测的是“已经运行着的进程”（网页服务、连续导入几个文件）的导入速度；
     * 一条命令从启动算起的时间另见 bench --latency 与 BENCHMARKS.md 里的命令行导入。
     */
    private static void warmUp(Path dir, int rows, long seed, RuleSet rules, String serverUrl) throws IOException {
        deleteTree(dir);
        SyntheticQuarter.write(dir.resolve("data"), rows, 500, seed + 1, false);
        String url = serverUrl == null ? Database.fileUrl(dir.resolve("db").resolve("assess")) : freshSchema(serverUrl, "assess_bench_warmup");
        try (Database db = Database.open(url)) {
            new Importer(db, rules).importPaths(List.of(dir.resolve("data")));
        }
        deleteTree(dir);
        if (serverUrl != null) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(serverUrl, cn.gov.assess.db.Credentials.forUrl(serverUrl));
                 java.sql.Statement st = c.createStatement()) {
                st.execute("drop schema if exists assess_bench_warmup cascade");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("无法删除预热用的 schema assess_bench_warmup：" + e.getMessage(), e);
            }
        }
    }

    /**
     * 在 PostgreSQL 库里删掉并新建一个 schema，返回指向它的地址（currentSchema=…）。只动这个 schema，库里别的表不碰。
     */
    public static String freshSchema(String serverUrl, String schema) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(serverUrl, cn.gov.assess.db.Credentials.forUrl(serverUrl));
             java.sql.Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
            st.execute("create schema " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("无法在 " + serverUrl + " 中新建基准用的 schema " + schema + "：" + e.getMessage(), e);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** 本进程（所有线程）用过的 CPU 纳秒；取不到时为 0。 */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** 本进程常驻内存的峰值（Linux 的 VmHWM，含堆外与 JVM 本身）；读不到时为 0。 */
    public static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // 非 Linux
        }
        return 0;
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
        return "| 库 | 转办数 | 单位数 | 导入秒 | 导入 行/秒 | 考核线程 | 考核秒 | 其中读取 | 规则 | 规则 CPU µs/转办 | 写入审计 | 报告秒 | 库自己 GROUP BY 秒 | 考核÷GROUP BY | 峰值堆 MB | 每转办堆字节 | 进程峰值 RSS MB | 导入时本进程 CPU 秒 | 负载（前→后） |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    }

    public static String markdownRow(Figures f) {
        return String.format("| %s | %,d | %,d | %.1f | %,.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %,d | %.0f | %,d | %.1f | %.1f→%.1f |%n",
                f.engine(), f.assignments(), f.units(), f.importSeconds(), f.importRowsPerSecond(), f.threads(), f.assessSeconds(),
                f.loadSeconds(), f.rulesSeconds(), f.rulesCpuMicros(), f.storeSeconds(), f.reportSeconds(), f.groupBySeconds(), f.ratio(),
                f.peakHeapBytes() / (1024 * 1024), f.heapPerAssignment(), f.peakRssBytes() / (1024 * 1024), f.importCpuSeconds(),
                f.loadBefore(), f.loadAfter());
    }
}
