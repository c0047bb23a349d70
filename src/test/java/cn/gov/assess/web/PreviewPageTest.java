package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.Preview;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 预览页（PreviewPage + preview.ftl）：自己的库（只导入 2021-Q4 的演示数据，没有运行）与服务器，经一条测试路由调用
 * PreviewPage.show（正式路由由规则草稿功能给出）。预览是后台任务：提交后转到 /rules/previews/{编号}，进行中显示进度，
 * 完成后同一地址显示结果。规则管理、审核能看，查看、单位账号 403（提交与任务页都是）；镇街名额 3 → 5 的页面列出
 * 新进入的天度镇、召公镇、杏林镇（绿色），通报全文里这些名字在 &lt;ins&gt; 里；相同的草稿“没有变化”；编译不过的草稿只有中文错误。
 */
class PreviewPageTest {
    static final String PASSWORD = "correct-horse-1";
    static final Period Q = Period.parse("2021-Q4");
    static Database db;
    static WebServer server;
    static String base;
    static Map<String, RuleSet> drafts;

    @BeforeAll
    static void start() throws IOException {
        db = TestSupport.memoryDb();
        RuleSet current = TestSupport.rules();
        new Importer(db, current).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        Path quota = TestSupport.copyRules(Files.createTempDirectory("page-quota"));
        Path lists = quota.resolve("名单.csv");
        Files.writeString(lists, Files.readString(lists, StandardCharsets.UTF_8).replace("镇街 3、部门 3", "镇街 5、部门 3"),
                StandardCharsets.UTF_8);
        Path broken = TestSupport.copyRules(Files.createTempDirectory("page-broken"));
        Files.writeString(broken.resolve("50-名单.drl"), "\nrule \"坏规则\" when Tally( handeld > 1 ) then end\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        drafts = Map.of("quota", RuleSet.load(quota), "same", TestSupport.rules(), "broken", RuleSet.load(broken));
        Accounts accounts = new Accounts(db);
        accounts.add("规则甲", Role.规则管理, null, PASSWORD.toCharArray());
        accounts.add("审核乙", Role.审核, null, PASSWORD.toCharArray());
        accounts.add("查看丙", Role.查看, null, PASSWORD.toCharArray());
        accounts.add("经办丁", Role.经办, null, PASSWORD.toCharArray());
        server = new WebServer(db, TestSupport.rulesDir());
        PreviewPage page = new PreviewPage(server);
        // 测试路由：浏览器只给草稿的代号，规则目录由测试准备（正式路由按草稿编号从库里取）
        server.extraControllers.add(r -> r.get("/test/preview/{draft}", ctx -> {
            RuleSet draft = drafts.get(ctx.pathParam("draft"));
            if (draft == null) {
                throw WebError.notFound("没有这个草稿。");
            }
            page.show(ctx, current, draft, "测试草稿 " + ctx.pathParam("draft"), Q, null);
        }));
        server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void quotaFivePage() {
        Client c = new Client();
        c.login("规则甲");
        HttpResponse<String> r = c.preview("/test/preview/quota");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        for (String h : List.of("<h2>汇总</h2>", "<h2>名单变化</h2>", "<h2>单位变化</h2>", "<h2>通报全文</h2>")) {
            assertTrue(html.contains(h), h);
        }
        assertTrue(html.contains("<li>2 个名单有变化</li>"), html);
        assertTrue(html.contains("<h3>12345市民热线“按期办结且办理较好的镇街和部门”</h3>"), html);
        assertTrue(html.contains("<li class=\"enter\">新进入：<strong>天度镇</strong>（第 4 位）<span class=\"why\">"), html);
        assertTrue(html.contains("<li class=\"enter\">新进入：<strong>召公镇</strong>（第 5 位）"), html);
        assertTrue(html.contains("<li class=\"enter\">新进入：<strong>杏林镇</strong>（第 6 位）"), html);
        assertFalse(html.contains("class=\"leave\""), "没有单位离开名单");
        String notice = notice(html);
        assertTrue(notice.contains("<ins>天度镇、</ins>"), notice);
        assertTrue(notice.contains("<ins>、午井镇、召公镇、杏林镇</ins>"), notice);
        assertEquals(2, notice.split("<ins>", -1).length - 1, notice);
        assertFalse(notice.contains("<del>"), notice);
        assertTrue(notice.contains("<p class=\"line-changed\">四季度，全县共受理12345市民热线转办工单1118件"), notice);
        assertTrue(notice.contains("<p class=\"h2 \">二、市长信箱</p>"), "标题行按标题显示、不印井号：" + notice);
        assertTrue(html.contains("<td>天度镇</td><td>12345市民热线“按期办结且办理较好”</td><td>名单</td><td>新进入"), html);
        // 没有内联脚本、内联样式（CSP 只许本站的脚本与样式）
        assertFalse(html.contains("<script") || html.contains("style="), "页面不该有内联脚本或样式");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        Client a = new Client();
        a.login("审核乙");
        assertEquals(200, a.preview("/test/preview/quota").statusCode());
    }

    /** 提交后先是任务页（进度），完成后同一地址是结果；刷新提交地址不另起一个还没做完的预览。 */
    @Test
    void previewIsABackgroundJob() {
        Client c = new Client();
        c.login("规则甲");
        HttpResponse<String> submitted = c.get("/test/preview/same");
        assertEquals(303, submitted.statusCode(), submitted.body());
        String job = submitted.headers().firstValue("Location").orElseThrow();
        assertTrue(job.matches("/rules/previews/[0-9a-f]{32}"), job);
        HttpResponse<String> status = c.get(job + ".json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"kind\":\"预览\""), status.body());
        HttpResponse<String> again = c.get("/test/preview/same");
        String done = c.await(job).body();
        assertTrue(done.contains("<h2>通报全文</h2>"), done);
        if (!again.headers().firstValue("Location").orElseThrow().equals(job)) {
            // 第二次提交时第一个已经做完：那就是一个新的预览
            assertTrue(c.await(again.headers().firstValue("Location").orElseThrow()).body().contains("<h2>通报全文</h2>"));
        }
        assertEquals(404, c.get("/rules/previews/" + "0".repeat(32)).statusCode());
    }

    @Test
    void otherRolesAreRefused() {
        for (String name : List.of("查看丙", "经办丁")) {
            Client c = new Client();
            c.login(name);
            HttpResponse<String> r = c.get("/test/preview/quota");
            assertEquals(403, r.statusCode(), name);
            assertFalse(r.body().contains("天度镇"), name);
        }
        // 规则管理提交的预览：其他角色打开它的页面与进度也是 403，经办的任务页不认它
        Client editor = new Client();
        editor.login("规则甲");
        String job = editor.get("/test/preview/quota").headers().firstValue("Location").orElseThrow();
        editor.await(job);
        for (String name : List.of("查看丙", "经办丁")) {
            Client c = new Client();
            c.login(name);
            for (String path : List.of(job, job + ".json")) {
                HttpResponse<String> r = c.get(path);
                assertEquals(403, r.statusCode(), name + " " + path);
                assertFalse(r.body().contains("天度镇"), name);
            }
        }
        Client operator = new Client();
        operator.login("经办丁");
        assertEquals(404, operator.get(job.replace("/rules/previews/", "/jobs/")).statusCode());
        assertEquals(302, new Client().get("/test/preview/quota").statusCode(), "未登录先去登录页");
    }

    @Test
    void identicalDraftSaysNoChange() {
        Client c = new Client();
        c.login("规则甲");
        String html = c.preview("/test/preview/same").body();
        assertTrue(html.contains("没有变化：按草稿考核，各单位的数字、名单和通报全文都与现行规则相同。"), html);
        assertFalse(notice(html).contains("<ins>") || notice(html).contains("<del>"), html);
        assertTrue(notice(html).contains("四季度，全县共受理12345市民热线转办工单1118件"), "相同时也列出全文");
        assertFalse(html.contains("<h2>名单变化</h2>"), html);
    }

    @Test
    void brokenDraftShowsChineseErrorsOnly() {
        Client c = new Client();
        c.login("规则甲");
        HttpResponse<String> r = c.preview("/test/preview/broken");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("草稿未通过检查，没有预览结果"), html);
        assertTrue(html.contains("草稿未通过检查，不能预览"), html);
        assertTrue(html.contains("handeld"), html);
        assertFalse(html.contains("<h2>通报全文</h2>") || html.contains("<h2>汇总</h2>"), html);
    }

