package cn.gov.assess.web;

import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 通报的网页（HTTP）：经办起草、开放核对、结束核对，审核签发；每一种拒绝（没有校验码、角色不对、已签发再改）都是 403 或中文说明，
 * 且什么也没改；单位账号只看核对中与已签发的通报所用的运行，工作运行 403；签发后下载的 通报.md 印着文号；运行页写明地位；
 * 更正页列出要重新考核的考核期。用一套新库（{@link CorrectionFixture}），不动共用的 WebFixture。
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoticeWebTest {
    static final String REVIEWER = "审核己";
    static final String OTHER_UNIT = "人社局账号";
    static CorrectionFixture f;
    static long notice;

    @BeforeAll
    static void start() {
        f = new CorrectionFixture();
        Accounts a = new Accounts(f.db);
        a.add(REVIEWER, Role.审核, null, CorrectionFixture.PASSWORD.toCharArray());
        a.add(OTHER_UNIT, Role.单位, "县人社局", CorrectionFixture.PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static long count() {
        return f.scalar("select count(*) from notice") * 1000 + f.scalar("select count(*) from notice_event");
    }

    @Test
    @Order(1)
    void draftingIsRefusedWithoutTokenAndForOtherRolesThenTheOperatorDraftsAndOpens() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        assertEquals(403, op.post("/notices", Map.of("run", String.valueOf(f.run1))).statusCode(), "没有校验码");
        for (String who : new String[]{CorrectionFixture.VIEWER, CorrectionFixture.UNIT_USER, REVIEWER}) {
            CorrectionFixture.Client c = f.login(who);
            HttpResponse<String> r = c.postForm("/notices", Map.of("run", String.valueOf(f.run1)));
            assertEquals(403, r.statusCode(), who);
            assertTrue(r.body().contains("无权"), r.body());
        }
        assertEquals(0, count(), "被拒的请求什么也没存");

        HttpResponse<String> d = op.postForm("/notices", Map.of("run", String.valueOf(f.run1)));
        assertEquals(303, d.statusCode(), d.body());
        String at = d.headers().firstValue("Location").orElseThrow();
        notice = Long.parseLong(at.replaceAll("\\D", ""));
        assertTrue(op.get(at).body().contains("2021-Q4 通报 #" + notice + "：草稿"));
        HttpResponse<String> again = op.postForm("/notices", Map.of("run", String.valueOf(f.run1)));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("一期只有一份通报"), again.body());

        // 草稿：单位看不到通报，也看不到它的运行
        CorrectionFixture.Client unit = f.login(CorrectionFixture.UNIT_USER);
        assertEquals(403, unit.get(at).statusCode());
        assertEquals(403, unit.get("/runs/" + f.run1 + "/units/" + f.unitId("县住建局")).statusCode());
        assertFalse(unit.get("/runs").body().contains("运行 #" + f.run1));

        String until = LocalDate.now().plusDays(7).toString();
        assertEquals(403, op.post(at + "/open", Map.of("until", until)).statusCode(), "没有校验码");
        assertEquals(403, f.login(CorrectionFixture.VIEWER).postForm(at + "/open", Map.of("until", until)).statusCode());
        HttpResponse<String> past = op.postForm(at + "/open", Map.of("until", "2022-01-10"));
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("早于今天"), past.body());
        assertEquals(303, op.postForm(at + "/open", Map.of("until", until)).statusCode());
        String page = op.get(at).body();
        assertTrue(page.contains("本期通报核对中，截至 " + until), page);
        assertTrue(page.contains("开放核对") && page.contains(CorrectionFixture.OPERATOR), "每一步都列出");
        // 首页待办：经办看到核对中的通报；审核、查看、单位没有要做的
        String waiting = "2021-Q4 通报 #" + notice + "核对中，截至 " + until;
        assertTrue(op.get("/").body().contains(waiting), "经办的待办列出核对中的通报");
        for (String who : new String[]{REVIEWER, CorrectionFixture.VIEWER, CorrectionFixture.UNIT_USER}) {
            assertFalse(f.login(who).get("/").body().contains("通报 #" + notice + "核对中"), who);
        }
    }

    @Test
    @Order(2)
    void whileCheckingTheUnitSeesItsOwnFiguresAndNothingElse() {
        CorrectionFixture.Client unit = f.login(CorrectionFixture.UNIT_USER);
        String home = unit.get("/runs").body();
        assertTrue(home.contains("2021-Q4 本期通报核对中，截至 " + LocalDate.now().plusDays(7)), home);
        HttpResponse<String> own = unit.get("/runs/" + f.run1 + "/units/" + f.unitId("县住建局"));
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("所用的运行，尚未签发"), "单位页写明运行的地位");
        assertEquals(403, unit.get("/runs/" + f.run1 + "/units/" + f.unitId("县人社局")).statusCode());
        HttpResponse<String> n = unit.get("/notices/" + notice);
        assertEquals(200, n.statusCode());
        assertFalse(n.body().contains("notice-events"), "单位看不到每一步");
        assertFalse(n.body().contains("sign-form") || n.body().contains("close-form"));
        assertEquals(403, unit.postForm("/notices/" + notice + "/close", Map.of()).statusCode());
    }

    @Test
    @Order(3)
    void onlyAReviewerWhoDidNotPrepareItSignsAndThenNothingChanges() {
        CorrectionFixture.Client op = f.login(CorrectionFixture.OPERATOR);
        String at = "/notices/" + notice;
        CorrectionFixture.Client reviewer = f.login(REVIEWER);
        HttpResponse<String> early = reviewer.postForm(at + "/sign", Map.of("number", "扶政办函〔2022〕2号"));
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("请先结束核对"), early.body());
        assertEquals(303, op.postForm(at + "/close", Map.of()).statusCode());
        // 首页待办：审核（不是起草人）看到待签发；经办、查看没有
        String toSign = "2021-Q4 通报 #" + notice + "待签发（" + CorrectionFixture.OPERATOR + " 起草）";
        String reviewerHome = reviewer.get("/").body();
        assertTrue(reviewerHome.contains(toSign) && reviewerHome.contains("/notices/" + notice), reviewerHome);
        assertFalse(op.get("/").body().contains(toSign), "起草的经办不能签发");
        assertFalse(f.login(CorrectionFixture.VIEWER).get("/").body().contains(toSign));
        HttpResponse<String> byPreparer = op.postForm(at + "/sign", Map.of("number", "扶政办函〔2022〕2号"));
        assertEquals(403, byPreparer.statusCode(), "经办不能签发");
        assertEquals(403, reviewer.post(at + "/sign", Map.of("number", "扶政办函〔2022〕2号")).statusCode(), "没有校验码");
        long before = count();
        assertEquals(before, count());
        assertEquals(303, reviewer.postForm(at + "/sign", Map.of("number", "扶政办函〔2022〕2号", "date", "2022-01-14")).statusCode());
        String page = reviewer.get(at).body();
        assertTrue(page.contains("已签发：文号 扶政办函〔2022〕2号，成文日期 2022-01-14，" + REVIEWER), page);
        assertFalse(page.contains("sign-form"));
        assertFalse(reviewer.get("/").body().contains(toSign), "签发后不再待办");

        long signed = count();
        for (String step : new String[]{"open", "close", "replace", "retire"}) {
            HttpResponse<String> r = op.postForm(at + "/" + step, Map.of("until", LocalDate.now().plusDays(9).toString(),
                    "run", String.valueOf(f.run1), "reason", "重来"));
            assertEquals(400, r.statusCode(), step);
            assertTrue(r.body().contains("已签发") && r.body().contains("不能再修改") || r.body().contains("用的已经是运行"), step + r.body());
        }
        HttpResponse<String> resign = reviewer.postForm(at + "/sign", Map.of("number", "扶政办函〔2022〕3号"));
        assertEquals(400, resign.statusCode());
        assertEquals(signed, count(), "已签发的通报不变");
        assertEquals("扶政办函〔2022〕2号", new cn.gov.assess.issuance.Notices(f.db).get(notice).orElseThrow().getDocNumber());
    }

    @Test
    @Order(4)
    void theUnitDownloadsTheSignedNoticeButNeverSeesAWorkingRun() {
        CorrectionFixture.Client unit = f.login(CorrectionFixture.UNIT_USER);
        assertTrue(unit.get("/runs").body().contains("2021-Q4 通报已签发（扶政办函〔2022〕2号，2022-01-14）"));
        HttpResponse<byte[]> docx = unit.getBytes("/notices/" + notice + "/files/" + WebFixture.enc("通报.docx"));
        assertEquals(200, docx.statusCode());
        assertEquals('P', docx.body()[0]);
        String md = new String(unit.getBytes("/notices/" + notice + "/files/" + WebFixture.enc("通报.md")).body(), StandardCharsets.UTF_8);
        assertTrue(md.contains("扶政办函〔2022〕2号"), md);

        Period q = Period.parse("2021-Q4");
        long working = new AssessPeriod(f.db).assessAndSave(q, q.defaultCutoff(), f.rules).runId();
        assertEquals(403, unit.get("/runs/" + working + "/units/" + f.unitId("县住建局")).statusCode(), "工作运行");
        assertFalse(unit.get("/runs").body().contains("运行 #" + working));
        assertEquals(200, unit.get("/runs/" + f.run1 + "/units/" + f.unitId("县住建局")).statusCode(), "已签发的运行");

        CorrectionFixture.Client viewer = f.login(CorrectionFixture.VIEWER);
        assertTrue(viewer.get("/runs/" + working).body().contains("运行 #" + working + " 是工作运行，不是正式结果：2021-Q4 的正式结果是运行 #"
                + f.run1));
        assertTrue(viewer.get("/runs/" + f.run1).body().contains("运行 #" + f.run1 + " 是 2021-Q4 的正式结果"));
        String runs = viewer.get("/runs").body();
        assertTrue(runs.contains("本期正式结果（已签发 扶政办函〔2022〕2号）"), runs);
        // 更正页：列出要重新考核的考核期，通报已签发的在前
        String corr = f.login(CorrectionFixture.OPERATOR).get("/corrections?no=" + CorrectionFixture.OVERDUE_ORDER).body();
        assertTrue(corr.contains("重新考核 2021-Q4") && corr.contains("通报 #" + notice + " 已签发"), corr);
    }
}
