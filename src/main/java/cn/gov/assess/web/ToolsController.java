package cn.gov.assess.web;

import cn.gov.assess.audit.DiffText;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitDirectory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 工具：按名称或别名找单位（页头的搜索框）；导出工单清单、单位的数字、比较结果、操作记录（CSV、XLSX，防公式）；
 * 在网页上作废一次运行（经办，写明原因，记入操作记录，与 assess retire 同一个用例 {@link RunStore#retire}）。
 */
final class ToolsController implements WebServer.Controller {
    /** 作废原因的长度上限（与 assessment_run.retired_reason 的列宽相当）。 */
    static final int MAX_REASON = 200;
    private final WebServer web;

    ToolsController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/units/search", this::search);
        r.get("/runs/{id}/units/{unit}/export", this::unitExport);
        r.get("/diff/export", this::diffExport);
        r.get("/admin/audit/export", this::auditExport);
        r.post("/runs/{id}/retire", this::retire);
    }

    /** 找单位：名称或别名含所查的字；只有一个时直接打开它在最近一次运行里的页面。单位账号只找得到本单位。 */
    private void search(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        String q = UnitController.blankToNull(ctx.queryParam("q"));
        Long latest = new RunStore(web.db(ctx)).latestRunId();
        Map<Long, Map<String, Object>> found = new LinkedHashMap<>();
        if (q != null) {
            UnitDirectory units = web.db(ctx).read(UnitDirectory::load);
            UnitDirectory.Ref exact = units.find(q);
            List<String> keys = new ArrayList<>(units.names());
            keys.sort(String::compareTo);
            if (exact != null) {
                keys.add(0, q);
            }
            for (String key : keys) {
                if (!key.contains(q)) {
                    continue;
                }
                UnitDirectory.Ref ref = units.find(key);
                if (ref == null || ref.id() == null || (!me.role().seesAll() && !ref.id().equals(me.unitId()))) {
                    continue;
                }
                Map<String, Object> m = found.computeIfAbsent(ref.id(), id -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", id);
                    x.put("name", ref.name());
                    x.put("aliases", new ArrayList<String>());
                    return x;
                });
                if (!key.equals(ref.name())) {
                    @SuppressWarnings("unchecked")
                    List<String> aliases = (List<String>) m.get("aliases");
                    if (!aliases.contains(key)) {
                        aliases.add(key);
                    }
                }
            }
        }
        if (found.size() == 1 && latest != null) {
            ctx.redirect("/runs/" + latest + "/units/" + found.keySet().iterator().next());
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("units", new ArrayList<>(found.values()));
        model.put("latestRun", latest);
        web.views.render(ctx, "search.ftl", model);
    }

    /** 一个单位在一次运行中的转办（可带单位页的筛选）或各项数字；单位账号只能导出本单位的。 */
    private void unitExport(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        long runId = WebServer.longParam(ctx, "id");
        long unitId = WebServer.longParam(ctx, "unit");
        if (!me.role().seesAll() && (me.unitId() == null || me.unitId() != unitId)) {
            throw WebError.forbidden();
        }
        // 单位账号只能导出核对中与已签发的通报所用的运行，工作运行一律 403（与单位页相同）
        if (!me.role().seesAll() && new RunStore(web.db(ctx)).runs().stream().filter(r -> r.getId() == runId).findFirst()
                .map(r -> !cn.gov.assess.issuance.RunStatus.visibleToUnits(runId,
                        new cn.gov.assess.issuance.Notices(web.db(ctx)).ofPeriod(r.getPeriod().code()))).orElse(true)) {
            throw WebError.forbidden();
        }
        Unit unit = web.db(ctx).inTransaction(s -> s.find(Unit.class, unitId));
        if (unit == null) {
            throw WebError.notFound("没有这个单位。");
        }
        RunStore.StoredRun stored = web.results(ctx).run(runId);
        Explainer.UnitExplanation u = web.results(ctx).unit(runId, unit.getName());
        String format = String.valueOf(ctx.queryParam("format"));
        String base = stored.run().getPeriod().code() + "-运行" + runId + "-" + unit.getName();
        if ("figures".equals(ctx.queryParam("what"))) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> row : u.figures()) {
                row.forEach((k, v) -> {
                    if (!k.equals("渠道") && !k.equals("办理单位")) {
                        rows.add(List.of(row.get("渠道"), k, v));
                    }
                });
            }
            Exports.send(ctx, format, "run-" + runId + "-unit-" + unitId + "-figures", base + "-各项数字", "各项数字",
                    List.of("渠道", "项目", "取值"), rows);
            return;
        }
        String status = UnitController.blankToNull(ctx.queryParam("status"));
        String month = UnitController.blankToNull(ctx.queryParam("month"));
        List<String> header = List.of("渠道", "工单编号", "受理时间", "办理时限", "办结时间", "分类", "逾期天数", "规则");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> o : u.orders()) {
            if ((status == null || status.equals(o.get("分类"))) && (month == null || month.equals(UnitController.month(o.get("受理时间"))))) {
                rows.add(header.stream().map(h -> o.getOrDefault(h, "")).toList());
            }
        }
        Exports.send(ctx, format, "run-" + runId + "-unit-" + unitId + "-orders", base + "-转办明细", "转办明细", header, rows);
    }

    private void diffExport(Context ctx) {
        WebServer.requireAll(ctx);
        long a;
        long b;
        try {
            a = Long.parseLong(String.valueOf(ctx.queryParam("a")).strip());
            b = Long.parseLong(String.valueOf(ctx.queryParam("b")).strip());
        } catch (NumberFormatException e) {
            throw new WebError(400, "运行编号应是数字。");
        }
        RunDiff.Result d = web.results(ctx).diff(a, b);
        List<List<String>> rows = new ArrayList<>();
        d.changes().forEach(c -> rows.add(List.of(DiffText.kind(c), DiffText.where(c), DiffText.what(c),
                String.join("；", DiffText.causes(c)))));
        Exports.send(ctx, String.valueOf(ctx.queryParam("format")), "diff-run-" + a + "-run-" + b, "比较-运行" + a + "-运行" + b,
                "比较", List.of("类别", "位置", "变化", "原因"), rows);
    }

    /** 操作记录（管理员）：按账号筛选时只导出该账号的，最多最近 10 万条。 */
    private void auditExport(Context ctx) {
        WebServer.requireAdmin(ctx);
        String account = UnitController.blankToNull(ctx.queryParam("account"));
        List<List<String>> rows = new ArrayList<>();
        for (AuditLog.Entry e : web.office(ctx).audit().recent(0, 100_000, account)) {
            rows.add(List.of(e.at().format(RunsController.TIME), e.account(), e.action(), e.detail(), e.remote()));
        }
        web.audit(ctx, "导出操作记录", account == null ? "全部账号" : "账号 " + account);
        Exports.send(ctx, String.valueOf(ctx.queryParam("format")), "audit-log", "操作记录", "操作记录",
                List.of("时间", "账号", "操作", "内容", "来源"), rows);
    }

    /** 作废一次运行（经办）：写明原因；作废后它不再是本期的正式结果，也不再是默认运行。 */
    private void retire(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        long id = WebServer.longParam(ctx, "id");
        String reason = UnitController.blankToNull(ctx.formParam("reason"));
        if (reason == null) {
            throw new WebError(400, "请写明作废的原因。");
        }
        if (reason.length() > MAX_REASON) {
            throw new WebError(400, "作废原因最多 " + MAX_REASON + " 个字。");
        }
        AssessmentRun r = new RunStore(web.db(ctx)).retire(id, me.name(), reason);
        web.audit(ctx, "作废运行", "运行 #" + r.getId() + "（" + r.getPeriod().code() + "）：" + reason);
        ctx.redirect("/runs/" + id);
    }

    /** 一次运行现在是否已作废及由谁、为什么（运行缓存里的是读入时的样子，这里读库）。 */
    static Map<String, Object> retired(WebServer web, io.javalin.http.Context ctx, long runId) {
        for (AssessmentRun r : web.results(ctx).runs()) {
            if (r.getId() == runId && r.isRetired()) {
                return Map.of("at", r.getRetiredAt().format(RunsController.TIME), "by", r.getRetiredBy(), "reason", r.getRetiredReason());
            }
        }
        return null;
    }
}
