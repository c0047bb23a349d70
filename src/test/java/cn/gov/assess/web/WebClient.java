package cn.gov.assess.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 网页测试共用的 HTTP 客户端，像一个浏览器会话：不自动跟随跳转、自己管 Cookie，能取 CSRF 校验码、登录、提交表单、
 * multipart 上传、等后台任务结束。各测试库（WebFixture、CorrectionFixture、RulesFixture、OperateFixture）的 Client
 * 只是指向自己服务器的子类。
 */
class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;
    String lastSetCookie;

    WebClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(WebFixture.enc(k)).append('=').append(WebFixture.enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** 带上本会话的 CSRF 校验码提交。 */
    HttpResponse<String> postForm(String path, Map<String, String> form) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("_csrf", csrf("/runs"));
        return post(path, f);
    }

    /**
     * multipart/form-data：表单字段与文件（字段名 files，文件名取 Path 的文件名）。字段里的 _csrf 同时放进网址（像导入页的
     * 表单那样）：服务器在读上传的正文之前就要核对它。
     */
    HttpResponse<String> upload(String path, Map<String, String> fields, List<Path> files) throws IOException {
        String csrf = fields.get("_csrf");
        if (csrf != null) {
            path = path + (path.contains("?") ? "&" : "?") + "_csrf=" + WebFixture.enc(csrf);
        }
        String boundary = "----assess" + System.nanoTime();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n", StandardCharsets.UTF_8));
        }
        for (Path p : files) {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                    + "filename=\"" + p.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n", StandardCharsets.UTF_8));
            parts.add(HttpRequest.BodyPublishers.ofFile(p));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().firstValue("Set-Cookie").ifPresent(c -> {
                lastSetCookie = c;
                cookie = c.split(";", 2)[0];
            });
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 当前页面表单里的 CSRF 校验码（先 GET 一个带表单的页面）。 */
    String csrf(String page) {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new AssertionError(page + " 没有 CSRF 校验码");
        }
        return m.group(1);
    }

    HttpResponse<String> login(String name, String password) {
        String token = csrf("/login");
        return post("/login", Map.of("_csrf", token, "name", name, "password", password));
    }

    /** 等后台任务结束（最多 timeoutSeconds 秒），返回最后一次的 JSON 文本。 */
    String awaitJob(String jobPath, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            String json = get(jobPath + ".json").body();
            if (json.contains("\"over\":true")) {
                return json;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("任务 " + jobPath + " 在 " + timeoutSeconds + " 秒内没有结束：" + json);
            }
            Thread.sleep(100);
        }
    }
}
