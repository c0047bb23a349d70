package cn.gov.assess.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 访问控制：未登录、单位账号越权、CSRF、输错密码限流、会话 Cookie 标志、有害的单位名称。用普通 HTTP 客户端。 */
class WebAccessTest {
    static WebFixture f;

    @BeforeAll
    static void start() {
        f = WebFixture.get();
    }

    @Test
    void anonymousGetsTheLoginPageEverywhere() {
        for (String path : new String[]{"/", "/runs", "/runs/" + f.run1, "/runs/" + f.run1 + "/units/" + f.unitId("县人社局"),
                "/runs/" + f.run1 + "/files/通报.docx".replace("通报", WebFixture.enc("通报")), "/diff", "/orders?no=RX202112120003",
                "/admin/users", "/admin/audit"}) {
            WebFixture.Client c = f.new Client();
            HttpResponse<String> r = c.get(path);
            assertEquals(302, r.statusCode(), path);
            // 登录后回到要去的页面（issue 25）：/login?next=…
            String location = r.headers().firstValue("Location").orElse("");
            assertTrue(location.equals("/login") || location.equals("/login?next=" + WebFixture.enc(path)), path + " → " + location);
            assertFalse(r.body().contains("县人社局"), path);
        }
        HttpResponse<String> login = f.new Client().get("/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("登录"));
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndChangesAtLogin() {
        WebFixture.Client c = f.new Client();
        c.get("/login");
        String before = c.cookie;
        assertCookieFlags(c.lastSetCookie);
        HttpResponse<String> r = c.login(WebFixture.VIEWER, WebFixture.PASSWORD);
        assertEquals(302, r.statusCode());
        assertCookieFlags(c.lastSetCookie);
        assertNotEquals(before, c.cookie, "登录后会话编号必须更换");
        assertEquals(200, c.get("/runs").statusCode());
        // 登录前的会话编号已作废
        WebFixture.Client old = f.new Client();
        old.cookie = before;
        assertEquals(302, old.get("/runs").statusCode());
    }

    static void assertCookieFlags(String setCookie) {
        assertTrue(setCookie != null && setCookie.startsWith(Sessions.COOKIE + "="), "没有会话 Cookie：" + setCookie);
        String lower = setCookie.toLowerCase();
        assertTrue(lower.contains("; httponly"), "会话 Cookie 缺少 HttpOnly：" + setCookie);
        assertTrue(lower.contains("; samesite=strict"), "会话 Cookie 缺少 SameSite=Strict：" + setCookie);
    }

    @Test
    void unitAccountSeesOnlyItsOwnUnit() {
        WebFixture.Client c = f.new Client();
        assertEquals(302, c.login(WebFixture.UNIT_USER, WebFixture.PASSWORD).statusCode());
        long own = f.unitId("县人社局");
        long other = f.unitId("县住建局");
        HttpResponse<String> mine = c.get("/runs/" + f.run2 + "/units/" + own);
        assertEquals(200, mine.statusCode());
        assertTrue(mine.body().contains("县人社局"));
        // 运行 1 已被取代（本期通报由运行 2 签发）：单位账号连本单位的页面也看不到
        HttpResponse<String> superseded = c.get("/runs/" + f.run1 + "/units/" + own);
        assertEquals(403, superseded.statusCode());
        assertFalse(superseded.body().contains("各渠道数字"));

        HttpResponse<String> theirs = c.get("/runs/" + f.run1 + "/units/" + other);
        assertEquals(403, theirs.statusCode());
        assertFalse(theirs.body().contains("县住建局"), "403 页面不得透露别的单位");
        assertFalse(theirs.body().contains("RX202112120003"), "403 页面不得透露别的单位的工单");

        for (String path : new String[]{"/runs/" + f.run1, "/runs/" + f.run1 + "/list?name=" + WebFixture.enc("按期办结且办理较好"),
                "/runs/" + f.run1 + "/files/" + WebFixture.enc("通报.docx"), "/diff", "/admin/users", "/admin/audit"}) {
            HttpResponse<String> r = c.get(path);
            assertEquals(403, r.statusCode(), path);
            assertFalse(r.body().contains("县住建局"), path);
        }
        // 别的单位的工单（县住建局被否决的那一件）：403，不说它存不存在
        HttpResponse<String> order = c.get("/orders?no=RX202112120003");
        assertEquals(403, order.statusCode());
        assertFalse(order.body().contains("县住建局"));
        assertFalse(order.body().contains("原始"));
        // 不存在的工单同样是 403（不泄露是否存在）
        assertEquals(403, c.get("/orders?no=NO-SUCH-ORDER").statusCode());
    }

    @Test
    void unitAccountCanReadItsOwnOrderHistory() {
        WebFixture.Client c = f.new Client();
        c.login(WebFixture.UNIT_USER, WebFixture.PASSWORD);
        HttpResponse<String> page = c.get("/runs/" + f.run2 + "/units/" + f.unitId("县人社局"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/orders\\?no=([^&\"]+)&amp;channel=").matcher(page.body());
        assertTrue(m.find(), "单位页应列出本单位的转办");
        HttpResponse<String> order = c.get("/orders?no=" + m.group(1));
        assertEquals(200, order.statusCode());
        assertTrue(order.body().contains("原始：派给 县人社局"));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        WebFixture.Client c = f.new Client();
        c.login(WebFixture.ADMIN, WebFixture.PASSWORD);
        HttpResponse<String> r = c.post("/admin/users", Map.of("name", "不该出现的账号", "role", "查看", "password", "12345678abc"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("校验码"));
        HttpResponse<String> wrong = c.post("/admin/users", Map.of("_csrf", "forged", "name", "不该出现的账号", "role", "查看",
                "password", "12345678abc"));
        assertEquals(403, wrong.statusCode());
        assertTrue(new Accounts(f.db).find("不该出现的账号").isEmpty());
        assertEquals(403, c.post("/logout", Map.of()).statusCode());
        assertEquals(200, c.get("/runs").statusCode(), "没有校验码的退出不应生效");
        // 登录表单也要校验码
        WebFixture.Client anon = f.new Client();
        anon.get("/login");
        assertEquals(403, anon.post("/login", Map.of("name", WebFixture.VIEWER, "password", WebFixture.PASSWORD)).statusCode());
    }

    @Test
    void adminCreatesAnAccountAndItIsAudited() {
        WebFixture.Client c = f.new Client();
        c.login(WebFixture.ADMIN, WebFixture.PASSWORD);
        String token = c.csrf("/admin/users");
        HttpResponse<String> r = c.post("/admin/users", Map.of("_csrf", token, "name", "新查看员", "role", "查看", "unit", "",
                "password", "another-pass-1"));
        assertEquals(302, r.statusCode(), r.body());
        assertTrue(new Accounts(f.db).find("新查看员").isPresent());
        String audit = c.get("/admin/audit").body();
        assertTrue(audit.contains("新建账号") && audit.contains("新查看员") && audit.contains(WebFixture.ADMIN), audit);
        WebFixture.Client fresh = f.new Client();
        assertEquals(302, fresh.login("新查看员", "another-pass-1").statusCode());
        assertEquals(403, fresh.get("/admin/audit").statusCode(), "查看角色不能看操作记录");
        c.post("/logout", Map.of("_csrf", c.csrf("/runs")));
        assertEquals(302, c.get("/runs").statusCode(), "退出后回到登录页");
    }

    @Test
    void fiveWrongPasswordsThrottleTheAccount() {
        new Accounts(f.db).add("限流测试", Role.查看, null, "right-password-1".toCharArray());
        WebFixture.Client c = f.new Client();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = c.login("限流测试", "wrong-" + i);
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("账号或密码不对"));
        }
        HttpResponse<String> sixth = c.login("限流测试", "right-password-1");
        assertEquals(429, sixth.statusCode(), "第六次即使密码正确也应被限制");
        assertTrue(sixth.body().contains("次数太多"));
        assertEquals(302, c.get("/runs").statusCode());
        WebFixture.Client admin = f.new Client();
        admin.login(WebFixture.ADMIN, WebFixture.PASSWORD);
        String audit = admin.get("/admin/audit?account=" + WebFixture.enc("限流测试")).body();
        assertTrue(audit.contains("登录失败") && audit.contains("登录被限制"));
    }

    @Test
    void unknownPagesAndBadNumbersAnswerInChinese() {
        WebFixture.Client c = f.new Client();
        c.login(WebFixture.VIEWER, WebFixture.PASSWORD);
        for (String path : new String[]{"/no-such-page", "/runs/999999", "/runs/abc", "/runs/" + f.run1 + "/units/999999",
                "/runs/" + f.run1 + "/files/secret.txt", "/orders?no=NO-SUCH-ORDER"}) {
            HttpResponse<String> r = c.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("没有"), path + "：" + r.body());
            assertFalse(r.body().matches("(?s).*(Exception|Endpoint|not found|at cn\\.gov).*"), path + "：" + r.body());
        }
    }

    @Test
    void hostileUnitNamesRenderAsText() {
        WebFixture.Client c = f.new Client();
        c.login(WebFixture.VIEWER, WebFixture.PASSWORD);
        String run = c.get("/runs/" + f.run1).body();
        assertTrue(run.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "有害名称应按文字出现在附件里");
        assertTrue(run.contains("<th>渠道</th>"), "合计表头（来自带 BOM 的 totals.csv）不应带 BOM");
        assertFalse(run.contains("\uFEFF"));
        assertFalse(run.contains(WebFixture.HOSTILE_SCRIPT));
        assertTrue(run.contains("=HYPERLINK(&quot;http://evil.example/&quot;,&quot;点我&quot;)"));
        for (String name : new String[]{WebFixture.HOSTILE_SCRIPT, WebFixture.HOSTILE_FORMULA}) {
            HttpResponse<String> unit = c.get("/runs/" + f.run1 + "/units/" + f.unitId(name));
            assertEquals(200, unit.statusCode());
            assertFalse(unit.body().contains(WebFixture.HOSTILE_SCRIPT));
            assertFalse(unit.body().contains("href=\"http://evil.example/\""));
        }
        assertTrue(c.get("/runs").headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }
}
