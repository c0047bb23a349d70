package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 真实浏览器（Debian 的 chromium + chromedriver，无界面）：登录、打开最近一次运行、附件 1 里县人社局的 96%、
 * 点县住建局看否决它的工单编号、打开 12345 名单看谁排在后面、下载通报.docx 并确认能打开。主要页面截图存到
 * target/screenshots/。没有装 chromium 时测试失败（不跳过），并说明怎么装。
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {
    static final String CHROMIUM = Browsers.CHROMIUM;
    static final String DRIVER = Browsers.DRIVER;
    static final Path SHOTS = Path.of("target", "screenshots");
    static WebFixture f;
    static ChromeDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        f = WebFixture.get();
        profile = Files.createTempDirectory("assess-chromium");
        browser = Browsers.chromium(profile, "1366,768");
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** 等到地址以 suffix 结尾（表单提交后的跳转在繁忙的机器上可能晚于 click 返回）。 */
    static void waitForUrl(String suffix) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    /** 清掉会话，用 name 登录，等到回到首页。 */
    static void loginAs(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(WebFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitForUrl("/");
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** 整页截图：把窗口高度拉到页面高度再截，之后恢复 1366×768。 */
    static void fullShot(String name) throws IOException {
        Object h = browser.executeScript("return document.documentElement.scrollHeight");
        long height = Math.min(6000, ((Number) h).longValue());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.max(768, height)));
        shot(name);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }

    @Test
    @Order(1)
    void logInAndFollowTheNoticeFromAnnexToVetoToList() throws IOException {
        browser.get(f.base + "/runs/" + f.run2);
        assertTrue(browser.getCurrentUrl().contains("/login?next="), "未登录应回到登录页（记下要去的页面）");
        shot("01-登录");
        browser.findElement(By.name("name")).sendKeys(WebFixture.VIEWER);
        browser.findElement(By.name("password")).sendKeys(WebFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitForUrl("/runs/" + f.run2); // 登录后回到登录前要去的页面
        browser.get(f.base + "/");

        // 首页是工作台；考核期与运行的列表在 /runs：最近一次运行在前
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("工作台"));
        browser.get(f.base + "/runs");
        WebElement first = browser.findElement(By.cssSelector("section.period tbody tr"));
        assertTrue(first.getText().contains("运行 #" + f.run2) && first.getText().contains("本期正式结果"), first.getText());
        shot("02-考核期与运行");
        first.findElement(By.linkText("运行 #" + f.run2)).click();

        // 附件 1：县人社局 96%
        WebElement annex1 = browser.findElement(By.id("annex-1"));
        WebElement row = annex1.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("县人社局")).findFirst().orElseThrow(() -> new AssertionError("附件 1 没有县人社局"));
        assertTrue(row.getText().contains("96%"), row.getText());
        assertFalse(row.getText().contains("95.95%"));
        shot("03-运行");
        fullShot("03-运行-整页");

        // 点县住建局：否决它的工单编号
        annex1.findElement(By.linkText("县住建局")).click();
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("县住建局"));
        List<WebElement> vetoOrders = browser.findElements(By.cssSelector("a.veto-order"));
        assertEquals(List.of("RX202112120003"), vetoOrders.stream().map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.id("vetoes")).isDisplayed());
        shot("04-单位-县住建局");
        fullShot("04-单位-县住建局-整页");

        // 否决工单的历史
        vetoOrders.get(0).click();
        String history = browser.findElement(By.cssSelector(".history")).getText();
        assertTrue(history.contains("RX202112120003") && history.contains("原始：派给 县住建局"), history);
        shot("05-工单历史");

        // 12345 名单“按期办结且办理较好”：成员与排在后面的单位
        browser.navigate().to(f.base + "/runs/" + f.run2);
        browser.findElement(By.cssSelector("a[href*='list?name=" + WebFixture.enc("按期办结且办理较好") + "&scope="
                + WebFixture.enc("12345市民热线") + "']")).click();
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("按期办结且办理较好"));
        assertFalse(browser.findElements(By.cssSelector("table.members tbody tr")).isEmpty());
        List<WebElement> next = browser.findElements(By.cssSelector("table.near tbody tr"));
        assertFalse(next.isEmpty(), "应列出差一点入选的单位");
        // 演示数据：镇街取前 3 名，排第 4 的天度镇因名额未入选
        assertTrue(next.get(0).getText().contains("天度镇") && next.get(0).getText().contains("第 4 名"), next.get(0).getText());
        shot("06-名单");
        fullShot("06-名单-整页");
    }

    @Test
    @Order(2)
    void downloadTheNoticeAndOpenIt() throws IOException {
        browser.get(f.base + "/runs/" + f.run2);
        WebElement link = browser.findElement(By.linkText("通报（Word 文档）"));
        String href = link.getAttribute("href");
        // 用浏览器的会话 Cookie 取同一个链接（无界面浏览器的下载目录不便检查）
        WebFixture.Client c = f.new Client();
        c.cookie = Sessions.COOKIE + "=" + browser.manage().getCookieNamed(Sessions.COOKIE).getValue();
        HttpResponse<byte[]> r = c.getBytes(href.substring(f.base.length()));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Set<String> entries = new HashSet<>();
        String document = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(entries.contains("[Content_Types].xml"), entries.toString());
        assertTrue(document != null && document.contains("县人社局"), "word/document.xml 应含附件内容");
        HttpResponse<byte[]> xlsx = c.getBytes("/runs/" + f.run2 + "/files/" + WebFixture.enc("附件.xlsx"));
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', (char) xlsx.body()[0]);
    }

    @Test
    @Order(3)
    void hostileNamesShowAsTextAndRunNoScript() throws IOException {
        browser.get(f.base + "/runs/" + f.run2 + "/units/" + f.unitId(WebFixture.HOSTILE_SCRIPT));
        assertEquals(WebFixture.HOSTILE_SCRIPT, browser.findElement(By.tagName("h1")).getText());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        browser.get(f.base + "/runs/" + f.run2 + "/units/" + f.unitId(WebFixture.HOSTILE_FORMULA));
        assertEquals(WebFixture.HOSTILE_FORMULA, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("a[href^='http://evil']")).isEmpty());
        shot("07-有害名称");
    }

    @Test
    @Order(4)
    void compareRunsAndAdminPages() throws IOException {
        browser.get(f.base + "/diff?a=" + f.run1 + "&b=" + f.run2);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("运行 #" + f.run1));
        shot("08-比较两次运行");
        // 退出，换管理员
        browser.findElement(By.cssSelector("form.logout button")).click();
        waitForUrl("/login");
        browser.get(f.base + "/runs");
        waitForUrl("/login?next=%2Fruns"); // 已退出：回到登录页
        loginAs(WebFixture.ADMIN);
        browser.get(f.base + "/admin/users");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(WebFixture.UNIT_USER));
        shot("09-账号");
        browser.get(f.base + "/admin/audit");
        String audit = browser.findElement(By.tagName("main")).getText();
        assertTrue(audit.contains("登录") && audit.contains(WebFixture.VIEWER) && audit.contains("退出"), audit);
        shot("10-操作记录");
    }

    @Test
    @Order(5)
    void runPagePrintsWithoutNavigationAndAnnexesAsTables() throws IOException {
        loginAs(WebFixture.VIEWER);
        browser.get(f.base + "/runs/" + f.run2);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertFalse(browser.findElement(By.cssSelector("header.top")).isDisplayed(), "打印时不应有导航栏");
            assertFalse(browser.findElement(By.cssSelector(".downloads")).isDisplayed());
            WebElement annex = browser.findElement(By.id("annex-1"));
            assertEquals("always", annex.getCssValue("break-before").equals("page") ? "always" : annex.getCssValue("page-break-before"));
            assertEquals("table-header-group", annex.findElement(By.tagName("thead")).getCssValue("display"), "表头应在每页重复");
            shot("11-运行-打印样式");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        org.openqa.selenium.Pdf pdf = browser.print(new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        Files.write(SHOTS.resolve("运行-打印.pdf"), bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
        assertTrue(pages >= 6, "全文与附件 1–5 各自成页，应至少 6 页，实际 " + pages);
    }

    @Test
    @Order(6)
    void unitAccountSeesItsOwnUnitAndIsRefusedOthers() throws IOException {
        loginAs(WebFixture.UNIT_USER);
        browser.get(f.base + "/runs");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("只能查看本单位（县人社局）"));
        shot("12-单位账号-首页");
        browser.findElement(By.partialLinkText("运行 #" + f.run2)).click();
        assertEquals("县人社局", browser.findElement(By.tagName("h1")).getText());
        browser.get(f.base + "/runs/" + f.run2 + "/units/" + f.unitId("县住建局"));
        assertEquals("无权查看", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.getPageSource().contains("县住建局"));
        shot("13-单位账号-无权查看");
    }
}
