package cn.gov.assess.bench;

import cn.gov.assess.assessment.AssessAll;
import cn.gov.assess.assessment.RulesCheck;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.intake.CityImport;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 合成的市（issue 28）：一个市、N 个县，每县 M 个单位（各县单位同名，名称只在辖区内唯一），各辖区发布第一版规则；
 * 一个市级导出文件（带区县列）装着全部县一个季度的转办。测：市级导入（按区县分派，全部或全不）、run-all 用 1 个线程与用全部线程
 * （总墙钟与各辖区墙钟，两次结果逐字节相同；之前先不计时地跑一遍预热），以及一个县级查看账号的页面时间（工作台、运行页、单位页、单位列表、名单解释：
 * 第一次与热请求的中位数、最长）。每项记下当时的系统负载（机器与别人共用）。
 */
public final class CityBenchmark {
    /** 规模：县数、每县单位数、全市转办数、种子、run-all 的线程数（全部线程）。 */
    public record Settings(int counties, int units, long assignments, long seed, int threads, int warmRequests) {
    }

    /**
     * 网页工作台：bench 包不依赖 web 包，由命令行给出怎样在一个辖区的库上建一个只读的县级账号并启动工作台。
     */
    public interface Site {
        Running start(String jurisdictionUrl, String account, char[] password);

        /** 运行中的工作台；关闭时停掉并关库。 */
        interface Running extends AutoCloseable {
            int port();

            @Override
            void close();
        }
    }

    /** 一个辖区在 run-all 里的用时（秒；没有运行时为负）。 */
    public record JurisdictionTime(String name, long assignments, double oneThread, double allThreads, String problem) {
    }

    /** 一个页面：第一次、热请求的中位数与最长（毫秒），测时的负载。 */
    public record Page(String name, String path, double firstMs, double medianMs, double maxMs, int warm, double load) {
    }

    public record Figures(String engine, Settings settings, long rows, long fileBytes, double importSeconds, double importLoad,
                          double runAllOne, double loadOne, double runAllAll, double loadAll, boolean identical,
                          List<JurisdictionTime> jurisdictions, String pageCounty, List<Page> pages, double pagesLoad) {
        public double importRowsPerSecond() { return rows / importSeconds; }
    }

    public static final String CITY = "合成市";

    private CityBenchmark() {
    }

    static String county(int i) {
        return String.format("合成%02d县", i + 1);
    }

    /**
     * 全部做一遍。serverUrl 为 null 时用 work 下的 H2 文件库；否则在那个 PostgreSQL 库里新建 schema assess_city
     * （先删掉它和上次留下的 assess_city_j_* 辖区 schema）。
     */
    public static Figures run(Path work, Settings s, Path rulesDir, String serverUrl, Site site, java.io.PrintWriter progress)
            throws IOException {
        Benchmark.deleteTree(work);
        RuleSet rules = RuleSet.load(rulesDir);
        Path cityFile = work.resolve("city").resolve("派单.csv");
        List<Path> unitFiles = new ArrayList<>();
        long rows = writeCity(work.resolve("gen"), cityFile, unitFiles, s);
        progress.printf("已生成市级导出 %s：%,d 条转办，%d 个县，每县 %d 个单位%n", cityFile, rows, s.counties(), s.units());
        progress.flush();
        String url = serverUrl == null ? Database.fileUrl(work.resolve("db").resolve("assess")) : freshCitySchema(serverUrl);
        try (Database registry = Database.open(url)) {
            Jurisdictions all = new Jurisdictions(registry);
            all.rename(all.home().name(), CITY, "市");
            new RulesVersions(registry, RulesCheck::problems).ensureInitial(rulesDir);
            for (int i = 0; i < s.counties(); i++) {
                Jurisdictions.Jurisdiction j = all.add(county(i), "县", CITY);
                try (Database db = all.open(j)) {
                    new Importer(db, rules).importPaths(List.of(unitFiles.get(i)));
                    new RulesVersions(db, RulesCheck::problems).ensureInitial(rulesDir);
                }
            }
            double importLoad = load();
            long t0 = System.nanoTime();
            new CityImport(all, all.require(CITY), rules).importFiles(List.of(cityFile), work.resolve("city-parts"));
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            Benchmark.deleteTree(work.resolve("city-parts"));
            progress.printf("市级导入 %.1f 秒（%,.0f 行/秒）%n", importSeconds, rows / importSeconds);
            progress.flush();

            // 先不计时地 run-all 一遍：让 JIT 把规则与读写的代码编译好，否则 1 个线程的那一遍（先跑）替两遍付了预热的钱
            t0 = System.nanoTime();
            new AssessAll(all, rulesDir, s.threads()).run(Benchmark.PERIOD, Benchmark.CUTOFF);
            progress.printf("预热（不计）：run-all %.1f 秒%n", (System.nanoTime() - t0) / 1e9);
            progress.flush();
            double loadOne = load();
            t0 = System.nanoTime();
            List<AssessAll.Outcome> one = new AssessAll(all, rulesDir, 1).run(Benchmark.PERIOD, Benchmark.CUTOFF);
            double runAllOne = (System.nanoTime() - t0) / 1e9;
            double loadAll = load();
            t0 = System.nanoTime();
            List<AssessAll.Outcome> many = new AssessAll(all, rulesDir, s.threads()).run(Benchmark.PERIOD, Benchmark.CUTOFF);
            double runAllAll = (System.nanoTime() - t0) / 1e9;
            progress.printf("run-all：1 个线程 %.1f 秒，%d 个线程 %.1f 秒%n", runAllOne, s.threads(), runAllAll);
            progress.flush();

            List<JurisdictionTime> times = new ArrayList<>();
            boolean identical = true;
            for (int i = 0; i < one.size(); i++) {
                AssessAll.Outcome a = one.get(i);
                AssessAll.Outcome b = many.get(i);
                if (a.ok() && b.ok()) {
                    try (Database db = all.open(a.jurisdiction())) {
                        identical &= sameReports(db, a.result().runId(), b.result().runId());
                    }
                } else {
                    identical &= a.ok() == b.ok();
                }
                times.add(new JurisdictionTime(a.jurisdiction().name(), a.ok() ? a.result().assignmentCount() : 0,
                        a.ok() ? a.seconds() : -1, b.ok() ? b.seconds() : -1, a.ok() ? null : a.empty() ? "没有工单" : a.problem()));
            }

            Jurisdictions.Jurisdiction county = all.require(county(0));
            AssessAll.Outcome countyRun = many.stream().filter(o -> o.jurisdiction().name().equals(county.name())).findFirst()
                    .orElseThrow();
            double pagesLoad = load();
            List<Page> pages = pages(all, county, countyRun.result().runId(), site, s.warmRequests());
            return new Figures(registry.vendor() == cn.gov.assess.db.Vendor.POSTGRESQL ? "PostgreSQL" : "H2", s, rows,
                    Files.size(cityFile), importSeconds, importLoad, runAllOne, loadOne, runAllAll, loadAll, identical, times,
                    county.name(), pages, pagesLoad);
        }
    }

