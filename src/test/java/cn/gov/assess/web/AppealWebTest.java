package cn.gov.assess.web;

import cn.gov.assess.issuance.NoticeRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.assess.web.CorrectionFixture.OVERDUE_ORDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 网页上的申诉（HTTP）：县住建局的账号在本单位页面上就逾期未办的工单申诉（附 PDF）；缺 CSRF、查看、经办、别的单位提交
 * 一律被拒且什么也没存；别的单位看不到这份申诉与附件（403，正文里没有申诉内容）；查看能看不能决定；经办同意后单位读到理由，
 * 首页有“申诉已处理”；截止日后与附件类型不对时用中文拒绝。
 */
class AppealWebTest {
    static final String OTHER_UNIT = "人社局账号";
    static final String REASON = "该路灯属县供电公司维护，派单有误";
    static final byte[] PDF = "%PDF-1.4\n证明材料\n".getBytes(StandardCharsets.UTF_8);
    static CorrectionFixture f;
    static long notice;
    static long zhujian;

    @BeforeAll
    static void start() {
        f = new CorrectionFixture();
        new Accounts(f.db).add(OTHER_UNIT, Role.单位, "县人社局", CorrectionFixture.PASSWORD.toCharArray());
        notice = NoticeRows.open(f.db, "2021-Q4", f.run1, LocalDate.now().plusDays(5));
        zhujian = f.unitId("县住建局");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** multipart 提交申诉表单：assignment 可有几个，附件字段名 attachment。 */
    static HttpResponse<String> fileAppeal(WebClient c, String csrf, List<String> assignments, String kind, String reason,
                                           String fileName, byte[] file) {
        String boundary = "----appeal" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String[]> fields = new ArrayList<>();
        if (csrf != null) {
            fields.add(new String[]{"_csrf", csrf});
        }
        fields.add(new String[]{"period", "2021-Q4"});
        assignments.forEach(a -> fields.add(new String[]{"assignment", a}));
        fields.add(new String[]{"kind", kind});
        fields.add(new String[]{"value", ""});
        fields.add(new String[]{"reason", reason});
        for (String[] x : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + x[0] + "\"\r\n\r\n" + x[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // 上传表单的 CSRF 令牌不只在正文里：放进 X-CSRF-Token 头（服务器读正文之前先查，见 RequestGuard）
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(c.base + "/appeals"));
        if (csrf != null) {
            req.header("X-CSRF-Token", csrf);
        }
        return c.send(req
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static long appeals() {
        return f.scalar("select count(*) from appeal");
    }

    /** 本单位页面上这件工单的复选框的值（转办编号）。 */
    static String checkbox(String page, String orderNo) {
        Matcher m = Pattern.compile("name=\"assignment\" value=\"(\\d+)\"[^>]*data-order=\"" + orderNo + "\"").matcher(page);
        assertTrue(m.find(), "本单位页面上没有工单 " + orderNo + " 的申诉复选框");
        return m.group(1);
    }

    @Test
    void unitAppealsOfficeDecidesOthersAreRefused() {
        CorrectionFixture.Client unit = f.login(CorrectionFixture.UNIT_USER);
        String unitPage = "/runs/" + f.run1 + "/units/" + zhujian;
        String page = unit.get(unitPage).body();
        assertTrue(page.contains("id=\"appeal-form\""), page);
        String assignment = checkbox(page, OVERDUE_ORDER);
        String token = unit.csrf(unitPage);

        // 缺校验码；查看、经办（网页上只许单位本身提出）、别的单位：都被拒，什么也没存
        assertEquals(403, fileAppeal(unit, null, List.of(assignment), "非本单位职责", REASON, null, null).statusCode());
        CorrectionFixture.Client viewer = f.login(CorrectionFixture.VIEWER);
        assertEquals(403, fileAppeal(viewer, viewer.csrf("/runs"), List.of(assignment), "非本单位职责", REASON, null, null).statusCode());
        CorrectionFixture.Client operator = f.login(CorrectionFixture.OPERATOR);
        assertEquals(403, fileAppeal(operator, operator.csrf("/runs"), List.of(assignment), "非本单位职责", REASON, null, null)
                .statusCode());
        CorrectionFixture.Client other = f.login(OTHER_UNIT);
        HttpResponse<String> foreign = fileAppeal(other, other.csrf("/runs"), List.of(assignment), "非本单位职责", REASON, null, null);
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().contains("只能就本单位的工单申诉"), foreign.body());
        assertFalse(foreign.body().contains("县住建局"), foreign.body());
        // 附件不是 PDF 或图片
        HttpResponse<String> badFile = fileAppeal(unit, token, List.of(assignment), "非本单位职责", REASON, "证明.pdf",
                "<html></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, badFile.statusCode());
        assertTrue(badFile.body().contains("不是 PDF 或图片"), badFile.body());
        assertEquals(0, appeals());

        HttpResponse<String> filed = fileAppeal(unit, token, List.of(assignment), "非本单位职责", REASON, "证明.pdf", PDF);
        assertEquals(303, filed.statusCode(), filed.body());
        String location = filed.headers().firstValue("Location").orElseThrow();
        String appealPath = location.replaceFirst("\\?.*$", "");
        assertTrue(unit.get(appealPath).body().contains(REASON));
        assertTrue(unit.get(unitPage).body().contains("id=\"my-appeals\""));

        // 别的单位：申诉页、附件、列表都看不到
        HttpResponse<String> peek = other.get(appealPath);
        assertEquals(403, peek.statusCode());
        assertFalse(peek.body().contains(REASON) || peek.body().contains(OVERDUE_ORDER), peek.body());
        assertEquals(403, other.getBytes(appealPath + "/attachment").statusCode());
        assertEquals(403, other.get("/appeals/999999").statusCode(), "不存在的编号对单位也是 403");
        assertFalse(other.get("/appeals").body().contains(OVERDUE_ORDER));
        // 别的单位、查看、缺校验码的经办都不能决定
        assertEquals(403, other.postForm(appealPath + "/decide", Map.of("decision", "accept", "reason", "x")).statusCode());
        assertTrue(viewer.get(appealPath).body().contains(REASON), "查看能看");
        assertEquals(403, viewer.postForm(appealPath + "/decide", Map.of("decision", "accept", "reason", "x")).statusCode());
        assertEquals(403, operator.post(appealPath + "/decide", Map.of("decision", "accept", "reason", "x")).statusCode());
        assertEquals(0, f.scalar("select count(*) from correction"));

        HttpResponse<byte[]> download = operator.getBytes(appealPath + "/attachment");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertArrayEquals(PDF, download.body());

        assertTrue(operator.get("/appeals?period=2021-Q4&state=待审核").body().contains(OVERDUE_ORDER));
        assertTrue(operator.get(appealPath).body().contains("id=\"decide-form\""));
        // 首页待办：经办看到待审核的申诉，查看与单位没有
        String waiting = "县住建局的申诉 #" + appealPath.replaceAll("\\D", "") + "（非本单位职责）待审核";
        assertTrue(operator.get("/").body().contains(waiting), "经办的待办列出待审核的申诉");
        assertFalse(viewer.get("/").body().contains(waiting));
        assertFalse(unit.get("/").body().contains(waiting));
        HttpResponse<String> decided = operator.postForm(appealPath + "/decide",
                Map.of("decision", "accept", "reason", "经核实属县供电公司职责，同意核减"));
        assertEquals(303, decided.statusCode(), decided.body());
        assertEquals(1, f.scalar("select count(*) from correction where field = '核减' and appeal_id is not null"));
        assertFalse(operator.get("/").body().contains(waiting), "决定后不再待办");
        assertEquals(1, f.scalar("select count(*) from audit_log where action = '同意申诉'"));
        assertEquals(1, f.scalar("select count(*) from audit_log where action = '提出申诉'"));

        // 单位读到决定与理由；首页有“申诉已处理”
        assertTrue(unit.get(appealPath).body().contains("经核实属县供电公司职责，同意核减"));
        String home = unit.get("/").body();
        assertTrue(home.contains("id=\"appeal-news\"") && home.contains("同意核减"), home);
        // 已决定的不能再决定
        assertEquals(400, operator.postForm(appealPath + "/decide", Map.of("decision", "reject", "reason", "x")).statusCode());
    }

    @Test
    void afterTheDeadlineTheUnitIsRefusedInChinese() {
        CorrectionFixture.Client unit = f.login(CorrectionFixture.UNIT_USER);
        String unitPage = "/runs/" + f.run1 + "/units/" + zhujian;
        String assignment = checkbox(unit.get(unitPage).body(), "RX202110030009");
        String token = unit.csrf(unitPage);
        long before = appeals();
        NoticeRows.until(f.db, notice, LocalDate.now().minusDays(1));
        try {
            HttpResponse<String> late = fileAppeal(unit, token, List.of(assignment), "重复件", "与另一件重复", null, null);
            assertEquals(400, late.statusCode());
            assertTrue(late.body().contains("核对截止日") && late.body().contains("已过"), late.body());
            assertEquals(before, appeals());
            String page = unit.get(unitPage).body();
            assertTrue(page.contains("id=\"appeal-closed\"") && !page.contains("id=\"appeal-form\""), page);
        } finally {
            NoticeRows.until(f.db, notice, LocalDate.now().plusDays(5));
        }
    }
}
