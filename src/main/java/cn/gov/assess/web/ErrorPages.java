package cn.gov.assess.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty 自己回答的错误（请求还没到 Javalin：请求行太长 414、请求头太大 431、格式坏了的请求 400 等）的中文页面，
 * 代替 Jetty 的英文页面。页面不含请求里的任何内容。经 Javalin 的错误仍由 {@link WebServer#error} 用 error.ftl 回答。
 */
final class ErrorPages extends ErrorHandler {
    /** ECharts 在 webjar 里的位置与网址上的文件名（见 pom.xml；升级 ECharts 时改这里的版本号）。 */
    static final String ECHARTS_FILE = "echarts.min.js";
    static final String ECHARTS_RESOURCE = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** 一个状态码的中文说明。 */
    static String message(int status) {
        return switch (status) {
            case 400 -> "请求的格式有误，服务器无法处理。请从页面上的链接或按钮重新进入。";
            case 404 -> "没有这个页面。";
            case 405 -> "这个页面不接受这种请求方式。请从页面上的链接或按钮进入。";
            case 408 -> "请求等待超时。请重试。";
            case 413 -> "提交的内容太大，没有执行。";
            case 414 -> "网址太长，服务器无法处理。请从页面上的链接重新进入，或减少筛选条件。";
            case 431 -> "请求头太大（多半是浏览器为本站保存的 Cookie 太多）。请清除本站的 Cookie 后重新登录。";
            case 500 -> "服务器内部错误，请把出错时间告诉管理员（详细原因已写入服务器日志）。";
            case 503 -> "服务器暂时不能处理请求，请稍后重试。";
            default -> status >= 500 ? "服务器出错（" + status + "），请稍后重试或告诉管理员。"
                    : "请求没有被执行（" + status + "）。请从页面上的链接或按钮重新进入。";
        };
    }

    static String html(int status) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了 — 12345 热线与信箱考核</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/app.css\"><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"></head><body><header class=\"top\"><a class=\"brand\" href=\"/\">"
                + "12345 热线与信箱考核</a></header><main><section><h1>出错了（" + status + "）</h1><p class=\"alert\" role=\"alert\">"
                + message(status) + "</p><p><a href=\"/\">回到首页</a></p></section></main></body></html>\n";
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.write(true, ByteBuffer.wrap(html(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(html(status).getBytes(StandardCharsets.UTF_8));
    }
}
