package cn.gov.assess.web;

import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.audit.DiffText;
import cn.gov.assess.audit.RunDiff;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 比较两次运行：RunDiff 的内容，每处变化连同原因（其间的更正或不同的规则文件），字句与 assess diff 相同（{@link DiffText}）。 */
final class DiffController implements WebServer.Controller {

    private final WebServer web;

    DiffController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/diff", this::show);
    }

    private void show(Context ctx) {
        WebServer.requireAll(ctx);
        List<AssessmentRun> runs = web.results(ctx).runs();
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            options.add(Map.of("id", runs.get(i).getId(), "period", runs.get(i).getPeriod().code()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("runs", options);
        String a = UnitController.blankToNull(ctx.queryParam("a"));
        String b = UnitController.blankToNull(ctx.queryParam("b"));
        if (a == null && b == null && runs.size() >= 2) {
            a = String.valueOf(runs.get(runs.size() - 2).getId());
            b = String.valueOf(runs.get(runs.size() - 1).getId());
        }
        model.put("a", a == null ? "" : a);
        model.put("b", b == null ? "" : b);
        if (a != null && b != null) {
            long ra;
            long rb;
            try {
                ra = Long.parseLong(a);
                rb = Long.parseLong(b);
            } catch (NumberFormatException e) {
                throw new WebError(400, "运行编号应是数字。");
            }
            RunDiff.Result d = web.results(ctx).diff(ra, rb);
            // 表里的一行：位置、变化、原因
            Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
            d.changes().forEach(c -> byKind.computeIfAbsent(DiffText.kind(c), k -> new ArrayList<>())
                    .add(Map.of("where", DiffText.where(c), "what", DiffText.what(c), "causes", DiffText.causes(c))));
            model.put("header", DiffText.header(d));
            model.put("causes", DiffText.causes(d));
            model.put("changed", !d.changes().isEmpty());
            model.put("byKind", byKind);
        }
        web.views.render(ctx, "diff.ftl", model);
    }
}
