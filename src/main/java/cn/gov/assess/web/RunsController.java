package cn.gov.assess.web;

import cn.gov.assess.run.AssessmentRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 考核期与运行（/runs），每期最近一次运行在前（它是该期的正式结果），带规则指纹与数据指纹。 */
final class RunsController implements WebServer.Controller {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final WebServer web;

    RunsController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/runs", this::index); // 首页“/”是工作台（DashboardController）
    }

    private void index(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        List<AssessmentRun> runs = new ArrayList<>(web.results.runs());
        runs.sort(Comparator.comparing(AssessmentRun::getPeriod).reversed() // 新的考核期在前；同日结束的长期在前（2026、2026-H2、2026-Q4、2026-12）
                .thenComparing(Comparator.comparing(AssessmentRun::getId).reversed()));
        Map<String, List<Map<String, Object>>> periods = new LinkedHashMap<>();
        Map<Long, Integer> versionOf = web.versions.runNumbers();
        // 默认运行与每期的正式结果都是未作废的最近一次（RunStore.latestRunId 是唯一的写法）
        Long latest = new cn.gov.assess.run.RunStore(web.db).latestRunId();
        java.util.Set<String> withOfficial = new java.util.HashSet<>();
        for (AssessmentRun r : runs) {
            List<Map<String, Object>> list = periods.computeIfAbsent(r.getPeriod().code() + "（" + r.getPeriod().title() + "）",
                    k -> new ArrayList<>());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId());
            m.put("official", !r.isRetired() && withOfficial.add(r.getPeriod().code()));
            m.put("latest", r.getId().equals(latest));
            m.put("cutoff", r.getCutoff().format(TIME));
            m.put("created", r.getCreatedAt().format(TIME));
            m.put("rules", r.getRulesFingerprint());
            m.put("version", versionOf.containsKey(r.getId()) ? "第 " + versionOf.get(r.getId()) + " 版" : "未登记");
            m.put("data", r.getDataFingerprint());
            m.put("orders", r.getOrderCount());
            m.put("assignments", r.getAssignmentCount());
            list.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("periods", periods);
        model.put("latestRun", latest);
        model.put("unitId", me.unitId());
        model.put("unitName", me.unitName());
        web.views.render(ctx, "runs.ftl", model);
    }
}
