package cn.gov.assess.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 每个请求先经过这里（Javalin 的 before 处理器，只看请求行、请求头与 Cookie，不读正文）：安全响应头（经 HTTPS 时加 HSTS）；
 * 来源地址与是否 HTTPS（X-Forwarded-* 只认管理员指定的反向代理）；找到登录会话或给匿名访问者一个随机数 Cookie；
 * 没登录的人只能提交登录表单，且正文最多 {@value #ANONYMOUS_BODY} 字节，其余一律在读正文之前拒绝；上传（multipart）的 CSRF
 * 校验码在请求头 X-CSRF-Token 或网址参数 _csrf 里，核对它不用读正文；同一个账号同时只能有一个上传；
 * 管理员重置过密码的账号先去改密码；没登录时转到登录页并记下要去的页面。
 */
final class RequestGuard {
    static final String HTTPS = "assess.https";
    static final String IP = "assess.ip";
    static final String UPLOAD = "assess.upload";
    /** 匿名请求正文的上限：登录表单只有几十字节。 */
    static final int ANONYMOUS_BODY = 64 * 1024;

    private final WebServer web;
    private final Set<Long> uploading = ConcurrentHashMap.newKeySet();

    RequestGuard(WebServer web) {
        this.web = web;
    }

    void before(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        boolean proxied = web.trustedProxies.contains(remote);
        boolean https = "https".equalsIgnoreCase(ctx.req().getScheme())
                || proxied && "https".equalsIgnoreCase(first(ctx.header("X-Forwarded-Proto")));
        ctx.attribute(HTTPS, https);
        ctx.attribute(IP, proxied ? forwardedFor(ctx.header("X-Forwarded-For"), remote) : remote);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.path().startsWith("/assets/")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        String cookie = ctx.cookie(Sessions.COOKIE);
        Sessions.Session s = web.sessions.get(cookie);
        if (s == null) {
            s = web.sessions.anonymous(cookie);
            if (s.fresh) {
                ctx.header("Set-Cookie", Sessions.cookieHeader(s, https));
            }
        }
        ctx.attribute(WebServer.SESSION, s);
        HandlerType m = ctx.method();
        boolean write = m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
        if (write && !s.loggedIn() && !anonymousAllowed(ctx)) {
            return;
        }
        if (write && ctx.isMultipartFormData()) {
            if (!upload(ctx, s)) {
                return;
            }
        } else if (m == HandlerType.POST && !formToken(ctx, s)) {
            return;
        }
        if (!s.loggedIn() && !ctx.path().equals("/login")) {
            ctx.skipRemainingHandlers();
            ctx.redirect(loginUrl(ctx));
            return;
        }
        if (s.loggedIn() && s.mustChange && !ctx.path().equals(PasswordController.PATH) && !ctx.path().equals("/logout")) {
            ctx.skipRemainingHandlers();
            ctx.redirect(PasswordController.PATH);
        }
    }

    /** 请求结束：放开这个账号的上传名额。 */
    void after(Context ctx) {
        Long id = ctx.attribute(UPLOAD);
        if (id != null) {
            uploading.remove(id);
        }
    }

    /** 没登录的人只能提交不大的登录表单；别的一律在读正文之前拒绝，并关掉连接（不读它发来的其余内容）。 */
    private boolean anonymousAllowed(Context ctx) {
        long length = ctx.contentLength();
        if (ctx.path().equals("/login") && !ctx.isMultipartFormData() && length >= 0 && length <= ANONYMOUS_BODY) {
            return true;
        }
        ctx.skipRemainingHandlers();
        ctx.header("Connection", "close");
        if (ctx.path().equals("/login")) {
            web.error(ctx, 413, "登录表单的内容不对（太大或格式不对），没有执行。请刷新登录页后重试。");
        } else {
            web.error(ctx, 403, "请先登录。没有登录时不能提交任何内容，本次提交没有执行。");
        }
        return false;
    }

    /** 上传：校验码在请求头或网址里（不读正文就能核对）、大小在上限内、这个账号没有别的上传正在进行。 */
    private boolean upload(Context ctx, Sessions.Session s) {
        String token = ctx.header("X-CSRF-Token");
        if (token == null) {
            token = ctx.queryParam("_csrf");
        }
        if (!s.csrfMatches(token)) {
            ctx.skipRemainingHandlers();
            drain(ctx);
            web.error(ctx, 403, "表单缺少有效的校验码（可能页面已过期），没有执行。请刷新页面后重试。");
            return false;
        }
        if (ctx.contentLength() > web.maxUploadMb * 1048576L) {
            ctx.skipRemainingHandlers();
            ctx.header("Connection", "close");
            web.error(ctx, 413, "上传的文件太大：一次最多 " + web.maxUploadMb + " MB。请分几次上传。");
            return false;
        }
        long id = s.account().id();
        if (!uploading.add(id)) {
            ctx.skipRemainingHandlers();
            ctx.header("Connection", "close");
            web.error(ctx, 429, "这个账号还有一个上传没有结束：请等它传完（或在那个页面取消）再上传。");
            return false;
        }
        ctx.attribute(UPLOAD, id);
        return true;
    }

    /** 普通表单：读正文取校验码（只有登录了的人，或不大的登录表单，才走到这里）。 */
    private boolean formToken(Context ctx, Sessions.Session s) {
        String token;
        try {
            token = ctx.formParam("_csrf");
        } catch (Exception e) {
            // 读表单时出错：超过请求大小上限（Javalin 413，英文“Content Too Large”）或格式坏了。不让英文或 500 到浏览器
            ctx.skipRemainingHandlers();
            if (e instanceof io.javalin.http.HttpResponseException h && h.getStatus() == 413) {
                drain(ctx);
                web.error(ctx, 413, "提交的内容太大，没有执行。表格的格里应是简短的文字或数字，原因、说明等也请写得简短些；上传文件请用“导入”页。");
            } else {
                web.error(ctx, 400, "提交的表单不完整或格式有误（可能上传被中断），没有执行。请刷新页面后重试。");
            }
            return false;
        }
        if (!s.csrfMatches(token)) {
            ctx.skipRemainingHandlers();
            web.error(ctx, 403, "表单缺少有效的校验码（可能页面已过期），没有执行。请刷新页面后重试。");
            return false;
        }
        return true;
    }

    /** 登录页的网址：GET 请求记下要去的页面（登录后回到那里，见 {@link #safeNext}）。 */
    private static String loginUrl(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.path().equals("/")) {
            return "/login";
        }
        String q = ctx.queryString();
        String next = ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
        return safeNext(next).equals("/") ? "/login" : "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * 登录后去的页面：只许本站的相对路径（以一个“/”开头，不是“//”，不含反斜杠、空白或控制字符，不回登录页），
     * 别的（外站网址、“//evil”、“/\evil”、“javascript:”……）一律回首页，不做开放跳转。
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "/";
            }
        }
        return next;
    }

    /** X-Forwarded-For 里最靠近我们、不是受信任代理的那个地址（最右边的由我们的代理写入，别的可能是客户端伪造的）。 */
    private String forwardedFor(String header, String remote) {
        if (header == null || header.isBlank()) {
            return remote;
        }
        String[] hops = header.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String h = hops[i].strip();
            if (!h.isEmpty() && !web.trustedProxies.contains(h)) {
                return h.length() > 100 ? h.substring(0, 100) : h;
            }
        }
        return remote;
    }

    private static String first(String header) {
        return header == null ? null : header.split(",", 2)[0].strip();
    }

    /**
     * 读完（丢弃）没读的请求正文，最多 64 MB（只对登录了的人）：不读完就回应时，连接在浏览器还在发送时被关掉，浏览器只显示
     * “连接被重置”，看不到中文说明。
     */
    static void drain(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buf = new byte[65536];
            long left = 64L << 20;
            int n;
            while (left > 0 && (n = in.read(buf)) != -1) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // 连接已断：没有可说明的对象了
        }
    }
}
