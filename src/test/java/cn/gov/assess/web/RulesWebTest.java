package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.policy.RuleTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 规则管理的网页接口（自己的库与服务）：查看、单位、经办（以及不对口的规则管理、审核）直接提交每个写接口一律 403、什么都不变；
 * 起草人自己发布被拒并记入操作记录；类型不符的格（整数填“五”）指出行与列、草稿保存但不能发布；
 * 同一基础上的两份草稿先后发布：后一份被拒、说明谁在何时发布了哪一版，内容原样保留，改动不重叠时能在新版上重做。
 */
class RulesWebTest {
    static RulesFixture f;
    static RulesVersions versions;

    @BeforeAll
    static void start() {
        f = new RulesFixture(false);
        versions = f.server.home().versions();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** 把表格 path 中键为 key 的一行的 column 列改为 value，返回编辑表单的全部字段。 */
    static Map<String, String> editForm(long draft, String path, String firstCell, String column, String value) {
        RuleTable t = RuleTable.parse(versions.files(draft).get(path));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("path", path);
        form.put("rows", String.valueOf(t.rows().size()));
        form.put("sha", cn.gov.assess.policy.RuleSet.sha256(versions.files(draft).get(path)));
        form.put("action", "save");
        int col = t.header().indexOf(column);
        boolean found = false;
        for (int r = 0; r < t.rows().size(); r++) {
            RuleTable.Row row = t.rows().get(r);
            boolean hit = row.cell(0).equals(firstCell);
            found |= hit;
            for (int c = 0; c < t.header().size(); c++) {
                form.put("c" + r + "_" + c, hit && c == col ? value : row.cell(c));
            }
        }
        assertTrue(found, path + " 没有 " + firstCell);
        return form;
    }

    /** 服务器处理一个请求用的时间（Server-Timing），打印出来记入 BENCHMARKS.md。 */
    static HttpResponse<String> timed(String what, HttpResponse<String> r) {
        System.err.println("规则管理计时 " + what + " " + r.headers().firstValue("Server-Timing").orElse("?"));
        return r;
    }

    static long draftId(HttpResponse<String> created) {
        assertEquals(302, created.statusCode(), created.body());
        String loc = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.replaceAll("^/rules/drafts/(\\d+).*$", "$1"));
    }

    @Test
    void rolesThatMayNotWriteGet403AndNothingChanges() {
        RulesFixture.Client editor = f.client(RulesFixture.EDITOR);
        long d = draftId(editor.postForm("/rules/drafts", Map.of("note", "权限测试")));
        long v1 = versions.byNumber(1).orElseThrow().id();
        Map<String, String> edit = editForm(d, "thresholds.csv", "逾期宽限天数", "值", "4");
        Map<String, Map<String, String>> writes = new LinkedHashMap<>();
        writes.put("/rules/drafts", Map.of("note", "x"));
        writes.put("/rules/drafts/" + d + "/edit", edit);
        writes.put("/rules/drafts/" + d + "/publish", Map.of("reason", "x"));
        writes.put("/rules/drafts/" + d + "/abandon", Map.of());
        writes.put("/rules/drafts/" + d + "/reapply", Map.of());
        writes.put("/rules/versions/" + v1 + "/restore", Map.of());
        List<RulesVersions.Version> before = versions.all();
        Map<String, String> files = versions.files(d);
        for (String who : List.of(RulesFixture.VIEWER, RulesFixture.UNIT, RulesFixture.OPERATOR)) {
            RulesFixture.Client c = f.client(who);
            writes.forEach((path, form) -> assertEquals(403, c.postForm(path, form).statusCode(), who + " POST " + path));
        }
        // 审核不能起草、改、放弃、恢复；别人的草稿，规则管理不能发布
        RulesFixture.Client approver = f.client(RulesFixture.APPROVER);
        for (String path : List.of("/rules/drafts", "/rules/drafts/" + d + "/edit", "/rules/drafts/" + d + "/abandon",
                "/rules/drafts/" + d + "/reapply", "/rules/versions/" + v1 + "/restore")) {
            assertEquals(403, approver.postForm(path, writes.get(path)).statusCode(), "审核 POST " + path);
        }
        RulesFixture.Client editor2 = f.client(RulesFixture.EDITOR2);
        assertEquals(403, editor2.postForm("/rules/drafts/" + d + "/publish", Map.of("reason", "x")).statusCode());
        // 没有 CSRF 校验码：规则管理本人也不行
        assertEquals(403, editor.post("/rules/drafts/" + d + "/edit", edit).statusCode());
        assertEquals(before, versions.all(), "版本一个没变");
        assertEquals(files, versions.files(d), "草稿内容没变");
        // 单位账号连看也不能看
        RulesFixture.Client unit = f.client(RulesFixture.UNIT);
        for (String page : List.of("/rules", "/rules/versions", "/rules/versions/" + v1, "/rules/drafts/" + d)) {
            assertEquals(403, unit.get(page).statusCode(), page);
        }
        assertEquals(200, f.client(RulesFixture.VIEWER).get("/rules/versions").statusCode());

        // 起草人自己发布：拒绝，说明原因，记入操作记录
        HttpResponse<String> own = editor.postForm("/rules/drafts/" + d + "/publish", Map.of("reason", "自己发"));
        assertEquals(403, own.statusCode());
        assertTrue(own.body().contains("不能发布自己起草的第 " + versions.version(d).number() + " 版"), own.body());
        assertTrue(versions.version(d).draft());
        assertTrue(new AuditLog(f.db).recent(0, 20, RulesFixture.EDITOR).stream()
                .anyMatch(e -> e.action().equals("发布规则被拒")), "记入操作记录");
        editor.postForm("/rules/drafts/" + d + "/abandon", Map.of());
        assertEquals(RulesVersions.ABANDONED, versions.version(d).state());
    }

