package cn.gov.assess.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * 页面模板：FreeMarker，输出格式 HTML，所有 ${…} 自动转义（单位名、理由、工单编号里的 &lt;、&amp;、引号都按文字显示）。
 * 模板在 resources/web/templates/，共用 layout.ftl。
 */
final class Views {
    private final Configuration cfg;

    Views() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(Views.class, "/web/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
    }

    /** 渲染页面：model 之外自动带上当前账号与 CSRF 校验码。 */
    void render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        Sessions.Session s = ctx.attribute(WebServer.SESSION);
        m.put("csrf", s == null ? "" : s.csrf());
        Accounts.Account me = s == null || s.account() == null ? null : WebServer.effective(s);
        m.put("me", me);
        m.put("seesAll", me != null && me.role().seesAll());
        Role role = me == null ? null : me.role();
        Object jurisdiction = ctx.attribute(JurisdictionController.HEADER);
        if (jurisdiction != null) {
            m.put("jurisdictionHeader", jurisdiction);
        }
        m.put("admin", role == Role.管理员);
        m.put("operates", role != null && role.operates());
        m.put("editsRules", role != null && role.editsRules());
        m.put("approves", role != null && role.approves());
        ctx.html(html(template, m));
    }

    String html(String template, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(template);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("页面模板 " + template + " 出错：" + e.getMessage(), e);
        }
    }
}
