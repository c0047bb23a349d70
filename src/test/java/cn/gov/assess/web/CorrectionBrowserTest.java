package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 真实浏览器：经办登录，找到县住建局唯一一件逾期未办的工单，把办理时限延到考核截止之后并写明原因，重新考核，比较页写明
 * “更正 #n”，县住建局不再逾期未办、新进入表扬名单；再撤回这条更正（写明原因）、重新考核，比较页写明撤回，县住建局退出名单；
 * 工单历史两条都有。截图存到 target/screenshots/15b-*.png。用自己的库（会改数据）。
 */
class CorrectionBrowserTest {
    static CorrectionFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = new CorrectionFixture();
        browser = Browsers.chromium(Files.createTempDirectory("assess-chromium"), "1366,768");
        Files.createDirectories(WebBrowserTest.SHOTS);
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

    static void waitFor(java.util.function.Predicate<String> url) {
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> url.test(d.getCurrentUrl()));
    }

    static void shot(String name) throws IOException {
        Object h = browser.executeScript("return document.documentElement.scrollHeight");
        long height = Math.min(4000, ((Number) h).longValue());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.max(768, height)));
        Files.write(WebBrowserTest.SHOTS.resolve("15b-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }

    static String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** 点“重新考核”，等到比较页，返回它的文字；比较的是所选运行与新运行。 */
    static String rerunAndOpenDiff(long expectedBase) {
        WebElement button = browser.findElement(By.cssSelector("#rerun button[type=submit]"));
        assertEquals(String.valueOf(expectedBase), browser.findElement(By.cssSelector("#rerun input[name=run]")).getAttribute("value"));
        button.click();
        waitFor(u -> u.contains("/diff?a="));
        return text();
    }

    static long newRun() {
        Matcher m = Pattern.compile("[?&]b=(\\d+)").matcher(browser.getCurrentUrl());
        assertTrue(m.find(), browser.getCurrentUrl());
        return Long.parseLong(m.group(1));
    }

    @Test
    void registerRerunWithdrawRerunAndReadTheHistory() throws IOException {
        String no = CorrectionFixture.OVERDUE_ORDER;
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(CorrectionFixture.OPERATOR);
        browser.findElement(By.name("password")).sendKeys(CorrectionFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(u -> u.endsWith("/"));

        // 从导航进“更正”，按编号找工单
        browser.findElement(By.linkText("更正")).click();
        waitFor(u -> u.endsWith("/corrections"));
        browser.findElement(By.name("no")).sendKeys(no);
        browser.findElement(By.cssSelector("form[action='/corrections'][method=get] button")).click();
        waitFor(u -> u.contains("no=" + no));
        WebElement assignment = browser.findElement(By.cssSelector("div.assignment"));
        assertTrue(assignment.getText().contains("派给 县住建局"), assignment.getText());
        assertTrue(assignment.getText().contains("2021-12-17 18:00:00"), assignment.getText());
        assertTrue(assignment.getText().contains("未办结"), assignment.getText());

        // 先交一个写错的日期：中文说明，什么也没登记
        new Select(assignment.findElement(By.name("field"))).selectByVisibleText("办理时限");
        assignment.findElement(By.name("value")).sendKeys("明年一月");
        assignment.findElement(By.name("reason")).sendKeys("县住建局提交延期审批单，批准延期");
        assignment.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement errors = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> d.findElement(By.cssSelector("div.assignment .errors")));
        assertTrue(errors.getText().contains("新值：无法识别的日期“明年一月”"), errors.getText());
        assertEquals(0, f.scalar("select count(*) from correction"));
        shot("01-日期写错");

        // 改正后登记：办理时限延到 2022-01-10（考核截至 2021-12-31 时还在期限内）
        assignment = browser.findElement(By.cssSelector("div.assignment"));
        WebElement value = assignment.findElement(By.name("value"));
        value.clear();
        value.sendKeys("2022-01-10");
        assignment.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("done")));
        Matcher m = Pattern.compile("更正 #(\\d+)").matcher(done.getText());
        assertTrue(m.find(), done.getText());
        long id = Long.parseLong(m.group(1));
        assertTrue(done.getText().contains("办理时限由“2021-12-17 18:00:00”改为“2022-01-10 23:59:59”"), done.getText());
        assertTrue(done.getText().contains("提出：" + CorrectionFixture.OPERATOR), done.getText());
        assertTrue(browser.findElement(By.cssSelector("tr.current")).getText().contains("2022-01-10 23:59:59"));
        shot("02-已登记");

        // 重新考核 → 比较页：更正是原因，县住建局不再逾期未办、进入表扬名单
        String diff = rerunAndOpenDiff(f.run1);
        long run2 = newRun();
        assertTrue(diff.contains("更正 #" + id + "：12345市民热线 工单 " + no + " 派给 县住建局 的办理时限由“2021-12-17 18:00:00”改为“2022-01-10 23:59:59”"), diff);
        assertTrue(diff.contains("12345市民热线 / 县住建局") && diff.contains("逾期未办件数 1 → 0"), diff);
        assertTrue(diff.contains("县长信箱 “按期办结且办理较好” / 县住建局") && diff.contains("新进入"), diff);
        assertTrue(diff.contains("更正 #" + id), diff);
        shot("03-比较-更正后");

        // 撤回（写明原因）→ 重新考核 → 比较页写明撤回，县住建局退出名单
        browser.get(f.base + "/corrections?no=" + no);
        WebElement withdraw = browser.findElement(By.id("w" + id));
        withdraw.findElement(By.name("reason")).sendKeys("延期审批单未经分管领导签字，不予认可");
        shot("04-撤回");
        withdraw.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement withdrawn = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("withdrawn")));
        assertTrue(withdrawn.getText().contains("已撤回更正 #" + id), withdrawn.getText());
        assertTrue(browser.findElement(By.cssSelector("tr.current")).getText().contains("2021-12-17 18:00:00"));
        assertTrue(browser.findElement(By.cssSelector("table.recent")).getText().contains("已撤回（" + CorrectionFixture.OPERATOR));
        String back = rerunAndOpenDiff(run2);
        assertTrue(back.contains("撤回更正 #" + id + "（延期审批单未经分管领导签字，不予认可，" + CorrectionFixture.OPERATOR), back);
        assertTrue(back.contains("逾期未办件数 0 → 1"), back);
        assertTrue(back.contains("县长信箱 “按期办结且办理较好” / 县住建局") && back.contains("不再列入"), back);
        shot("05-比较-撤回后");

        // 工单历史：两条都在，撤回的注明【已撤回】与原因；经办在此可去登记更正
        browser.get(f.base + "/orders?no=" + no);
        String history = text();
        assertTrue(history.contains("更正 #" + id + "：") && history.contains("【已撤回】"), history);
        assertTrue(history.contains("原因：县住建局提交延期审批单，批准延期"), history);
        assertTrue(history.contains("撤回更正 #" + id + "（延期审批单未经分管领导签字，不予认可"), history);
        assertFalse(browser.findElements(By.cssSelector("a.correct-link")).isEmpty());
        shot("06-工单历史");

        // 操作记录：登记、撤回、两次重新考核
        assertEquals(4, f.scalar("select count(*) from audit_log where account = '" + CorrectionFixture.OPERATOR
                + "' and action in ('登记更正', '撤回更正', '重新考核')"));
    }
}
