package cn.gov.assess.web;

import cn.gov.assess.assessment.Preview;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import io.javalin.http.Context;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 预览规则草稿的页面（规则管理、审核可用）：{@link Preview} 的结果——汇总、名单变化（新进入绿色、不再列入红色，带草稿运行的理由）、
 * 单位变化表、通报全文（新增的字用 &lt;ins&gt;、删去的字用 &lt;del&gt; 标出）。草稿未通过检查时只显示中文的检查错误。
 * 不写数据库。路由由调用方给出（如 /rules/drafts/{id}/preview），页面只接受 RuleSet，不从浏览器接受任何服务器路径。
 */
public final class PreviewPage {
    private final WebServer web;

    public PreviewPage(WebServer web) {
        this.web = web;
    }

    /**
     * 显示预览。先查角色（规则管理或审核，否则 403），再对 period（cutoff 为 null 时取考核期最后一天 23:59:59；period 为 null
     * 时取最近一次运行的考核期与截至时点）的已存数据用 base 与 draft 各做一次不保存的考核并比较。
     *
     * @param title 页面上怎样称呼这份草稿，如“草稿 #3：镇街名额改为 5”
     */
    public void show(Context ctx, RuleSet base, RuleSet draft, String title, Period period, LocalDateTime cutoff) {
        WebServer.require(ctx, r -> r.editsRules() || r.approves());
        if (period == null) {
            // 没指定考核期：取最近一次运行的考核期与截至时点
            Preview.Target latest = Preview.latest(web.db);
            if (latest == null) {
                throw new WebError(400, "还没有考核运行，请先导入数据并考核一次，或指定要预览的考核期。");
            }
            period = latest.period();
            cutoff = cutoff != null ? cutoff : latest.cutoff();
        }
        Preview.Outcome o = Preview.run(web.db, base, draft, period, cutoff);
        web.views.render(ctx, "preview.ftl", model(o, title, period));
    }

    /** 页面模型（测试也用它直接渲染 preview.ftl）。 */
    static Map<String, Object> model(Preview.Outcome o, String title, Period period) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("period", period.code());
        m.put("errors", o.errors());
        if (o.ok()) {
            Preview.Result r = o.result();
            m.put("r", r);
            m.put("cutoff", r.cutoff().toString().replace('T', ' '));
            m.put("seconds", String.format("%.1f", r.millis() / 1000.0));
            m.put("changedUnits", r.changedUnits());
            m.put("changedLines", r.notice().changedLines());
        }
        return m;
    }
}