    @Test
    void aWholeNumberGivenAsChineseWordIsNamedByRowAndColumnAndCannotBePublished() {
        RulesFixture.Client editor = f.client(RulesFixture.EDITOR);
        long d = draftId(editor.postForm("/rules/drafts", Map.of()));
        HttpResponse<String> saved = editor.postForm("/rules/drafts/" + d + "/edit",
                editForm(d, "thresholds.csv", "逾期宽限天数", "值", "五"));
        assertEquals(302, saved.statusCode(), saved.body());
        String page = editor.get("/rules/drafts/" + d + "/edit?path=thresholds.csv&saved=1").body();
        assertTrue(page.contains("已保存到草稿"), page);
        assertTrue(page.contains("thresholds.csv 第 2 行第 3 列（值）：“五”不是整数"), page);
        assertTrue(page.matches("(?s).*<textarea name=\"c0_2\" class=\"[^\"]* bad\"[^>]*>五</textarea>.*"), "出错的格在表单里标出");
        assertTrue(versions.files(d).get("thresholds.csv").contains("逾期宽限天数,,五,整数"), "有错也保存，什么都不丢");
        String original = versions.files(versions.byNumber(1).orElseThrow().id()).get("thresholds.csv");
        assertEquals(original.replace("逾期宽限天数,,0,整数", "逾期宽限天数,,五,整数"), versions.files(d).get("thresholds.csv"),
                "只改了这一格，其余行一字不动");
        HttpResponse<String> publish = f.client(RulesFixture.APPROVER).postForm("/rules/drafts/" + d + "/publish",
                Map.of("reason", "试试"));
        assertEquals(400, publish.statusCode());
        assertTrue(publish.body().contains("没有通过规则检查"), publish.body());
        assertTrue(versions.version(d).draft());
        editor.postForm("/rules/drafts/" + d + "/abandon", Map.of());
    }

