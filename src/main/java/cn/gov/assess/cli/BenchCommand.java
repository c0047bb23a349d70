package cn.gov.assess.cli;

import cn.gov.assess.bench.Benchmark;
import cn.gov.assess.policy.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCityCommand.class,
        description = {"基准测试：合成季度数据（固定种子），导入新的嵌入式库（或 --db 给出的 PostgreSQL 库中新建的 schema assess_bench），考核、报告，并与数据库自己的等价 GROUP BY 对照。"})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--sizes", paramLabel = "N:M,…", description = "转办数:单位数，逗号分隔（默认 100000:2000,1000000:5000）")
    String sizes = "100000:2000,1000000:5000";

    @Option(names = "--huge", description = "再加 10,000,000:5000（需要较长时间与磁盘空间）")
    boolean huge;

    @Option(names = "--threads", paramLabel = "N", description = "考核的规则线程数（默认：全部核数；可写几个，逗号分隔，如 1,2，每个各测一遍）")
    String threads;

    @Option(names = "--seed", description = "随机种子（默认 42）")
    long seed = 42;

    @Option(names = "--work", paramLabel = "目录", description = "工作目录（默认 out/bench）")
    Path work = Path.of("out", "bench");

    @Option(names = "--append", paramLabel = "文件", description = "把结果表追加到该文件（如 BENCHMARKS.md）")
    Path append;

    @Option(names = "--generate", paramLabel = "目录", description = "只生成合成数据到 DIR（units.csv、派单.csv），规模取 --sizes 的第一项")
    Path generate;

    @Option(names = "--shuffled", description = "与 --generate 一起用：打乱行序")
    boolean shuffled;

    @Option(names = "--load-test", description = "负载测试（须 --db 给 PostgreSQL）：--readers 个读者反复解释单位，同时导入 --sizes 第一项的行数")
    boolean loadTest;

    @Option(names = "--readers", description = "负载测试的读者数（默认 20）")
    int readers = 20;

    @Option(names = "--latency", description = "测命令延迟：在演示库上把 explain、history、report、run 等命令各执行若干次（新 JVM），给出最短与中位数")
    boolean latency;

    @Option(names = "--repeat", description = "与 --latency 一起用：每条命令执行几次（默认 5）")
    int repeat = 5;

    @Option(names = "--latency-extra", paramLabel = "参数",
            description = "与 --latency 一起用：另测一条命令，整条参数写在一个引号里并用等号连接，"
                    + "如 --latency-extra=\"--db out/bench/1000000x5000/db/assess explain 单位00042\"")
    String latencyExtra;

    @Option(names = "--xlsx", paramLabel = "行数", description = "Excel 导入基准：生成这么多行的平台样式 .xlsx（日期单元格、平台列名），"
            + "导入新库，量行/秒与堆峰值（如 --xlsx 1000000）；只做这一项")
    Long xlsxRows;

    @Option(names = "--inline-strings", description = "与 --xlsx 一起用：字符串写成内联字符串（默认与 Excel 一样用共享字符串表）")
    boolean inlineStrings;

    private List<Integer> threadCounts() {
        if (threads == null) {
            return List.of(Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
        try {
            List<Integer> list = java.util.Arrays.stream(threads.split(",")).map(String::strip).map(Integer::parseInt).toList();
            if (list.isEmpty() || list.stream().anyMatch(t -> t < 1 || t > 256)) {
                throw new NumberFormatException();
            }
            return list;
        } catch (NumberFormatException e) {
            throw new UsageError(main.spec.commandLine(),
                    "--threads：“" + threads + "”不是 1–256 之间的整数（几个时用逗号分隔，如 1,2）");
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (latency) {
            var out = main.spec.commandLine().getOut();
            List<String[]> extra = latencyExtra == null ? List.of() : List.<String[]>of(latencyExtra.strip().split("\\s+"));
            String table = cn.gov.assess.bench.Latency.markdown(
                    cn.gov.assess.bench.Latency.measure(Main.home(), work.resolve("latency").toAbsolutePath(), repeat, extra), repeat);
            out.print(table);
            out.flush();
            if (append != null) {
                Files.writeString(append, "\n### 命令延迟，" + LocalDateTime.now().withNano(0) + "，" + Runtime.getRuntime().availableProcessors()
                        + " 核，Java " + System.getProperty("java.version") + "\n\n命令：`bin/assess bench --latency --repeat " + repeat + "`\n\n" + table,
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return 0;
        }
        if (xlsxRows != null) {
            RuleSet rules = RuleSet.load(main.rulesDir());
            var out = main.spec.commandLine().getOut();
            String[] nm = sizes.split(",")[0].strip().split(":");
            cn.gov.assess.bench.XlsxBenchmark.Figures f = cn.gov.assess.bench.XlsxBenchmark.run(work.resolve("xlsx-" + xlsxRows),
                    xlsxRows, Integer.parseInt(nm[1]), seed, rules, !inlineStrings);
            String table = cn.gov.assess.bench.XlsxBenchmark.markdownHeader() + cn.gov.assess.bench.XlsxBenchmark.markdownRow(f);
            out.print(table);
            out.flush();
            if (append != null) {
                String head = "\n### Excel 导入 " + LocalDateTime.now().withNano(0) + "，" + Runtime.getRuntime().availableProcessors()
                        + " 核，Java " + System.getProperty("java.version") + "\n\n命令：`bin/assess bench --xlsx " + xlsxRows
                        + (inlineStrings ? " --inline-strings" : "") + "`\n\n";
                Files.writeString(append, head + table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return 0;
        }
        String spec = huge ? sizes + ",10000000:5000" : sizes;
        if (generate != null) {
            String[] nm = spec.split(",")[0].strip().split(":");
            long written = cn.gov.assess.bench.SyntheticQuarter.write(generate, Long.parseLong(nm[0].replace("_", "")),
                    Integer.parseInt(nm[1]), seed, shuffled);
            main.spec.commandLine().getOut().printf("已生成 %,d 条转办（%s 个单位）到 %s%n", written, nm[1], generate);
            return 0;
        }
        String server = null;
        if (main.db != null) {
            server = main.dbUrl();
            if (cn.gov.assess.db.Vendor.of(server) != cn.gov.assess.db.Vendor.POSTGRESQL) {
                throw new cn.gov.assess.io.InputException("bench 的 --db 只接受 PostgreSQL 地址（jdbc:postgresql://主机:端口/库名），"
                        + "基准在其中新建 schema assess_bench；H2 基准不用 --db，用 --work 目录下的临时库");
            }
        }
        RuleSet rules = RuleSet.load(main.rulesDir());
        var out = main.spec.commandLine().getOut();
        if (loadTest) {
            if (server == null) {
                throw new cn.gov.assess.io.InputException("负载测试要连 PostgreSQL：请用 --db jdbc:postgresql://主机:端口/库名");
            }
            String[] nm = spec.split(",")[0].strip().split(":");
            try {
                var f = cn.gov.assess.bench.LoadTest.run(server, work.resolve("load"), Main.home().resolve("fixtures").resolve("2021-Q4"),
                        Long.parseLong(nm[0].replace("_", "")), Integer.parseInt(nm[1]), readers, seed, rules, out);
                String text = String.format("| 读者 | 导入行数 | 导入秒 | 导入时读取次数 | 错误 | p50 毫秒 | p95 毫秒 | p99 毫秒 | 最长毫秒 | 无导入时 p95 毫秒（%,d 次） |%n"
                                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n| %d | %,d | %.1f | %,d | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                        f.baselineReads(), f.readers(), f.rows(), f.importSeconds(), f.reads(), f.errors(), f.p50(), f.p95(), f.p99(),
                        f.max(), f.baselineP95());
                out.print(text);
                f.firstErrors().forEach(e -> out.println("错误：" + e));
                out.flush();
                if (append != null) {
                    Files.writeString(append, "\n### 负载测试 " + LocalDateTime.now().withNano(0) + "\n\n命令：`bin/assess --db jdbc:postgresql://主机:端口/库名 bench --load-test --readers "
                            + readers + " --sizes " + spec.split(",")[0] + "`\n\n" + text, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                return f.errors() == 0 ? 0 : 1;
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
            }
        }
        StringBuilder table = new StringBuilder(Benchmark.markdownHeader());
        out.print(Benchmark.markdownHeader());
        for (String part : spec.split(",")) {
            String[] nm = part.strip().split(":");
            long n = Long.parseLong(nm[0].replace("_", ""));
            int m = Integer.parseInt(nm[1]);
            for (int t : threadCounts()) {
                Benchmark.Figures f = Benchmark.run(work.resolve(n + "x" + m), n, m, seed, rules, server, t);
                String row = Benchmark.markdownRow(f);
                table.append(row);
                out.print(row);
                out.flush();
            }
        }
        if (append != null) {
            String head = "\n### " + LocalDateTime.now().withNano(0) + "，" + Runtime.getRuntime().availableProcessors() + " 核，最大堆 "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB，Java " + System.getProperty("java.version")
                    + "\n\n命令：`bin/assess " + (server == null ? "" : "--db " + server.replaceFirst("//[^/]*/", "//主机:端口/") + " ")
                    + "bench --sizes " + spec + (threads == null ? "" : " --threads " + threads) + " --seed " + seed + "`\n\n";
            Files.writeString(append, head + table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }
}
