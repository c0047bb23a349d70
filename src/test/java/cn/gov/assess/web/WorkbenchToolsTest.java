package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 工具：找单位、导出（CSV、XLSX，防公式，单位账号只能导出本单位的）、在网页上作废运行（经办、带原因、CSRF、记入操作记录），
 * 以及每种 HTTP 错误（含 Jetty 自己回答的 400、414、431）都是中文页面。
 */
class WorkbenchToolsTest {
    static DashboardFixture f;
    static final String HOSTILE = "=HYPERLINK(\"http://evil.example/\",\"点我\")";

    @BeforeAll
    static void start() {
        f = DashboardFixture.get();
    }

    @Test
    void searchFindsAUnitByNameOrAliasAndJumpsToIt() {
        WebClient c = f.client(DashboardFixture.VIEWER);
        long unit = f.unitId("城关街道办");
        HttpResponse<String> alias = c.get("/units/search?q=" + WebFixture.enc("城关街道"));
        assertEquals(302, alias.statusCode(), "别名只对应一个单位时直接打开它");
        assertEquals("/runs/" + f.latest() + "/units/" + unit, alias.headers().firstValue("Location").orElse(""));
        HttpResponse<String> many = c.get("/units/search?q=" + WebFixture.enc("镇"));
        assertEquals(200, many.statusCode());
        assertTrue(many.body().contains("法门镇") && many.body().contains("召公镇"), many.body());
        HttpResponse<String> none = c.get("/units/search?q=" + WebFixture.enc("没有这个单位"));
        assertTrue(none.body().contains("没有名称或别名含“没有这个单位”的单位"));
        // 单位账号只找得到本单位
        WebClient unitUser = f.client(DashboardFixture.UNIT_USER);
        String other = unitUser.get("/units/search?q=" + WebFixture.enc("镇")).body();
        assertFalse(other.contains("法门镇"), other);
        HttpResponse<String> own = unitUser.get("/units/search?q=" + WebFixture.enc("人社"));
        assertEquals(302, own.statusCode());
    }

