package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 导入、开始考核、任务页的拒绝与检查（HTTP）：查看与单位账号直接访问或提交一律 403 且什么也没改；没有 CSRF 校验码的提交被拒；
 * 没有工单的考核期不勾“仍保存空运行”就不开始；上传的临时文件在任务结束后删除。
 */
class ImportRunAccessTest {
    static OperateFixture f;
    static String jobPath;

    @BeforeAll
    static void start() throws Exception {
        f = new OperateFixture(false);
        // 经办先做一个任务（导入 12345 热线），供下面的 403 检查用它的任务页
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        HttpResponse<String> r = op.upload("/import", Map.of("_csrf", op.csrf("/import")), List.of(f.goodHotline()));
        assertEquals(303, r.statusCode(), r.body());
        jobPath = r.headers().firstValue("Location").orElseThrow();
        String json = op.awaitJob(jobPath, 120);
        assertTrue(json.contains("\"state\":\"完成\""), json);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void viewerAndUnitAccountsGet403EverywhereAndChangeNothing() throws IOException {
        for (String who : List.of(OperateFixture.VIEWER, OperateFixture.UNIT_USER)) {
            OperateFixture.Client c = f.new Client().login(who);
            String before = f.counts();
            for (String page : List.of("/import", "/assess", jobPath, jobPath + ".json")) {
                HttpResponse<String> r = c.get(page);
                assertEquals(403, r.statusCode(), who + " GET " + page);
                assertFalse(r.body().contains(OperateFixture.HOTLINE), "403 页面不应透露任务内容");
            }
            String token = c.csrf("/runs");
            assertEquals(403, c.upload("/import", Map.of("_csrf", token), List.of(f.goodHotline())).statusCode(), who + " POST /import");
            assertEquals(403, c.post("/assess", Map.of("_csrf", token, "period", "2021-Q4", "allowEmpty", "on")).statusCode(),
                    who + " POST /assess");
            assertEquals(before, f.counts(), who + " 的提交不应改变数据库");
        }
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws IOException {
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        String before = f.counts();
        HttpResponse<String> up = op.upload("/import", Map.of(), List.of(f.goodHotline()));
        assertEquals(403, up.statusCode());
        assertTrue(up.body().contains("校验码"), up.body());
        assertEquals(403, op.post("/assess", Map.of("period", "2021-Q4")).statusCode());
        assertEquals(403, op.post("/assess", Map.of("_csrf", "wrong", "period", "2021-Q4")).statusCode());
        assertEquals(before, f.counts());
    }

    @Test
    void anEmptyPeriodIsRefusedUnlessTheBoxIsTicked() throws Exception {
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        String before = f.counts();
        HttpResponse<String> refused = op.post("/assess", Map.of("_csrf", op.csrf("/assess"), "period", "2030年一季度"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("不保存空运行") && refused.body().contains("仍保存空运行"), refused.body());
        assertTrue(refused.body().contains("2030-01-01 至 2030-03-31"), refused.body());
        assertEquals(before, f.counts(), "拒绝空运行时不应改变数据库");

        HttpResponse<String> bad = op.post("/assess", Map.of("_csrf", op.csrf("/assess"), "period", "2021-Q5"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("2021-Q5"), bad.body());

        HttpResponse<String> ticked = op.post("/assess", Map.of("_csrf", op.csrf("/assess"), "period", "2030-Q1", "allowEmpty", "on"));
        assertEquals(303, ticked.statusCode(), ticked.body());
        String job = ticked.headers().firstValue("Location").orElseThrow();
        String json = op.awaitJob(job, 120);
        assertTrue(json.contains("\"state\":\"完成\""), json);
        String page = op.get(job).body();
        assertTrue(page.contains("空运行"), page);
        Matcher run = Pattern.compile("href=\"/runs/(\\d+)\"").matcher(page);
        assertTrue(run.find(), page);
        assertTrue(op.get("/runs").body().contains("运行 #" + run.group(1)));
    }

    @Test
    void anUploadThatIsNotATableIsRefusedAndItsTemporaryFolderIsGone() throws Exception {
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        Set<String> before = uploadDirs();
        Path exe = Files.writeString(f.dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);
        HttpResponse<String> r = op.upload("/import", Map.of("_csrf", op.csrf("/import")), List.of(exe));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("notes.txt") && r.body().contains(".csv"), r.body());
        assertEquals(before, uploadDirs(), "拒绝的上传不应留下临时目录");
        HttpResponse<String> notMultipart = op.post("/import", Map.of("_csrf", op.csrf("/import")));
        assertEquals(400, notMultipart.statusCode(), notMultipart.body());

        // 导入结束后（这里文件已导入过，新增 0 行）临时目录也删除了
        HttpResponse<String> again = op.upload("/import", Map.of("_csrf", op.csrf("/import")), List.of(f.goodHotline()));
        String json = op.awaitJob(again.headers().firstValue("Location").orElseThrow(), 120);
        assertTrue(json.contains("\"state\":\"完成\""), json);
        assertEquals(before, uploadDirs(), "导入结束后不应留下上传的文件");
        String page = op.get(again.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains(OperateFixture.HOTLINE) && !page.contains("assess-upload-"), "结果只显示原文件名");
    }

    @Test
    void jobsAreInTheAuditLogAndImportRecordsKeepTheOriginalName() {
        List<String> actions = new AuditLog(f.db).recent(0, 100, OperateFixture.OPERATOR).stream()
                .map(e -> e.action() + "：" + e.detail()).toList();
        String id = jobPath.substring("/jobs/".length());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("开始导入") && a.contains(id)), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("导入完成") && a.contains(id)), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("上传文件") && a.contains(OperateFixture.HOTLINE)), actions.toString());
        assertTrue(cn.gov.assess.TestSupport.scalar(f.db, "select count(*) from import_batch where file_name = '"
                + ImportRunController.UPLOADED + OperateFixture.HOTLINE + "'") >= 1);
        assertEquals(0, cn.gov.assess.TestSupport.scalar(f.db, "select count(*) from import_batch where file_name like '%assess-upload-%'"));
    }

    @Test
    void anExcelUploadIsReadAndItsBadCellIsTabled() throws Exception {
        OperateFixture.Client op = f.new Client().login(OperateFixture.OPERATOR);
        Path xlsx = f.dir.resolve("12345市民热线-网页.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("工单明细");
            String[][] rows = {{"工单编号", "受理时间", "办理单位", "办理时限", "办结时间"},
                    {"XL0001", "2021-10-08 09:00", "法门镇", "2021-10-13 18:00", "2021-10-10 10:00"},
                    {"XL0002", "十月九日", "法门镇", "2021-10-14 18:00", ""}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            try (java.io.OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        String before = f.counts();
        HttpResponse<String> r = op.upload("/import", Map.of("_csrf", op.csrf("/import")), List.of(xlsx));
        String job = r.headers().firstValue("Location").orElseThrow();
        String json = op.awaitJob(job, 120);
        assertTrue(json.contains("\"state\":\"失败\""), json);
        String page = op.get(job).body();
        assertTrue(page.contains("<td class=\"num\">3</td>") && page.contains("受理时间（B 列）") && page.contains("<td>十月九日</td>"), page);
        assertEquals(before, f.counts());
    }

    private static Set<String> uploadDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("assess-upload-")).collect(Collectors.toSet());
        }
    }
}
