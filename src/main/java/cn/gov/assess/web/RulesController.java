package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.io.InputException;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.gov.assess.web.RulesPages.errorsOf;
import static cn.gov.assess.web.RulesPages.fileList;
import static cn.gov.assess.web.RulesPages.info;
import static cn.gov.assess.web.RulesPages.parseId;
import static cn.gov.assess.web.RulesPages.table;

/**
 * 规则管理的版本一侧：首页、版本列表、一版的文件与差异、把旧版恢复为新草稿。草稿见 {@link RuleDraftController}，
 * 表格表单见 {@link RuleTableController}。每个写操作先按角色拦（{@link WebServer#require}），再记入操作记录。
 */
final class RulesController implements WebServer.Controller {
    private final WebServer web;

    RulesController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/rules", this::index);
        r.get("/rules/versions", this::versions);
        r.get("/rules/versions/{id}", this::version);
        r.get("/rules/versions/{id}/file", this::file);
        r.get("/rules/versions/{id}/diff", this::diff);
        r.post("/rules/versions/{id}/restore", this::restore);
    }

    private RulesVersions store(Context ctx) {
        return web.versions(ctx);
    }

    // ------------------------------------------------------------ 读

    private void index(Context ctx) {
        WebServer.requireAll(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<RulesVersions.Version> cur = store(ctx).currentVersion();
        List<RulesVersions.Version> all = store(ctx).all();
        model.put("current", cur.map(RulesPages::info).orElse(null));
        model.put("drafts", all.stream().filter(RulesVersions.Version::draft).map(RulesPages::info).toList());
        if (cur.isPresent()) {
            model.put("files", fileList(store(ctx).files(cur.get().id()), cur.get()));
        }
        web.views.render(ctx, "rules.ftl", model);
    }

    private void versions(Context ctx) {
        WebServer.requireAll(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        Long current = store(ctx).currentVersion().map(RulesVersions.Version::id).orElse(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RulesVersions.Version v : store(ctx).all()) {
            Map<String, Object> m = info(v);
            m.put("current", current != null && current == v.id());
            rows.add(m);
        }
        model.put("versions", rows);
        if (current != null) {
            model.put("rulesMissing", cn.gov.assess.policy.AppealKinds.missing(store(ctx).rules(current), "当前发布的规则版本"));
        }
        web.views.render(ctx, "rules-versions.ftl", model);
    }

    private void version(Context ctx) {
        WebServer.requireAll(ctx);
        RulesVersions.Version v = find(ctx);
        if (v.draft()) {
            ctx.redirect("/rules/drafts/" + v.id());
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", info(v));
        model.put("current", store(ctx).currentVersion().map(c -> c.id() == v.id()).orElse(false));
        model.put("files", fileList(store(ctx).files(v.id()), v));
        web.views.render(ctx, "rules-version.ftl", model);
    }

    private void file(Context ctx) {
        WebServer.requireAll(ctx);
        RulesVersions.Version v = find(ctx);
        String path = path(ctx, v);
        String text = store(ctx).files(v.id()).get(path);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", info(v));
        model.put("path", path);
        model.put("errors", errorsOf(v, path));
        if (path.endsWith(".csv")) {
            model.put("table", table(text));
        } else {
            model.put("text", text);
        }
        web.views.render(ctx, "rules-file.ftl", model);
    }

    private void diff(Context ctx) {
        WebServer.requireAll(ctx);
        RulesVersions.Version v = find(ctx);
        String against = ctx.queryParam("against");
        RulesVersions.Version from;
        if (against != null && !against.isBlank()) {
            from = store(ctx).find(parseId(against)).orElseThrow(() -> WebError.notFound("没有这个规则版本。"));
        } else if (v.baseId() != null) {
            from = store(ctx).version(v.baseId());
        } else {
            throw new WebError(400, v.label() + "是第一个版本，没有可比较的上一版。");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", info(from));
        model.put("to", info(v));
        List<Map<String, Object>> files = new ArrayList<>();
        for (RulesVersions.FileDiff d : store(ctx).diff(from.id(), v.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("kind", d.kind());
            m.put("changes", d.changes());
            m.put("lines", d.lines().stream().map(l -> Map.of("op", l.mark(), "old", l.oldNo() == 0 ? "" : String.valueOf(l.oldNo()),
                    "new", l.newNo() == 0 ? "" : String.valueOf(l.newNo()), "text", l.text())).toList());
            files.add(m);
        }
        model.put("files", files);
        web.views.render(ctx, "rules-diff.ftl", model);
    }

    // ------------------------------------------------------------ 写

    private void restore(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        RulesVersions.Version d;
        try {
            d = store(ctx).restore(v.id(), me.name());
        } catch (InputException e) {
            throw new WebError(400, String.join("；", e.problems()));
        }
        web.audit(ctx, "恢复规则版本", v.label() + " → 新草稿" + d.label());
        ctx.redirect("/rules/drafts/" + d.id());
    }

    private RulesVersions.Version find(Context ctx) {
        return RulesPages.find(store(ctx), ctx);
    }

    private String path(Context ctx, RulesVersions.Version v) {
        return RulesPages.path(store(ctx), ctx, v);
    }
}