    /** 两次运行的通报文件（md、csv）逐字节相同。 */
    private static boolean sameReports(Database db, long a, long b) {
        RunStore store = new RunStore(db);
        ReportWriter writer = new ReportWriter();
        Map<String, byte[]> x = writer.render(store.load(a)).files();
        Map<String, byte[]> y = writer.render(store.load(b)).files();
        for (Map.Entry<String, byte[]> e : x.entrySet()) {
            if ((e.getKey().endsWith(".csv") || e.getKey().endsWith(".md")) && !Arrays.equals(e.getValue(), y.get(e.getKey()))) {
                return false;
            }
        }
        return x.keySet().equals(y.keySet());
    }

    /**
     * 各县的单位表与合成数据（{@link SyntheticQuarter}，各县一个种子），合成一个市级导出：前面加区县列，工单编号前加县的编号
     * （市平台的编号全市唯一）。返回写出的转办数。
     */
    static long writeCity(Path gen, Path cityFile, List<Path> unitFiles, Settings s) throws IOException {
        Files.createDirectories(cityFile.getParent());
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(cityFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < s.counties(); i++) {
                long share = s.assignments() / s.counties() + (i < s.assignments() % s.counties() ? 1 : 0);
                Path dir = gen.resolve(String.valueOf(i + 1));
                written += SyntheticQuarter.write(dir, share, s.units(), s.seed() + i, false);
                unitFiles.add(dir.resolve("units.csv"));
                String prefix = county(i) + ",";
                String number = String.format(",C%02d", i + 1);
                try (BufferedReader r = Files.newBufferedReader(dir.resolve("派单.csv"), StandardCharsets.UTF_8)) {
                    String header = r.readLine();
                    if (i == 0) {
                        w.write(cn.gov.assess.workorder.ColumnProfiles.COUNTY + "," + header + "\n");
                    }
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        int comma = line.indexOf(',');
                        w.write(prefix);
                        w.write(line, 0, comma);
                        w.write(number);
                        w.write(line, comma + 1, line.length() - comma - 1);
                        w.write('\n');
                    }
                }
                Files.delete(dir.resolve("派单.csv"));
            }
        }
        return written;
    }

    /** 县级查看账号登录后依次请求各页：第一次，再 warm 次热请求。 */
    private static List<Page> pages(Jurisdictions all, Jurisdictions.Jurisdiction county, long runId, Site site, int warm) {
        long unitId;
        RunListEntry entry;
        try (Database db = all.open(county)) {
            unitId = db.read(c -> {
                try (var ps = c.prepareStatement("select unit_id from assignment group by unit_id order by count(*) desc, unit_id");
                     var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            List<RunListEntry> lists = new RunStore(db).load(runId).lists();
            entry = lists.stream().filter(x -> x.getRank() > 0).findFirst().orElse(lists.isEmpty() ? null : lists.get(0));
        }
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("工作台", "/");
        paths.put("运行页", "/runs/" + runId);
        paths.put("单位页（转办最多的单位）", "/runs/" + runId + "/units/" + unitId);
        paths.put("单位列表（搜索“单位”）", "/units/search?q=" + PageClient.enc("单位"));
        if (entry != null) {
            paths.put("名单解释", "/runs/" + runId + "/list?name=" + PageClient.enc(entry.getListName()) + "&scope="
                    + PageClient.enc(entry.getChannel()));
        }
        String account = "测速县级查看";
        char[] password = "correct-horse-battery-1".toCharArray();
        List<Page> out = new ArrayList<>();
        try (Site.Running running = site.start(all.url(county), account, password)) {
            PageClient client = new PageClient("http://127.0.0.1:" + running.port());
            client.login(account, new String(password));
            for (Map.Entry<String, String> p : paths.entrySet()) {
                double load = load();
                double first = client.timeGet(p.getValue());
                double[] ms = new double[warm];
                for (int k = 0; k < warm; k++) {
                    ms[k] = client.timeGet(p.getValue());
                }
                Arrays.sort(ms);
                out.add(new Page(p.getKey(), p.getValue(), first, warm == 0 ? first : ms[warm / 2], warm == 0 ? first : ms[warm - 1],
                        warm, load));
            }
        }
        return out;
    }

    /** 删掉并新建 schema assess_city，连同上次留下的辖区 schema（assess_city_j_*）。 */
    private static String freshCitySchema(String serverUrl) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(serverUrl, cn.gov.assess.db.Credentials.forUrl(serverUrl));
             java.sql.Statement st = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (var rs = st.executeQuery("select schema_name from information_schema.schemata where schema_name like 'assess\\_city\\_j\\_%'")) {
                while (rs.next()) {
                    old.add(rs.getString(1));
                }
            }
            for (String schema : old) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("无法删除上次基准留下的辖区 schema：" + e.getMessage(), e);
        }
        return Benchmark.freshSchema(serverUrl, "assess_city");
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static String markdown(Figures f) {
        Settings s = f.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("**%s**：%d 个县 × %d 个单位，市级导出一个文件 %,d 条转办（%.0f MB），季度 %s。%n%n", f.engine(), s.counties(),
                s.units(), f.rows(), f.fileBytes() / 1e6, Benchmark.PERIOD.code()));
        sb.append("| 项目 | 墙钟 | 说明 | 负载（1 分钟） |\n|---|---:|---|---:|\n");
        sb.append(String.format("| 市级导入（分到各县） | %.1f 秒 | %,.0f 行/秒 | %.1f |%n", f.importSeconds(), f.importRowsPerSecond(), f.importLoad()));
        sb.append(String.format("| run-all，1 个线程（之前已不计时地预热一遍） | %.1f 秒 | %,.0f 转办/秒 | %.1f |%n", f.runAllOne(), f.rows() / f.runAllOne(), f.loadOne()));
        sb.append(String.format("| run-all，%d 个线程 | %.1f 秒 | %,.0f 转办/秒；与 1 个线程的结果%s | %.1f |%n", s.threads(), f.runAllAll(),
                f.rows() / f.runAllAll(), f.identical() ? "逐字节相同" : "**不同**", f.loadAll()));
        sb.append("\n| 辖区 | 转办 | run-all 1 个线程（秒） | run-all ").append(s.threads()).append(" 个线程（秒） |\n|---|---:|---:|---:|\n");
        for (JurisdictionTime t : f.jurisdictions()) {
            sb.append(t.problem() != null ? String.format("| %s | — | 未运行：%s | — |%n", t.name(), t.problem())
                    : String.format("| %s | %,d | %.1f | %.1f |%n", t.name(), t.assignments(), t.oneThread(), t.allThreads()));
        }
        sb.append("\n").append(f.pageCounty()).append("的查看账号（服务器与测量在同一进程，java.net.http，热请求 ")
                .append(s.warmRequests()).append(" 次）：\n\n| 页面 | 第一次（毫秒） | 热，中位数（毫秒） | 热，最长（毫秒） | 负载 |\n|---|---:|---:|---:|---:|\n");
        for (Page p : f.pages()) {
            sb.append(String.format("| %s | %.0f | %.1f | %.1f | %.1f |%n", p.name(), p.firstMs(), p.medianMs(), p.maxMs(), p.load()));
        }
        return sb.toString();
    }
}
