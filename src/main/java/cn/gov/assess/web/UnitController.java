package cn.gov.assess.web;

import cn.gov.assess.run.RunDisqualification;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.unit.Unit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 一个单位在一次运行中：各渠道数字、每个名单为什么在或不在（决定性的取值与门槛）、一票否决及其工单编号、
 * 它的转办（分页，可按分类和受理月份筛选）。内容就是 explain 单位 --orders 的 Explainer 记录。
 * 单位账号只能打开自己单位的页面。
 */
final class UnitController implements WebServer.Controller {
    static final int PAGE = 50;
    /** 打印时最多印出几条转办（屏幕上仍分页）；更多时页面说明共几条、请导出。 */
    static final int PRINT_MAX = 3000;
    private final WebServer web;

    UnitController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/runs/{id}/units/{unit}", this::show);
    }

    private void show(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        long runId = WebServer.longParam(ctx, "id");
        long unitId = WebServer.longParam(ctx, "unit");
        if (!me.role().seesAll() && (me.unitId() == null || me.unitId() != unitId)) {
            throw WebError.forbidden();
        }
        Unit unit = web.db(ctx).inTransaction(s -> s.find(Unit.class, unitId));
        if (unit == null) {
            throw WebError.notFound("没有这个单位。");
        }
        RunStore.StoredRun stored = web.results(ctx).run(runId);
        // 单位账号只看核对中与已签发的通报所用的运行，工作运行一律 403（不说它存不存在、有什么）
        if (!me.role().seesAll() && !cn.gov.assess.issuance.RunStatus.visibleToUnits(runId,
                new cn.gov.assess.issuance.Notices(web.db(ctx)).ofPeriod(stored.run().getPeriod().code()))) {
            throw WebError.forbidden();
        }
        Explainer.UnitExplanation u = web.results(ctx).unit(runId, unit.getName());
        String status = blankToNull(ctx.queryParam("status"));
        String month = blankToNull(ctx.queryParam("month"));
        int page = Math.max(1, parseInt(ctx.queryParam("page")));
        TreeSet<String> statuses = new TreeSet<>();
        TreeSet<String> months = new TreeSet<>();
        List<Map<String, String>> filtered = new ArrayList<>();
        for (Map<String, String> o : u.orders()) {
            statuses.add(o.get("分类"));
            String m = month(o.get("受理时间"));
            months.add(m);
            if ((status == null || status.equals(o.get("分类"))) && (month == null || month.equals(m))) {
                filtered.add(o);
            }
        }
        int pages = Math.max(1, (filtered.size() + PAGE - 1) / PAGE);
        page = Math.min(page, pages);
        List<Map<String, Object>> vetoes = new ArrayList<>();
        for (RunDisqualification d : stored.disqualifications()) {
            if (d.getUnitId().equals(unitId)) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("channel", d.getChannel());
                v.put("rule", d.getRuleName());
                v.put("reason", d.getReason());
                v.put("orders", List.of(d.getOrderNos().split("[、,，;；\\s]+")));
                vetoes.add(v);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", RunController.runInfo(stored.run()));
        model.put("runStatus", RunController.status(web, ctx, stored.run()));
        model.put("unitId", unitId);
        model.put("u", u);
        model.put("vetoes", vetoes);
        // 名单在或不在：用规则表的说明说成句子（规则名只在悬停提示里）
        cn.gov.assess.audit.PlainWords plain = cn.gov.assess.audit.PlainWords.of(stored.rules());
        model.put("plain", u.lists().stream().map(plain::why).toList());
        model.put("orders", filtered.subList((page - 1) * PAGE, Math.min(filtered.size(), page * PAGE)));
        // 打印带全部（筛选后的）转办：本页以外的行只在打印时显示
        model.put("printed", filtered.subList(0, Math.min(filtered.size(), PRINT_MAX)));
        model.put("pageFrom", (page - 1) * PAGE);
        model.put("pageTo", page * PAGE);
        model.put("printMax", PRINT_MAX);
        model.put("orderCount", u.orders().size());
        model.put("filteredCount", filtered.size());
        model.put("statuses", new ArrayList<>(statuses));
        model.put("months", new ArrayList<>(months));
        model.put("status", status == null ? "" : status);
        model.put("month", month == null ? "" : month);
        model.put("page", page);
        model.put("pages", pages);
        model.putAll(AppealController.unitModel(web, ctx, me, stored, unitId));
        model.put("unitCharts", unitCharts(ctx, stored, unitId, !WebServer.me(ctx).role().seesAll()));
        web.views.render(ctx, "unit.ftl", model);
    }

    /** 本单位各渠道的趋势（各期正式结果，到这次运行为止）与本期逐月逾期。 */
    private List<Map<String, Object>> unitCharts(Context ctx, RunStore.StoredRun stored, long unitId, boolean unitAccount) {
        List<String> channels = cn.gov.assess.audit.Trends.channels(stored).stream()
                .filter(c -> cn.gov.assess.audit.Trends.tally(stored, c, unitId) != null).toList();
        List<Map<String, Object>> charts = new ArrayList<>();
        if (channels.isEmpty()) {
            return charts;
        }
        List<RunStore.StoredRun> series = DashboardController.series(web.office(ctx), stored, unitAccount);
        int i = 0;
        for (String f : cn.gov.assess.audit.Trends.TREND) {
            charts.add(Charts.trend("unit-trend-" + (++i), f, series, channels, unitId));
        }
        charts.add(Charts.overdueByMonth("unit-overdue", stored, channels, unitId));
        return charts;
    }

    static String month(String time) {
        return time != null && time.length() >= 7 ? time.substring(0, 7) : "";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int parseInt(String s) {
        try {
            return s == null ? 1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
