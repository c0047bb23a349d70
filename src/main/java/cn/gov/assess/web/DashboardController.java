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
     * 每个考核期在看板上用哪一次运行：已签发通报的运行（正式结果）；还没有签发时，办公室看未作废的最近一次运行（工作运行），
     * 单位账号只看核对中的通报所用的运行（看不到工作运行，见 RunStatus.visibleToUnits），没有就不列这一期。
     */
    static Map<Period, Long> chosenRuns(Offices.Office office, boolean unitAccount) {
        Map<Period, Long> latest = new HashMap<>();
        for (AssessmentRun r : office.results().runs()) {
            if (!r.isRetired()) {
                latest.merge(r.getPeriod(), r.getId(), Math::max);
            }
        }
        Map<Period, Long> out = new HashMap<>();
        cn.gov.assess.issuance.Notices notices = new cn.gov.assess.issuance.Notices(office.db());
        for (Map.Entry<Period, Long> e : latest.entrySet()) {
            List<cn.gov.assess.issuance.Notice> ofPeriod = notices.ofPeriod(e.getKey().code());
            java.util.Optional<Long> official = notices.officialRunId(e.getKey().code());
            Long chosen = official.orElse(null);
            if (chosen == null && !unitAccount) {
                chosen = e.getValue();
            } else if (chosen == null) {
                chosen = ofPeriod.stream().filter(n -> n.getState().visibleToUnits()).map(cn.gov.assess.issuance.Notice::getRunId)
                        .max(Long::compare).orElse(null);
            }
            if (chosen != null) {
                out.put(e.getKey(), chosen);
            }
        }
        return out;
    }

    /**
     * current 之前、与它同一种考核期（月、季度……）的各期（每期按 {@link #chosenRuns}），按考核期从早到晚，
     * 最多 {@link #PERIODS} 期；current 本身排在最后（看的就是它）。
     */
    static List<RunStore.StoredRun> series(Offices.Office office, RunStore.StoredRun current, boolean unitAccount) {
        Period now = current.run().getPeriod();
        Map<Period, Long> chosen = chosenRuns(office, unitAccount);
        List<Period> periods = new ArrayList<>();
        for (Period p : chosen.keySet()) {
            if (p.kind() == now.kind() && p.compareTo(now) < 0) {
                periods.add(p);
            }
        }
        periods.sort(Comparator.naturalOrder());
        List<RunStore.StoredRun> out = new ArrayList<>();
        for (Period p : periods.subList(Math.max(0, periods.size() - (PERIODS - 1)), periods.size())) {
            out.add(office.results().run(chosen.get(p)));
        }
        out.add(current);
        return out;
    }

    private void home(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        List<WaitingItem> waiting = new ArrayList<>();
        web.office(ctx).waiting().forEach(p -> waiting.addAll(p.waiting(me)));
        model.put("waiting", waiting);
        // 单位账号：申诉已处理、核对中与已签发的通报（与 /runs 同样的两块）
        model.put("appealNews", AppealController.news(web, ctx, me));
        if (!me.role().seesAll()) {
            model.put("unitNotices", new cn.gov.assess.issuance.Notices(web.db(ctx)).all().stream()
                    .filter(n -> n.getState().visibleToUnits()).map(NoticeController::view).toList());
        }
        Long unitId = me.role().seesAll() ? null : me.unitId();
        model.put("unitName", me.unitName());
        boolean unitAccount = !me.role().seesAll();
        Map<Period, Long> chosen = chosenRuns(web.office(ctx), unitAccount);
        Long latest = chosen.keySet().stream().max(Comparator.naturalOrder()).map(chosen::get).orElse(null);
        if (latest == null || (unitAccount && unitId == null)) {
            model.put("run", null);
            web.views.render(ctx, "dashboard.ftl", model);
            return;
        }
        RunStore.StoredRun current = web.results(ctx).run(latest);
        List<RunStore.StoredRun> series = series(web.office(ctx), current, unitAccount);
        RunStore.StoredRun previous = series.size() >= 2 ? series.get(series.size() - 2) : null;
        model.put("run", RunController.runInfo(current.run()));
        model.put("runStatus", cn.gov.assess.issuance.RunStatus.of(web.db(ctx), current.run()).text());
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
            Explainer.UnitExplanation u = web.results(ctx).unit(latest, me.unitName());
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
            List<AssessmentRun> runs = new ArrayList<>(web.results(ctx).runs());
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
