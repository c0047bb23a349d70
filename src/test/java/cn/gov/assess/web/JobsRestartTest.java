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

        int port = f.server.port();
        f.server.close();
        // 另一个进程在导入进行中被强行停止：表里留下一个“进行中”的任务
        String crashed = "0123456789abcdef0123456789abcdef";
        Sql.work(f.db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into web_job (id, kind, title, owner, remote, created_at, started_at, "
                    + "state, phase, done_count, total_count, summary, rules, failure, problem_count) "
                    + "values (?, '导入', '导入 派单.csv（120.0 MB）', ?, '127.0.0.1', ?, ?, '进行中', '开始', 0, 0, '', '', '', 0)")) {
                ps.setString(1, crashed);
                ps.setString(2, OperateFixture.OPERATOR);
                ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
                return ps.executeUpdate();
            }
        });
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

        assertEquals(404, again.get("/jobs/ffffffffffffffffffffffffffffffff").statusCode());
        assertEquals(404, again.get("/jobs/not-a-job.json").statusCode());
        OperateFixture.Client viewer = f.new Client().login(OperateFixture.VIEWER);
        assertEquals(403, viewer.get(badJob).statusCode());
        assertEquals(403, viewer.get("/jobs/" + crashed + ".json").statusCode());
    }

    /** 页面里 id 为 id 的表格（整段 HTML）。 */
    private static String table(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertTrue(from >= 0, id + " 不在页面里：" + page);
        return page.substring(from, page.indexOf("</table>", from));
    }
}
