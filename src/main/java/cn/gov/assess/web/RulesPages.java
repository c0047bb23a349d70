package cn.gov.assess.web;

import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.ruleversions.RulesVersions;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 规则管理各页共用的：按地址找版本与文件，版本与文件列表、表格给模板的样子。 */
final class RulesPages {
    private RulesPages() {
    }

    static RulesVersions.Version find(RulesVersions versions, Context ctx) {
        long id = WebServer.longParam(ctx, "id");
        return versions.find(id).orElseThrow(() -> WebError.notFound("没有这个规则版本。"));
    }

    static String path(RulesVersions versions, Context ctx, RulesVersions.Version v) {
        String path = ctx.queryParam("path");
        if (path == null || !versions.files(v.id()).containsKey(path)) {
            throw WebError.notFound(v.label() + "里没有这个文件。");
        }
        return path;
    }

    static long parseId(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw WebError.notFound("没有这个规则版本。");
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

    static List<Map<String, Object>> fileList(Map<String, String> files, RulesVersions.Version v) {
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

    static Map<String, Object> table(String text) {
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
