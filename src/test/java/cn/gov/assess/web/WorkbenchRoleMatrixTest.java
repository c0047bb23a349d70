package cn.gov.assess.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 工作台的角色矩阵：每个写接口（服务器注册的每个 POST 路由，登录、退出除外）和每个工作台页面，按问题 15 的分工
 * （经办：导入、考核、更正；规则管理：起草、修改、放弃、重做、恢复、预览；审核：发布、预览；管理员：只管账号），
 * 用六种角色的账号逐个请求：允许的角色不得 403（假编号、空表单得到 400/404/409 都可以，但不得 500），其余角色一律 403，
 * 且被拒的请求不改变数据库里任何一张业务表的行数（操作记录除外：被拒也要记下）。
 * 用一套新库（允许的请求里有会起草新版本的），不动共用的 WebFixture。
 */
class WorkbenchRoleMatrixTest {
    static RulesFixture f;
    static final String[] ALL = {RulesFixture.VIEWER, RulesFixture.UNIT, RulesFixture.OPERATOR, RulesFixture.EDITOR,
            RulesFixture.APPROVER, RulesFixture.ADMIN};
    /** 会被写接口改动的表（audit_log 除外）。 */
    static final List<String> TABLES = List.of("app_user", "rules_version", "rules_version_file", "rule_blob", "unit", "unit_alias",
            "import_batch", "work_order", "assignment", "assessment_run", "correction", "appeal", "appeal_item", "notice", "notice_event");

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

    /** 每个写接口允许的角色（路由 → 账号）。新加的 POST 路由不在表里时测试失败：先决定谁能用它。 */
    static Map<String, Set<String>> writeMatrix() {
        Set<String> operator = Set.of(RulesFixture.OPERATOR);
        Set<String> editor = Set.of(RulesFixture.EDITOR);
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("POST /admin/users", Set.of(RulesFixture.ADMIN));
        m.put("POST /admin/users/{id}/active", Set.of(RulesFixture.ADMIN));
        m.put("POST /admin/users/{id}/unlock", Set.of(RulesFixture.ADMIN));
        m.put("POST /admin/users/{id}/password", Set.of(RulesFixture.ADMIN));
        m.put("POST /admin/users/{id}/role", Set.of(RulesFixture.ADMIN));
        // 改自己的密码：每个登录了的账号（要原密码）
        m.put("POST " + PasswordController.PATH, Set.of(ALL));
        m.put("POST /import", operator);
        m.put("POST /assess", operator);
        m.put("POST /corrections", operator);
        m.put("POST /corrections/{id}/withdraw", operator);
        m.put("POST /corrections/rerun", operator);
        m.put("POST /rules/drafts", editor);
        m.put("POST /rules/drafts/{id}/edit", editor);
        m.put("POST /rules/drafts/{id}/abandon", editor);
        m.put("POST /rules/drafts/{id}/reapply", editor);
        m.put("POST /rules/versions/{id}/restore", editor);
        m.put("POST /rules/drafts/{id}/publish", Set.of(RulesFixture.APPROVER));
        // 申诉（issue 24）：单位自己提出（空表单得到 400），经办决定
        m.put("POST /appeals", Set.of(RulesFixture.UNIT));
        m.put("POST /appeals/{id}/decide", operator);
        m.put("POST /notices", operator);
        for (String step : List.of("open", "close", "replace", "retire", "correct")) {
            m.put("POST /notices/{id}/" + step, operator);
        }
        m.put("POST /notices/{id}/sign", Set.of(RulesFixture.APPROVER));
        m.put("POST /runs/{id}/retire", operator);
        // 辖区（issue 28）：切换辖区只许有下级辖区的市级账号（单一办公室里谁都不行），考核全部辖区只许市的经办（见 JurisdictionIsolationTest）
        m.put("POST " + JurisdictionController.VIEW, Set.of());
        m.put("POST " + ComparisonController.ASSESS_ALL, operator);
        return m;
    }

