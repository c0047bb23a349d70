package cn.gov.assess.web;

import cn.gov.assess.run.RunStore;
import cn.gov.assess.audit.Explainer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 一个名单：成员按名单顺序，带规则与理由；谁差一点（Explainer.ListExplanation）。 */
final class ListController implements WebServer.Controller {
    private final WebServer web;

    ListController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/runs/{id}/list", this::show);
    }

    /** 排名类名单：每个范围、每组一张图，各单位的排名依据取值与名额线（运行记下的名次）。 */
    private List<Map<String, Object>> spread(Context ctx, RunStore.StoredRun stored, long runId, String list, String scope) {
        Map<Long, String> names = new java.util.HashMap<>();
        stored.tallies().forEach(t -> {
            if (t.getUnitId() != null) {
                names.putIfAbsent(t.getUnitId(), t.getUnitLabel());
            }
        });
        stored.lists().forEach(e -> names.putIfAbsent(e.getUnitId(), e.getUnitLabel()));
        Map<String, List<cn.gov.assess.facts.Placing>> groups = new LinkedHashMap<>();
        for (cn.gov.assess.facts.Placing p : web.results(ctx).placings(runId, list)) {
            if (scope == null || scope.equals(p.getChannel())) {
                String title = (p.getChannel() == null ? "" : p.getChannel()) + (p.getGroup() == null ? "" : " " + p.getGroup());
                groups.computeIfAbsent(title.strip(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<cn.gov.assess.facts.Placing>> g : groups.entrySet()) {
            charts.add(Charts.spread("spread-" + (++i), list + (g.getKey().isEmpty() ? "" : "：" + g.getKey()), g.getValue(),
                    id -> names.getOrDefault(id, String.valueOf(id))));
        }
        return charts;
    }

    private void show(Context ctx) {
        WebServer.requireAll(ctx);
        long runId = WebServer.longParam(ctx, "id");
        String name = UnitController.blankToNull(ctx.queryParam("name"));
        String scope = UnitController.blankToNull(ctx.queryParam("scope"));
        if (name == null) {
            throw WebError.notFound("请指定名单。");
        }
        RunStore.StoredRun stored = web.results(ctx).run(runId);
        Explainer.ListExplanation l = web.results(ctx).list(runId, name, scope);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", RunController.runInfo(stored.run()));
        model.put("lx", l);
        model.put("scope", scope == null ? "" : scope);
        model.put("unitIds", RunController.unitIds(stored));
        model.put("allUnits", web.db(ctx).inTransaction(s -> s.createSelectionQuery("select u.name, u.id from Unit u", Object[].class)
                .getResultList().stream().collect(java.util.stream.Collectors.toMap(a -> (String) a[0], a -> (Long) a[1]))));
        model.put("spreadCharts", spread(ctx, stored, runId, name, scope));
        web.views.render(ctx, "list.ftl", model);
    }
}
