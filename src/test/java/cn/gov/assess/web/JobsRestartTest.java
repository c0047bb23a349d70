package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 服务重启后任务页仍在：先导入一个第 500 行日期有错的文件（失败，错误表）和一个好文件（完成，文件表），停掉服务；
 * 表里再放一个“崩溃的进程”留下的进行中任务；在同一个库、同一个端口上启动新的服务：两个任务页照样显示结果与错误表，
 * 进行中的那个显示为失败并说明原因；导入页“最近的任务”列出它们；查看账号仍然 403。
 */
class JobsRestartTest {
    static OperateFixture f;
    static WebServer second;

    @BeforeAll
    static void start() throws Exception {
        f = new OperateFixture(false);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (f != null) {
            if (second == null) {
                f.server.close();
            }
            f.db.close();
        }
    }

    @Test
    void finishedJobsSurviveARestartAndARunningOneFromACrashedServerIsMarkedFailed() throws Exception {
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        String token = op.csrf("/import");
        HttpResponse<String> bad = op.upload("/import", Map.of("_csrf", token), List.of(f.hotlineWithBadDate(500, "2021-13-45")));
        assertEquals(303, bad.statusCode(), bad.body());
        String badJob = bad.headers().firstValue("Location").orElseThrow();
        assertTrue(op.awaitJob(badJob, 60).contains("\"state\":\"失败\""));
        HttpResponse<String> good = op.upload("/import", Map.of("_csrf", token), List.of(f.goodHotline()));
        String goodJob = good.headers().firstValue("Location").orElseThrow();
        assertTrue(op.awaitJob(goodJob, 60).contains("\"state\":\"完成\""));
        String badBefore = table(op.get(badJob).body(), "job-problems");
        String goodBefore = table(op.get(goodJob).body(), "job-files");
        assertTrue(badBefore.contains("<td class=\"num\">500</td>") && badBefore.contains("2021-13-45"), badBefore);
        assertTrue(goodBefore.contains(OperateFixture.HOTLINE), goodBefore);

        double fromMemory = median(op, badJob);
        int port = f.server.port();
        f.server.close();
        // 另一个进程在导入进行中被强行停止：表里留下一个“进行中”的任务
        String crashed = "0123456789abcdef0123456789abcdef";
        // 任务开始时刻要晚于上面那次导入留下的导入记录（否则页面会说“任务开始之后库里有了新的导入记录”）
        Thread.sleep(1100);
        LocalDateTime crashStart = LocalDateTime.now();
        Sql.work(f.db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into web_job (id, kind, title, owner, remote, created_at, started_at, "
                    + "state, phase, done_count, total_count, summary, rules, failure, problem_count) "
                    + "values (?, '导入', '导入 派单.csv（120.0 MB）', ?, '127.0.0.1', ?, ?, '进行中', '开始', 0, 0, '', '', '', 0)")) {
                ps.setString(1, crashed);
                ps.setString(2, OperateFixture.OPERATOR);
                ps.setTimestamp(3, Timestamp.valueOf(crashStart));
                ps.setTimestamp(4, Timestamp.valueOf(crashStart));
                return ps.executeUpdate();
            }
        });
        // 以前的 40 个已完成的任务：“最近的任务”只列 20 个
        for (int i = 0; i < 40; i++) {
            String id = String.format("%032x", i);
            LocalDateTime at = LocalDateTime.now().minusHours(2).plusMinutes(i);
            Sql.work(f.db, c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into web_job (id, kind, title, owner, remote, created_at, "
                        + "state, phase, done_count, total_count, summary, rules, failure, problem_count) "
                        + "values (?, '考核', '考核 2021-Q4（以前的任务）', '经办甲', '127.0.0.1', ?, '完成', '保存', 0, 0, '', '', '', 0)")) {
                    ps.setString(1, id);
                    ps.setTimestamp(2, Timestamp.valueOf(at));
                    return ps.executeUpdate();
                }
            });
        }
        String counts = f.counts();
        second = new WebServer(f.db, TestSupport.rulesDir()).start("127.0.0.1", port);
        assertEquals(counts, f.counts(), "启动时只改任务表");

        OperateFixture.Client again = f.new Client().login(OperateFixture.OPERATOR);
        HttpResponse<String> badPage = again.get(badJob);
        assertEquals(200, badPage.statusCode(), badPage.body());
        assertTrue(badPage.body().contains("id=\"job-failure\"") && badPage.body().contains("没有导入任何一行"), badPage.body());
        assertEquals(badBefore, table(badPage.body(), "job-problems"), "重启后错误表与重启前相同");
        HttpResponse<String> goodPage = again.get(goodJob);
        assertEquals(goodBefore, table(goodPage.body(), "job-files"), "重启后文件表与重启前相同");
        assertTrue(goodPage.body().contains("导入完成") && goodPage.body().contains("用时"), goodPage.body());
        String json = again.get(goodJob + ".json").body();
        assertTrue(json.contains("\"state\":\"完成\"") && json.contains("\"over\":true") && json.contains("\"percent\":100"), json);

        HttpResponse<String> crashedPage = again.get("/jobs/" + crashed);
        assertEquals(200, crashedPage.statusCode());
        assertTrue(crashedPage.body().contains("class=\"state-失败\"") && crashedPage.body().contains(JobStore.INTERRUPTED),
                crashedPage.body());
        assertFalse(crashedPage.body().contains("<progress"), "失败的任务不再显示进度条");
        assertTrue(again.get("/jobs/" + crashed + ".json").body().contains("\"over\":true"));

        String recent = again.get("/import").body();
        assertTrue(recent.indexOf(crashed) >= 0 && recent.indexOf(goodJob) > recent.indexOf(crashed)
                && recent.indexOf(badJob) > recent.indexOf(goodJob), "最近的任务，新的在前：" + recent);
        assertTrue(again.get("/assess").body().contains(goodJob));
        assertEquals(JobController.RECENT, recent.split("<a href=\"/jobs/", -1).length - 1, "最近的任务只列 20 个");
        assertTrue(recent.contains(String.format("%032x", 39)) && !recent.contains(String.format("%032x", 22)), "列出的是最近的");

        // 读表的任务页与“最近的任务”有多快（中位数，各 21 次；机器负载一并记下）
        String line = String.format(java.util.Locale.ROOT, "web jobs: job page from memory %.1f ms; after restart: job page from table %.1f ms, .json %.1f ms, "
                        + "/import (20 recent jobs read from the table of 43) %.1f ms (median of 21 requests each); %s",
                fromMemory, median(again, badJob), median(again, badJob + ".json"), median(again, "/import"), load());
        System.out.println(line);
        java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "benchmarks")).resolve("15e-jobs.txt");
        java.nio.file.Files.writeString(out, line + "\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

        assertEquals(404, again.get("/jobs/ffffffffffffffffffffffffffffffff").statusCode());
        assertEquals(404, again.get("/jobs/not-a-job.json").statusCode());
        OperateFixture.Client viewer = f.new Client().login(OperateFixture.VIEWER);
        assertEquals(403, viewer.get(badJob).statusCode());
        assertEquals(403, viewer.get("/jobs/" + crashed + ".json").statusCode());
    }

    private static double median(OperateFixture.Client c, String path) {
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            assertEquals(200, c.get(path).statusCode());
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String load() {
        try {
            return "load " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "load ?";
        }
    }

    /** 页面里 id 为 id 的表格（整段 HTML）。 */
    private static String table(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertTrue(from >= 0, id + " 不在页面里：" + page);
        return page.substring(from, page.indexOf("</table>", from));
    }
}