    @Test
    void aUnitAccountExportsOnlyItsOwnOrdersAndFigures() throws IOException {
        WebClient unitUser = f.client(DashboardFixture.UNIT_USER);
        long own = f.unitId(DashboardFixture.UNIT);
        long other = f.unitId("县住建局");
        String page = unitUser.get("/runs/" + f.latest() + "/units/" + own).body();
        assertTrue(page.contains("/runs/" + f.latest() + "/units/" + own + "/export?what=orders&amp;format=xlsx"), "单位页应有导出链接");
        HttpResponse<byte[]> csv = unitUser.getBytes("/runs/" + f.latest() + "/units/" + own + "/export?what=orders&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF渠道,工单编号,受理时间"), text);
        HttpResponse<byte[]> xlsx = unitUser.getBytes("/runs/" + f.latest() + "/units/" + own + "/export?what=figures&format=xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("渠道", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertTrue(book.getSheetAt(0).getLastRowNum() > 0);
        }
        for (String what : List.of("orders", "figures")) {
            for (String format : List.of("csv", "xlsx")) {
                HttpResponse<byte[]> r = unitUser.getBytes("/runs/" + f.latest() + "/units/" + other + "/export?what=" + what
                        + "&format=" + format);
                assertEquals(403, r.statusCode(), what + " " + format);
                assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("工单编号"));
            }
        }
        assertEquals(403, unitUser.getBytes("/diff/export?a=" + f.runs.get(0) + "&b=" + f.latest() + "&format=csv").statusCode());
        assertEquals(403, unitUser.getBytes("/admin/audit/export?format=csv").statusCode());
        // 查看账号可导出任何单位与比较结果，但不能导出操作记录（管理员才能）
        WebClient viewer = f.client(DashboardFixture.VIEWER);
        assertEquals(200, viewer.getBytes("/runs/" + f.latest() + "/units/" + other + "/export?what=orders&format=xlsx").statusCode());
        HttpResponse<byte[]> diff = viewer.getBytes("/diff/export?a=" + f.runs.get(1) + "&b=" + f.latest() + "&format=xlsx");
        assertEquals(200, diff.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(diff.body()))) {
            assertEquals("类别", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
        assertEquals(403, viewer.getBytes("/admin/audit/export?format=csv").statusCode());
        assertEquals(404, viewer.getBytes("/runs/" + f.latest() + "/units/" + other + "/export?what=orders&format=exe").statusCode());
    }

    @Test
    void exportsAreFormulaSafe() throws IOException {
        f.server.audit.record(HOSTILE, "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "+1");
        WebClient admin = f.client(DashboardFixture.ADMIN);
        String csv = new String(admin.getBytes("/admin/audit/export?format=csv&account=" + WebFixture.enc(HOSTILE)).body(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\""), csv);
        assertTrue(csv.contains("'@SUM(1+1)") && csv.contains("'-2+3+cmd") && csv.endsWith(",+1\r\n"), "整格是数（+1）的照写：" + csv);
        assertFalse(csv.matches("(?s).*(^|,)\"?=HYPERLINK.*"), csv);
        HttpResponse<byte[]> x = admin.getBytes("/admin/audit/export?format=xlsx&account=" + WebFixture.enc(HOSTILE));
        assertEquals(200, x.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            List<String> cells = new ArrayList<>();
            for (Row r : book.getSheetAt(0)) {
                for (Cell c : r) {
                    assertFalse(c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA, "不得有公式单元格");
                    cells.add(c.toString());
                }
            }
            assertTrue(cells.contains("'" + HOSTILE) && cells.contains("'@SUM(1+1)"), cells.toString());
        }
        assertTrue(Exports.csv(List.of("a"), List.of(List.of("-3"), List.of("=1+1"))).length > 0);
        String plain = new String(Exports.csv(List.of("a"), List.of(List.of("-3"), List.of("=1+1"))), StandardCharsets.UTF_8);
        assertTrue(plain.contains("\n-3") && plain.contains("'=1+1"), "负数照写、公式加引号：" + plain);
    }

    @Test
    void anOperatorRetiresARunWithAReasonOthersCannot() {
        Period p = Period.parse("2021-12");
        long extra = new AssessPeriod(f.db).assessAndSave(p, p.defaultCutoff(), TestSupport.rules()).runId();
        String path = "/runs/" + extra + "/retire";
        WebClient viewer = f.client(DashboardFixture.VIEWER);
        assertFalse(viewer.get("/runs/" + extra).body().contains(path), "查看账号不应看到作废表单");
        assertEquals(403, viewer.postForm(path, Map.of("reason", "查看不能作废")).statusCode());
        WebClient operator = f.client(DashboardFixture.OPERATOR);
        assertTrue(operator.get("/runs/" + extra).body().contains("action=\"" + path + "\""), "经办应看到作废表单");
        HttpResponse<String> noToken = operator.post(path, Map.of("reason", "没有校验码"));
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("校验码"));
        assertEquals(400, operator.postForm(path, Map.of("reason", "  ")).statusCode());
        assertEquals(Long.valueOf(extra), new cn.gov.assess.run.RunStore(f.db).latestRunId(), "被拒的请求没有作废它");
        HttpResponse<String> ok = operator.postForm(path, Map.of("reason", "测试：数据未导入完整"));
        assertEquals(302, ok.statusCode());
        assertEquals(f.latest(), new cn.gov.assess.run.RunStore(f.db).latestRunId(), "作废后默认运行回到原来的");
        String page = operator.get("/runs/" + extra).body();
        assertTrue(page.contains("已于") && page.contains("由 " + DashboardFixture.OPERATOR + " 作废：测试：数据未导入完整"), page);
        assertFalse(page.contains("action=\"" + path + "\""));
        assertEquals(400, operator.postForm(path, Map.of("reason", "再作废一次")).statusCode());
        String audit = f.client(DashboardFixture.ADMIN).get("/admin/audit?account=" + WebFixture.enc(DashboardFixture.OPERATOR)).body();
        assertTrue(audit.contains("作废运行") && audit.contains("运行 #" + extra), audit);
    }

    @Test
    void downloadLinksAreLabelledInChinese() {
        String page = f.client(DashboardFixture.VIEWER).get("/runs/" + f.latest()).body();
        assertTrue(page.contains(">通报（Word 文档）</a>") && page.contains(">附件1（CSV 表格）</a>"), page);
        assertFalse(page.contains(">annex-1.csv<") || page.contains(">sections.md<") || page.contains(">通报.md<"));
        assertTrue(page.contains("href=\"/runs/" + f.latest() + "/files/annex-1.csv\""), "网址与文件名不变");
    }

    /** 所有错误页：中文，不是 Jetty 或 Javalin 的英文页，不带请求里的内容与内部细节。 */
    static void assertChinese(int status, String response, String what) {
        // 套接字读到的整个响应：只看正文（状态行的英文短语是 HTTP 协议的一部分，浏览器不显示）
        String body = response.startsWith("HTTP/") ? response.substring(response.indexOf("\r\n\r\n") + 4) : response;
        assertTrue(body.contains("出错了") || body.contains("没有找到") || body.contains("无权"), what + "：" + body);
        assertTrue(body.contains("回到首页"), what + "：" + body);
        assertFalse(body.matches("(?s).*(Bad Message|URI Too Long|Request Header Fields Too Large|Powered by|Jetty|Method Not Allowed"
                + "|Not Found|Exception|secret-detail|Content Too Large|Server Error).*"), what + "：" + body);
    }

    @Test
    void everyHttpErrorHasAChinesePage() throws Exception {
        WebClient c = f.client(DashboardFixture.VIEWER);
        HttpResponse<String> notFound = c.get("/no-such-page");
        assertEquals(404, notFound.statusCode());
        assertChinese(404, notFound.body(), "404");
        HttpResponse<String> boom = c.get("/test/boom");
        assertEquals(500, boom.statusCode());
        assertChinese(500, boom.body(), "500");
        HttpResponse<String> put = c.send(HttpRequest.newBuilder(URI.create(f.base + "/runs")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, put.statusCode());
        assertChinese(405, put.body(), "405");
        HttpResponse<String> large = c.post("/runs/" + f.latest() + "/retire", Map.of("_csrf", "x", "reason", "长".repeat(200_000)));
        assertEquals(413, large.statusCode());
        assertChinese(413, large.body(), "413");
        String longUri = "/runs?x=" + "a".repeat(20_000);
        String uri = raw("GET " + longUri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(uri.startsWith("HTTP/1.1 414"), uri);
        assertChinese(414, uri, "414");
        String headers = raw("GET /runs HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: x=" + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(headers.startsWith("HTTP/1.1 431"), headers);
        assertChinese(431, headers, "431");
        String bad = raw("GET /runs HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\nConnection: close\r\n\r\n");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertChinese(400, bad, "400");
    }

    /** 直接经套接字发一个请求（HttpClient 不许发坏的请求），返回整个响应（UTF-8）。 */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
