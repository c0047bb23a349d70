package cn.gov.assess.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 测页面时间用的 HTTP 会话：像浏览器一样登录（取登录页的 CSRF 校验码、记下会话 Cookie），不跟随跳转。 */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    PageClient(String base) {
        this.base = base;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    void login(String account, String password) {
        Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
        if (!m.find()) {
            throw new IllegalStateException("登录页没有 CSRF 校验码");
        }
        String form = "_csrf=" + enc(m.group(1)) + "&name=" + enc(account) + "&password=" + enc(password);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        String next = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || next.contains("password")) {
            throw new IllegalStateException("测速账号登录失败（HTTP " + r.statusCode() + "，转到 " + next + "）");
        }
    }

    /** 请求一页，返回毫秒（到读完正文）；不是 200 时报错。 */
    double timeGet(String path) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("页面 " + path + " 返回 HTTP " + r.statusCode());
        }
        return ms;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
