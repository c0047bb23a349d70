package cn.gov.assess.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 命令延迟：像使用者一样在终端里一条条执行 bin/assess（每条都是新的 JVM），记下墙钟时间，每条重复若干次取最小值与中位数。
 * 库是演示数据（fixtures/2021-Q4）导入后考核两次的嵌入式库。
 */
public final class Latency {
    /** 一条命令的测量结果（毫秒）与目标。 */
    public record Figure(String command, long minMs, long medianMs, long maxMs, long targetMs) {
        public boolean met() {
            return targetMs <= 0 || medianMs <= targetMs;
        }
    }

    private Latency() {
    }

    public static List<Figure> measure(Path home, Path work, int repeats, List<String[]> extra) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path db = work.resolve("demo");
        for (String suffix : List.of(".mv.db", ".trace.db")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        String dbArg = db.toString();
        exec(home, work, "--db", dbArg, "import", home.resolve("fixtures/2021-Q4").toString());
        exec(home, work, "--db", dbArg, "run", "--period", "2021-Q4");
        exec(home, work, "--db", dbArg, "run", "--period", "2021-Q4");
        String[] ranked = rankedList(db);
        List<Object[]> plan = new ArrayList<>(List.of(
                new Object[]{2000L, new String[]{"--db", dbArg, "explain", "县医保局"}},
                new Object[]{2000L, new String[]{"--db", dbArg, "explain", "县住建局", "--orders"}},
                new Object[]{2000L, new String[]{"--db", dbArg, "explain", "--list", ranked[0], "--channel", ranked[1]}},
                new Object[]{1500L, new String[]{"--db", dbArg, "history", "RX202110010001"}},
                new Object[]{3000L, new String[]{"--db", dbArg, "report", "--run", "1", "--out", work.resolve("report").toString()}},
                new Object[]{0L, new String[]{"--db", dbArg, "diff", "1", "2"}},
                new Object[]{5000L, new String[]{"--db", dbArg, "run", "--period", "2021-Q4"}}));
        for (String[] e : extra) {
            plan.add(new Object[]{0L, e});
        }
        List<Figure> out = new ArrayList<>();
        for (Object[] p : plan) {
            String[] args = (String[]) p[1];
            long[] ms = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                if (args[args.length - 1].endsWith("report")) {
                    deleteTree(Path.of(args[args.length - 1]));
                }
                long t0 = System.nanoTime();
                exec(home, work, args);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            out.add(new Figure("assess " + String.join(" ", Arrays.asList(args).subList(2, args.length))
                    .replace(work.toString(), "…"), ms[0], ms[repeats / 2], ms[repeats - 1], (Long) p[0]));
        }
        return out;
    }

    /**
     * 运行里第一个排名类名单（有名次的成员）的名单名与范围；名单名取自规则产生的结果，程序里不写名单名。
     * 没有排名类名单时取第一个名单。
     */
    public static String[] rankedList(Path db) {
        try (cn.gov.assess.db.Database d = cn.gov.assess.db.Database.open(cn.gov.assess.db.Database.fileUrl(db))) {
            List<cn.gov.assess.run.RunListEntry> lists = new cn.gov.assess.run.RunStore(d).load(null).lists();
            cn.gov.assess.run.RunListEntry e = lists.stream().filter(x -> x.getRank() > 0).findFirst()
                    .orElse(lists.isEmpty() ? null : lists.get(0));
            if (e == null) {
                throw new IllegalStateException("演示运行没有任何名单成员，无法测名单解释");
            }
            return new String[]{e.getListName(), e.getChannel()};
        }
    }

    private static void exec(Path home, Path work, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/assess").toString());
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("命令失败（退出码 " + p.exitValue() + "）：assess " + String.join(" ", args));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var files = Files.walk(p)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    public static String markdown(List<Figure> figures, int repeats) {
        StringBuilder sb = new StringBuilder("| 命令 | 最短 | 中位数 | 最长 | 目标 | 达到 |\n|---|---:|---:|---:|---:|:---:|\n");
        for (Figure f : figures) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %.2f 秒 | %.2f 秒 | %.2f 秒 | %s | %s |%n", f.command(), f.minMs() / 1000.0,
                    f.medianMs() / 1000.0, f.maxMs() / 1000.0, f.targetMs() > 0 ? "≤ " + f.targetMs() / 1000.0 + " 秒" : "—",
                    f.targetMs() <= 0 ? "—" : f.met() ? "是" : "否"));
        }
        sb.append("\n每条命令执行 ").append(repeats).append(" 次（每次是新的 JVM，含启动），墙钟时间。\n");
        return sb.toString();
    }
}
