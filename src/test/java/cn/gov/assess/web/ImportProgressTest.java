package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.bench.SyntheticQuarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 大文件在后台导入：合成 10 万行（-Dassess.webImportRows 可改）派单记录（bench/SyntheticQuarter）与其单位表一起上传，上传请求立即返回（跳到任务页），
 * 任务的 JSON 进度在导入过程中前进，结束时库里正好多了这些行。测得的上传延迟与经网页导入的速度写到
 * target/benchmarks/15a-import.txt（BENCHMARKS.md 的数字由此而来）。
 */
class ImportProgressTest {
    static final int ROWS = Integer.getInteger("assess.webImportRows", 100_000);
    static OperateFixture f;

    @BeforeAll
    static void start() throws IOException {
        f = new OperateFixture(false);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aLargeUploadReturnsAtOnceAndItsProgressMoves() throws Exception {
        Path data = Files.createDirectories(f.dir.resolve("synthetic"));
        long written = SyntheticQuarter.write(data, ROWS, 300, 15L, false);
        long bytes = Files.size(data.resolve("派单.csv")) + Files.size(data.resolve("units.csv"));
        long assignmentsBefore = TestSupport.scalar(f.db, "select count(*) from assignment");

        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        String token = op.csrf("/import");
        long t0 = System.nanoTime();
        HttpResponse<String> r = op.upload("/import", Map.of("_csrf", token), List.of(data.resolve("units.csv"), data.resolve("派单.csv")));
        double uploadMs = (System.nanoTime() - t0) / 1e6;
        String serverTiming = r.headers().firstValue("Server-Timing").orElse("");
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        // 导入进行中再开始一次考核：它排队，等导入结束才开始（导入与考核不交错写库）
        HttpResponse<String> run = op.post("/assess", Map.of("_csrf", token, "period", "2021-Q4"));
        assertEquals(303, run.statusCode(), run.body());
        String runJob = run.headers().firstValue("Location").orElseThrow();
        assertTrue(op.get(runJob + ".json").body().contains("\"state\":\"排队\""), "导入未完时考核应排队");
        // 任务页：进度条由 job.js 读 JSON 更新；不运行脚本的浏览器靠 noscript 里的自动刷新
        String waiting = op.get(runJob).body();
        assertTrue(waiting.contains("<noscript><meta http-equiv=\"refresh\"") && waiting.contains("src=\"/assets/job.js\"")
                && waiting.contains("<progress id=\"job-progress\""), waiting);
        HttpResponse<String> js = op.get("/assets/job.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript") && js.body().contains(".json"));

        // 跟着进度：记下看到的每个（阶段，行数）
        Set<String> seen = new LinkedHashSet<>();
        Pattern p = Pattern.compile("\"phase\":\"([^\"]*)\",\"done\":(\\d+),\"total\":(\\d+)");
        boolean midway = false;
        long total = 0;
        String json;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            json = op.get(job + ".json").body();
            if (json.contains("\"over\":true") || System.nanoTime() > deadline) {
                break;
            }
            Matcher m = p.matcher(json);
            if (m.find()) {
                seen.add(m.group(1) + " " + m.group(2));
                if (m.group(1).equals("校验并暂存派单记录")) {
                    long done = Long.parseLong(m.group(2));
                    total = Long.parseLong(m.group(3));
                    midway |= done > 0 && done < total;
                }
            }
            Thread.sleep(50);
        }
        assertTrue(json.contains("\"state\":\"完成\""), json);
        Matcher secs = Pattern.compile("\"seconds\":([0-9.]+)").matcher(json);
        assertTrue(secs.find(), json);
        double jobSeconds = Double.parseDouble(secs.group(1));
        assertEquals(written, TestSupport.scalar(f.db, "select count(*) from assignment") - assignmentsBefore, "应正好导入合成的每一行");

        // 上传请求不等导入：它返回之后还能看到导入在进行（上面的 midway），且用时只是传文件的时间
        assertTrue(uploadMs < 3000, "上传请求应在传完文件后立即返回，用了 " + uploadMs + " 毫秒");
        assertEquals(written, total, "进度的总行数（数换行）");
        assertTrue(midway, "应看到导入进行到一半的进度：" + seen);
        assertTrue(seen.size() >= 3, "应看到进度多次变化：" + seen);

        String runJson = op.awaitJob(runJob, 300);
        assertTrue(runJson.contains("\"state\":\"完成\""), runJson);
        java.time.LocalDateTime importEnd = java.time.LocalDateTime.parse(field(json, "finishedAt"));
        java.time.LocalDateTime runStart = java.time.LocalDateTime.parse(field(runJson, "startedAt"));
        assertTrue(!runStart.isBefore(importEnd), "考核在导入结束后才开始：" + importEnd + " / " + runStart);

        String page = op.get(job).body();
        assertTrue(page.contains("派单.csv") && page.contains(String.valueOf(written)), "任务页列出导入的文件与行数");

        String line = String.format(java.util.Locale.ROOT,
                "web import: %d rows (%.1f MB, 2 files); upload request %.0f ms (server %s); job %.1f s = %.0f rows/s; progress samples %d; %s",
                written, bytes / 1048576.0, uploadMs, serverTiming, jobSeconds, written / jobSeconds, seen.size(), uptime());
        System.out.println(line);
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("15a-import.txt");
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " 不在 " + json);
        return m.group(1);
    }

    private static String uptime() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "load ?";
        }
    }
}
