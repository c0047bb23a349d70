package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleTable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 规则管理：版本列表与差异、草稿（表格表单编辑、检查结果、预览入口）、发布（审核，须是起草人以外的账号，写明理由）、
 * 放弃、在新发布版上重做、把旧版恢复为新草稿。每个写操作先按角色拦（{@link WebServer#require}），再记入操作记录。
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
        r.post("/rules/drafts", this::create);
        r.get("/rules/drafts/{id}", this::draft);
        r.get("/rules/drafts/{id}/edit", this::editForm);
        r.post("/rules/drafts/{id}/edit", this::save);
        r.get("/rules/drafts/{id}/preview", this::preview);
        r.post("/rules/drafts/{id}/publish", this::publish);
        r.post("/rules/drafts/{id}/abandon", this::abandon);
        r.post("/rules/drafts/{id}/reapply", this::reapply);
    }

    private RulesVersions versions() {
        return web.versions;
    }

    // ------------------------------------------------------------ 读

    private void index(Context ctx) {
        WebServer.requireAll(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<RulesVersions.Version> cur = versions().currentVersion();
        List<RulesVersions.Version> all = versions().all();
        model.put("current", cur.map(RulesController::info).orElse(null));
        model.put("drafts", all.stream().filter(RulesVersions.Version::draft).map(RulesController::info).toList());
        if (cur.isPresent()) {
            model.put("files", fileList(versions().files(cur.get().id()), cur.get()));
        }
        web.views.render(ctx, "rules.ftl", model);
    }

    private void versions(Context ctx) {
        WebServer.requireAll(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        Long current = versions().currentVersion().map(RulesVersions.Version::id).orElse(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RulesVersions.Version v : versions().all()) {
            Map<String, Object> m = info(v);
            m.put("current", current != null && current == v.id());
            rows.add(m);
        }
        model.put("versions", rows);
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
        model.put("current", versions().currentVersion().map(c -> c.id() == v.id()).orElse(false));
        model.put("files", fileList(versions().files(v.id()), v));
        web.views.render(ctx, "rules-version.ftl", model);
    }

    private void file(Context ctx) {
        WebServer.requireAll(ctx);
        RulesVersions.Version v = find(ctx);
        String path = path(ctx, v);
        String text = versions().files(v.id()).get(path);
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
            from = versions().find(parseId(against)).orElseThrow(() -> WebError.notFound("没有这个规则版本。"));
        } else if (v.baseId() != null) {
            from = versions().version(v.baseId());
        } else {
            throw new WebError(400, v.label() + "是第一个版本，没有可比较的上一版。");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", info(from));
        model.put("to", info(v));
        List<Map<String, Object>> files = new ArrayList<>();
        for (RulesVersions.FileDiff d : versions().diff(from.id(), v.id())) {
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
        RulesVersions.Current current = versions().current();
        cn.gov.assess.run.RunStore store = new cn.gov.assess.run.RunStore(web.db);
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
        new PreviewPage(web).show(ctx, current.rules(), versions().rules(v.id()), title, period, cutoff);
    }

    private void renderDraft(Context ctx, RulesVersions.Version v, String message, RulesVersions.Refused refused) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", info(v));
        model.put("files", fileList(versions().files(v.id()), v));
        Optional<RulesVersions.Refused> conflict = refused != null && refused.conflict() ? Optional.of(refused)
                : versions().conflict(v.id());
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

    private void editForm(Context ctx) {
        WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        if (!v.draft()) {
            throw new WebError(400, v.label() + "是" + v.state() + "的版本，不能修改；请先“恢复为新草稿”或起草新版本。");
        }
        String path = path(ctx, v);
        if (!path.endsWith(".csv")) {
            throw new WebError(400, path + " 不是表格，在网页上只读；请在规则目录里修改后用命令行检查。");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("v", info(v));
        model.put("path", path);
        String text = versions().files(v.id()).get(path);
        model.put("table", table(text));
        model.put("sha", cn.gov.assess.policy.RuleSet.sha256(text));
        model.put("extra", "1".equals(ctx.queryParam("extra")));
        model.put("saved", "1".equals(ctx.queryParam("saved")));
        model.put("errors", v.checkErrors());
        model.put("fileErrors", errorsOf(v, path));
        model.put("badCells", badCells(errorsOf(v, path)));
        web.views.render(ctx, "rules-edit.ftl", model);
    }

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("第 (\\d+) 行第 (\\d+) 列");

    /** 检查结果里点到的格（“第 N 行第 M 列”），表单里标红：键为“表格行下标_列下标”（表头是第 1 行）。 */
    static List<String> badCells(List<String> errors) {
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            java.util.regex.Matcher m = CELL.matcher(e);
            while (m.find()) {
                out.add((Integer.parseInt(m.group(1)) - 2) + "_" + (Integer.parseInt(m.group(2)) - 1));
            }
        }
        return out;
    }

    // ------------------------------------------------------------ 写

    private void create(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version d = versions().createDraft(me.name(), ctx.formParam("note"));
        web.audit(ctx, "起草规则", d.label() + "（基于" + d.baseNumber() + "版）");
        String path = ctx.formParam("path");
        if (path != null && versions().files(d.id()).containsKey(path) && path.endsWith(".csv")) {
            ctx.redirect("/rules/drafts/" + d.id() + "/edit?path=" + WebServerUrls.enc(path));
        } else {
            ctx.redirect("/rules/drafts/" + d.id());
        }
    }

    private void save(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        String path = Optional.ofNullable(ctx.formParam("path")).orElse("");
        Map<String, String> files = versions().files(v.id());
        if (!files.containsKey(path) || !path.endsWith(".csv")) {
            throw WebError.notFound("草稿里没有这张表。");
        }
        RuleTable before = RuleTable.parse(files.get(path));
        int cols = before.header().size();
        int n = Math.min(parseInt(ctx.formParam("rows")), 10_000);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (ctx.formParam("del" + r) != null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < cols; c++) {
                String cell = Optional.ofNullable(ctx.formParam("c" + r + "_" + c)).orElse("").strip();
                any |= !cell.isEmpty();
                cells.add(cell);
            }
            if (any) {
                rows.add(cells);
            }
        }
        String text = before.withRows(rows).text();
        String loaded = ctx.formParam("sha");
        if (loaded != null && !loaded.equals(cn.gov.assess.policy.RuleSet.sha256(files.get(path)))) {
            // 打开表单之后别人保存过这张表：把本次的改动（相对于打开时的表）合到别人保存后的表上；改了同一格时不保存，原样退回表单
            Optional<String> opened = versions().blob(loaded);
            if (opened.isEmpty()) {
                throw new WebError(409, "这张表在您打开之后被改过，请重新打开再改。");
            }
            RuleTable base = RuleTable.parse(opened.get());
            RuleTable.Merge merged = RuleTable.merge(base, base.withRows(rows), before, "别人保存的", "您填的");
            if (merged.table() == null) {
                ctx.status(409);
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("v", info(v));
                model.put("path", path);
                Map<String, Object> table = new LinkedHashMap<>();
                table.put("header", before.header());
                table.put("rows", rows);
                model.put("table", table);
                model.put("sha", cn.gov.assess.policy.RuleSet.sha256(files.get(path)));
                model.put("extra", false);
                model.put("saved", false);
                model.put("errors", v.checkErrors());
                model.put("fileErrors", errorsOf(v, path));
                model.put("badCells", List.of());
                model.put("message", "没有保存：您打开这张表之后，别人保存了对同一处的修改。" + String.join("；", merged.clashes())
                        + "。下面是您填的内容，请核对后再保存（再保存即以您填的为准）。");
                web.views.render(ctx, "rules-edit.ftl", model);
                return;
            }
            text = merged.table().text();
        }
        RulesVersions.Version saved;
        try {
            saved = versions().saveFile(v.id(), me.name(), path, text);
        } catch (InputException e) {
            throw new WebError(400, String.join("；", e.problems()));
        }
        if (!text.equals(files.get(path))) {
            web.audit(ctx, "修改规则草稿", saved.label() + " " + path + (saved.checkOk() ? "（检查通过）"
                    : "（检查有 " + saved.checkErrors().size() + " 处错误）"));
        }
        boolean add = "add".equals(ctx.formParam("action"));
        ctx.redirect("/rules/drafts/" + v.id() + "/edit?path=" + WebServerUrls.enc(path) + "&saved=1" + (add ? "&extra=1" : ""));
    }

    private void publish(Context ctx) {
        // 查看、单位、经办：不看是哪一版，直接拒绝；规则管理只在是起草人时得到具体的理由
        Accounts.Account me = WebServer.require(ctx, role -> role.approves() || role.editsRules());
        RulesVersions.Version v = versions().find(WebServer.longParam(ctx, "id")).orElse(null);
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
            RulesVersions.Version p = versions().publish(v.id(), me.name(), ctx.formParam("reason"),
                    UnitController.blankToNull(ctx.formParam("fingerprint")));
            web.audit(ctx, "发布规则", p.label() + "，理由：" + p.publishReason());
            ctx.redirect("/rules/versions/" + p.id());
        } catch (RulesVersions.Refused e) {
            web.audit(ctx, "发布规则被拒", v.label() + "：" + e.getMessage());
            ctx.status(e.conflict() ? 409 : 400);
            renderDraft(ctx, versions().version(v.id()), e.getMessage(), e);
        } catch (InputException e) {
            ctx.status(400);
            renderDraft(ctx, versions().version(v.id()), String.join("；", e.problems()), null);
        }
    }

    private void abandon(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        try {
            versions().abandon(v.id(), me.name());
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
            r = versions().reapply(v.id(), me.name());
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

    private void restore(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        RulesVersions.Version d;
        try {
            d = versions().restore(v.id(), me.name());
        } catch (InputException e) {
            throw new WebError(400, String.join("；", e.problems()));
        }
        web.audit(ctx, "恢复规则版本", v.label() + " → 新草稿" + d.label());
        ctx.redirect("/rules/drafts/" + d.id());
    }

    // ------------------------------------------------------------ 小工具

    private RulesVersions.Version find(Context ctx) {
        long id = WebServer.longParam(ctx, "id");
        return versions().find(id).orElseThrow(() -> WebError.notFound("没有这个规则版本。"));
    }

    private String path(Context ctx, RulesVersions.Version v) {
        String path = ctx.queryParam("path");
        if (path == null || !versions().files(v.id()).containsKey(path)) {
            throw WebError.notFound(v.label() + "里没有这个文件。");
        }
        return path;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw WebError.notFound("没有这个规则版本。");
        }
    }

    private static int parseInt(String s) {
        try {
            return Math.max(0, Integer.parseInt(s == null ? "0" : s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, Object> info(RulesVersions.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("label", v.label());
        m.put("number", v.number());
        m.put("state", v.state());
        m.put("draft", v.draft());
        m.put("published", v.published());
        m.put("baseId", v.baseId() == null ? "" : String.valueOf(v.baseId()));
        m.put("baseLabel", v.baseNumber() == null ? "" : "第 " + v.baseNumber() + " 版");
        m.put("author", v.author());
        m.put("created", v.createdAt().format(RunsController.TIME));
        m.put("updated", v.updatedAt().format(RunsController.TIME));
        m.put("note", v.note());
        m.put("checkOk", v.checkOk());
        m.put("fingerprint", v.fingerprint() == null ? "" : v.fingerprint());
        m.put("errors", v.checkErrors());
        m.put("publisher", v.publisher() == null ? "" : v.publisher());
        m.put("publishedAt", v.publishedAt() == null ? "" : v.publishedAt().format(RunsController.TIME));
        m.put("reason", v.publishReason() == null ? "" : v.publishReason());
        return m;
    }

    private static List<Map<String, Object>> fileList(Map<String, String> files, RulesVersions.Version v) {
        List<Map<String, Object>> out = new ArrayList<>();
        files.forEach((path, text) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("table", path.endsWith(".csv"));
            m.put("kind", path.endsWith(".csv") ? "表格" : path.endsWith(".drl") ? "规则（DRL）" : path.endsWith(".ftl") ? "正文模板"
                    : "文件");
            m.put("lines", text.lines().count());
            m.put("errors", errorsOf(v, path));
            out.add(m);
        });
        return out;
    }

    /** 检查结果中说到这个文件的几条。 */
    static List<String> errorsOf(RulesVersions.Version v, String path) {
        return v.checkErrors().stream().filter(e -> e.contains(path)).toList();
    }

    private static Map<String, Object> table(String text) {
        RuleTable t = RuleTable.parse(text);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", t.header());
        List<List<String>> rows = new ArrayList<>();
        for (RuleTable.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < t.header().size(); i++) {
                cells.add(r.cell(i));
            }
            rows.add(cells);
        }
        m.put("rows", rows);
        return m;
    }

    /** 网址里的文件名。 */
    static final class WebServerUrls {
        static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
