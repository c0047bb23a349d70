package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 工作台在办公室网络上（issue 27），按拒绝与按负载测：喷洒之后别人的正确密码照样登录、解除限制（网页与命令行）、
 * 匿名的大上传读不到 64 KB 就被拒、两万次匿名访问不留会话、非代理伪造的 X-Forwarded-* 不起作用、HTTPS、密码规则、
 * 账号名不分大小写、重置密码与改角色、登录后回到原页面且不做开放跳转。自己一套库与服务（限流的计数不影响别的测试）。
 */
class OfficeNetworkTest {
    static final String ADMIN = "管理员子";
    static final String VIEWER = "查看丑";
    static final String OPERATOR = "经办寅";
    static final String PASSWORD = "correct-horse-1";
    static Path dir;
    static Database db;
    static WebServer server;
    static String base;

    static final class Client extends WebClient {
        Client() {
            super(OfficeNetworkTest.base);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("assess-office");
        db = Database.open(Database.shared(Database.fileUrl(dir.resolve("assess"))));
        Accounts accounts = new Accounts(db);
        accounts.add(ADMIN, Role.管理员, null, PASSWORD.toCharArray());
        accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
        accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
        server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    Client admin() {
        Client c = new Client();
        assertEquals(302, c.login(ADMIN, PASSWORD).statusCode());
        return c;
    }

    /** 从 address 登录（经受信任的代理转告来源地址：这个测试的输错不算在 127.0.0.1 头上，不拖慢别的测试）。 */
    static HttpResponse<String> loginFrom(Client c, String address, String name, String password) {
        String token = c.csrf("/login");
        return c.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf="
                        + WebFixture.enc(token) + "&name=" + WebFixture.enc(name) + "&password=" + WebFixture.enc(password))));
    }

    /** 20 次不同账号名的错误密码（同一地址），之后另一个账号的正确密码照样登录；被猜过 5 次的账号要等，页面说几点再试。 */
    @Test
    void sprayingFromOneAddressDoesNotLockOutTheOffice() {
        new Accounts(db).add("喷洒后登录", Role.查看, null, PASSWORD.toCharArray());
        new Accounts(db).add("被猜的账号", Role.查看, null, PASSWORD.toCharArray());
        String office = "10.20.30.40";
        server.trustedProxies.add("127.0.0.1");
        try {
            Client c = new Client();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = loginFrom(c, office, "猜测" + i, "wrong-password-" + i);
                assertEquals(401, r.statusCode());
            }
            Client other = new Client();
            long t0 = System.nanoTime();
            HttpResponse<String> ok = loginFrom(other, office, "喷洒后登录", PASSWORD);
            assertEquals(302, ok.statusCode(), ok.body());
            assertTrue((System.nanoTime() - t0) / 1e9 < 6, "喷洒的地址只是慢一点");
            assertEquals(200, other.get("/runs").statusCode());
            // 同一个账号被这个地址猜了 5 次：要等，说清几点再试；别的地址的同一账号照常
            for (int i = 0; i < 5; i++) {
                assertEquals(401, loginFrom(c, office, "被猜的账号", "wrong-" + i).statusCode());
            }
            HttpResponse<String> limited = loginFrom(c, office, "被猜的账号", PASSWORD);
            assertEquals(429, limited.statusCode());
            assertTrue(limited.body().matches("(?s).*请于 \\d\\d:\\d\\d 后再试.*"), limited.body());
            assertEquals(302, loginFrom(new Client(), "10.20.30.41", "被猜的账号", PASSWORD).statusCode(), "别处的本人不受影响");
            assertEquals(429, loginFrom(c, office, "被猜的账号", PASSWORD).statusCode());
        } finally {
            server.trustedProxies.remove("127.0.0.1");
        }
        // 在 127.0.0.1 上也猜 5 次，再由管理员解除
        Client c = new Client();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, c.login("被猜的账号", "wrong-" + i).statusCode());
        }
        // 管理员在网页上解除限制
        Client admin = admin();
        String users = admin.get("/admin/users").body();
        assertTrue(users.contains("被猜的账号"), users);
        long id = new Accounts(db).find("被猜的账号").orElseThrow().id();
        assertEquals(403, new Client().post("/admin/users/" + id + "/unlock", Map.of()).statusCode(), "未登录不能解除");
        Client viewer = new Client();
        viewer.login(VIEWER, PASSWORD);
        assertEquals(403, viewer.postForm("/admin/users/" + id + "/unlock", Map.of()).statusCode(), "查看角色不能解除");
        assertEquals(429, c.login("被猜的账号", PASSWORD).statusCode());
        assertEquals(302, admin.postForm("/admin/users/" + id + "/unlock", Map.of()).statusCode());
        assertEquals(302, c.login("被猜的账号", PASSWORD).statusCode(), "解除后正确密码可以登录");
        assertTrue(admin.get("/admin/audit").body().contains("解除登录限制"));
    }

    /** 命令行 user unlock（另一个进程）写下解除时间，正在运行的服务下一次登录就认。 */
    @Test
    void theCommandLineUnlocksAnAccountOfARunningServer() throws Exception {
        new Accounts(db).add("命令行解除", Role.查看, null, PASSWORD.toCharArray());
        Client c = new Client();
        c.get("/login");
        for (int i = 0; i < 5; i++) {
            c.login("命令行解除", "wrong-" + i);
        }
        assertEquals(429, c.login("命令行解除", PASSWORD).statusCode());
        Thread.sleep(5); // 解除时间晚于最后一次输错
        String out = CliWhileServingTest.cli(dir.resolve("assess"), null, "user", "unlock", "命令行解除");
        assertTrue(out.contains("已解除账号“命令行解除”的登录限制"), out);
        assertEquals(302, c.login("命令行解除", PASSWORD).statusCode());
    }

    /** 匿名的 50 MB multipart 上传：在读正文之前就拒绝，服务器从网络读进来的不到 64 KB。 */
    @Test
    void anAnonymousFiftyMegabyteUploadIsRefusedHavingReadLittle() throws Exception {
        long before = server.traffic.getReceivedBytes();
        long size = 50L << 20;
        String boundary = "----office" + System.nanoTime();
        String status;
        long sent = 0;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + size + "\r\n\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.csv\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, 12);
            status = new String(head, 0, n, StandardCharsets.US_ASCII);
            byte[] chunk = new byte[64 * 1024];
            try {
                while (sent < size) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (java.io.IOException e) {
                // 服务器已关掉连接：正是要的
            }
        }
        assertEquals("HTTP/1.1 403", status);
        long read = 0;
        for (int i = 0; i < 50 && (read = server.traffic.getReceivedBytes() - before) == 0; i++) {
            Thread.sleep(100); // 连接关闭后才计入
        }
        System.out.println("匿名 50 MB 上传：服务器读了 " + read + " 字节（客户端写出 " + sent + " 字节后连接被关掉）");
        assertTrue(read > 0 && read <= 64 * 1024, "服务器读了 " + read + " 字节（客户端试着发了 " + sent + " 字节）");
        // 匿名的普通表单提交（登录以外）同样在读正文之前拒绝
        HttpResponse<String> form = new Client().post("/admin/users", Map.of("name", "x"));
        assertEquals(403, form.statusCode());
        assertTrue(form.body().contains("请先登录"), form.body());
        // 登录表单本身的正文也有上限
        HttpResponse<String> huge = new Client().post("/login", Map.of("name", "x".repeat(70 * 1024)));
        assertEquals(413, huge.statusCode());
    }

    /** 上传的校验码要在请求头或网址里（读正文之前核对）；同一个账号同时只能有一个上传。 */
    @Test
    void uploadsCarryTheirTokenOutsideTheBodyAndOneAtATime() throws Exception {
        Client op = new Client();
        op.login(OPERATOR, PASSWORD);
        String token = op.csrf("/import");
        assertTrue(op.get("/import").body().contains("action=\"/import?_csrf=" + token + "\""), "导入页的表单把校验码放在网址里");
        Path csv = Files.writeString(dir.resolve("units-x.csv"), "单位名称,类型,排序,别名\n测试单位甲,部门,300,\n", StandardCharsets.UTF_8);
        String boundary = "----u" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv\"\r\n\r\n单位名称\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> onlyInBody = op.send(HttpRequest.newBuilder(URI.create(base + "/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, onlyInBody.statusCode(), "只在正文里的校验码不算");
        // 第一个上传只发了一半：同一账号的第二个上传被拒
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /import?_csrf=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + op.cookie
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 10000000\r\n\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"slow.csv\"\r\n\r\n单位名称\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(500);
            HttpResponse<String> second = op.upload("/import", Map.of("_csrf", token), List.of(csv));
            assertEquals(429, second.statusCode(), second.body());
            assertTrue(second.body().contains("还有一个上传没有结束"), second.body());
        }
        // 第一个断开后名额放开
        HttpResponse<String> third = null;
        for (int i = 0; i < 50; i++) {
            third = op.upload("/import", Map.of("_csrf", token), List.of(csv));
            if (third.statusCode() != 429) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(303, third.statusCode(), third.body());
    }

    /** 两万次匿名访问（没有 Cookie、乱写的 Cookie）：服务器上的会话数不变。 */
    @Test
    void twentyThousandAnonymousRequestsLeaveTheSessionCountFlat() throws Exception {
        int before = server.sessions.size();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 5000; i++) {
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (i % 2 == 0 ? "/login" : "/runs"))).GET();
                        if (i % 3 == 0) {
                            b.header("Cookie", Sessions.COOKIE + "=" + Sessions.token());
                        }
                        int code = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        ok += code == 200 || code == 302 ? 1 : 0;
                    }
                    return ok + part * 0;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : parts) {
                ok += f.get();
            }
            assertEquals(20_000, ok);
        } finally {
            pool.shutdown();
        }
        assertEquals(before, server.sessions.size(), "匿名访问不应留下会话");
    }

    /** 不是受信任代理的地址伪造 X-Forwarded-Proto/-For：什么也不变；指定了代理后才算数。 */
    @Test
    void forwardedHeadersCountOnlyFromTrustedProxies() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest spoofed = HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9").GET().build();
        HttpResponse<String> r = http.send(spoofed, HttpResponse.BodyHandlers.ofString());
        assertFalse(r.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase().contains("secure"), "伪造的 https 不应让 Cookie 带 Secure");
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty());
        Client c = new Client();
        c.login("伪造地址测试", "wrong-password-1");
        // 伪造的来源地址不进操作记录
        c.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", "203.0.113.9")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + WebFixture.enc(c.csrf("/login")) + "&name=" + WebFixture.enc("伪造地址测试")
                        + "&password=x")));
        List<AuditLog.Entry> log = server.audit.recent(0, 5, "伪造地址测试");
        assertTrue(log.stream().allMatch(e -> e.remote().equals("127.0.0.1")), log.toString());
        server.trustedProxies.add("127.0.0.1");
        try {
            HttpResponse<String> proxied = http.send(spoofed, HttpResponse.BodyHandlers.ofString());
            assertTrue(proxied.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
            assertTrue(proxied.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
            Client viaProxy = new Client();
            viaProxy.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", "198.51.100.7, 127.0.0.1").GET());
            String token = viaProxy.csrf("/login");
            viaProxy.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", "10.9.8.7")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + WebFixture.enc(token) + "&name=" + WebFixture.enc("代理后的地址")
                            + "&password=x")));
            assertEquals("10.9.8.7", server.audit.recent(0, 1, "代理后的地址").get(0).remote());
        } finally {
            server.trustedProxies.remove("127.0.0.1");
        }
    }

    /** serve --keystore：Jetty 自己的 TLS；回答 HTTPS，Cookie 带 Secure，有 HSTS。 */
    @Test
    void tlsServeAnswersOnHttpsWithSecureCookies() throws Exception {
        Path ks = dir.resolve("test.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "assess", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "test-store-pass").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "test-store-pass".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        try (WebServer tls = new WebServer(db, TestSupport.rulesDir()).tls(ks, "test-store-pass".toCharArray()).start("127.0.0.1", 0)) {
            String https = "https://127.0.0.1:" + tls.port();
            HttpClient http = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(https + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("登录"));
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly"), cookie);
            assertTrue(login.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
            assertTrue(m.find());
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(https + "/login")).header("Cookie", cookie.split(";", 2)[0])
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + WebFixture.enc(m.group(1)) + "&name=" + WebFixture.enc(VIEWER) + "&password=" + PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, in.statusCode(), in.body());
            assertTrue(in.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
            // 明文 HTTP 连到 HTTPS 端口：不会得到页面
            try (Socket s = new Socket("127.0.0.1", tls.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /login HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = s.getInputStream().readNBytes(200);
                assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("登录"));
            } catch (java.io.IOException expected) {
                // 连接被关掉也可以
            }
        }
    }

    /** 密码规则与账号名：12345678 被拒（中文），只差大小写的账号名不能再建，登录不分大小写。 */
    @Test
    void weakPasswordsAndCaseTwinsAreRefusedInChinese() {
        Accounts accounts = new Accounts(db);
        InputException weak = assertThrows(InputException.class, () -> accounts.add("弱密码", Role.查看, null, "12345678".toCharArray()));
        assertTrue(weak.getMessage().contains("密码至少 12 个字符"), weak.getMessage());
        InputException tooLong = assertThrows(InputException.class, () -> accounts.add("长密码", Role.查看, null, "密".repeat(25).toCharArray()));
        assertTrue(tooLong.getMessage().contains("72 字节"), tooLong.getMessage());
        accounts.add("locktest", Role.查看, null, PASSWORD.toCharArray());
        InputException twin = assertThrows(InputException.class, () -> accounts.add("LOCKTEST", Role.查看, null, PASSWORD.toCharArray()));
        assertTrue(twin.getMessage().contains("只差大小写"), twin.getMessage());
        Client c = new Client();
        assertEquals(302, c.login("LockTest", PASSWORD).statusCode(), "登录时账号名不分大小写");
        // 网页上新建账号：同样的中文说明
        Client admin = admin();
        HttpResponse<String> r = admin.postForm("/admin/users", Map.of("name", "网页弱密码", "role", "查看", "unit", "", "password", "12345678"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("密码至少 12 个字符"), r.body());
        assertTrue(accounts.find("网页弱密码").isEmpty());
    }

    /** 管理员重置密码：对方的会话作废，下次登录先改密码；改自己的密码要原密码、要合规则；改角色；都进操作记录。 */
    @Test
    void resetForcesAChangeAndEverythingIsLogged() {
        Accounts accounts = new Accounts(db);
        long id = accounts.add("被重置的人", Role.查看, null, PASSWORD.toCharArray()).id();
        Client user = new Client();
        assertEquals(302, user.login("被重置的人", PASSWORD).statusCode());
        Client admin = admin();
        HttpResponse<String> weak = admin.postForm("/admin/users/" + id + "/password", Map.of("password", "short"));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("密码至少 12 个字符"), weak.body());
        assertEquals(302, admin.postForm("/admin/users/" + id + "/password", Map.of("password", "temporary-pass-9")).statusCode());
        assertEquals(302, user.get("/runs").statusCode(), "重置后原会话作废");
        Client again = new Client();
        HttpResponse<String> in = again.login("被重置的人", "temporary-pass-9");
        assertEquals(PasswordController.PATH, in.headers().firstValue("Location").orElse(""));
        assertEquals(PasswordController.PATH, again.get("/runs").headers().firstValue("Location").orElse(""), "改密码之前哪里也去不了");
        String token = again.csrf(PasswordController.PATH);
        HttpResponse<String> wrong = again.post(PasswordController.PATH, Map.of("_csrf", token, "current", "not-it",
                "password", "my-own-secret-42", "repeat", "my-own-secret-42"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("原密码不对"));
        HttpResponse<String> bad = again.post(PasswordController.PATH, Map.of("_csrf", token, "current", "temporary-pass-9",
                "password", "12345678", "repeat", "12345678"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("密码至少 12 个字符"), bad.body());
        HttpResponse<String> ok = again.post(PasswordController.PATH, Map.of("_csrf", token, "current", "temporary-pass-9",
                "password", "my-own-secret-42", "repeat", "my-own-secret-42"));
        assertEquals(302, ok.statusCode(), ok.body());
        assertEquals(200, again.get("/runs").statusCode());
        assertFalse(accounts.find(id).orElseThrow().mustChange());
        // 改角色：查看 → 经办；对方的会话作废
        assertEquals(302, admin.postForm("/admin/users/" + id + "/role", Map.of("role", "经办", "unit", "")).statusCode());
        assertEquals(Role.经办, accounts.find(id).orElseThrow().role());
        assertEquals(302, again.get("/runs").statusCode());
        HttpResponse<String> badRole = admin.postForm("/admin/users/" + id + "/role", Map.of("role", "单位", "unit", ""));
        assertEquals(400, badRole.statusCode());
        assertTrue(badRole.body().contains("必须指定它所属的单位"), badRole.body());
        long me = accounts.find(ADMIN).orElseThrow().id();
        assertEquals(400, admin.postForm("/admin/users/" + me + "/role", Map.of("role", "查看", "unit", "")).statusCode());
        String audit = admin.get("/admin/audit").body();
        assertTrue(audit.contains("重置密码") && audit.contains("修改密码") && audit.contains("修改角色"), audit);
    }

    /** 登录后回到要去的页面（办公 OA 里的链接）；外站网址与各种变形一律回首页。 */
    @Test
    void returnToThePageAskedForButNeverToAnotherSite() {
        Client c = new Client();
        HttpResponse<String> r = c.get("/orders?no=RX1&channel=x");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals("/login?next=" + WebFixture.enc("/orders?no=RX1&channel=x"), location);
        String page = c.get(location).body();
        assertTrue(page.contains("name=\"next\" value=\"/orders?no=RX1&amp;channel=x\""), page);
        String token = c.csrf(location);
        HttpResponse<String> in = c.post("/login", Map.of("_csrf", token, "name", VIEWER, "password", PASSWORD, "next", "/orders?no=RX1&channel=x"));
        assertEquals("/orders?no=RX1&channel=x", in.headers().firstValue("Location").orElse(""));
        for (String evil : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)",
                "/login?next=//evil.example", " /runs", "/runs\r\nSet-Cookie: x=1", "evil.example")) {
            Client e = new Client();
            String t = e.csrf("/login?next=" + WebFixture.enc(evil));
            HttpResponse<String> out = e.post("/login", Map.of("_csrf", t, "name", VIEWER, "password", PASSWORD, "next", evil));
            assertEquals("/", out.headers().firstValue("Location").orElse(""), evil);
        }
        assertEquals("/", RequestGuard.safeNext("//evil.example"));
        assertEquals("/runs/3/units/5", RequestGuard.safeNext("/runs/3/units/5"));
    }
}
