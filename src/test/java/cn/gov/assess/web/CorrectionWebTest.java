package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.assess.web.CorrectionFixture.HOTLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 网页上的更正（HTTP）：查看、单位账号直接提交到每个更正端点都是 403 且什么也没存；错误的单位、日期、缺原因用中文说明
 * 且什么也没存；提出人不能由表单冒充；工单历史给经办更正与撤回的链接。并发：一个会话导入数据时另一个会话反复读单位页
 * （全部 200、内容一致、导入成功）；两个会话同时登记同一转办的更正（都登记上、编号不同、后一条的原值是前一条的新值）。
 */
class CorrectionWebTest {
    static CorrectionFixture f;

    @BeforeAll
    static void start() {
        f = new CorrectionFixture();
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    static Map<String, String> correction(CorrectionFixture.Client c, String orderNo, String unit, String field, String value,
                                          String reason) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", c.csrf("/corrections"));
        form.put("channel", HOTLINE);
        form.put("no", orderNo);
        form.put("unit", unit);
        form.put("field", field);
        form.put("value", value);
        form.put("reason", reason);
        return form;
    }

    static long corrections() {
        return f.scalar("select count(*) from correction");
    }

    static long runs() {
        return f.scalar("select count(*) from assessment_run");
    }

    static long registered(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), r.body());
        Matcher m = Pattern.compile("&done=(\\d+)$").matcher(r.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), r.headers().toString());
        return Long.parseLong(m.group(1));
    }

    @Test
    void viewerAndUnitAccountsAreRefusedEveryCorrectionEndpointAndNothingIsStored() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        long id = registered(op.post("/corrections", correction(op, "RX202110010001", "县商信局", "办结时间", "2021-10-03 12:00",
                "回访核实")));
        for (String who : new String[]{CorrectionFixture.VIEWER, CorrectionFixture.UNIT_USER}) {
            CorrectionFixture.Client c = f.login(who);
            long before = corrections();
            long runsBefore = runs();
            long auditBefore = f.scalar("select count(*) from audit_log");
            assertEquals(403, c.get("/corrections").statusCode(), who);
            String token = c.csrf("/orders");
            Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", token, "channel", HOTLINE, "no", "RX202110010001",
                    "unit", "县商信局", "field", "办结时间", "value", "2021-10-04", "reason", "越权"));
            HttpResponse<String> r = c.post("/corrections", form);
            assertEquals(403, r.statusCode(), who);
            assertTrue(r.body().contains("无权"), r.body());
            assertEquals(403, c.post("/corrections/" + id + "/withdraw", Map.of("_csrf", token, "reason", "越权")).statusCode(), who);
            assertEquals(403, c.post("/corrections/rerun", Map.of("_csrf", token, "run", String.valueOf(f.run1))).statusCode(), who);
            assertEquals(before, corrections(), who + "：不应存下更正或撤回");
            assertEquals(runsBefore, runs(), who + "：不应开始考核");
            assertEquals(auditBefore, f.scalar("select count(*) from audit_log"), who);
            // 工单历史上也没有更正的入口
            assertFalse(c.get("/orders?no=RX202110010001").body().contains("登记更正"), who);
        }
        // 没有 CSRF 校验码的提交（经办也一样）被拒绝
        assertEquals(403, op.post("/corrections/" + id + "/withdraw", Map.of("reason", "无校验码")).statusCode());
        assertEquals(0, f.scalar("select count(*) from correction where withdraws_id = " + id));
    }

    @Test
    void badUnitBadDateAndMissingReasonAreExplainedInChineseAndNothingIsStored() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        long before = corrections();
        HttpResponse<String> r = op.post("/corrections", correction(op, "RX202110010001", "县商信局", "办理单位", "县不存在局", "派错"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("新值：未知单位“县不存在局”，最接近的已知单位是"), r.body());
        Map<String, String> form = correction(op, "RX202110010001", "县商信局", "办理时限", "下周", "延期");
        long assignment = f.assignmentId("RX202110010001", "县商信局");
        form.put("assignment", String.valueOf(assignment));
        r = op.post("/corrections", form);
        assertEquals(400, r.statusCode());
        int at = r.body().indexOf("新值：无法识别的日期“下周”");
        assertTrue(at > r.body().indexOf("id=\"a" + assignment + "\""), "错误写在这次转办的表单旁：" + r.body());
        assertTrue(r.body().contains("value=\"下周\""), "填过的值留在表单里");
        r = op.post("/corrections", correction(op, "RX202110010001", "县商信局", "办理时限", "2021-10-20", ""));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("原因：原因为空"), r.body());
        r = op.post("/corrections", correction(op, "RX202110010001", "县商信局", "办理时限", "2021-09-01", "早于受理"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("早于受理时间 2021-10-01 09:20:04"), r.body());
        r = op.post("/corrections", correction(op, "RX202110010001", "县水利局", "办理时限", "2021-10-20", "单位不对"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("没有派给“县水利局”，现在派给：县商信局"), r.body());
        r = op.post("/corrections", correction(op, "RX-NONE", "县商信局", "办理时限", "2021-10-20", "没有这件"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("渠道 12345市民热线 中没有工单“RX-NONE”"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals(before, corrections());
        // 撤回不写原因
        long id = registered(op.post("/corrections", correction(op, "RX202110010002", currentUnit("RX202110010002"), "办理时限",
                "2021-10-30", "批准延期")));
        r = op.post("/corrections/" + id + "/withdraw", Map.of("_csrf", op.csrf("/corrections"), "reason", "  "));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("撤回更正须写明原因"), r.body());
        assertEquals(0, f.scalar("select count(*) from correction where withdraws_id = " + id));
        // 撤回两次：第二次说明已撤回过
        assertEquals(302, op.post("/corrections/" + id + "/withdraw", Map.of("_csrf", op.csrf("/corrections"), "reason", "批错了")).statusCode());
        r = op.post("/corrections/" + id + "/withdraw", Map.of("_csrf", op.csrf("/corrections"), "reason", "再撤"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("更正 #" + id + " 已经撤回过"), r.body());
        assertEquals(1, f.scalar("select count(*) from correction where withdraws_id = " + id));
    }

    static String currentUnit(String orderNo) {
        long unitId = f.scalar("select a.unit_id from assignment a join work_order o on o.id = a.order_id where o.order_no = '"
                + orderNo + "'");
        return f.db.inTransaction(s -> s.find(cn.gov.assess.unit.Unit.class, unitId).getName());
    }

    @Test
    void theRequesterIsTheLoggedInAccountWhateverTheFormSays() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR2);
        Map<String, String> form = correction(op, "RX202110010003", currentUnit("RX202110010003"), "办理时限", "2021-11-30", "延期");
        form.put("by", "冒充者");
        form.put("requestedBy", "冒充者");
        form.put("提出人", "冒充者");
        long id = registered(op.post("/corrections", form));
        assertEquals(CorrectionFixture.OPERATOR2, requester(id));
        assertEquals(302, op.post("/corrections/" + id + "/withdraw", Map.of("_csrf", op.csrf("/corrections"), "reason", "不用延期",
                "by", "冒充者")).statusCode());
        long w = f.scalar("select id from correction where withdraws_id = " + id);
        assertEquals(CorrectionFixture.OPERATOR2, requester(w));
        // 操作记录里是这个账号
        assertEquals(2, f.scalar("select count(*) from audit_log where account = '" + CorrectionFixture.OPERATOR2
                + "' and action in ('登记更正', '撤回更正') and detail like '%#" + id + "%'"));
    }

    static String requester(long id) {
        return f.db.inTransaction(s -> s.createSelectionQuery("select c.requestedBy from Correction c where c.id = :id", String.class)
                .setParameter("id", id).getSingleResult());
    }

    @Test
    void orderHistoryShowsWithdrawnCorrectionsAndGivesOperatorsTheLinks() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        String no = "RX202110010004";
        String unit = currentUnit(no);
        long kept = registered(op.post("/corrections", correction(op, no, unit, "办理时限", "2021-12-01", "批准延期")));
        long dropped = registered(op.post("/corrections", correction(op, no, unit, "办结时间", "", "回访未办结")));
        assertEquals(302, op.post("/corrections/" + dropped + "/withdraw", Map.of("_csrf", op.csrf("/corrections"),
                "reason", "回访记录有误")).statusCode());
        String page = op.get("/orders?no=" + no).body();
        assertTrue(page.contains("更正 #" + dropped + "：") && page.contains("【已撤回】"), page);
        assertTrue(page.contains("撤回更正 #" + dropped + "（回访记录有误，" + CorrectionFixture.OPERATOR), page);
        assertTrue(page.contains("原因：批准延期"), page);
        assertTrue(page.contains("href=\"/corrections?no=" + no + "&amp;channel=" + CorrectionFixture.enc(HOTLINE) + "\""), page);
        assertTrue(page.contains("#c" + kept + "\">撤回更正 #" + kept + "</a>"), page);
        assertFalse(page.contains(">撤回更正 #" + dropped + "</a>"), "已撤回的不再给撤回链接");
        // 更正页：当前值与表单
        String corr = op.get("/corrections?no=" + no + "&channel=" + CorrectionFixture.enc(HOTLINE)).body();
        assertTrue(corr.contains("2021-12-01 23:59:59"), corr);
        assertTrue(corr.contains("id=\"w" + kept + "\""), corr);
        assertFalse(corr.contains("id=\"w" + dropped + "\""), corr);
        assertTrue(corr.contains("重新考核 2021-Q4"), corr);
    }

    @Test
    void unitAccountSeesItsOwnOrderHistoryWithoutCorrectionLinks() {
        CorrectionFixture.Client u = f.login(CorrectionFixture.UNIT_USER);
        HttpResponse<String> r = u.get("/orders?no=" + CorrectionFixture.OVERDUE_ORDER);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("原始：派给 县住建局"), r.body());
        assertFalse(r.body().contains("/corrections"), r.body());
        assertEquals(403, u.get("/orders?no=RX202110010001").statusCode(), "别的单位的工单");
    }

    /** main 元素的内容（页头里有每个会话不同的 CSRF 校验码）。 */
    static String main(String html) {
        int a = html.indexOf("<main>");
        int b = html.indexOf("</main>");
        return a < 0 || b < 0 ? html : html.substring(a, b);
    }

    @Test
    void oneSessionImportsWhileAnotherKeepsReadingUnitPages() throws Exception {
        int rows = 6_000;
        Path dir = Files.createTempDirectory(f.dir, "import");
        List<String> units = List.of("县住建局", "县人社局", "县商信局", "县水利局", "城关街道办", "法门镇");
        StringBuilder csv = new StringBuilder("渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n");
        for (int i = 0; i < rows; i++) {
            int day = 1 + i % 28;
            csv.append(HOTLINE).append(",CONC").append(String.format("%06d", i)).append(",2021-11-").append(String.format("%02d", day))
                    .append(" 09:00:00,").append(units.get(i % units.size())).append(",2021-12-").append(String.format("%02d", day))
                    .append(" 18:00:00,2021-11-").append(String.format("%02d", day)).append(" 17:00:00\n");
        }
        Path file = dir.resolve("并发导入.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        long ordersBefore = f.scalar("select count(*) from work_order");

        // 读者：查看账号，轮流打开各单位的页面与一件工单的历史（每次都查库）
        List<String> pages = new ArrayList<>();
        for (String u : List.of("县住建局", "县人社局", "县商信局", "县水利局", "城关街道办", "法门镇", "县教体局", "县医保局")) {
            pages.add("/runs/" + f.run1 + "/units/" + f.unitId(u));
        }
        pages.add("/orders?no=RX202110010005");
        CorrectionFixture.Client reader = f.login(CorrectionFixture.VIEWER);
        Map<String, String> first = new HashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean importing = new AtomicBoolean(true);
        int[] during = {0};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch readerStarted = new CountDownLatch(1);
            Future<Integer> reads = pool.submit(() -> {
                int n = 0;
                while (importing.get() || n < pages.size()) {
                    String path = pages.get(n % pages.size());
                    boolean whileImporting = importing.get();
                    HttpResponse<String> r = reader.get(path);
                    readerStarted.countDown();
                    n++;
                    if (whileImporting) {
                        during[0]++;
                    }
                    if (r.statusCode() != 200) {
                        problems.add(path + "：" + r.statusCode());
                        continue;
                    }
                    String body = main(r.body());
                    String seen = first.putIfAbsent(path, body);
                    if (seen != null && !seen.equals(body)) {
                        problems.add(path + "：内容与第一次读到的不同");
                    }
                }
                return n;
            });
            readerStarted.await(60, TimeUnit.SECONDS);
            Future<List<Importer.FileResult>> imported = pool.submit(() -> {
                try {
                    return new Importer(f.db, f.rules).importPaths(List.of(file));
                } finally {
                    importing.set(false);
                }
            });
            List<Importer.FileResult> result = imported.get(120, TimeUnit.SECONDS);
            int total = reads.get(120, TimeUnit.SECONDS);
            assertEquals(rows, result.stream().mapToInt(Importer.FileResult::rowsAdded).sum(), result.toString());
            assertEquals(ordersBefore + rows, f.scalar("select count(*) from work_order"));
            assertTrue(problems.isEmpty(), problems.toString());
            assertTrue(during[0] >= 3, "导入期间只读了 " + during[0] + " 次（共 " + total + " 次）");
            System.out.println("导入 " + rows + " 行期间读单位页 " + during[0] + " 次，全部 200 且内容一致");
        } finally {
            pool.shutdownNow();
        }
        // 导入完成后内容仍与导入期间读到的相同（运行一经保存不变）
        for (String path : pages) {
            assertEquals(first.get(path), main(reader.get(path).body()), path);
        }
    }

    @Test
    void twoSessionsCorrectingTheSameAssignmentAtOnceBothLandInOrder() throws Exception {
        CorrectionFixture.Client a = f.login(CorrectionFixture.OPERATOR);
        CorrectionFixture.Client b = f.login(CorrectionFixture.OPERATOR2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String no : List.of("RX202110010006", "RX202110010007", "RX202110010008")) {
                String unit = currentUnit(no);
                Map<String, String> fa = correction(a, no, unit, "办理时限", "2021-12-20", "甲批准延期");
                Map<String, String> fb = correction(b, no, unit, "办理时限", "2021-12-25", "乙批准延期");
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> ra = pool.submit(() -> {
                    go.await();
                    return a.post("/corrections", fa);
                });
                Future<HttpResponse<String>> rb = pool.submit(() -> {
                    go.await();
                    return b.post("/corrections", fb);
                });
                go.countDown();
                long ia = registered(ra.get(60, TimeUnit.SECONDS));
                long ib = registered(rb.get(60, TimeUnit.SECONDS));
                assertTrue(ia != ib, no + "：两条更正编号相同");
                List<cn.gov.assess.correction.Correction> both = f.db.inTransaction(s -> s.createSelectionQuery(
                        "from Correction c where c.orderNo = :n order by c.id", cn.gov.assess.correction.Correction.class)
                        .setParameter("n", no).getResultList());
                assertEquals(2, both.size(), no);
                // 后登记的一条看到了先登记的一条：它的原值是前一条的新值
                assertEquals(both.get(0).getNewValue(), both.get(1).getOldValue(), no);
                assertEquals(java.util.Set.of(CorrectionFixture.OPERATOR, CorrectionFixture.OPERATOR2),
                        java.util.Set.of(both.get(0).getRequestedBy(), both.get(1).getRequestedBy()), no);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double serverMs(HttpResponse<String> r) {
        String t = r.headers().firstValue("Server-Timing").orElse("app;dur=-1");
        return Double.parseDouble(t.substring(t.indexOf("dur=") + 4));
    }

    /** 登记与重新考核的服务器用时（Server-Timing），记入 BENCHMARKS.md；重新考核后跳到比较页，比较页写明更正。 */
    @Test
    void registerAndRerunOverHttpWithTimings() throws InterruptedException {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        List<Double> register = new ArrayList<>();
        long last = 0;
        for (int i = 1; i <= 10; i++) {
            String no = String.format("RX20211002%04d", i);
            HttpResponse<String> r = op.post("/corrections", correction(op, no, currentUnit(no), "办理时限", "2021-12-28", "延期"));
            last = registered(r);
            register.add(serverMs(r));
        }
        String page = op.get("/corrections?no=RX202110020010").body();
        Matcher m = Pattern.compile("name=\"run\" value=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), page);
        long base = Long.parseLong(m.group(1));
        long t0 = System.nanoTime();
        HttpResponse<String> rerun = op.post("/corrections/rerun", Map.of("_csrf", op.csrf("/corrections"), "run", String.valueOf(base)));
        // 重新考核是后台任务（与导入同一个工作线程）：请求立即转到任务页，任务完成后的下一步是两次运行的比较
        assertEquals(303, rerun.statusCode(), rerun.body());
        String jobPage = rerun.headers().firstValue("Location").orElse("");
        assertTrue(jobPage.matches("/jobs/[0-9a-f]{32}"), jobPage);
        String json = op.awaitJob(jobPage, 120);
        assertTrue(json.contains("\"state\":\"完成\""), "重新考核没有完成：" + op.get(jobPage).body());
        Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(json);
        assertTrue(next.find(), json);
        String location = next.group(1).replace("\\u0026", "&");
        double rerunMs = (System.nanoTime() - t0) / 1e6;
        assertTrue(location.matches("/diff\\?a=" + base + "&b=\\d+"), location);
        assertTrue(op.get(jobPage).body().contains("href=\"" + location.replace("&", "&amp;") + "\""), "任务页给出比较的链接");
        long newRun = Long.parseLong(location.substring(location.indexOf("&b=") + 3));
        assertEquals(1, f.scalar("select count(*) from assessment_run where id = " + newRun + " and rules_version_id is not null"),
                "新运行记下所用的规则版本");
        String diff = op.get(location).body();
        assertTrue(diff.contains("更正 #" + last + "："), diff);
        java.util.Collections.sort(register);
        System.out.printf("网页登记更正：中位数 %.1f ms，最长 %.1f ms（10 次）；重新考核 2021-Q4：提交请求 %.0f ms（服务器用时），"
                + "到比较页可打开 %.0f ms%n", register.get(5), register.get(9), serverMs(rerun), rerunMs);
    }
}
