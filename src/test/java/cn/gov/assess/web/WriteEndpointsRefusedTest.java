package cn.gov.assess.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 每一个写接口（服务器上注册的每个 POST 路由，登录与退出除外）对“查看”和“单位”账号一律 403：不是靠页面不显示按钮，
 * 而是直接带着有效的 CSRF 校验码提交也被服务器拒绝。路由从服务器取，新加的接口自动在内，不靠手抄清单。
 * 管理接口（/admin/…）另对管理员以外的每个角色都拒绝。唯一的例外是单位账号提出申诉（POST /appeals，issue 24）：
 * 它对单位账号开放，空表单得到 400 且什么也没存。
 */
class WriteEndpointsRefusedTest {
    static WebFixture f;

    @BeforeAll
    static void start() {
        f = WebFixture.get();
    }

    static List<String> writeRoutes() {
        List<String> posts = new ArrayList<>();
        for (String r : f.server.routes()) {
            // 登录、退出与改自己的密码（要原密码，见 OfficeNetworkTest）是每个角色都能做的
            if (!r.startsWith("GET ") && !r.equals("POST /login") && !r.equals("POST /logout") && !r.equals("POST " + PasswordController.PATH)) {
                posts.add(r);
            }
        }
        return posts;
    }

    @Test
    void theRouteListIsRead() {
        List<String> posts = writeRoutes();
        assertTrue(posts.contains("POST /admin/users"), "没有读到服务器的路由：" + f.server.routes());
    }

    @Test
    void viewerAndUnitAccountsAreRefusedEverywhere() {
        for (String who : List.of(WebFixture.VIEWER, WebFixture.UNIT_USER)) {
            WebFixture.Client c = f.new Client();
            assertEquals(302, c.login(who, WebFixture.PASSWORD).statusCode());
            for (String route : writeRoutes()) {
                HttpResponse<String> r = submit(c, route);
                if (who.equals(WebFixture.UNIT_USER) && route.equals("POST /appeals")) {
                    assertEquals(400, r.statusCode(), r.body());
                    assertEquals(0, cn.gov.assess.TestSupport.scalar(f.db, "select count(*) from appeal"));
                    continue;
                }
                assertEquals(403, r.statusCode(), who + " 直接提交 " + route + " 应被拒绝（403），实为 " + r.statusCode());
                assertTrue(r.body().contains("无权"), who + " " + route + "：" + r.body());
            }
        }
    }

    @Test
    void onlyTheAdministratorMayManageAccounts() {
        for (String who : WebFixture.roleAccounts()) {
            WebFixture.Client c = f.new Client();
            assertEquals(302, c.login(who, WebFixture.PASSWORD).statusCode());
            for (String route : writeRoutes()) {
                if (route.startsWith("POST /admin/")) {
                    assertEquals(403, submit(c, route).statusCode(), who + " " + route);
                }
            }
        }
    }

    /** 带有效 CSRF 校验码、路径参数填 1 的提交；表单字段留空以外什么也不带。 */
    static HttpResponse<String> submit(WebFixture.Client c, String route) {
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
        String token = c.csrf("/runs");
        return c.post(path, Map.of("_csrf", token));
    }
}
