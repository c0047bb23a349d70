package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * 真实浏览器里的经办：上传第 500 行受理时间有误的 12345 热线文件 → 任务页的错误表指出第 500 行、受理时间列与那个值，
 * 数据库各表行数不变；上传正确的文件 → 开始考核 2021-Q4 → 任务完成 → 新运行与旧运行并列，新运行的 12345 名单页打开
 * 且有成员（旧运行没有 12345 数据）。截图存到 target/screenshots/15a-*.png。
 */
class ImportRunBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static OperateFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = new OperateFixture();
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

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve("15a-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    static WebElement await(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> {
            List<WebElement> found = d.findElements(what);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    static void upload(Path file) {
        browser.get(f.base + "/import");
        browser.findElement(By.name("files")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/jobs/"));
    }

    @Test
    void badDateOnLine500IsTabledAndNothingChangesThenAGoodFileIsImportedAndAssessed() throws IOException {
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(OperateFixture.OPERATOR);
        browser.findElement(By.name("password")).sendKeys(OperateFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/"));

        // 第 500 行受理时间有误：错误表指出行、列、值，数据库不变
        String before = f.counts();
        upload(f.hotlineWithBadDate(500, "2021-13-45 09:00"));
        WebElement problems = await(By.id("job-problems"));
        List<WebElement> rows = problems.findElements(By.cssSelector("tbody tr"));
        assertEquals(1, rows.size(), problems.getText());
        List<String> cells = rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(OperateFixture.HOTLINE, cells.get(0));
        assertEquals("500", cells.get(1));
        assertTrue(cells.get(2).contains("受理时间"), cells.toString());
        assertEquals("2021-13-45 09:00", cells.get(3));
        assertTrue(cells.get(4).contains("无法识别的日期"), cells.toString());
        assertTrue(browser.findElement(By.id("job-failure")).getText().contains("数据库没有改变"));
        assertEquals(before, f.counts(), "有错误的导入不应改变任何表");
        shot("01-导入出错-第500行");

        // 正确的文件：导入完成，新增了工单
        upload(f.goodHotline());
        WebElement files = await(By.id("job-files"));
        String imported = files.getText();
        assertTrue(imported.contains(OperateFixture.HOTLINE) && imported.contains("派单记录"), imported);
        assertFalse(before.equals(f.counts()));
        shot("02-导入完成");

        // 开始考核：任务页有进度，完成后链接到新运行
        browser.get(f.base + "/assess");
        shot("03-开始考核");
        browser.findElement(By.name("period")).sendKeys("2021年四季度");
        browser.findElement(By.cssSelector("form.inline button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/jobs/"));
        if (!browser.findElements(By.id("job-progress")).isEmpty()) {
            shot("04-考核进行中");
        }
        WebElement runLink = await(By.id("job-run"));
        assertTrue(browser.findElement(By.id("job-rules")).getText().contains("规则第 1 版"), "任务页应写明用的规则版本");
        shot("05-考核完成");
        String newRun = runLink.getText().replaceAll("\\D", "");
        assertTrue(Long.parseLong(newRun) > f.firstRun);

        // 运行列表：新运行是本期最近一次工作运行（本期还没有签发的通报），旧运行仍在
        browser.get(f.base + "/runs");
        String periods = browser.findElement(By.cssSelector("section.period")).getText();
        assertTrue(periods.contains("运行 #" + newRun) && periods.contains("运行 #" + f.firstRun), periods);
        WebElement first = browser.findElement(By.cssSelector("section.period tbody tr"));
        assertTrue(first.getText().contains("运行 #" + newRun) && first.getText().contains("最近一次工作运行"), first.getText());
        assertEquals(1L, cn.gov.assess.TestSupport.scalar(f.db, "select v.number from assessment_run r join rules_version v "
                + "on v.id = r.rules_version_id where r.id = " + newRun), "新运行记下所用的规则版本");
        shot("06-运行列表");

        // 新运行的 12345 名单页打开且有成员（旧运行没有 12345 数据）
        browser.get(f.base + "/runs/" + newRun + "/list?name=" + WebFixture.enc("按期办结且办理较好") + "&scope="
                + WebFixture.enc("12345市民热线"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("按期办结且办理较好"));
        assertFalse(browser.findElements(By.cssSelector("table.members tbody tr")).isEmpty(), "新运行的 12345 名单应有成员");
        shot("07-新运行的名单");
    }
}
