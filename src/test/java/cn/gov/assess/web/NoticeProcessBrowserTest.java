package cn.gov.assess.web;

import cn.gov.assess.issuance.NoticeRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 真实浏览器（1366×768），演示数据上走完一期通报：经办起草 2021-Q4 通报并开放核对；县住建局的账号就逾期未办的工单以
 * “非本单位职责”申诉，另一件申诉被驳回（单位读到理由，数字不变）；别的单位看不到这份申诉（403，什么也不透露）；经办同意，
 * 从申诉页给出的期次中选 2021-Q4 重新考核，县住建局的一票否决没有了、理由是这份申诉；截止日过后单位被中文拒绝；
 * 起草人签发被拒，审核账号以文号 扶政办函〔2022〕2号 签发；单位下载签发的通报.docx；签发后登记更正、重新考核，
 * 更正通报正好列出改动的各处。每一步截图存到 target/screenshots/通报流程/。用自己的库（会改数据）。
 */
class NoticeProcessBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots", "通报流程");
    static final String OTHER_UNIT = "人社局账号";
    static final String REVIEWER = "审核戊";
    static final String NUMBER = "扶政办函〔2022〕2号";
    static final String REASON = "该路灯属县供电公司维护，派单有误";
    static final String REJECTED_ORDER = "RX202110030009";
    static final String REJECT_REASON = "经核实两件诉求地点不同，不属重复件";
    static CorrectionFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        f = new CorrectionFixture();
        Accounts accounts = new Accounts(f.db);
        accounts.add(OTHER_UNIT, Role.单位, "县人社局", CorrectionFixture.PASSWORD.toCharArray());
        accounts.add(REVIEWER, Role.审核, null, CorrectionFixture.PASSWORD.toCharArray());
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

    static void waitFor(java.util.function.Predicate<String> url) {
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> url.test(d.getCurrentUrl()));
    }

    /**
     * 提交表单并等到新页面载入完：提交后回到同一地址的（开放核对、结束核对、签发……）不能只看地址，
     * 否则读到的可能还是旧页面上的元素。
     */
    static void submit(WebElement button) {
        WebElement old = browser.findElement(By.tagName("html"));
        button.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(by));
    }

    /** 首屏（1366×768）一张，整页一张。 */
    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        Object h = browser.executeScript("return document.documentElement.scrollHeight");
        long height = Math.min(4000, ((Number) h).longValue());
        if (height > 768) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) height));
            Files.write(SHOTS.resolve(name + "-整页.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
    }

    static String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    static void loginAs(String name) {
        browser.manage().deleteAllCookies();
        browser.get(f.base + "/login");
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(CorrectionFixture.PASSWORD);
        submit(browser.findElement(By.cssSelector("form button[type=submit]")));
        waitFor(u -> u.endsWith("/"));
    }

    /** 日期框的写法随浏览器语言而变：直接设值。 */
    static void setDate(WebElement input, LocalDate d) {
        browser.executeScript("arguments[0].value = arguments[1];", input, d.toString());
    }

    /** 用浏览器的会话（Cookie）发 HTTP 请求：看状态码与下载的字节。 */
    static WebClient asBrowser() {
        WebClient c = f.new Client();
        c.cookie = Sessions.COOKIE + "=" + browser.manage().getCookieNamed(Sessions.COOKIE).getValue();
        return c;
    }

    /** 页面上没有的表单：照着服务器收的字段拼一个提交（模拟手工构造的请求），令牌取自本页。 */
    static void forgeForm(String action, String... fields) {
        String token = browser.findElement(By.name("_csrf")).getAttribute("value");
        StringBuilder js = new StringBuilder("var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + "function add(n, v) { var i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); }"
                + "add('_csrf', arguments[1]);");
        for (int i = 0; i < fields.length; i += 2) {
            js.append("add('").append(fields[i]).append("', '").append(fields[i + 1]).append("');");
        }
        js.append("document.body.appendChild(f); f.submit();");
        WebElement old = browser.findElement(By.tagName("html"));
        browser.executeScript(js.toString(), action, token);
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.stalenessOf(old));
    }

    static long idFrom(String url, String prefix) {
        Matcher m = Pattern.compile(prefix + "(\\d+)").matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    /** 在申诉页或更正页点 2021-Q4 的“重新考核”（必须列出、且排在第一），等到比较页，返回新运行的编号。 */
    static long rerunQ4(long expectedBase) {
        List<WebElement> offers = browser.findElements(By.cssSelector("#rerun form.rerun-offer"));
        assertFalse(offers.isEmpty(), text());
        WebElement first = offers.get(0);
        assertTrue(first.getText().contains("重新考核 2021-Q4"), first.getText());
        assertEquals(String.valueOf(expectedBase), first.findElement(By.name("run")).getAttribute("value"));
        submit(first.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.contains("/diff?a="));
        return idFrom(browser.getCurrentUrl(), "[?&]b=");
    }

    static void fileAppeal(long run, long unit, String orderNo, String kind, String reason) {
        browser.get(f.base + "/runs/" + run + "/units/" + unit);
        WebElement form = browser.findElement(By.id("appeal-form"));
        form.findElement(By.cssSelector("input[name=assignment][data-order='" + orderNo + "']")).click();
        new Select(form.findElement(By.name("kind"))).selectByValue(kind);
        form.findElement(By.name("reason")).sendKeys(reason);
        submit(form.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.contains("/appeals/") && u.contains("done=1"));
    }

    @Test
    void theWholeNoticeProcessInTheBrowser() throws IOException {
        long zhujian = f.unitId("县住建局");
        long renshe = f.unitId("县人社局");
        LocalDate until = LocalDate.now().plusDays(5);

        // 1. 经办起草 2021-Q4 的通报，开放核对至 5 天后
        loginAs(CorrectionFixture.OPERATOR);
        browser.findElement(By.linkText("通报")).click();
        waitFor(u -> u.endsWith("/notices"));
        WebElement draft = browser.findElement(By.id("draft-form"));
        new Select(draft.findElement(By.name("run"))).selectByValue(String.valueOf(f.run1));
        shot("01-起草");
        submit(draft.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.matches(".*/notices/\\d+$"));
        long notice = idFrom(browser.getCurrentUrl(), "/notices/");
        String noticePath = "/notices/" + notice;
        assertTrue(browser.findElement(By.id("notice-state")).getText().contains("草稿"));
        setDate(browser.findElement(By.cssSelector("#open-form input[name=until]")), until);
        submit(browser.findElement(By.cssSelector("#open-form button[type=submit]")));
        WebElement state = await(By.cssSelector("#notice-state"));
        assertTrue(state.getText().contains("核对中，截至 " + until), state.getText());
        shot("02-开放核对");

        // 2. 县住建局：首页提示通报核对中；在本单位页面就逾期未办的工单申诉“非本单位职责”，另一件申诉“重复件”
        loginAs(CorrectionFixture.UNIT_USER);
        assertTrue(text().contains("2021-Q4"), text());
        shot("03-单位首页");
        fileAppeal(f.run1, zhujian, CorrectionFixture.OVERDUE_ORDER, "非本单位职责", REASON);
        String appealPath = browser.getCurrentUrl().substring(f.base.length()).replaceFirst("\\?.*$", "");
        assertTrue(browser.findElement(By.id("appeal-reason")).getText().contains(REASON));
        assertEquals("待审核", browser.findElement(By.id("appeal-state")).getText());
        shot("04-申诉已提出");
        fileAppeal(f.run1, zhujian, REJECTED_ORDER, "重复件", "与 RX202110030001 为同一诉求");
        String rejectedPath = browser.getCurrentUrl().substring(f.base.length()).replaceFirst("\\?.*$", "");

        // 3. 别的单位：申诉页 403，正文里没有申诉的任何内容；列表里也没有
        loginAs(OTHER_UNIT);
        browser.get(f.base + appealPath);
        String peek = browser.getPageSource();
        assertTrue(text().contains("无权查看"), text());
        assertFalse(peek.contains(REASON) || peek.contains(CorrectionFixture.OVERDUE_ORDER) || peek.contains("县住建局"), peek);
        shot("05-别的单位看申诉");
        WebClient other = asBrowser();
        assertEquals(403, other.get(appealPath).statusCode());
        assertEquals(403, other.getBytes(appealPath + "/attachment").statusCode());
        browser.get(f.base + "/appeals");
        assertFalse(browser.getPageSource().contains(CorrectionFixture.OVERDUE_ORDER));
        // 也不能就别的单位的工单或在别的单位页面上申诉：县住建局的页面对它是 403
        browser.get(f.base + "/runs/" + f.run1 + "/units/" + zhujian);
        assertTrue(text().contains("无权查看"), text());
        browser.get(f.base + "/runs/" + f.run1 + "/units/" + renshe);
        assertTrue(browser.findElements(By.cssSelector("input[data-order='" + CorrectionFixture.OVERDUE_ORDER + "']")).isEmpty());

        // 4. 经办：驳回重复件（写明理由），同意非本单位职责；在申诉页上选 2021-Q4 重新考核
        loginAs(CorrectionFixture.OPERATOR);
        browser.get(f.base + rejectedPath);
        WebElement decide = browser.findElement(By.id("decide-form"));
        decide.findElement(By.cssSelector("input[value=reject]")).click();
        decide.findElement(By.name("reason")).sendKeys(REJECT_REASON);
        submit(decide.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.contains("done=1"));
        assertTrue(browser.findElement(By.id("appeal-decision")).getText().contains("不同意：" + REJECT_REASON));
        assertTrue(browser.findElements(By.id("rerun")).isEmpty(), "驳回的申诉不改任何数字，不必重新考核");
        browser.get(f.base + appealPath);
        decide = browser.findElement(By.id("decide-form"));
        decide.findElement(By.cssSelector("input[value=accept]")).click();
        decide.findElement(By.name("reason")).sendKeys("经核实属县供电公司职责，同意核减");
        shot("06-经办决定");
        submit(decide.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.contains("done=1"));
        assertTrue(browser.findElement(By.id("appeal-decision")).getText().contains("同意：经核实属县供电公司职责，同意核减"));
        shot("07-同意后重新考核");
        long appealId = idFrom(appealPath, "/appeals/");
        long run2 = rerunQ4(f.run1);
        String diff = text();
        assertTrue(diff.contains("申诉 #" + appealId), diff);
        assertFalse(diff.contains(REJECTED_ORDER), "驳回的申诉不改任何数字：" + diff);
        shot("08-比较-核减后");
        browser.get(f.base + "/runs/" + run2 + "/units/" + zhujian);
        String unitPage = text();
        assertTrue(unitPage.contains("一票否决\n无。") && browser.findElements(By.cssSelector("table.veto")).isEmpty(), unitPage);
        assertTrue(browser.findElement(By.id("exclusions")).isDisplayed());
        assertTrue(unitPage.contains("核减 1 件：申诉 #" + appealId + "，非本单位职责"), unitPage);
        shot("09-县住建局-否决已去");

        // 5. 通报换用新运行；截止日过后单位提交被中文拒绝（截止日改到昨天模拟时间已过）
        browser.get(f.base + noticePath);
        WebElement replace = browser.findElement(By.id("replace-form"));
        new Select(replace.findElement(By.name("run"))).selectByValue(String.valueOf(run2));
        submit(replace.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.endsWith(noticePath));
        assertTrue(browser.findElement(By.cssSelector("dl.meta")).getText().contains("运行 #" + run2));
        NoticeRows.until(f.db, notice, LocalDate.now().minusDays(1));
        loginAs(CorrectionFixture.UNIT_USER);
        browser.get(f.base + "/runs/" + run2 + "/units/" + zhujian);
        assertTrue(browser.findElement(By.id("appeal-closed")).getText().contains("核对截止日（" + LocalDate.now().minusDays(1) + "）已过"));
        assertTrue(browser.findElements(By.id("appeal-form")).isEmpty());
        // 驳回的申诉：单位读到理由
        assertTrue(browser.findElement(By.id("my-appeals")).getText().contains(REJECT_REASON));
        shot("10-截止日已过");
        long before = f.scalar("select count(*) from appeal");
        String assignment = String.valueOf(f.assignmentId(REJECTED_ORDER, "县住建局"));
        browser.executeScript("var f = document.createElement('form'); f.method = 'post'; f.enctype = 'multipart/form-data';"
                + "f.action = '/appeals?_csrf=' + encodeURIComponent(arguments[0]);"
                + "[['_csrf', arguments[0]], ['period', '2021-Q4'], ['assignment', arguments[1]], ['kind', '重复件'], ['value', ''],"
                + " ['reason', '迟到的申诉']].forEach(function (x) { var i = document.createElement('input'); i.type = 'hidden';"
                + " i.name = x[0]; i.value = x[1]; f.appendChild(i); }); document.body.appendChild(f); f.submit();",
                browser.findElement(By.name("_csrf")).getAttribute("value"), assignment);
        waitFor(u -> u.endsWith("/appeals?_csrf=") || u.contains("/appeals?"));
        String late = text();
        assertTrue(late.contains("核对截止日") && late.contains("已过，不能再申诉"), late);
        assertEquals(before, f.scalar("select count(*) from appeal"));
        shot("11-截止后申诉被拒");

        // 6. 经办结束核对；起草人（经办）签发被拒
        loginAs(CorrectionFixture.OPERATOR);
        browser.get(f.base + noticePath);
        submit(browser.findElement(By.cssSelector("#close-form button[type=submit]")));
        waitFor(u -> u.endsWith(noticePath));
        assertTrue(browser.findElement(By.id("notice-state")).getText().contains("待签发"));
        assertTrue(browser.findElements(By.id("sign-form")).isEmpty(), "起草人看不到签发表单");
        forgeForm(noticePath + "/sign", "number", NUMBER, "date", "2022-01-14");
        await(By.tagName("main"));
        assertTrue(text().contains("无权执行这项操作"), text());
        assertEquals(0, f.scalar("select count(*) from notice where state = '已签发'"));
        shot("12-起草人签发被拒");

        // 7. 审核账号签发，文号 扶政办函〔2022〕2号
        loginAs(REVIEWER);
        browser.get(f.base + noticePath);
        WebElement sign = browser.findElement(By.id("sign-form"));
        sign.findElement(By.name("number")).sendKeys(NUMBER);
        setDate(sign.findElement(By.name("date")), LocalDate.of(2022, 1, 14));
        shot("13-签发");
        submit(sign.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.endsWith(noticePath));
        state = browser.findElement(By.id("notice-state"));
        assertTrue(state.getText().contains("已签发：文号 " + NUMBER + "，成文日期 2022-01-14，" + REVIEWER), state.getText());
        assertTrue(browser.findElements(By.id("sign-form")).isEmpty() && browser.findElements(By.id("open-form")).isEmpty());
        shot("14-已签发");

        // 8. 单位下载签发的通报.docx：是 Word 文档，含文号；签发后的通报不能再改
        loginAs(CorrectionFixture.UNIT_USER);
        browser.get(f.base + "/notices");
        browser.findElement(By.linkText("通报 #" + notice)).click();
        waitFor(u -> u.endsWith(noticePath));
        shot("15-单位看签发的通报");
        WebElement link = browser.findElement(By.cssSelector("#notice-files a[href$='" + WebFixture.enc("通报.docx").replace("+", "%20") + "']"));
        HttpResponse<byte[]> docx = asBrowser().getBytes(link.getAttribute("href").substring(f.base.length()));
        assertEquals(200, docx.statusCode());
        assertTrue(docx.headers().firstValue("Content-Type").orElse("").contains("wordprocessingml"));
        String document = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(document != null && document.replaceAll("<[^>]+>", "").contains(NUMBER), "通报.docx 里应有文号 " + NUMBER);
        browser.get(f.base + "/runs/" + run2 + "/units/" + zhujian);
        assertTrue(browser.findElement(By.id("appeal-closed")).getText().contains("已签发，不能再申诉"));

        // 9. 签发后登记更正、重新考核（选 2021-Q4，沿用签发的运行），起草更正通报：正好列出改动的各处
        loginAs(CorrectionFixture.OPERATOR);
        browser.get(f.base + "/corrections?no=" + REJECTED_ORDER);
        WebElement a = browser.findElement(By.cssSelector("div.assignment"));
        new Select(a.findElement(By.name("field"))).selectByVisibleText("办理时限");
        a.findElement(By.name("value")).sendKeys("2022-01-10");
        a.findElement(By.name("reason")).sendKeys("县住建局提交延期审批单，批准延期");
        submit(a.findElement(By.cssSelector("button[type=submit]")));
        try {
            await(By.id("done"));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("失败-登记更正");
            throw new AssertionError(text(), e);
        }
        long run3 = rerunQ4(run2);
        String diff3 = text();
        shot("16-签发后更正的比较");
        browser.get(f.base + noticePath);
        WebElement correct = browser.findElement(By.id("correct-form"));
        new Select(correct.findElement(By.name("run"))).selectByValue(String.valueOf(run3));
        submit(correct.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.matches(".*/notices/\\d+$") && !u.endsWith(noticePath));
        long correctionId = idFrom(browser.getCurrentUrl(), "/notices/");
        assertTrue(text().contains("更正\n通报 #" + notice), text());
        // 比较页上变了的正好是这 7 处（县住建局 4 处，合计 3 处），更正通报一处不多、一处不少，每处写明是更正 #n
        assertTrue(diff3.contains("逾期办结件数 34 → 33；逾期天数 119 → 116；按期办结率 83.08% → 83.58%"), diff3);
        assertTrue(diff3.contains("逾期办结件数 55 → 54；逾期天数 214 → 211；按期办结率 95.08% → 95.17%"), diff3);
        List<String> items = browser.findElements(By.cssSelector("#correction-items tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().limit(4).map(WebElement::getText)
                        .reduce((x, y) -> x + " | " + y).orElse("")).toList();
        assertEquals(List.of(
                "12345市民热线 / 县住建局 | 逾期办结件数 | 34 | 33",
                "12345市民热线 / 县住建局 | 逾期天数 | 119 | 116",
                "12345市民热线 / 县住建局 | 按期办结率 | 83.08% | 83.58%",
                "12345市民热线 / 县住建局 | 月度逾期 | 10月逾期 19件 11月逾期 8件 12月逾期 7件 | 10月逾期 18件 11月逾期 8件 12月逾期 7件",
                "12345市民热线 / 合计 | 逾期办结件数 | 55 | 54",
                "12345市民热线 / 合计 | 逾期天数 | 214 | 211",
                "12345市民热线 / 合计 | 按期办结率 | 95.08% | 95.17%"), items);
        for (WebElement r : browser.findElements(By.cssSelector("#correction-items tbody tr"))) {
            assertTrue(r.getText().contains("更正 #") && r.getText().contains(REJECTED_ORDER), r.getText());
        }
        shot("17-更正通报");

        // 10. 审核账号签发更正通报；原通报仍是已签发、不变，正式结果换成更正通报所用的运行
        loginAs(REVIEWER);
        browser.get(f.base + "/notices/" + correctionId);
        sign = browser.findElement(By.id("sign-form"));
        sign.findElement(By.name("number")).sendKeys("扶政办函〔2022〕5号");
        setDate(sign.findElement(By.name("date")), LocalDate.of(2022, 1, 20));
        submit(sign.findElement(By.cssSelector("button[type=submit]")));
        waitFor(u -> u.endsWith("/notices/" + correctionId));
        assertTrue(browser.findElement(By.id("notice-state")).getText().contains("已签发：文号 扶政办函〔2022〕5号"));
        assertTrue(browser.findElement(By.id("run-status")).getText().contains("运行 #" + run3 + " 是 2021-Q4 的正式结果"),
                browser.findElement(By.id("run-status")).getText());
        shot("18-更正通报已签发");
        browser.get(f.base + noticePath);
        assertTrue(browser.findElement(By.id("notice-state")).getText().contains("已签发：文号 " + NUMBER));
        assertTrue(browser.findElement(By.id("run-status")).getText().contains("已被取代"), browser.findElement(By.id("run-status")).getText());
    }
}
