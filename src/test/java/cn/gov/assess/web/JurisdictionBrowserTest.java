package cn.gov.assess.web;

import cn.gov.assess.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 真实浏览器（1366×768）里的辖区（issue 28，{@link CityFixture}）：市的账号打开辖区对比页（图画出来了），从表里“查看运行”
 * 切换到岐山县只读看它的运行（有提示、没有作废的表单），在页头切回本级；扶风县的账号打开岐山县的运行网址得到 403、页面里没有
 * 岐山县的字样。截图存到 target/screenshots/辖区/。
 */
class JurisdictionBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots", "辖区");
    static CityFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = new CityFixture(Engine.H2);
        browser = Browsers.chromium(Files.createTempDirectory("assess-chromium"), "1366,768");
        Files.createDirectories(SHOTS);
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

    static void login(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(CityFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/"));
        browser.manage().logs().get(LogType.BROWSER);
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    static void clean(String what) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, what + "：控制台有错误或警告");
        Object scroll = browser.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertEquals(Boolean.FALSE, scroll, what + "：页面有横向滚动");
    }

    @Test
    void theCityComparesSwitchesAndACountyIsRefused() throws IOException {
        login("市查看");
        shot("市-工作台");
        browser.findElement(By.id("compare-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith(ComparisonController.PATH));
        assertEquals("辖区对比", browser.findElement(By.tagName("h1")).getText());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("div.chart")).stream()
                .allMatch(c -> "true".equals(c.getAttribute("data-rendered"))));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("扶风县") && page.contains("岐山县") && page.contains(CityFixture.FUFENG_DOC), page);
        clean("辖区对比");
        shot("市-辖区对比");
        browser.executeScript("document.querySelector('table.compare').scrollIntoView()");
        shot("市-辖区对比-表");

        // 表里岐山县那一行的“查看运行”：切换到岐山县只读，直接到它的运行
        WebElement qishan = browser.findElements(By.cssSelector("table.compare tbody tr")).stream()
                .filter(r -> r.getText().startsWith("岐山县")).findFirst().orElseThrow();
        qishan.findElement(By.cssSelector("button.link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/runs/2"));
        assertTrue(browser.findElement(By.cssSelector("p.viewing")).getText().contains("岐山县"));
        assertTrue(browser.findElements(By.id("retire")).isEmpty(), "只读查看时没有作废的表单");
        assertEquals("岐山县（只读）", new Select(browser.findElement(By.cssSelector("form.jurisdiction select")))
                .getFirstSelectedOption().getText());
        clean("只读查看岐山县的运行");
        shot("市-只读查看岐山县运行");

        // 页头切回本级
        new Select(browser.findElement(By.cssSelector("form.jurisdiction select"))).selectByValue("");
        browser.findElement(By.cssSelector("form.jurisdiction button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/"));
        assertTrue(browser.findElements(By.cssSelector("p.viewing")).isEmpty());

        // 扶风县的账号：没有辖区选择；岐山县运行 #2 的网址：无权查看（不说是谁的）
        login("扶风查看");
        assertTrue(browser.findElements(By.cssSelector("form.jurisdiction")).isEmpty());
        assertEquals("扶风县", browser.findElement(By.cssSelector("span.jurisdiction")).getText());
        shot("扶风-工作台");
        browser.get(f.base + "/runs/2");
        String refused = browser.findElement(By.tagName("body")).getText();
        assertFalse(refused.contains("岐山"), refused);
        assertTrue(refused.contains("无权查看"), refused);
        shot("扶风-打开岐山县运行");
        browser.get(f.base + "/runs/1/units/" + f.qishanUnit);
        assertFalse(browser.findElement(By.tagName("body")).getText().contains("岐山"));
        browser.get(f.base + ComparisonController.PATH);
        String compare = browser.findElement(By.tagName("body")).getText();
        assertTrue(compare.contains("无权查看") && !compare.contains("岐山"), compare);
        shot("扶风-辖区对比被拒");
    }
}
