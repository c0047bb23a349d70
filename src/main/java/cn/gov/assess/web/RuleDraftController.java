package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.io.InputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static cn.gov.assess.web.RulesPages.fileList;
import static cn.gov.assess.web.RulesPages.info;
import static cn.gov.assess.web.RulesPages.WebServerUrls;

/**
 * 规则草稿：起草、查看（检查结果、冲突）、预览、发布（审核，须是起草人以外的账号，写明理由）、放弃、在新发布版上重做。
 * 每个写操作先按角色拦（{@link WebServer#require}），再记入操作记录。
 */
final class RuleDraftController implements WebServer.Controller {
    private final WebServer web;

    RuleDraftController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.post("/rules/drafts", this::create);
        r.get("/rules/drafts/{id}", this::draft);
        r.get("/rules/drafts/{id}/preview", this::preview);
        r.post("/rules/drafts/{id}/publish", this::publish);
        r.post("/rules/drafts/{id}/abandon", this::abandon);
        r.post("/rules/drafts/{id}/reapply", this::reapply);
    }

    private RulesVersions versions(Context ctx) {
        return web.versions(ctx);
    }

    // ------------------------------------------------------------ 读

    private void draft(Context ctx) {
        WebServer.requireAll(ctx);
        RulesVersions.Version v = find(ctx);
        if (!v.draft()) {
            ctx.redirect("/rules/versions/" + v.id());
            return;
        }
        renderDraft(ctx, v, null, null);
    }

    /**
     * 预览一份草稿：与当前发布版各对同一期已存数据考核一次（都不保存）。考核期默认取最近一次运行的考核期与截至时点，
     * 地址里 ?period=2021-Q4 可改。规则管理与审核可用（审核发布前先看效果）。
     */
    private void preview(Context ctx) {
        WebServer.require(ctx, r -> r.editsRules() || r.approves());
        RulesVersions.Version v = find(ctx);
        RulesVersions.Current current = versions(ctx).current();
        cn.gov.assess.run.RunStore store = new cn.gov.assess.run.RunStore(web.db(ctx));
        cn.gov.assess.facts.Period period;
        java.time.LocalDateTime cutoff = null;
        String asked = ctx.queryParam("period");
        if (asked != null && !asked.isBlank()) {
            try {
                period = cn.gov.assess.facts.Period.parse(asked);
            } catch (cn.gov.assess.io.InputException e) {
                throw new WebError(400, String.join("；", e.problems()));
            } catch (IllegalArgumentException e) {
                // Period.parse 对写错的考核期抛 IllegalArgumentException（中文说明）：是用户输入错，不是 500
                throw new WebError(400, e.getMessage());
            }
        } else {
            Long latest = store.latestRunId();
            if (latest == null) {
                throw new WebError(409, "还没有任何考核运行，无从预览：请先导入数据并开始一次考核，或在地址后加 ?period=2021-Q4 指定考核期。");
            }
            cn.gov.assess.run.AssessmentRun run = store.runs().stream().filter(x -> x.getId().equals(latest)).findFirst().orElseThrow();
            period = run.getPeriod();
            cutoff = run.getCutoff();
        }
        String title = (v.draft() ? "草稿" : "") + v.label() + "（基于" + (v.baseNumber() == null ? "—" : "第 " + v.baseNumber() + " 版")
                + "）与当前发布的" + current.version().label() + "相比";
        new PreviewPage(web).show(ctx, current.rules(), versions(ctx).rules(v.id()), title, period, cutoff);
    }

    private void renderDraft(Context ctx, RulesVersions.Version v, String message, RulesVersions.Refused refused) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", info(v));
        model.put("files", fileList(versions(ctx).files(v.id()), v));
        Optional<RulesVersions.Refused> conflict = refused != null && refused.conflict() ? Optional.of(refused)
                : versions(ctx).conflict(v.id());
        conflict.ifPresent(c -> {
            model.put("conflict", c.getMessage());
            model.put("overlap", c.overlap());
            model.put("currentLabel", c.published().label());
        });
        model.put("mine", WebServer.me(ctx).name().equals(v.author()));
        if (message != null) {
            model.put("message", message);
        }
        web.views.render(ctx, "rules-draft.ftl", model);
    }

    // ------------------------------------------------------------ 写

    private void create(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version d = versions(ctx).createDraft(me.name(), ctx.formParam("note"));
        web.audit(ctx, "起草规则", d.label() + "（基于" + d.baseNumber() + "版）");
        String path = ctx.formParam("path");
        if (path != null && versions(ctx).files(d.id()).containsKey(path) && path.endsWith(".csv")) {
            ctx.redirect("/rules/drafts/" + d.id() + "/edit?path=" + WebServerUrls.enc(path));
        } else {
            ctx.redirect("/rules/drafts/" + d.id());
        }
    }

    private void publish(Context ctx) {
        // 查看、单位、经办：不看是哪一版，直接拒绝；规则管理只在是起草人时得到具体的理由
        Accounts.Account me = WebServer.require(ctx, role -> role.approves() || role.editsRules());
        RulesVersions.Version v = versions(ctx).find(WebServer.longParam(ctx, "id")).orElse(null);
        if (v == null) {
            // 规则管理不能发布：不论编号是否存在都是 403（与其他不许用的接口一样），审核才得到“没有这个版本”
            WebServer.require(ctx, Role::approves);
            throw WebError.notFound("没有这个规则版本。");
        }
        if (me.name().equals(v.author())) {
            // 起草人自己发布：无论角色，拒绝并记下
            web.audit(ctx, "发布规则被拒", v.label() + "：起草人本人不能发布");
            ctx.status(403);
            renderDraft(ctx, v, "不能发布自己起草的" + v.label() + "：规则修改须由起草人以外的审核账号发布。", null);
            return;
        }
        WebServer.require(ctx, Role::approves);
        try {
            RulesVersions.Version p = versions(ctx).publish(v.id(), me.name(), ctx.formParam("reason"),
                    UnitController.blankToNull(ctx.formParam("fingerprint")));
            web.audit(ctx, "发布规则", p.label() + "，理由：" + p.publishReason());
            ctx.redirect("/rules/versions/" + p.id());
        } catch (RulesVersions.Refused e) {
            web.audit(ctx, "发布规则被拒", v.label() + "：" + e.getMessage());
            ctx.status(e.conflict() ? 409 : 400);
            renderDraft(ctx, versions(ctx).version(v.id()), e.getMessage(), e);
        } catch (InputException e) {
            ctx.status(400);
            renderDraft(ctx, versions(ctx).version(v.id()), String.join("；", e.problems()), null);
        }
    }

    private void abandon(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        try {
            versions(ctx).abandon(v.id(), me.name());
        } catch (InputException e) {
            throw new WebError(400, String.join("；", e.problems()));
        }
        web.audit(ctx, "放弃规则草稿", v.label());
        ctx.redirect("/rules/versions");
    }

    private void reapply(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        RulesVersions.Reapplied r;
        try {
            r = versions(ctx).reapply(v.id(), me.name());
        } catch (InputException e) {
            throw new WebError(400, String.join("；", e.problems()));
        }
        if (r.draft() == null) {
            web.audit(ctx, "重做规则草稿未成", v.label() + "：" + String.join("；", r.clashes()));
            ctx.status(409);
            renderDraft(ctx, v, "不能自动重做：两份修改改了同一处。" + String.join("；", r.clashes())
                    + "。请在当前发布版上起草新版本，手工决定这些格取哪个值。", null);
            return;
        }
        web.audit(ctx, "重做规则草稿", v.label() + " → " + r.draft().label());
        ctx.redirect("/rules/drafts/" + r.draft().id());
    }

    private RulesVersions.Version find(Context ctx) {
        return RulesPages.find(versions(ctx), ctx);
    }
}
