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

/** 考核期与运行（/runs）：每期最近一次运行在前，各注明地位（正式结果是已签发通报的运行，见 RunStatus），带规则指纹与数据指纹。单位账号只看到核对中与已签发的通报。 */
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

    /** 运行在首页的一格：本期正式结果（文号）、已被取代、通报所用（状态）、最近一次工作运行、较早的工作运行、已作废。 */
    static String label(cn.gov.assess.issuance.RunStatus s, boolean latestOfPeriod, AssessmentRun r) {
        if (r.isRetired()) {
            return "已作废";
        }
        return switch (s.kind()) {
            case 正式结果 -> "本期正式结果（已签发 " + s.official().getDocNumber() + "）";
            case 已被取代 -> "已被取代（正式结果是运行 #" + s.official().getRunId() + "）";
            case 通报所用 -> s.notice().getKind() + " #" + s.notice().getId() + " 所用（" + s.notice().getState()
                    + (s.notice().getState() == cn.gov.assess.issuance.NoticeState.核对中 ? "，截至 " + s.notice().getOpenUntil() : "") + "）";
            case 工作运行 -> latestOfPeriod ? "最近一次工作运行（本期尚未签发通报）" : "较早的工作运行";
        };
    }

    private void index(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        List<AssessmentRun> runs = new ArrayList<>(web.results(ctx).runs());
        runs.sort(Comparator.comparing(AssessmentRun::getPeriod).reversed() // 新的考核期在前；同日结束的长期在前（2026、2026-H2、2026-Q4、2026-12）
                .thenComparing(Comparator.comparing(AssessmentRun::getId).reversed()));
        Map<String, List<Map<String, Object>>> periods = new LinkedHashMap<>();
        Map<Long, Integer> versionOf = web.versions(ctx).runNumbers();
        // 默认运行与每期的正式结果都是未作废的最近一次（RunStore.latestRunId 是唯一的写法）
        Long latest = new cn.gov.assess.run.RunStore(web.db(ctx)).latestRunId();
        java.util.Set<String> withOfficial = new java.util.HashSet<>();
        cn.gov.assess.issuance.Notices notices = new cn.gov.assess.issuance.Notices(web.db(ctx));
        Map<String, List<cn.gov.assess.issuance.Notice>> byPeriod = new java.util.HashMap<>();
        for (AssessmentRun r : runs) {
            List<cn.gov.assess.issuance.Notice> ofPeriod = byPeriod.computeIfAbsent(r.getPeriod().code(), notices::ofPeriod);
            cn.gov.assess.issuance.RunStatus status = cn.gov.assess.issuance.RunStatus.of(r.getId(), r.getPeriod().code(), ofPeriod);
            // 单位账号只看核对中与已签发的通报所用的运行
            if (!me.role().seesAll() && !status.visibleToUnits(ofPeriod)) {
                continue;
            }
            List<Map<String, Object>> list = periods.computeIfAbsent(r.getPeriod().code() + "（" + r.getPeriod().title() + "）",
                    k -> new ArrayList<>());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId());
            boolean latestOfPeriod = !r.isRetired() && withOfficial.add(r.getPeriod().code());
            m.put("official", status.kind() == cn.gov.assess.issuance.RunStatus.Kind.正式结果);
            m.put("status", label(status, latestOfPeriod, r));
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
        if (!me.role().seesAll()) {
            model.put("unitNotices", notices.all().stream().filter(n -> n.getState().visibleToUnits()).map(NoticeController::view).toList());
        }
        model.put("unitId", me.unitId());
        model.put("unitName", me.unitName());
        model.put("appealNews", AppealController.news(web, ctx, me));
        web.views.render(ctx, "runs.ftl", model);
    }
}
