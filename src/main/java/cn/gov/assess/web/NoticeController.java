package cn.gov.assess.web;

import cn.gov.assess.assessment.CorrectionNotice;
import cn.gov.assess.assessment.NoticeFiles;
import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.NoticeEvent;
import cn.gov.assess.issuance.NoticeFlow;
import cn.gov.assess.issuance.NoticeState;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.issuance.RunStatus;
import cn.gov.assess.run.AssessmentRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 通报：列表与每份通报的页面（状态、每一步、按角色的操作、下载 通报.docx/.md/附件）。经办起草、开放核对（延长）、结束核对、
 * 换用运行、作废、起草更正通报；审核签发。检查全在 {@link NoticeFlow}，与命令行 assess notice 相同。
 * 单位账号只能看核对中与已签发的通报，并下载它们的文件；看不到每一步与草稿。
 */
final class NoticeController implements WebServer.Controller {
    private final WebServer web;
    private final Map<String, Map<String, byte[]>> files = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
            return size() > 20;
        }
    });

    NoticeController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/notices", this::list);
        r.get("/notices/{id}", this::show);
        r.get("/notices/{id}/files/{name}", this::download);
        r.post("/notices", this::draft);
        r.post("/notices/{id}/open", ctx -> step(ctx, "开放核对", (flow, n, a) -> flow.open(n.getId(), date(ctx, "until"), a)));
        r.post("/notices/{id}/close", ctx -> step(ctx, "结束核对", (flow, n, a) -> flow.close(n.getId(), a)));
        r.post("/notices/{id}/replace", ctx -> step(ctx, "换用运行", (flow, n, a) -> flow.replaceRun(n.getId(), run(ctx), a)));
        r.post("/notices/{id}/retire", ctx -> step(ctx, "作废通报", (flow, n, a) -> flow.retire(n.getId(), form(ctx, "reason"), a)));
        r.post("/notices/{id}/correct", ctx -> step(ctx, "起草更正通报", (flow, n, a) -> flow.correct(run(ctx), a)));
        r.post("/notices/{id}/sign", this::sign);
    }

    private void list(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Notice n : new Notices(web.db(ctx)).all()) {
            if (me.role().seesAll() || n.getState().visibleToUnits()) {
                rows.add(view(n));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("notices", rows);
        if (me.role().operates()) {
            model.put("runs", draftable(ctx));
        }
        web.views.render(ctx, "notices.ftl", model);
    }

    /** 可以起草通报的运行：未作废、它那一期还没有（未作废的）通报。 */
    private List<Map<String, Object>> draftable(Context ctx) {
        Notices notices = new Notices(web.db(ctx));
        List<Map<String, Object>> out = new ArrayList<>();
        List<AssessmentRun> runs = new ArrayList<>(web.results(ctx).runs());
        java.util.Collections.reverse(runs);
        for (AssessmentRun r : runs) {
            boolean taken = notices.ofPeriod(r.getPeriod().code()).stream()
                    .anyMatch(n -> Notice.NOTICE.equals(n.getKind()) && n.getState() != NoticeState.已作废);
            if (!r.isRetired() && !taken) {
                out.add(Map.of("id", r.getId(), "period", r.getPeriod().code(), "created", r.getCreatedAt().format(RunsController.TIME)));
            }
        }
        return out;
    }

    private Notice notice(Context ctx) {
        long id = WebServer.longParam(ctx, "id");
        Accounts.Account me = WebServer.me(ctx);
        Notice n = new Notices(web.db(ctx)).get(id).orElse(null);
        if (!me.role().seesAll() && (n == null || !n.getState().visibleToUnits())) {
            throw WebError.forbidden(); // 单位账号：不说草稿是否存在
        }
        if (n == null) {
            throw WebError.notFound("没有编号为 " + id + " 的通报。");
        }
        return n;
    }

    private void show(Context ctx) {
        render(ctx, notice(ctx), Map.of());
    }

    private void render(Context ctx, Notice n, Map<String, Object> extra) {
        Accounts.Account me = WebServer.me(ctx);
        Notices notices = new Notices(web.db(ctx));
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("n", view(n));
        model.put("status", RunStatus.of(web.db(ctx), n.getRunId(), n.getPeriod()).text());
        if (me.role().seesAll()) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (NoticeEvent e : notices.events(n.getId())) {
                events.add(Map.of("at", e.getAt().format(RunsController.TIME), "account", e.getAccount(), "action", e.getAction(),
                        "detail", e.getDetail()));
            }
            model.put("events", events);
            List<Map<String, Object>> newer = new ArrayList<>();
            for (AssessmentRun r : web.results(ctx).runs()) {
                if (r.getPeriod().code().equals(n.getPeriod()) && !r.isRetired() && r.getId() > n.getRunId()) {
                    newer.add(Map.of("id", r.getId(), "created", r.getCreatedAt().format(RunsController.TIME)));
                }
            }
            model.put("newer", newer);
            boolean latestSigned = n.isSigned() && notices.officialOf(n.getPeriod()).map(o -> o.getId().equals(n.getId())).orElse(false)
                    && notices.pendingOf(n.getPeriod()).isEmpty();
            model.put("correctable", latestSigned);
            if (Notice.CORRECTION.equals(n.getKind())) {
                model.put("items", CorrectionNotice.compose(web.db(ctx), n, web.rulesForRun(ctx)).items());
            }
        }
        model.put("files", new ArrayList<>(files(ctx, n).keySet()));
        model.put("canPrepare", me.role().operates());
        model.put("canSign", me.role().approves() && !me.name().equals(n.getPreparedBy()));
        model.put("today", LocalDate.now().toString());
        web.views.render(ctx, "notice.ftl", model);
    }

    static Map<String, Object> view(Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.getId());
        m.put("period", n.getPeriod());
        m.put("kind", n.getKind());
        m.put("correction", Notice.CORRECTION.equals(n.getKind()));
        m.put("state", n.getState().name());
        m.put("run", n.getRunId());
        m.put("openUntil", n.getOpenUntil() == null ? "" : n.getOpenUntil().toString());
        m.put("docNumber", n.getDocNumber() == null ? "" : n.getDocNumber());
        m.put("docDate", n.getDocDate() == null ? "" : n.getDocDate().toString());
        m.put("preparedBy", n.getPreparedBy());
        m.put("preparedAt", n.getPreparedAt().format(RunsController.TIME));
        m.put("signedBy", n.getSignedBy() == null ? "" : n.getSignedBy());
        m.put("signedAt", n.getSignedAt() == null ? "" : n.getSignedAt().format(RunsController.TIME));
        m.put("corrects", n.getCorrectsId() == null ? "" : String.valueOf(n.getCorrectsId()));
        m.put("editable", n.getState() != NoticeState.已签发 && n.getState() != NoticeState.已作废);
        m.put("checking", n.getState() == NoticeState.核对中);
        m.put("signable", n.getState() == NoticeState.待签发 || Notice.CORRECTION.equals(n.getKind()) && n.getState() == NoticeState.草稿);
        return m;
    }

    /** 通报的文件；同一份通报在同一状态、同一运行下内容不变，缓存起来（签发、换用运行后自然换一个键）。 */
    private Map<String, byte[]> files(Context ctx, Notice n) {
        String key = web.office(ctx).id() + ":" + n.getId() + ":" + n.getState() + ":" + n.getRunId() + ":" + n.getDocNumber();
        return files.computeIfAbsent(key, k -> NoticeFiles.of(web.db(ctx), n, web.rulesForRun(ctx)));
    }

    private void download(Context ctx) {
        Notice n = notice(ctx);
        String name = ctx.pathParam("name");
        byte[] content = files(ctx, n).get(name);
        if (content == null) {
            throw WebError.notFound(n.getKind() + " #" + n.getId() + " 没有这个文件。");
        }
        String type = name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";
        String saveAs = n.getPeriod() + "-" + n.getKind() + n.getId() + "-" + n.getState() + "-" + name;
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"notice-" + n.getId() + "-" + name.replaceAll("[^A-Za-z0-9.-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(saveAs, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.result(content);
    }

    private static NoticeFlow.Actor actor(Accounts.Account a) {
        return new NoticeFlow.Actor(a.name(), a.role().operates(), a.role().approves());
    }

    private void draft(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        try {
            Notice n = new NoticeFlow(web.db(ctx)).draft(run(ctx), actor(me));
            web.audit(ctx, "起草通报", n.getPeriod() + " 通报 #" + n.getId() + "，运行 #" + n.getRunId());
            ctx.redirect("/notices/" + n.getId(), HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            ctx.status(400);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("notices", new Notices(web.db(ctx)).all().stream().map(NoticeController::view).toList());
            model.put("runs", draftable(ctx));
            model.put("error", String.join("；", e.problems()));
            web.views.render(ctx, "notices.ftl", model);
        }
    }

    interface Action {
        Notice apply(NoticeFlow flow, Notice n, NoticeFlow.Actor a);
    }

    /** 经办的一步：角色在服务器上查（403），其余检查在 NoticeFlow；被拒时回到通报页，写明原因（400）。 */
    private void step(Context ctx, String what, Action action) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        act(ctx, me, what, action);
    }

    private void sign(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::approves);
        act(ctx, me, "签发通报", (flow, n, a) -> flow.sign(n.getId(), form(ctx, "number"), date(ctx, "date"), a));
    }

    private void act(Context ctx, Accounts.Account me, String what, Action action) {
        Notice n = notice(ctx);
        try {
            Notice done = action.apply(new NoticeFlow(web.db(ctx)), n, actor(me));
            web.audit(ctx, what, done.getPeriod() + " " + done.getKind() + " #" + done.getId() + "：" + done.getState()
                    + "，运行 #" + done.getRunId() + (done.getDocNumber() == null ? "" : "，文号 " + done.getDocNumber()));
            ctx.redirect("/notices/" + done.getId(), HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            ctx.status(400);
            render(ctx, new Notices(web.db(ctx)).get(n.getId()).orElse(n), Map.of("error", String.join("；", e.problems())));
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static long run(Context ctx) {
        try {
            return Long.parseLong(form(ctx, "run"));
        } catch (NumberFormatException e) {
            throw new InputException("请选择一次运行（运行编号应是数字）");
        }
    }

    private static LocalDate date(Context ctx, String name) {
        String v = form(ctx, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InputException("日期“" + v + "”写得不对，应写作 2022-01-10");
        }
    }
}