    @Test
    void secondDraftFromTheSameBaseIsRefusedWithTheReasonAndItsChangesCanBeReapplied() {
        RulesFixture.Client editor = f.client(RulesFixture.EDITOR);
        RulesFixture.Client editor2 = f.client(RulesFixture.EDITOR2);
        RulesFixture.Client approver = f.client(RulesFixture.APPROVER);
        long a = draftId(editor.postForm("/rules/drafts", Map.of("note", "宽限")));
        long b = draftId(editor2.postForm("/rules/drafts", Map.of("note", "门槛")));
        int base = versions.version(a).baseNumber();
        assertEquals(base, versions.version(b).baseNumber());
        assertEquals(302, timed("保存表格（含检查）", editor.postForm("/rules/drafts/" + a + "/edit",
                editForm(a, "thresholds.csv", "逾期宽限天数", "值", "1"))).statusCode());
        assertEquals(302, editor2.postForm("/rules/drafts/" + b + "/edit", editForm(b, "名单条件.csv", "办结工单较多", "值", "80"))
                .statusCode());
        Map<String, String> bFiles = versions.files(b);

        HttpResponse<String> first = timed("发布", approver.postForm("/rules/drafts/" + a + "/publish", Map.of("reason", "宽限一天")));
        assertEquals(302, first.statusCode(), first.body());
        RulesVersions.Version published = versions.version(a);
        assertTrue(published.published());

        HttpResponse<String> second = approver.postForm("/rules/drafts/" + b + "/publish", Map.of("reason", "门槛 80"));
        assertEquals(409, second.statusCode());
        String expected = versions.version(b).label() + "基于第 " + base + " 版起草，但此后 审核乙 已于 "
                + published.publishedAt().toString().replace('T', ' ') + " 发布了" + published.label() + "。";
        assertTrue(second.body().contains(expected), second.body());
        assertTrue(second.body().contains("在" + published.label() + "上重做这些修改") || second.body().contains("请规则管理账号"),
                second.body());
        assertTrue(versions.version(b).draft());
        assertEquals(bFiles, versions.files(b), "第二份草稿原样保留");
        assertTrue(new AuditLog(f.db).recent(0, 20, RulesFixture.APPROVER).stream()
                .anyMatch(e -> e.action().equals("发布规则被拒") && e.detail().contains("基于第 " + base + " 版")));

        // 草稿页面本身也说明冲突，并给规则管理重做的按钮
        String draftPage = timed("草稿页（含冲突说明）", editor2.get("/rules/drafts/" + b)).body();
        assertTrue(draftPage.contains(expected), draftPage);
        HttpResponse<String> re = timed("重做（合并并检查）", editor2.postForm("/rules/drafts/" + b + "/reapply", Map.of()));
        long c = draftId(re);
        Map<String, String> merged = versions.files(c);
        assertTrue(merged.get("thresholds.csv").contains("逾期宽限天数,,1,整数"));
        assertTrue(merged.get("名单条件.csv").contains("办结工单较多,实办数,≥,80,"));
        assertEquals(published.id(), versions.version(c).baseId());
        assertEquals(302, approver.postForm("/rules/drafts/" + c + "/publish", Map.of("reason", "门槛 80，在新版上重做")).statusCode());
        assertEquals(c, versions.current().version().id());

        // 版本列表：状态、起草人、发布人、理由、与上一版比较
        String list = timed("版本列表", approver.get("/rules/versions")).body();
        assertTrue(list.contains("门槛 80，在新版上重做"), list);
        assertTrue(list.contains("/rules/versions/" + c + "/diff"), list);
        String diff = timed("两版差异", approver.get("/rules/versions/" + c + "/diff")).body();
        assertTrue(diff.contains("名单“办结工单较多”（字段：实办数） 的“值”由“50”改为“80”"), diff);
        assertFalse(diff.contains("逾期宽限天数”（渠道：全部） 的“值”"), "与上一版（已含宽限）比较，只有门槛一处");
        assertNotNull(versions.current());
    }

    @Test
    void twoPeopleEditingTheSameTableOfADraftLoseNothing() {
        RulesFixture.Client editor = f.client(RulesFixture.EDITOR);
        RulesFixture.Client editor2 = f.client(RulesFixture.EDITOR2);
        long d = draftId(editor.postForm("/rules/drafts", Map.of()));
        // 两人先后打开同一张表（表单里带着打开时的内容摘要）
        Map<String, String> a = editForm(d, "thresholds.csv", "逾期宽限天数", "值", "2");
        Map<String, String> b = editForm(d, "thresholds.csv", "在办件计入应办", "值", "否");
        Map<String, String> clash = editForm(d, "thresholds.csv", "逾期宽限天数", "值", "3");
        assertEquals(302, editor.postForm("/rules/drafts/" + d + "/edit", a).statusCode());
        assertEquals(302, editor2.postForm("/rules/drafts/" + d + "/edit", b).statusCode(), "不同的行：合并保存");
        String text = versions.files(d).get("thresholds.csv");
        assertTrue(text.contains("逾期宽限天数,,2,整数") && text.contains("在办件计入应办,,否,是否"), text);
        HttpResponse<String> r = editor2.postForm("/rules/drafts/" + d + "/edit", clash);
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("没有保存") && r.body().contains("参数“逾期宽限天数”（渠道：全部） 的“值”：原为“0”"), r.body());
        assertTrue(r.body().matches("(?s).*<textarea[^>]*>3</textarea>.*"), "填的内容原样退回表单");
        assertEquals(text, versions.files(d).get("thresholds.csv"), "先保存的人的修改不被覆盖");
        editor.postForm("/rules/drafts/" + d + "/abandon", Map.of());
    }
}
