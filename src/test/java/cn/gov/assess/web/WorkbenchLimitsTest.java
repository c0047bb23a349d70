package cn.gov.assess.web;

import cn.gov.assess.correction.Corrections;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 工作台的输入上限与并发：太大的表单、坏了的上传、太长或有害的文件名、太长的发布与撤回理由——都得到中文说明（不是 500、
 * 不是英文），什么也不改；审核打开草稿之后草稿又被改过时，发布被拒（批准的必须正是发布出去的内容）。
 */
class WorkbenchLimitsTest {
    static RulesFixture f;

    @BeforeAll
    static void start() {
        f = new RulesFixture(false);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    static long newDraft() {
        HttpResponse<String> made = f.client(RulesFixture.EDITOR).postForm("/rules/drafts", Map.of("note", "上限测试"));
        assertEquals(302, made.statusCode());
        return Long.parseLong(made.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    static void assertChinese(HttpResponse<String> r) {
        assertFalse(r.body().contains("Content Too Large") || r.body().contains("Exception") || r.body().contains("bad multipart"),
                r.body());
        assertFalse(r.body().contains("服务器内部错误"), r.body());
    }

    @Test
    void aTenMegabyteCellIsRefusedInChineseAndNothingIsSaved() {
        long d = newDraft();
        String before = f.server.home().versions().files(d).get("thresholds.csv");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("path", "thresholds.csv");
        form.put("rows", "1");
        for (int c = 0; c < 5; c++) {
            form.put("c0_" + c, c == 4 ? "长".repeat(10 * 1024 * 1024 / 3) : "x");
        }
        HttpResponse<String> r = f.client(RulesFixture.EDITOR).postForm("/rules/drafts/" + d + "/edit", form);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("提交的内容太大"), r.body());
        assertChinese(r);
        assertEquals(before, f.server.home().versions().files(d).get("thresholds.csv"));
    }

    @Test
    void aBrokenUploadIsA400InChinese() throws Exception {
        RulesFixture.Client op = f.client(RulesFixture.OPERATOR);
        String b = "----x" + System.nanoTime();
        // 没有结束边界、文件名里有 NUL：Jetty 说“bad multipart”
        String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + op.csrf("/import") + "\r\n--" + b
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000b.csv\"\r\n\r\n单位名称\n";
        HttpResponse<String> r = send(op, b, body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("没有执行") || r.body().contains("上传没有完成"), r.body());
        assertChinese(r);
    }

    @Test
    void longAndHostileFileNamesAreRefusedAndShownAsText() throws Exception {
        RulesFixture.Client op = f.client(RulesFixture.OPERATOR);
        long batches = count("import_batch");
        HttpResponse<String> r = upload(op, "单".repeat(120) + ".csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("文件名") && r.body().contains("太长"), r.body());
        assertChinese(r);
        r = upload(op, "a".repeat(300) + ".csv");
        assertEquals(400, r.statusCode(), r.body());
        assertChinese(r);
        r = upload(op, "<img src=x onerror=alert(1)>.txt");
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(r.body().contains("<img src=x"), "文件名没有转义：" + r.body());
        assertTrue(r.body().contains("&lt;img src=x onerror=alert(1)&gt;.txt"), r.body());
        // 带路径的文件名只取最后一段：不会写到临时目录以外
        r = upload(op, "..\\..\\..\\etc\\<b>.txt");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("“&lt;b&gt;.txt”不是可导入的文件"), r.body());
        assertEquals(batches, count("import_batch"));
    }

    @Test
    void anOverlongPublishReasonIsRefusedInChinese() {
        long d = newDraft();
        HttpResponse<String> r = f.client(RulesFixture.APPROVER).postForm("/rules/drafts/" + d + "/publish",
                Map.of("reason", "理".repeat(2001)));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("发布理由太长（2001 字），最多 2000 字"), r.body());
        assertChinese(r);
        assertTrue(f.server.home().versions().version(d).draft());
    }

    @Test
    void anOverlongWithdrawReasonIsRefusedBeforeTheDatabase() {
        InputException e = assertThrows(InputException.class, () -> new Corrections(f.db).withdraw(1, "撤".repeat(1001), RulesFixture.OPERATOR));
        assertTrue(e.getMessage().contains("撤回原因太长（1001 字），最多 1000 字"), e.getMessage());
    }

    /** 审核打开草稿页之后，规则管理又保存了一处修改：按旧页面发布被拒，草稿原样；重新打开后再发布才成功。 */
    @Test
    void publishingADraftChangedAfterTheReviewerOpenedItIsRefused() {
        long d = newDraft();
        RulesFixture.Client approver = f.client(RulesFixture.APPROVER);
        String seen = fingerprint(approver.get("/rules/drafts/" + d).body());
        String table = f.server.home().versions().files(d).get("thresholds.csv");
        String changed = table.replace("0 表示超过时限即算逾期", "0 表示超过时限即算逾期（已核对）");
        assertFalse(table.equals(changed));
        f.server.home().versions().saveFile(d, RulesFixture.EDITOR, "thresholds.csv", changed);

        HttpResponse<String> stale = approver.postForm("/rules/drafts/" + d + "/publish", Map.of("reason", "同意", "fingerprint", seen));
        assertEquals(400, stale.statusCode());
        assertTrue(stale.body().contains("在您打开之后又被修改过"), stale.body());
        assertTrue(f.server.home().versions().version(d).draft(), "草稿应原样保留");

        String fresh = fingerprint(approver.get("/rules/drafts/" + d).body());
        HttpResponse<String> ok = approver.postForm("/rules/drafts/" + d + "/publish", Map.of("reason", "同意", "fingerprint", fresh));
        assertEquals(302, ok.statusCode(), ok.body());
        assertTrue(f.server.home().versions().version(d).published());
    }

    @Test
    void aMistypedPreviewPeriodIsA400InChinese() {
        HttpResponse<String> r = f.client(RulesFixture.EDITOR).get("/rules/drafts/1/preview?period=2021-Q9");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("考核期“2021-Q9”写得不对"), r.body());
        assertChinese(r);
    }

    static String fingerprint(String page) {
        Matcher m = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(m.find(), "草稿页的发布表单没有带上草稿指纹");
        return m.group(1);
    }

    static long count(String table) {
        return f.db.<Long>read(c -> {
            try (var ps = c.prepareStatement("select count(*) from " + table); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static HttpResponse<String> upload(RulesFixture.Client c, String fileName) throws Exception {
        String b = "----x" + System.nanoTime();
        String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + c.csrf("/import") + "\r\n--" + b
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n"
                + "单位名称,类型,排序,别名\n测试单位,部门,300,\n\r\n--" + b + "--\r\n";
        return send(c, b, body);
    }

    static HttpResponse<String> send(RulesFixture.Client c, String boundary, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(f.base + "/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-Token", c.csrf("/runs")).header("Cookie", c.cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return c.http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
