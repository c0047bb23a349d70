package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.ruleversions.RulesVersions;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 每个角色（查看、单位、经办、规则管理、审核、管理员）在 1366×768 的浏览器里打开它能打开的每个页面（服务器答 200 的），截图存到
 * target/screenshots/&lt;角色&gt;/&lt;页面&gt;.png，并核对：页面不横向滚动；浏览器控制台没有错误；数据以外没有英文词；预览的通报全文
 * 没有 Markdown 的 |---| 与行尾 \；名额改动后两次运行的比较用中文说一次“名额”的改动；单位页打印成 PDF 带全部转办。
 */
class EveryPageBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    /** 数据里会出现的英文（文件类型、考核期写法等），页面上其余的英文词都算没翻译。 */
    static final Set<String> DATA_WORDS = Set.of("docx", "xlsx", "csv", "md", "drl", "DRL", "CSV", "XLSX", "PDF", "Markdown", "ftl",
            "README", "txt", "Excel", "Word", "WPS", "MB");
    static final Pattern ENGLISH = Pattern.compile("(?<![A-Za-z0-9_.\\-])[A-Za-z]{2,}(?![A-Za-z0-9_\\-])");
    static final Pattern ORDER_NO = Pattern.compile("[A-Z]{2}\\d{12}");
    static final String QUOTA_SENTENCE = "“名额”由“镇街 3、部门 3”改为“镇街 5、部门 3”";

    static RulesFixture f;
    static ChromeDriver browser;
    static Path profile;
    static long runA;
    static long runB;
    static long published;
    static long draft;
    static String previewPath;
    static String jobPath;
    static long unitId;

    @BeforeAll
    static void start() throws Exception {
        f = new RulesFixture(true);
        RulesVersions versions = f.server.home().versions();
        Period q = Period.parse("2021-Q4");
        runA = new AssessPeriod(f.db).assessAndSave(q, q.defaultCutoff(), versions.current().rules()).runId();
        // 名额改动：规则管理起草、审核发布，经办在网页上按新版本考核（任务页）
        long d = versions.createDraft(RulesFixture.EDITOR, "镇街名额改为 5").id();
        versions.saveFile(d, RulesFixture.EDITOR, "名单.csv", versions.files(d).get("名单.csv").replace("镇街 3、部门 3", "镇街 5、部门 3"));
        versions.publish(d, RulesFixture.APPROVER, "2022 年起镇街表扬名额扩大到 5 个");
        published = d;
        RulesFixture.Client op = f.client(RulesFixture.OPERATOR);
        HttpResponse<String> started = op.postForm("/assess", Map.of("period", "2021-Q4", "cutoff", ""));
        assertEquals(303, started.statusCode(), started.body());
        jobPath = started.headers().firstValue("Location").orElseThrow();
        op.awaitJob(jobPath, 180);
        runB = TestSupport.scalar(f.db, "select max(id) from assessment_run");
        // 本期通报用 runB 并开放核对：单位账号只看核对中与已签发的通报所用的运行
        cn.gov.assess.issuance.NoticeFlow flow = new cn.gov.assess.issuance.NoticeFlow(f.db);
        cn.gov.assess.issuance.NoticeFlow.Actor preparer = new cn.gov.assess.issuance.NoticeFlow.Actor(RulesFixture.OPERATOR, true, false);
        flow.open(flow.draft(runB, preparer).getId(), java.time.LocalDate.now().plusDays(7), preparer);
        assertTrue(runB > runA);
        // 一份未发布的草稿（部门名额改为 4）及其预览
        draft = versions.createDraft(RulesFixture.EDITOR, "部门名额改为 4").id();
        versions.saveFile(draft, RulesFixture.EDITOR, "名单.csv", versions.files(draft).get("名单.csv").replace("镇街 5、部门 3", "镇街 5、部门 4"));
        RulesFixture.Client ed = f.client(RulesFixture.EDITOR);
        HttpResponse<String> p = ed.get("/rules/drafts/" + draft + "/preview");
        assertEquals(303, p.statusCode(), p.body());
        previewPath = p.headers().firstValue("Location").orElseThrow();
        ed.awaitJob(previewPath, 180);
        unitId = f.db.inTransaction(s -> s.createSelectionQuery("select u.id from Unit u where u.name = :n", Long.class)
                .setParameter("n", "县人社局").getSingleResult());
        profile = Files.createTempDirectory("assess-chromium-every");
        browser = Browsers.chromium(profile, "1366,768");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    /** 候选页面（名称 → 地址）；每个角色打开其中服务器答 200 的。 */
    static Map<String, String> pages() {
        String unit = "/runs/" + runB + "/units/" + unitId;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("home", "/");
        m.put("runs", "/runs");
        m.put("run", "/runs/" + runB);
        m.put("unit", unit);
        m.put("unit-page2", unit + "?page=2");
        m.put("list", "/runs/" + runB + "/list?name=" + RulesFixture.enc("按期办结且办理较好") + "&scope=" + RulesFixture.enc("12345市民热线"));
        m.put("list-descriptive", "/runs/" + runB + "/list?name=" + RulesFixture.enc("办结工单较多") + "&scope=" + RulesFixture.enc("12345市民热线"));
        m.put("diff", "/diff?a=" + runA + "&b=" + runB);
        m.put("orders", "/orders?no=" + firstOrder());
        m.put("import", "/import");
        m.put("assess", "/assess");
        m.put("job", jobPath);
        m.put("corrections", "/corrections");
        m.put("rules", "/rules");
        m.put("rules-versions", "/rules/versions");
        m.put("rules-version", "/rules/versions/" + published);
        m.put("rules-version-diff", "/rules/versions/" + published + "/diff");
        m.put("rules-file", "/rules/versions/" + published + "/file?path=" + RulesFixture.enc("名单.csv"));
        m.put("rules-draft", "/rules/drafts/" + draft);
        m.put("rules-edit", "/rules/drafts/" + draft + "/edit?path=" + RulesFixture.enc("名单.csv"));
        m.put("rules-edit-conditions", "/rules/drafts/" + draft + "/edit?path=" + RulesFixture.enc("名单条件.csv"));
        m.put("preview", previewPath);
        m.put("admin-users", "/admin/users");
        m.put("admin-audit", "/admin/audit");
        return m;
    }

    static String firstOrder() {
        RulesFixture.Client c = f.client(RulesFixture.ADMIN);
        Matcher m = ORDER_NO.matcher(c.get("/runs/" + runB + "/units/" + unitId).body());
        assertTrue(m.find());
        return m.group();
    }

    @Test
    void everyPageOfEveryRoleFitsSpeaksChineseAndLogsNoErrors() throws IOException {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("查看", RulesFixture.VIEWER);
        roles.put("单位", RulesFixture.UNIT);
        roles.put("经办", RulesFixture.OPERATOR);
        roles.put("规则管理", RulesFixture.EDITOR);
        roles.put("审核", RulesFixture.APPROVER);
        roles.put("管理员", RulesFixture.ADMIN);
        List<String> problems = new ArrayList<>();
        Map<String, String> pages = pages();
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        check("未登录", "login", problems);
        for (Map.Entry<String, String> role : roles.entrySet()) {
            RulesFixture.Client c = f.client(role.getValue());
            loginAs(role.getValue());
            int opened = 0;
            for (Map.Entry<String, String> p : pages.entrySet()) {
                if (c.get(p.getValue()).statusCode() != 200) {
                    continue;
                }
                opened++;
                browser.get(f.base + p.getValue());
                check(role.getKey(), p.getKey(), problems);
                // 页面上的每个链接都不应答 403（不给角色看它用不了的东西）
                for (String href : links()) {
                    int status = c.get(href).statusCode();
                    if (status == 403) {
                        problems.add(role.getKey() + " " + p.getKey() + "：链接 " + href + " 答 403");
                    }
                }
            }
            assertTrue(opened >= 3, role.getKey() + " 只打开了 " + opened + " 个页面");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void previewIsADocumentAndTheDiffSaysTheQuotaChangeOnceInChinese() {
        loginAs(RulesFixture.EDITOR);
        browser.get(f.base + previewPath);
        String notice = browser.findElement(By.cssSelector(".preview-notice")).getText();
        assertFalse(notice.contains("---"), notice);
        assertFalse(notice.contains("| "), notice);
        assertFalse(notice.matches("(?s).*\\\\\\s*(\n|$).*"), notice);
        assertFalse(browser.findElements(By.cssSelector(".preview-notice table")).isEmpty(), "通报全文里的表格按表格显示");
        assertFalse(browser.findElements(By.cssSelector(".preview-notice ins, .preview-notice del")).isEmpty(), "新增、删去的已标出");
        browser.get(f.base + "/diff?a=" + runA + "&b=" + runB);
        String body = body();
        assertEquals(1, count(body, QUOTA_SENTENCE), body);
        assertFalse(body.contains("办结工单较多,办结工单较多的镇街和部门"), "不重复名单.csv 的原始行：" + body);
        assertFalse(body.matches("(?s).*\\d{4}-\\d{2}=\\d+;.*"), "备注写成句子：" + body);
    }

    @Test
    void aUnitPagePrintedToPdfCarriesAllItsOrders() throws IOException {
        loginAs(RulesFixture.UNIT);
        browser.get(f.base + "/runs/" + runB + "/units/" + unitId);
        String heading = browser.findElement(By.cssSelector("h2#orders")).getText();
        int total = Integer.parseInt(heading.replaceAll(".*共 (\\d+) 条.*", "$1"));
        assertTrue(total > UnitController.PAGE, "县人社局的转办多于一页：" + heading);
        PrintOptions options = new PrintOptions();
        String pdf = browser.print(options).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        Files.createDirectories(SHOTS.resolve("单位"));
        Files.write(SHOTS.resolve("单位").resolve("unit-print.pdf"), bytes);
        String text;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(doc);
        }
        Set<String> numbers = new LinkedHashSet<>();
        // 窄列里编号可能折行：去掉空白再找
        Matcher m = ORDER_NO.matcher(text.replaceAll("\\s+", ""));
        while (m.find()) {
            numbers.add(m.group());
        }
        assertTrue(numbers.size() >= total, "打印出的 PDF 里有 " + numbers.size() + " 个工单编号，页面上共 " + total + " 条");
    }

    @Test
    void theRunPagePrintsTheNoticeAloneAsIssued() throws IOException {
        loginAs(RulesFixture.VIEWER);
        browser.get(f.base + "/runs/" + runB);
        byte[] bytes = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
        Files.createDirectories(SHOTS.resolve("查看"));
        Files.write(SHOTS.resolve("查看").resolve("run-print.pdf"), bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper strip = new PDFTextStripper();
            String all = strip.getText(doc);
            strip.setStartPage(1);
            strip.setEndPage(1);
            String first = strip.getText(doc).strip();
            assertTrue(first.startsWith("扶风县人民政府办公室"), "第一页从发文机关标志开始：" + first.substring(0, Math.min(200, first.length())));
            for (String web : List.of("规则指纹", "数据指纹", "截至时点", "下载", "通报全文（打印样式）", "考核期与运行", "退出")) {
                assertFalse(all.contains(web), "打印不带网页上的“" + web + "”");
            }
            assertTrue(all.contains("抄送"), "版记也印出");
        }
    }

    static void loginAs(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(RulesFixture.PASSWORD);
        browser.findElement(By.cssSelector("section.login button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** 核对当前页面并截图。 */
    static void check(String role, String page, List<String> problems) throws IOException {
        String where = role + " " + page + "（" + browser.getCurrentUrl() + "）";
        List<?> widths = (List<?>) browser.executeScript(
                "return [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        long scroll = ((Number) widths.get(0)).longValue();
        long client = ((Number) widths.get(1)).longValue();
        if (scroll > client) {
            problems.add(where + "：横向滚动，页面宽 " + scroll + " 像素，窗口 " + client + " 像素");
        }
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add(where + "：控制台错误 " + e.getMessage());
            }
        }
        Set<String> english = new LinkedHashSet<>();
        Matcher m = ENGLISH.matcher(prose());
        while (m.find()) {
            if (!DATA_WORDS.contains(m.group())) {
                english.add(m.group());
            }
        }
        if (!english.isEmpty()) {
            problems.add(where + "：英文词 " + english);
        }
        Path dir = Files.createDirectories(SHOTS.resolve(role));
        long height = Math.min(6000, ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue());
        browser.manage().window().setSize(new Dimension(1366, (int) Math.max(768, height)));
        Files.write(dir.resolve(page + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @SuppressWarnings("unchecked")
    static List<String> links() {
        List<String> hrefs = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('a[href^=\"/\"]')).map(a => a.getAttribute('href').split('#')[0])"
                        + ".filter(h => !h.startsWith('/assets/') && !h.includes('/files/'))");
        return new ArrayList<>(new LinkedHashSet<>(hrefs));
    }

    /** 页面上的文字，不含命令与代码（code、pre）、文件名（如 通报.md、rules/名单.csv）和脚本里的数据。 */
    static String prose() {
        String text = (String) browser.executeScript("const b = document.body.cloneNode(true);"
                + "b.querySelectorAll('code, pre, kbd, script, style, template').forEach(e => e.remove());"
                + "return b.textContent;");
        return text.replaceAll("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-\\p{IsHan}]+)*\\.(md|csv|xlsx|docx|drl|ftl|json|txt)", " ")
                .replaceAll("(/[A-Za-z0-9_.\\-\\p{IsHan}]+)+", " ").replaceAll("[A-Za-z0-9_\\-]+/", " ");
    }

    static String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
