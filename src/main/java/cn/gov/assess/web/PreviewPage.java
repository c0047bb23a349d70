package cn.gov.assess.web;

import cn.gov.assess.assessment.Preview;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * 预览规则草稿的页面（规则管理、审核可用）：{@link Preview} 的结果——汇总、名单变化（新进入绿色、不再列入红色，带草稿运行的理由）、
 * 单位变化表、通报全文（新增的字用 &lt;ins&gt;、删去的字用 &lt;del&gt; 标出）。草稿未通过检查时只显示中文的检查错误。
 * 两次考核在后台任务的队列里做（与导入、考核同一条队列，{@link Jobs}），请求只提交任务、转到 /rules/previews/{编号}：
 * 进行中显示进度（job.js 每秒读一次 .json），完成后同一地址显示结果。不保存运行、不改默认运行；任务与结果只在内存里
 * （不写任务表），操作记录照常记下谁在何时开始、做完了哪次预览。
 * 路由由调用方给出（如 /rules/drafts/{id}/preview），页面只接受 RuleSet，不从浏览器接受任何服务器路径。
 */
public final class PreviewPage implements WebServer.Controller {
    static final String PATH = "/rules/previews/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Predicate<Role> ALLOWED = r -> r.editsRules() || r.approves();
    private final WebServer web;

    public PreviewPage(WebServer web) {
        this.web = web;
    }

    /** 预览任务的结果：页面要的全部。 */
    record Shown(Preview.Outcome outcome, String title, Period period) {
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH + "{id}", this::job);
    }

    /**
     * 提交预览并转到它的页面。先查角色（规则管理或审核，否则 403），再对 period（cutoff 为 null 时取考核期最后一天 23:59:59；
     * period 为 null 时取最近一次运行的考核期与截至时点）的已存数据用 base 与 draft 各做一次不保存的考核并比较。同一个人对同样的
     * 两份规则、同一期的预览还没做完时，回到那一个，不另起。
     *
     * @param title 页面上怎样称呼这份草稿，如“草稿 #3：镇街名额改为 5”
     */
    public void show(Context ctx, RuleSet base, RuleSet draft, String title, Period period, LocalDateTime cutoff) {
        Accounts.Account me = WebServer.require(ctx, ALLOWED);
        if (period == null) {
            // 没指定考核期：取最近一次运行的考核期与截至时点
            Preview.Target latest = Preview.latest(web.db(ctx));
            if (latest == null) {
                throw new WebError(400, "还没有考核运行，请先导入数据并考核一次，或指定要预览的考核期。");
            }
            period = latest.period();
            cutoff = cutoff != null ? cutoff : latest.cutoff();
        }
        Period p = period;
        LocalDateTime c = cutoff;
        String key = me.name() + '\u0001' + base.fingerprint() + '\u0001' + draft.fingerprint() + '\u0001' + p.code() + '\u0001' + c;
        cn.gov.assess.db.Database db = web.db(ctx); // 任务在提交时取定辖区
        Jobs.Job job = web.jobs(ctx).submitOnce(key, Jobs.Kind.预览, me.name(), WebServer.ip(ctx), "预览" + title + "（" + p.code() + "）", j -> {
            j.phase("检查草稿，用现行规则与草稿各考核一次（都不保存）", 0);
            Preview.Outcome o = Preview.run(db, base, draft, p, c);
            j.result(new Shown(o, title, p));
            j.run(null, o.ok() ? (o.result().unchanged() ? "没有变化" : o.result().changedUnits() + " 个单位、" + o.result().lists().size()
                    + " 个名单有变化") : "草稿未通过检查");
        });
        ctx.redirect(PATH + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** 预览任务的页面（.json 是进度）：进行中或失败时是任务页，完成后是预览结果。 */
    private void job(Context ctx) {
        WebServer.require(ctx, ALLOWED);
        String id = ctx.pathParam("id");
        boolean json = id.endsWith(".json");
        Jobs.Job job = web.jobs(ctx).get(json ? id.substring(0, id.length() - 5) : id);
        if (job == null || job.kind != Jobs.Kind.预览) {
            throw WebError.notFound("没有这个预览。预览的结果只留在服务器内存里，服务重启后请回到草稿页重新预览。");
        }
        if (json) {
            try {
                ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(JobController.status(job)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (job.state() == Jobs.State.完成 && job.result() instanceof Shown s) {
            web.views.render(ctx, "preview.ftl", model(s.outcome(), s.title(), s.period()));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>(JobController.status(job));
        m.put("title", job.title);
        m.put("json", PATH + job.id + ".json");
        m.put("failure", job.failure());
        List<String> problems = new ArrayList<>();
        job.problems().forEach(p -> problems.add(p.file().isEmpty() ? p.message() : p.file() + "：" + p.message()));
        m.put("problems", problems);
        web.views.render(ctx, "preview-job.ftl", m);
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
            m.put("doc", NoticePreview.blocks(r.notice().lines()));
        }
        return m;
    }
}
