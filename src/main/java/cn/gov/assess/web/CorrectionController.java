package cn.gov.assess.web;

import cn.gov.assess.correction.Correction;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 经办在网页上登记与撤回更正（与 assess correct 同一套检查与保存：{@link Corrections#record(Corrections.Request)}），
 * 再由经办选择重新考核哪一期（{@link RerunOffers}：包含该工单的每一期，通报核对中或已签发的在前），打开与旧运行的比较。提出人一律是登录的账号。
 */
final class CorrectionController implements WebServer.Controller {
    static final int RECENT = 30;
    private final WebServer web;
    private final java.util.Set<String> channels;

    CorrectionController(WebServer web) {
        this.web = web;
        this.channels = OrderController.configuredChannels(web.rulesDir);
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/corrections", this::page);
        r.post("/corrections", this::register);
        r.post("/corrections/{id}/withdraw", this::withdraw);
        r.post("/corrections/rerun", this::rerun);
    }

    private void page(Context ctx) {
        WebServer.require(ctx, Role::operates);
        Map<String, Object> model = new LinkedHashMap<>();
        String done = UnitController.blankToNull(ctx.queryParam("done"));
        String withdrawn = UnitController.blankToNull(ctx.queryParam("withdrawn"));
        Correction c = done != null ? correction(ctx, done) : withdrawn != null ? correction(ctx, withdrawn) : null;
        if (c != null) {
            model.put(done != null ? "done" : "withdrawn", c);
        }
        render(ctx, ctx.queryParam("no"), ctx.queryParam("channel"), model);
    }

    private Correction correction(Context ctx, String id) {
        try {
            return new Corrections(web.db(ctx)).get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 页面：查找表单、找到的工单（每次转办的原值、当前值、更正与表单）、重新考核、最近的更正。 */
    private void render(Context ctx, String noParam, String channelParam, Map<String, Object> extra) {
        String no = UnitController.blankToNull(noParam);
        String channel = UnitController.blankToNull(channelParam);
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("no", no == null ? "" : no);
        model.put("channel", channel == null ? "" : channel);
        model.put("channels", new ArrayList<>(channels));
        model.put("fields", Corrections.FIELDS);
        Corrections corrections = new Corrections(web.db(ctx));
        if (no != null) {
            try {
                List<Corrections.OrderView> orders = corrections.find(no, channel, channels);
                model.put("orders", orders);
                if (model.get("form") instanceof Map<?, ?> form && orders.stream().flatMap(o -> o.assignments().stream())
                        .noneMatch(a -> String.valueOf(a.id()).equals(form.get("assignment")))) {
                    model.put("topErrors", true); // 表单不属于列出的任一转办：错误写在页面上方
                }
                List<Map<String, Object>> offers = RerunOffers.of(web, ctx, orders);
                if (!offers.isEmpty()) {
                    model.put("offers", offers);
                }
            } catch (InputException e) {
                model.put("notFound", String.join("；", e.problems()));
                model.put("topErrors", true);
            }
        } else {
            model.put("topErrors", true);
        }
        model.put("recent", corrections.recent(RECENT));
        web.views.render(ctx, "corrections.ftl", model);
    }

    private void register(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        String channel = form(ctx, "channel");
        String no = form(ctx, "no");
        String assignment = form(ctx, "assignment");
        Corrections.Request request = new Corrections.Request(channel, no, form(ctx, "unit"), form(ctx, "field"),
                form(ctx, "value"), form(ctx, "reason"), me.name());
        try {
            Correction c = new Corrections(web.db(ctx)).record(request);
            web.audit(ctx, "登记更正", c.describe());
            ctx.redirect("/corrections?no=" + enc(no) + "&channel=" + enc(channel) + "&done=" + c.getId());
        } catch (Corrections.Rejected e) {
            ctx.status(400);
            List<Map<String, String>> errors = new ArrayList<>();
            e.errors().forEach(x -> errors.add(Map.of("column", x.getKey(), "message", x.getValue())));
            render(ctx, no, channel, Map.of("form", Map.of("assignment", assignment, "field", request.field(),
                    "value", request.value(), "reason", request.reason()), "errors", errors));
        }
    }

    private void withdraw(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        long id = WebServer.longParam(ctx, "id");
        Corrections corrections = new Corrections(web.db(ctx));
        Correction target = corrections.get(id);
        if (target == null) {
            throw WebError.notFound("没有编号为 " + id + " 的更正。");
        }
        String reason = form(ctx, "reason");
        try {
            Correction w = corrections.withdraw(id, reason, me.name());
            web.audit(ctx, "撤回更正", w.describe());
            ctx.redirect("/corrections?no=" + enc(target.getOrderNo()) + "&channel=" + enc(target.getChannel()) + "&withdrawn=" + id);
        } catch (InputException e) {
            ctx.status(400);
            render(ctx, target.getOrderNo(), target.getChannel(),
                    Map.of("withdrawError", Map.of("id", id, "message", String.join("；", e.problems()), "reason", reason)));
        }
    }

    /**
     * 重新考核：沿用所选运行的考核期与截至时间，与命令行 run 同一条路（AssessPeriod），然后打开两次运行的比较。
     * 作为后台任务排队（与导入、开始考核同一个工作线程，不会与导入交错写库），请求立即转到任务页；任务完成后页面自动打开比较。
     */
    private void rerun(Context ctx) {
        WebServer.require(ctx, Role::operates);
        long baseId;
        try {
            baseId = Long.parseLong(form(ctx, "run"));
        } catch (NumberFormatException e) {
            throw new WebError(400, "运行编号应是数字。");
        }
        AssessmentRun base = web.results(ctx).runs().stream().filter(r -> r.getId() == baseId && !r.isRetired()).findFirst()
                .orElseThrow(() -> WebError.notFound("没有编号为 " + baseId + " 的考核运行（或已作废）。"));
        Accounts.Account me = WebServer.me(ctx);
        String title = "重新考核 " + base.getPeriod().code() + "，截至 " + Corrections.show(base.getCutoff())
                + "（沿用运行 #" + baseId + " 的考核期与截至时间，登记或撤回更正后）";
        web.audit(ctx, "重新考核", title);
        Jobs.Job job = web.jobs(ctx).submit(Jobs.Kind.考核, me.name(), WebServer.ip(ctx), title,
                ImportRunController.assessment(web, web.office(ctx), base.getPeriod(), base.getCutoff(), baseId), () -> { });
        ctx.redirect("/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
