package cn.gov.assess.web;

import cn.gov.assess.run.RunStore;
import cn.gov.assess.audit.Explainer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
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

    private void show(Context ctx) {
        WebServer.requireAll(ctx);
        long runId = WebServer.longParam(ctx, "id");
        String name = UnitController.blankToNull(ctx.queryParam("name"));
        String scope = UnitController.blankToNull(ctx.queryParam("scope"));
        if (name == null) {
            throw WebError.notFound("请指定名单。");
        }
        RunStore.StoredRun stored = web.results.run(runId);
        Explainer.ListExplanation l = web.results.list(runId, name, scope);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", RunController.runInfo(stored.run()));
        model.put("lx", l);
        model.put("scope", scope == null ? "" : scope);
        model.put("unitIds", RunController.unitIds(stored));
        model.put("allUnits", web.db.inTransaction(s -> s.createSelectionQuery("select u.name, u.id from Unit u", Object[].class)
                .getResultList().stream().collect(java.util.stream.Collectors.toMap(a -> (String) a[0], a -> (Long) a[1]))));
        web.views.render(ctx, "list.ftl", model);
    }
}
