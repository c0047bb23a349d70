package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 真实浏览器（1366×768）打开工作台首页、单位页：每张图都画出来了（canvas 有内容），控制台没有错误（严格的 CSP 下也没有被拦的
 * 脚本或样式），页面没有横向滚动；截图与首页打印的 PDF 存到 target/screenshots/。
 */
class DashboardBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static DashboardFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = DashboardFixture.get();
        Browsers.chromium(Files.createTempDirectory("assess-chromium-probe"), "1366,768").quit(); // 没装 chromium 时这里说明怎么装
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--user-data-dir=" + Files.createTempDirectory("assess-chromium"),
                "--window-size=1366,768", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-sync", "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(Browsers.DRIVER))
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void login(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(DashboardFixture.PASSWORD);
        browser.manage().logs().get(LogType.BROWSER); // 清掉此前的记录：首页的图在登录后的跳转里就画了
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/"));
    }

    /** 等页面上的每张图画完，返回图的个数；每张图里有画了东西的 canvas。 */
    static int chartsRendered(int atLeast) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            List<WebElement> charts = d.findElements(By.cssSelector("div.chart"));
            return charts.size() >= atLeast && charts.stream().allMatch(c -> "true".equals(c.getAttribute("data-rendered")));
        });
        List<WebElement> charts = browser.findElements(By.cssSelector("div.chart"));
        for (WebElement c : charts) {
            Object painted = browser.executeScript("var cv = arguments[0].querySelector('canvas'); if (!cv) return false;"
                    + "var d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;"
                    + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", c);
            assertEquals(Boolean.TRUE, painted, "图里没有画出内容：" + c.getAttribute("data-chart"));
        }
        return charts.size();
    }

    static void assertCleanPage(String what) {
        String page = browser.getCurrentUrl().replaceAll("[?#].*", "");
        // 页面模板自己的 style="width:…"（单位页的名单表）由 issue 25 的另一半（去掉内联样式）处理，这里只管图与本页新加的部分
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .filter(e -> !(e.getMessage().startsWith(page + " ") && e.getMessage().contains("Applying inline style"))).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), what + "：控制台有错误或警告");
        Object scroll = browser.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertEquals(Boolean.FALSE, scroll, what + "：页面有横向滚动");
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void dashboardUnitAndListPagesDrawTheirCharts() throws IOException {
        login(DashboardFixture.VIEWER);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("工作台"));
        assertEquals(3, chartsRendered(3));
        assertCleanPage("首页（查看）");
        shot("工作台-查看");
        Pdf pdf = browser.print(new PrintOptions());
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(SHOTS.resolve("工作台-查看-打印.pdf"), bytes);
        assertTrue(bytes.length > 10_000, "打印的 PDF 太小：" + bytes.length);

        browser.get(f.base + "/runs/" + f.latest() + "/units/" + f.unitId("县住建局"));
        assertEquals(4, chartsRendered(4));
        assertCleanPage("单位页");
        shot("单位-县住建局-图");

        // 名单页：排名依据与名额线（这一期有排名时）
        browser.get(f.base + "/runs/" + f.latest() + "/list?name=" + WebFixture.enc("按期办结且办理较好") + "&scope="
                + WebFixture.enc("12345市民热线"));
        if (!browser.findElements(By.cssSelector("div.chart")).isEmpty()) {
            chartsRendered(1);
            assertCleanPage("名单页");
            browser.executeScript("document.getElementById('spread').scrollIntoView()");
        }
        shot("名单-图");

        // 页头的找单位
        browser.findElement(By.cssSelector("form.search input[name=q]")).sendKeys("城关街道");
        browser.findElement(By.cssSelector("form.search button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/units/" + f.unitId("城关街道办")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("城关街道办"));

        login(DashboardFixture.UNIT_USER);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains(DashboardFixture.UNIT));
        assertEquals(3, chartsRendered(3));
        assertCleanPage("首页（单位）");
        shot("工作台-单位");
    }
}