    /** 单位名、理由、通报文字都按文字显示（FreeMarker 自动转义）。 */
    @Test
    void everythingIsEscaped() {
        String evil = "<script>alert(1)</script>";
        Preview.Result r = new Preview.Result(Q, Q.end().atTime(23, 59, 59), "现行规则", "草稿", List.of(evil),
                List.of(new Preview.UnitChange(evil, "12345市民热线", "数字", evil)),
                List.of(new Preview.ListChange("12345市民热线", "名单", evil, List.of(new Preview.Member(evil, "部门", 1, 1, evil)),
                        List.of(new Preview.Member(evil, "部门", 2, 2, evil)), List.of(), List.of(evil))),
                new Preview.Notice("通报.md", List.of(new Preview.NoticeLine(0, 0, List.of(
                        new Preview.Segment(Preview.Mark.SAME, evil), new Preview.Segment(Preview.Mark.INSERTED, evil),
                        new Preview.Segment(Preview.Mark.DELETED, evil))))), 1, 1, 10);
        String html = new Views().html("preview.ftl", PreviewPage.model(new Preview.Outcome(List.of(), r), evil, Q));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"), html);
        assertTrue(html.contains("<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>"), html);
        String errors = new Views().html("preview.ftl", PreviewPage.model(new Preview.Outcome(List.of(evil), null), "草稿", Q));
        assertFalse(errors.contains("<script"), errors);
    }

