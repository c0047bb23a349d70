package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.ruleversions.TableMerge;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.gov.assess.web.RulesPages.WebServerUrls;
import static cn.gov.assess.web.RulesPages.errorsOf;
import static cn.gov.assess.web.RulesPages.info;
import static cn.gov.assess.web.RulesPages.table;

/**
 * 草稿里一张表格的网页表单：打开（检查结果点到的格标红）、保存（打开之后别人保存过这张表时三方合并，{@link TableMerge}）。
 */
final class RuleTableController implements WebServer.Controller {
    private final WebServer web;

    RuleTableController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/rules/drafts/{id}/edit", this::editForm);
        r.post("/rules/drafts/{id}/edit", this::save);
    }

    private RulesVersions versions(Context ctx) {
        return web.versions(ctx);
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
        String text = versions(ctx).files(v.id()).get(path);
        Map<String, Object> table = table(text);
        model.put("table", table);
        help(model, versions(ctx).files(v.id()), path, table);
        model.put("sha", cn.gov.assess.policy.RuleSet.sha256(text));
        model.put("extra", "1".equals(ctx.queryParam("extra")));
        model.put("saved", "1".equals(ctx.queryParam("saved")));
        model.put("errors", v.checkErrors());
        model.put("fileErrors", errorsOf(v, path));
        model.put("badCells", badCells(versions(ctx).checkProblems(v.id()), path));
        web.views.render(ctx, "rules-edit.ftl", model);
    }

    /**
     * 检查结果里落在这张表某一格的错（看 {@link cn.gov.assess.io.Problem} 的 rule、行、列，不看句子），表单里标红：
     * 键为“表格行下标_列下标”（表头是第 1 行）。
     */
    static List<String> badCells(List<cn.gov.assess.io.Problem> problems, String path) {
        List<String> out = new ArrayList<>();
        for (cn.gov.assess.io.Problem p : problems) {
            if (("rules/" + path).equals(p.rule()) && p.row() != null && p.column() != null) {
                out.add((p.row() - 2) + "_" + (p.column() - 1));
            }
        }
        return out;
    }

    private void save(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::editsRules);
        RulesVersions.Version v = find(ctx);
        String path = Optional.ofNullable(ctx.formParam("path")).orElse("");
        Map<String, String> files = versions(ctx).files(v.id());
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
            Optional<String> opened = versions(ctx).blob(loaded);
            if (opened.isEmpty()) {
                throw new WebError(409, "这张表在您打开之后被改过，请重新打开再改。");
            }
            TableMerge.Result merged = TableMerge.edit(path, opened.get(), rows, files.get(path));
            if (!merged.ok()) {
                ctx.status(409);
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("v", info(v));
                model.put("path", path);
                Map<String, Object> table = new LinkedHashMap<>();
                table.put("header", before.header());
                table.put("rows", rows);
                model.put("table", table);
                help(model, files, path, table);
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
            text = merged.text();
        }
        RulesVersions.Version saved;
        try {
            saved = versions(ctx).saveFile(v.id(), me.name(), path, text);
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

    /** 列说明（规则目录 README.md 里这张表的一节）与各列文本框的宽度。 */
    @SuppressWarnings("unchecked")
    private static void help(Map<String, Object> model, Map<String, String> files, String path, Map<String, Object> table) {
        ColumnHelp.Help help = ColumnHelp.of(files.get("README.md"), path);
        model.put("help", help.columns());
        model.put("intro", help.intro());
        List<String> widths = ColumnHelp.widths((List<String>) table.get("header"), (List<List<String>>) table.get("rows"));
        model.put("colCss", widths);
        model.put("colPer", ColumnHelp.perLine(widths));
    }

    private static int parseInt(String s) {
        try {
            return Math.max(0, Integer.parseInt(s == null ? "0" : s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private RulesVersions.Version find(Context ctx) {
        return RulesPages.find(versions(ctx), ctx);
    }

    private String path(Context ctx, RulesVersions.Version v) {
        return RulesPages.path(versions(ctx), ctx, v);
    }
}
