package cn.gov.assess.cli;

import cn.gov.assess.bench.CityBenchmark;
import cn.gov.assess.db.Database;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.Role;
import cn.gov.assess.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

@Command(name = "city", mixinStandardHelpOptions = true,
        description = {"合成的市（辖区）：新建一个市与 --counties 个县（各 --units 个单位、各自发布第一版规则），生成一个带区县列的市级导出",
                "（--assignments 条转办，一个季度），测市级导入、run-all（1 个线程与全部线程）与一个县级查看账号的页面时间。",
                "H2 用 --work 下的新文件库；--db 给 PostgreSQL 地址时在其中新建 schema assess_city（先删掉旧的）。"})
final class BenchCityCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--counties", description = "县数（默认 12）")
    int counties = 12;

    @Option(names = "--units", description = "每县单位数（默认 40）")
    int units = 40;

    @Option(names = "--assignments", description = "全市一个季度的转办数（默认 1200000）")
    String assignments = "1200000";

    @Option(names = "--threads", paramLabel = "N", description = "run-all 第二遍的线程数（默认：处理器个数；第一遍总是 1 个线程）")
    Integer threads;

    @Option(names = "--warm", description = "每页热请求的次数（默认 9）")
    int warm = 9;

    @Option(names = "--seed", description = "随机种子（默认：bench 的 --seed，42）；第 i 个县用种子 + i")
    Long seed;

    @Option(names = "--work", paramLabel = "目录", description = "工作目录（默认 out/bench/city，先清空）")
    Path work;

    @Option(names = "--append", paramLabel = "文件", description = "把结果追加到该文件（如 BENCHMARKS.md）")
    Path append;

    @Override
    public Integer call() throws IOException {
        Main main = bench.main;
        if (counties < 1 || units < 2 || warm < 1 || threads != null && threads < 1) {
            throw new UsageError(main.spec.commandLine(), "--counties 至少 1，--units 至少 2，--warm 与 --threads 至少 1");
        }
        String server = null;
        if (main.db != null) {
            server = main.dbUrl();
            if (cn.gov.assess.db.Vendor.of(server) != cn.gov.assess.db.Vendor.POSTGRESQL) {
                throw new cn.gov.assess.io.InputException("bench city 的 --db 只接受 PostgreSQL 地址（jdbc:postgresql://主机:端口/库名）；"
                        + "H2 不用 --db，用 --work 目录下的新库");
            }
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long seedValue = seed != null ? seed : bench.seed;
        Path dir = work != null ? work : bench.work.resolve("city");
        Path appendTo = append != null ? append : bench.append;
        long rows = Long.parseLong(assignments.replace("_", "").replace(",", ""));
        var out = main.spec.commandLine().getOut();
        Path rulesDir = main.rulesDir();
        CityBenchmark.Figures f = CityBenchmark.run(dir,
                new CityBenchmark.Settings(counties, units, rows, seedValue, n, warm), rulesDir, server,
                (url, account, password) -> serve(url, account, password, rulesDir), out);
        String table = CityBenchmark.markdown(f);
        out.print(table);
        out.flush();
        if (appendTo != null) {
            String head = "\n### " + LocalDateTime.now().withNano(0) + "，" + Runtime.getRuntime().availableProcessors() + " 核，最大堆 "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB，Java " + System.getProperty("java.version")
                    + "\n\n命令：`bin/assess " + (server == null ? "" : "--db " + server.replaceFirst("//[^/]*/", "//主机:端口/") + " ")
                    + "bench city --counties " + counties + " --units " + units + " --assignments " + rows + " --threads " + n
                    + " --seed " + seedValue + "`\n\n";
            Files.writeString(appendTo, head + table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return f.identical() ? 0 : 1;
    }

    /** 在县的库上建查看账号并启动工作台（与 serve --jurisdiction 相同的服务器，端口由系统分配）。 */
    private static CityBenchmark.Site.Running serve(String url, String account, char[] password, Path rulesDir) {
        Database db = Database.open(url);
        try {
            Accounts accounts = new Accounts(db);
            if (accounts.find(account).isEmpty()) {
                accounts.add(account, Role.查看, null, password);
            }
            WebServer server = new WebServer(db, rulesDir).start("127.0.0.1", 0);
            return new CityBenchmark.Site.Running() {
                @Override
                public int port() {
                    return server.port();
                }

                @Override
                public void close() {
                    server.close();
                    db.close();
                }
            };
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