    /** 真实浏览器里看一眼：新进入的一行是绿色，插入的名字有底色；截图存到 target/screenshots/preview-*.png。 */
    @Test
    void screenshotInBrowser() throws IOException {
        ChromeDriver browser = Browsers.chromium(Files.createTempDirectory("preview-chromium"), "1366,900");
        try {
            browser.get(base + "/login");
            browser.findElement(By.name("name")).sendKeys("规则甲");
            browser.findElement(By.name("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.getCurrentUrl().endsWith("/login"));
            browser.get(base + "/test/preview/quota");
            // 先是任务页（进度），做完后 job.js 重新载入，同一地址显示结果
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(90))
                    .until(d -> !d.findElements(By.cssSelector("li.enter")).isEmpty());
            assertTrue(browser.getCurrentUrl().contains("/rules/previews/"), browser.getCurrentUrl());
            var enter = browser.findElement(By.cssSelector("li.enter"));
            assertEquals("rgba(230, 244, 234, 1)", enter.getCssValue("background-color"), "新进入的一行应是绿色底");
            var ins = browser.findElement(By.cssSelector(".preview-notice ins"));
            assertEquals("天度镇、", ins.getText());
            assertEquals("rgba(200, 240, 208, 1)", ins.getCssValue("background-color"));
            Files.createDirectories(WebBrowserTest.SHOTS);
            Files.write(WebBrowserTest.SHOTS.resolve("preview-lists.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.executeScript("arguments[0].scrollIntoView()", ins);
            Files.write(WebBrowserTest.SHOTS.resolve("preview-notice.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** 页面上通报全文那一块。 */
    static String notice(String html) {
        int i = html.indexOf("<div class=\"preview-notice\">");
        assertTrue(i >= 0, "没有通报全文：" + html);
        return html.substring(i, html.indexOf("</div>", i));
    }

    /** 自己管 Cookie、不跟随跳转的 HTTP 客户端。 */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie;

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** 提交预览（转到任务页），等任务做完，返回结果页。 */
        HttpResponse<String> preview(String path) {
            HttpResponse<String> r = get(path);
            assertEquals(303, r.statusCode(), r.body());
            return await(r.headers().firstValue("Location").orElseThrow());
        }

        /** 每 0.2 秒看一次任务页，直到它不再是进行中的任务页（最多 90 秒）。 */
        HttpResponse<String> await(String job) {
            long until = System.currentTimeMillis() + 90_000;
            while (true) {
                HttpResponse<String> r = get(job);
                if (r.statusCode() != 200 || !r.body().contains("data-over=\"false\"") || System.currentTimeMillis() > until) {
                    return r;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
                return r;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void login(String name) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertTrue(m.find());
            String body = "_csrf=" + enc(m.group(1)) + "&name=" + enc(name) + "&password=" + enc(PASSWORD);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(302, r.statusCode(), r.body());
        }

        static String enc(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
