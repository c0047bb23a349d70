package cn.gov.assess.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * 启动加速的“预演”：在临时库上把演示数据导入、考核、出报告、解释、查工单各做一遍，让 JVM 在退出时把用到的类
 * 写进类数据共享档案（bin/assess 在每次构建后运行一次，-XX:ArchiveClassesAtExit）。之后每条命令启动时直接映射这些类。
 */
public final class Warmup {
    private Warmup() {
    }

    public static void main(String[] args) throws IOException {
        Path tmp = Files.createTempDirectory("assess-warmup");
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        try {
            String db = tmp.resolve("db").toString();
            String fixture = Main.home().resolve("fixtures").resolve("2021-Q4").toString();
            int code = Main.execute(new String[]{"--db", db, "import", fixture}, out, out)
                    | Main.execute(new String[]{"--db", db, "run", "--period", "2021-Q4"}, out, out)
                    | Main.execute(new String[]{"--db", db, "report", "--out", tmp.resolve("out").toString()}, out, out)
                    | Main.execute(new String[]{"--db", db, "explain", "县住建局", "--orders"}, out, out)
                    | Main.execute(new String[]{"--db", db, "history", "RX202110010001"}, out, out)
                    | Main.execute(new String[]{"--db", db, "diff", "1", "1"}, out, out)
                    | Main.execute(new String[]{"--rules", Main.home().resolve("rules").toString(), "rules", "check"}, out, out);
            String[] ranked = cn.gov.assess.bench.Latency.rankedList(tmp.resolve("db"));
            code |= Main.execute(new String[]{"--db", db, "explain", "--list", ranked[0], "--channel", ranked[1]}, out, out);
            out.flush();
            if (code != 0 && Boolean.getBoolean("assess.debug")) {
                System.err.println(sink);
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
