package cn.gov.assess.web;

import cn.gov.assess.audit.Explainer;
import cn.gov.assess.audit.Trends;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 首页（工作台）：本期（最近一次正式结果的考核期）各渠道的主要数字与比上期的变化、最近几期的趋势图、这个账号的待办；
 * 单位账号看本单位的数字、名单上的名次与趋势。数字全部取自各期的正式结果（{@link Trends}）。运行列表在 /runs。
 */
final class DashboardController implements WebServer.Controller {
    /** 趋势图画最近几期。 */
    static final int PERIODS = 6;
    private final WebServer web;

    DashboardController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/", this::home);
    }

    /**
     * 每个考核期的正式结果（未作废的最近一次运行），与 current 同一种考核期（月、季度……）、不晚于它，按考核期从早到晚，
     * 最多 {@link #PERIODS} 期；current 本身排在最后（即使它不是本期的正式结果，看的就是它）。
     */
    static List<RunStore.StoredRun> series(WebServer web, RunStore.StoredRun current) {
        Period now = current.run().getPeriod();
        Map<Period, Long> official = new HashMap<>();
        for (AssessmentRun r : web.results.runs()) {
            Period p = r.getPeriod();
            if (!r.isRetired() && p.kind() == now.kind() && p.compareTo(now) < 0) {
                official.merge(p, r.getId(), Math::max);
            }
        }
        List<Period> periods = new ArrayList<>(official.keySet());
        periods.sort(Comparator.naturalOrder());
        List<RunStore.StoredRun> out = new ArrayList<>();
        for (Period p : periods.subList(Math.max(0, periods.size() - (PERIODS - 1)), periods.size())) {
            out.add(web.results.run(official.get(p)));
        }
        out.add(current);
        return out;
    }

    private void home(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        List<WaitingItem> waiting = new ArrayList<>();
        web.waiting.forEach(p -> waiting.addAll(p.waiting(me)));
        model.put("waiting", waiting);
        Long unitId = me.role().seesAll() ? null : me.unitId();
        model.put("unitName", me.unitName());
        Long latest = new RunStore(web.db).latestRunId();
        if (latest == null || (!me.role().seesAll() && unitId == null)) {
            model.put("run", null);
            web.views.render(ctx, "dashboard.ftl", model);
            return;
        }
        RunStore.StoredRun current = web.results.run(latest);
        List<RunStore.StoredRun> series = series(web, current);
        RunStore.StoredRun previous = series.size() >= 2 ? series.get(series.size() - 2) : null;
        model.put("run", RunController.runInfo(current.run()));
        model.put("periodTitle", current.run().getPeriod().title());
        model.put("previous", previous == null ? null : RunController.runInfo(previous.run()));
        List<String> channels = Trends.channels(current);
        List<Map<String, Object>> cards = new ArrayList<>();
        for (String c : channels) {
            Tally now = Trends.tally(current, c, unitId);
            if (now == null) {
                continue;
            }
            Tally before = previous == null ? null : Trends.tally(previous, c, unitId);
            List<Map<String, Object>> figures = new ArrayList<>();
            for (String f : Trends.HEADLINE) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f);
                m.put("value", Trends.text(now, f));
                m.put("change", previous == null ? "" : Trends.change(now, before, f));
                m.put("direction", Trends.direction(now, before, f));
                figures.add(m);
            }
            cards.add(Map.of("channel", c, "figures", figures));
        }
        model.put("cards", cards);
        List<Map<String, Object>> charts = new ArrayList<>();
        int i = 0;
        for (String f : Trends.TREND) {
            charts.add(Charts.trend("trend-" + (++i), f, series, channels, unitId));
        }
        model.put("charts", charts);
        if (unitId != null) {
            model.put("unitId", unitId);
            Explainer.UnitExplanation u = web.results.unit(latest, me.unitName());
            List<Map<String, Object>> places = new ArrayList<>();
            for (Explainer.ListVerdict v : u.lists()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("list", v.list());
                m.put("scope", v.scope());
                m.put("on", v.on());
                m.put("place", v.placing() == null ? "" : v.placing().text());
                places.add(m);
            }
            model.put("places", places);
        } else {
            List<Map<String, Object>> recent = new ArrayList<>();
            List<AssessmentRun> runs = new ArrayList<>(web.results.runs());
            runs.sort(Comparator.comparing(AssessmentRun::getId).reversed());
            for (AssessmentRun r : runs.subList(0, Math.min(5, runs.size()))) {
                recent.add(Map.of("id", r.getId(), "period", r.getPeriod().code(), "created", r.getCreatedAt().format(RunsController.TIME),
                        "retired", r.isRetired()));
            }
            model.put("recent", recent);
        }
        web.views.render(ctx, "dashboard.ftl", model);
    }
}
