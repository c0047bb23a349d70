package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.workorder.Importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 规则管理测试用的一套新库与新服务（每个测试类一套，不动共用的 WebFixture）：账号 规则管理 ×2、审核、查看、单位、经办；
 * withData 时导入演示数据 2021-Q4（浏览器测试要开始考核）。服务启动时把规则目录登记为第 1 版。
 */
final class RulesFixture implements AutoCloseable {
    static final String EDITOR = "规则甲";
    static final String EDITOR2 = "规则丙";
    static final String APPROVER = "审核乙";
    static final String VIEWER = "查看丁";
    static final String UNIT = "单位戊";
    static final String OPERATOR = "经办己";
    static final String ADMIN = "管理员庚";
    static final String PASSWORD = "correct-horse-1";

    final Database db;
    final WebServer server;
    final String base;

    RulesFixture(boolean withData) {
        try {
            Path dir = Files.createTempDirectory("assess-rules-web");
            db = Database.open(Database.shared(Database.fileUrl(dir.resolve("assess"))));
            if (withData) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            } else {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv")));
            }
            Accounts accounts = new Accounts(db);
            accounts.add(EDITOR, Role.规则管理, null, PASSWORD.toCharArray());
            accounts.add(EDITOR2, Role.规则管理, null, PASSWORD.toCharArray());
            accounts.add(APPROVER, Role.审核, null, PASSWORD.toCharArray());
            accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
            accounts.add(UNIT, Role.单位, "县人社局", PASSWORD.toCharArray());
            accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
            accounts.add(ADMIN, Role.管理员, null, PASSWORD.toCharArray());
            server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
            base = "http://127.0.0.1:" + server.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    Client client(String name) {
        Client c = new Client();
        HttpResponse<String> r = c.login(name, PASSWORD);
        if (r.statusCode() != 302) {
            throw new AssertionError("登录 " + name + " 失败：" + r.statusCode());
        }
        return c;
    }

    /** 不自动跟随跳转、自己管 Cookie 的 HTTP 客户端（像一个浏览器会话）。 */
    final class Client {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie;

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** 带上本会话的 CSRF 校验码提交。 */
        HttpResponse<String> postForm(String path, Map<String, String> form) {
            Map<String, String> f = new java.util.LinkedHashMap<>(form);
            f.put("_csrf", csrf("/runs"));
            return post(path, f);
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
                return r;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        String csrf(String page) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
            if (!m.find()) {
                throw new AssertionError(page + " 没有 CSRF 校验码");
            }
            return m.group(1);
        }

        HttpResponse<String> login(String name, String password) {
            String token = csrf("/login");
            return post("/login", Map.of("_csrf", token, "name", name, "password", password));
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