    /** 工作台页面（GET）允许的角色。 */
    static Map<String, Set<String>> pageMatrix() {
        Set<String> all = Set.of(RulesFixture.VIEWER, RulesFixture.OPERATOR, RulesFixture.EDITOR, RulesFixture.APPROVER, RulesFixture.ADMIN);
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("/import", Set.of(RulesFixture.OPERATOR));
        m.put("/assess", Set.of(RulesFixture.OPERATOR));
        m.put("/corrections", Set.of(RulesFixture.OPERATOR));
        m.put("/jobs/x", Set.of(RulesFixture.OPERATOR));
        m.put("/jobs/x.json", Set.of(RulesFixture.OPERATOR));
        m.put("/rules/drafts/999999/edit?path=thresholds.csv", Set.of(RulesFixture.EDITOR));
        m.put("/rules/drafts/1/edit?path=thresholds.csv", Set.of(RulesFixture.EDITOR));
        m.put("/rules/drafts/999999/preview", Set.of(RulesFixture.EDITOR, RulesFixture.APPROVER));
        m.put("/rules/previews/x", Set.of(RulesFixture.EDITOR, RulesFixture.APPROVER));
        m.put("/rules/previews/x.json", Set.of(RulesFixture.EDITOR, RulesFixture.APPROVER));
        m.put("/admin/users", Set.of(RulesFixture.ADMIN));
        m.put("/admin/audit", Set.of(RulesFixture.ADMIN));
        m.put("/admin/audit/export?format=csv", Set.of(RulesFixture.ADMIN));
        m.put("/rules", all);
        m.put("/rules/versions", all);
        m.put("/rules/versions/1", all);
        m.put("/rules/drafts/999999", all);
        // 不存在的申诉：办公室 404，单位账号 403（不透露编号是否存在）
        m.put("/appeals/999999", all);
        m.put("/appeals/999999/attachment", all);
        m.put("/notices", Set.of(RulesFixture.VIEWER, RulesFixture.UNIT, RulesFixture.OPERATOR, RulesFixture.EDITOR,
                RulesFixture.APPROVER, RulesFixture.ADMIN));
        return m;
    }

    @Test
    void everyWriteRouteIsInTheMatrix() {
        List<String> posts = new ArrayList<>();
        for (String r : f.server.routes()) {
            if (!r.startsWith("GET ") && !r.equals("POST /login") && !r.equals("POST /logout")) {
                posts.add(r);
            }
        }
        assertTrue(posts.contains("POST /import"), "没有读到服务器的路由：" + posts);
        for (String r : posts) {
            assertTrue(writeMatrix().containsKey(r), "新的写接口 " + r + " 不在角色矩阵里：先决定哪些角色可用它");
        }
    }

    @Test
    void writeRoutesFollowTheRoleMatrix() {
        List<String> wrong = new ArrayList<>();
        for (String who : ALL) {
            RulesFixture.Client c = f.client(who);
            for (Map.Entry<String, Set<String>> e : writeMatrix().entrySet()) {
                String route = e.getKey();
                // 编号一律是不存在的 999999：允许的角色得到 404/400，不会改到已有的数据
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "999999");
                boolean allowed = e.getValue().contains(who);
                Map<String, Long> before = counts();
                HttpResponse<String> r = c.postForm(path, Map.of());
                if (allowed) {
                    if (r.statusCode() == 403 || r.statusCode() >= 500) {
                        wrong.add(who + " " + route + " 应允许，实为 " + r.statusCode());
                    }
                } else {
                    if (r.statusCode() != 403 || !r.body().contains("无权")) {
                        wrong.add(who + " " + route + " 应 403，实为 " + r.statusCode());
                    }
                    Map<String, Long> after = counts();
                    if (!before.equals(after)) {
                        wrong.add(who + " " + route + " 被拒却改了数据库：" + before + " → " + after);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void workbenchPagesFollowTheRoleMatrix() {
        List<String> wrong = new ArrayList<>();
        for (String who : ALL) {
            RulesFixture.Client c = f.client(who);
            for (Map.Entry<String, Set<String>> e : pageMatrix().entrySet()) {
                HttpResponse<String> r = c.get(e.getKey());
                boolean allowed = e.getValue().contains(who);
                if (allowed ? r.statusCode() == 403 || r.statusCode() >= 500 : r.statusCode() != 403) {
                    wrong.add(who + " GET " + e.getKey() + (allowed ? " 应允许" : " 应 403") + "，实为 " + r.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** 同一草稿：别的规则管理账号可以修改与放弃（同一处室共用草稿），审核不能放弃也不能修改。 */
    @Test
    void onlyRuleEditorsAbandonDraftsAndOnlyApproversPublish() {
        RulesFixture.Client editor = f.client(RulesFixture.EDITOR);
        HttpResponse<String> made = editor.postForm("/rules/drafts", Map.of("note", "矩阵测试"));
        assertEquals(302, made.statusCode());
        String draft = made.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", "");
        RulesFixture.Client approver = f.client(RulesFixture.APPROVER);
        Map<String, Long> before = counts();
        assertEquals(403, approver.postForm("/rules/drafts/" + draft + "/abandon", Map.of()).statusCode());
        assertEquals(403, approver.postForm("/rules/drafts/" + draft + "/edit", Map.of("path", "thresholds.csv", "rows", "0")).statusCode());
        // 起草人自己（规则管理）发布：403，草稿仍是草稿
        assertEquals(403, editor.postForm("/rules/drafts/" + draft + "/publish", Map.of("reason", "自己发布")).statusCode());
        assertEquals(before, counts());
        assertEquals(1L, (long) f.db.<Long>read(c -> {
            try (var ps = c.prepareStatement("select count(*) from rules_version where id = ? and state = '草稿'")) {
                ps.setLong(1, Long.parseLong(draft));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    static Map<String, Long> counts() {
        return f.db.read(c -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String t : TABLES) {
                try (var ps = c.prepareStatement("select count(*) from " + t); var rs = ps.executeQuery()) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
            return m;
        });
    }
}
