package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
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
import java.util.List;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 浏览器里走一遍规则修改：规则管理把“按期办结且办理较好”的名额从 镇街 3 改为 镇街 5 → 草稿保存、检查通过 → 起草人自己发布被拒 →
 * 审核写明理由发布 → 此后开始的考核记下第 2 版，名单里的镇街多于 3 个 → 把第 1 版恢复为新草稿并发布。截图 target/screenshots/15c-*.png。
 */
class RulesBrowserTest {
    static RulesFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = new RulesFixture(true);
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

    static void loginAs(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(RulesFixture.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/"));
    }

    static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(condition::apply);
    }

    static void shot(String name) throws IOException {
        Object h = browser.executeScript("return document.documentElement.scrollHeight");
        long height = Math.min(5000, ((Number) h).longValue());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.max(768, height)));
        Files.write(WebBrowserTest.SHOTS.resolve("15c-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }

    static WebElement button(String text) {
        return browser.findElement(By.xpath("//button[contains(., '" + text + "')]"));
    }

    static String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    static long towns(long run) {
        return TestSupport.scalar(f.db, "select count(*) from run_list_entry e where e.run_id = " + run
                + " and e.list_name = '按期办结且办理较好' and e.channel = '12345市民热线' and e.unit_group = '镇街'");
    }

    @Test
    void editPublishByAnotherAccountRunWithTheNewVersionAndRestoreTheOld() throws IOException {
        RulesVersions versions = f.server.home().versions();
        Period q = Period.parse("2021-Q4");

        // 规则管理起草，改名单.csv 的名额
        loginAs(RulesFixture.EDITOR);
        browser.get(f.base + "/rules");
        assertTrue(body().contains("当前发布的版本"), body());
        shot("01-rules");
        button("起草新版本").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+$"));
        long draft = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rules/drafts/(\\d+)$", "$1"));
        assertTrue(body().contains("基于"), body());
        assertTrue(browser.findElement(By.id("preview")).getAttribute("href").endsWith("/rules/drafts/" + draft + "/preview"));
        browser.findElement(By.xpath("//a[contains(@href, 'edit?path=') and contains(@href, '" + RulesFixture.enc("名单.csv")
                .replace("+", "%20") + "')]")).click();
        waitFor(d -> d.getCurrentUrl().contains("/edit?path="));
        WebElement quota = browser.findElement(By.xpath("//textarea[.='镇街 3、部门 3']"));
        quota.clear();
        quota.sendKeys("镇街 5、部门 3");
        shot("02-edit-form");
        browser.findElement(By.id("save")).click();
        waitFor(d -> d.getCurrentUrl().contains("saved=1"));
        assertTrue(body().contains("已保存到草稿第 2 版"), body());
        assertTrue(body().contains("规则检查通过"), body());
        assertTrue(versions.files(draft).get("名单.csv").contains("镇街 5、部门 3"));
        shot("03-saved");

        // 预览（草稿页上的“预览”）：与当前发布的第 1 版相比，12345 热线的镇街新进 天度镇，县长信箱新进 召公镇、杏林镇
        // 预览默认取最近一次运行的考核期与截至时点：先按当前发布的第 1 版考核一次（网页上的开始考核也用它）
        long before = new AssessPeriod(f.db).assessAndSave(q, q.defaultCutoff(),
                versions.current().rules()).runId();
        assertEquals(3, towns(before));
        browser.get(f.base + "/rules/drafts/" + draft);
        browser.findElement(By.id("preview")).click();
        // 预览是后台任务：先到任务页（进度），做完后同一地址显示结果
        waitFor(d -> d.getCurrentUrl().contains("/rules/previews/") && body().contains("通报全文"));
        List<String> entering = browser.findElements(By.cssSelector("li.enter strong")).stream().map(WebElement::getText).toList();
        assertTrue(entering.containsAll(List.of("天度镇", "召公镇", "杏林镇")), "预览里新进入名单的：" + entering);
        assertTrue(browser.findElements(By.cssSelector("li.leave")).isEmpty(), body());
        List<String> inserted = browser.findElements(By.cssSelector(".preview-notice ins")).stream().map(WebElement::getText).toList();
        assertTrue(inserted.stream().anyMatch(t -> t.contains("天度镇")), "通报全文里标为新增的：" + inserted);
        shot("03b-preview");
        assertTrue(versions.version(draft).draft(), "预览不发布、不改草稿");

        // 起草人（规则管理）看不到发布表单，只有说明；直接提交仍被拒（RulesWebTest）
        browser.get(f.base + "/rules/drafts/" + draft);
        assertTrue(browser.findElements(By.id("publish")).isEmpty(), "规则管理看不到发布表单");
        assertTrue(body().contains("须由起草人（" + RulesFixture.EDITOR + "）以外的审核账号发布"), body());
        assertTrue(versions.version(draft).draft());
        shot("04-own-publish-refused");

        // 审核发布
        loginAs(RulesFixture.APPROVER);
        browser.get(f.base + "/rules/drafts/" + draft);
        browser.findElement(By.name("reason")).sendKeys("2022 年起镇街表扬名额扩大到 5 个");
        button("发布第 2 版").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/rules/versions/" + draft));
        assertTrue(body().contains("2022 年起镇街表扬名额扩大到 5 个"), body());
        shot("05-published");
        browser.get(f.base + "/rules/versions/" + draft + "/diff");
        assertTrue(body().contains("名单“按期办结且办理较好” 的“名额”由“镇街 3、部门 3”改为“镇街 5、部门 3”"), body());
        shot("06-diff");

        // 此后开始的考核（网页上的开始考核用当前发布版）记下第 2 版，镇街多于 3 名
        RulesVersions.Current cur = versions.current();
        assertEquals(draft, cur.version().id());
        long after = new AssessPeriod(f.db).assessAndSave(q, q.defaultCutoff(), cur.rules()).runId();
        assertTrue(towns(after) > 3, "第 2 版：镇街 " + towns(after) + " 名（第 1 版 3 名，见 RulesVersionsTest）");
        browser.get(f.base + "/runs/" + after);
        assertEquals("第 2 版", browser.findElement(By.cssSelector("dl.meta a[href='/rules/versions/" + draft + "']")).getText());
        browser.get(f.base + "/runs");
        assertTrue(body().contains("第 2 版"), body());
        shot("07-runs");

        // 把第 1 版恢复为新草稿，再由审核发布
        loginAs(RulesFixture.EDITOR);
        long v1 = versions.byNumber(1).orElseThrow().id();
        browser.get(f.base + "/rules/versions/" + v1);
        button("把第 1 版恢复为新草稿").click();
        waitFor(d -> d.getCurrentUrl().matches(".*/rules/drafts/\\d+$"));
        long restored = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rules/drafts/(\\d+)$", "$1"));
        assertEquals(versions.files(v1), versions.files(restored));
        loginAs(RulesFixture.APPROVER);
        browser.get(f.base + "/rules/drafts/" + restored);
        browser.findElement(By.name("reason")).sendKeys("恢复原来的名额");
        button("发布第 3 版").click();
        waitFor(d -> d.getCurrentUrl().endsWith("/rules/versions/" + restored));
        browser.get(f.base + "/rules/versions");
        assertTrue(body().contains("恢复原来的名额"), body());
        shot("08-versions");
        assertEquals(restored, versions.current().version().id());
        assertEquals(versions.version(v1).fingerprint(), versions.current().rules().fingerprint());
    }
}
