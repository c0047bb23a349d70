package cn.gov.assess.web;

import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Appeal;
import cn.gov.assess.issuance.AppealFiles;
import cn.gov.assess.issuance.AppealItem;
import cn.gov.assess.issuance.AppealState;
import cn.gov.assess.issuance.Appeals;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.TrailCodec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 申诉：单位在本单位页面上选转办、类型、理由（可附证明材料）提出；办公室的申诉页列出、筛选、打开、下载附件，
 * 经办同意或不同意并写明理由。检查与保存都在 {@link Appeals}（与 assess appeal 相同），权限在 {@link AppealAccess}。
 * 单位账号只看得到本单位的申诉；别的单位的申诉、不存在的编号对它一律 403，不透露任何内容。
 */
final class AppealController implements WebServer.Controller {
    private final WebServer web;

    AppealController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/appeals", this::list);
        r.post("/appeals", this::file);
        r.get("/appeals/{id}", this::show);
        r.post("/appeals/{id}/decide", this::decide);
        r.get("/appeals/{id}/attachment", this::attachment);
    }

    private void list(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        String period = UnitController.blankToNull(ctx.queryParam("period"));
        String stateText = UnitController.blankToNull(ctx.queryParam("state"));
        AppealState state = null;
        for (AppealState s : AppealState.values()) {
            state = s.name().equals(stateText) ? s : state;
        }
        Long unit = me.role().seesAll() ? null : me.unitId();
        if (!me.role().seesAll() && unit == null) {
            throw WebError.forbidden();
        }
        Appeals appeals = new Appeals(web.db(ctx));
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (Appeal a : appeals.list(period, state, unit)) {
                rows.add(row(a, appeals.items(a.getId())));
            }
        } catch (IllegalArgumentException | InputException e) {
            throw new WebError(400, "考核期“" + period + "”的写法不对，如 2021-Q4、2026-03");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("appeals", rows);
        model.put("period", period == null ? "" : period);
        model.put("state", state == null ? "" : state.name());
        model.put("states", List.of(AppealState.values()).stream().map(Enum::name).toList());
        web.views.render(ctx, "appeals.ftl", model);
    }

    private static Map<String, Object> row(Appeal a, List<AppealItem> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("orders", items.stream().map(i -> i.getChannel() + " " + i.getOrderNo()).toList());
        return m;
    }

    /** 当前账号能看的申诉；看不到的与不存在的一样 403（单位账号）或 404（办公室）。 */
    private Appeal visible(Context ctx, Accounts.Account me) {
        long id = WebServer.longParam(ctx, "id");
        Optional<Appeal> a = new Appeals(web.db(ctx)).get(id);
        if (a.isEmpty() || !AppealAccess.maySee(me, a.get())) {
            throw me.role().seesAll() ? WebError.notFound("没有编号为 " + id + " 的申诉。") : WebError.forbidden();
        }
        return a.get();
    }

    private void show(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        Appeal a = visible(ctx, me);
        Map<String, Object> model = new LinkedHashMap<>(row(a, new Appeals(web.db(ctx)).items(a.getId())));
        model.put("mayDecide", AppealAccess.mayDecide(me) && !a.isDecided());
        if (me.role().seesAll()) {
            model.put("rulesMissing", AppealKinds.missing(web.rulesForRun(ctx), "当前发布的规则版本"));
        }
        if (a.getState() == AppealState.已同意 && me.role().operates()) {
            model.put("offers", rerunOffers(ctx, a));
        }
        model.put("done", ctx.queryParam("done") != null);
        web.views.render(ctx, "appeal.ftl", model);
    }

    /** 同意之后重新考核哪一期：包含这些工单的每一期，由经办选（与“更正”页相同，见 {@link RerunOffers}）。 */
    private List<Map<String, Object>> rerunOffers(Context ctx, Appeal a) {
        java.util.Set<String> channels = OrderController.configuredChannels(web.rulesDir);
        cn.gov.assess.correction.Corrections corrections = new cn.gov.assess.correction.Corrections(web.db(ctx));
        List<cn.gov.assess.correction.Corrections.OrderView> orders = new ArrayList<>();
        for (AppealItem i : new Appeals(web.db(ctx)).items(a.getId())) {
            orders.addAll(corrections.find(i.getOrderNo(), i.getChannel(), channels));
        }
        return RerunOffers.of(web, ctx, orders);
    }

    private void file(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, r -> r == Role.单位);
        if (me.unitId() == null) {
            throw WebError.forbidden();
        }
        List<Long> ids = new ArrayList<>();
        for (String v : ctx.formParams("assignment")) {
            try {
                ids.add(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                throw new WebError(400, "选择的工单编号不对，请刷新页面后重试。");
            }
        }
        AppealFiles.Attachment attachment = null;
        UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("attachment") : null;
        if (f != null && f.size() > 0) {
            if (f.size() > AppealFiles.MAX_BYTES) {
                throw new WebError(400, "附件太大（" + (f.size() + 1048575) / 1048576 + " MB），最多 " + AppealFiles.MAX_BYTES / 1048576
                        + " MB，没有提交申诉。");
            }
            try (InputStream in = f.content()) {
                attachment = new AppealFiles.Attachment(f.filename(), in.readAllBytes());
            } catch (IOException e) {
                throw new WebError(400, "附件没有传完整，请重试。");
            }
        }
        AppealFiles.Attachment file = attachment;
        String period = form(ctx, "period");
        Appeal a = new Appeals(web.db(ctx)).file(AppealKinds.of(web.rulesForRun(ctx)), new Appeals.Filing(period, me.unitId(), ids,
                form(ctx, "kind"), form(ctx, "value"), form(ctx, "reason"), file, me.name()), LocalDate.now());
        web.audit(ctx, "提出申诉", "申诉 #" + a.getId() + "：" + a.getUnitName() + "，" + a.getPeriod() + "，" + a.getKind() + "，"
                + ids.size() + " 件" + (a.hasAttachment() ? "，附件 " + a.getAttachmentName() : ""));
        ctx.redirect("/appeals/" + a.getId() + "?done=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void decide(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        long id = WebServer.longParam(ctx, "id");
        String decision = form(ctx, "decision");
        if (!decision.equals("accept") && !decision.equals("reject")) {
            throw new WebError(400, "请选择同意或不同意。");
        }
        boolean accept = decision.equals("accept");
        Appeals.Decision d = new Appeals(web.db(ctx)).decide(id, accept, form(ctx, "reason"), form(ctx, "value"), me.name());
        web.audit(ctx, accept ? "同意申诉" : "不同意申诉", "申诉 #" + id + "（" + d.appeal().getUnitName() + "，" + d.appeal().getKind()
                + "）：" + d.appeal().getDecisionReason() + (d.corrections().isEmpty() ? ""
                : "；" + String.join("；", d.corrections().stream().map(c -> c.describe()).toList())));
        ctx.redirect("/appeals/" + id + "?done=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void attachment(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        Appeal a = visible(ctx, me);
        AppealFiles.Attachment f = new Appeals(web.db(ctx)).attachment(a.getId())
                .orElseThrow(() -> WebError.notFound("申诉 #" + a.getId() + " 没有附件。"));
        ctx.contentType(a.getAttachmentType());
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + enc(f.name()));
        ctx.result(f.bytes());
    }

    /**
     * 本单位页面的申诉部分（unit-appeal.ftl）：核减（谁都看得到），本单位账号看自己本期的申诉，通报核对中时另有提出申诉的表单
     * （可申诉的转办取自这次运行的审计记录：逾期与在办的）。
     */
    static Map<String, Object> unitModel(WebServer web, Context ctx, Accounts.Account me, RunStore.StoredRun stored, long unitId) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean own = me.unitId() != null && me.unitId() == unitId;
        m.put("appealOwn", own);
        if (!own) {
            return m;
        }
        String period = stored.run().getPeriod().code();
        Appeals appeals = new Appeals(web.db(ctx));
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Appeal a : appeals.list(period, null, unitId)) {
            mine.add(row(a, appeals.items(a.getId())));
        }
        m.put("appealList", mine);
        m.put("appealPeriod", period);
        Optional<Notice> notice = new Notices(web.db(ctx)).noticeOf(period);
        LocalDate today = LocalDate.now();
        if (notice.isEmpty() || !notice.get().acceptsAppeals(today)) {
            m.put("appealClosed", notice.isEmpty() ? period + " 的通报尚未开放核对，暂不能申诉" : Appeals.closedReason(notice.get(), today));
            return m;
        }
        m.put("appealUntil", notice.get().getOpenUntil().toString());
        m.put("appealKinds", new ArrayList<>(AppealKinds.of(web.rulesForRun(ctx)).values()));
        List<Map<String, String>> candidates = new ArrayList<>();
        new RunStore(web.db(ctx)).trail(stored.run().getId(), unitId, r -> {
            if (r.status() != null && (r.status().isLate() || r.status() == cn.gov.assess.facts.AssignmentStatus.OPEN)) {
                candidates.add(candidate(r));
            }
        });
        candidates.sort(java.util.Comparator.comparing((Map<String, String> c) -> c.get("channel")).thenComparing(c -> c.get("no")));
        m.put("appealCandidates", candidates);
        return m;
    }

    private static Map<String, String> candidate(TrailCodec.Row r) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", String.valueOf(r.assignmentId()));
        c.put("channel", r.channel());
        c.put("no", r.orderNo());
        c.put("status", r.status().label());
        c.put("deadline", r.deadline() == null ? "" : r.deadline().toString().replace('T', ' '));
        c.put("completed", r.completedAt() == null ? "未办结" : r.completedAt().toString().replace('T', ' '));
        return c;
    }

    /** 单位首页的“申诉已处理”：本单位已有决定的申诉（新的在前，最多 10 件）。 */
    static List<Map<String, Object>> news(WebServer web, Context ctx, Accounts.Account me) {
        if (me.role() != Role.单位 || me.unitId() == null) {
            return List.of();
        }
        Appeals appeals = new Appeals(web.db(ctx));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Appeal a : appeals.list(null, null, me.unitId())) {
            if (a.isDecided() && out.size() < 10) {
                out.add(row(a, appeals.items(a.getId())));
            }
        }
        return out;
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
