package cn.gov.assess.web;

import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.notice.NoticeDocument;
import cn.gov.assess.notice.ReportWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一次运行：各渠道合计、附件 1–5、各名单及成员、通报全文（按打印的样子），以及下载（通报.docx、附件.xlsx、CSV）。
 * 全部来自已存运行经 ReportWriter 生成的同一份文件，与 report 命令写出的相同。
 */
final class RunController implements WebServer.Controller {
    private final WebServer web;

    RunController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/runs/{id}", this::show);
        r.get("/runs/{id}/files/{name}", this::download);
    }

    private void show(Context ctx) {
        WebServer.requireAll(ctx);
        long id = WebServer.longParam(ctx, "id");
        RunStore.StoredRun stored = web.results(ctx).run(id);
        ReportWriter.Rendered report = web.results(ctx).report(id);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", runInfo(stored.run()));
        model.put("runStatus", status(web, ctx, stored.run()));
        model.put("rulesVersion", web.versions(ctx).ofRun(id).map(v -> Map.<String, Object>of("id", v.id(), "label", v.label()))
                .orElse(null));
        model.put("files", report.files().keySet().stream().map(f -> Map.of("name", f, "label", Downloads.label(f))).toList());
        model.put("retired", ToolsController.retired(web, ctx, id));
        model.put("totals", csv(report.files().get("totals.csv")));
        Map<String, Long> unitIds = unitIds(stored);
        model.put("unitIds", unitIds);
        // 名单：渠道/范围 → 名单名 → 成员（按名单顺序）
        Map<String, Map<String, List<Map<String, Object>>>> lists = new LinkedHashMap<>();
        for (RunListEntry e : stored.lists()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", e.getPosition());
            m.put("unit", e.getUnitLabel());
            m.put("unitId", e.getUnitId());
            m.put("rank", e.getRank());
            m.put("reason", e.getReason());
            lists.computeIfAbsent(e.getChannel(), k -> new LinkedHashMap<>()).computeIfAbsent(e.getListName(), k -> new ArrayList<>()).add(m);
        }
        lists.values().forEach(byName -> byName.values().forEach(members ->
                members.sort((a, b) -> Integer.compare((Integer) a.get("position"), (Integer) b.get("position")))));
        model.put("lists", lists);
        List<Map<String, Object>> blocks = new ArrayList<>();
        List<Map<String, Object>> annexes = new ArrayList<>();
        if (report.notice() != null) {
            for (NoticeDocument.Block b : report.notice().blocks()) {
                if (b instanceof NoticeDocument.Text t) {
                    blocks.add(Map.of("kind", t.kind().tag(), "lines", t.lines()));
                } else if (b instanceof NoticeDocument.Annex a) {
                    annexes.add(annex(a.label(), a.title(), a.notes(), a.header(), a.rows()));
                }
            }
        } else {
            for (Map.Entry<String, byte[]> f : report.files().entrySet()) {
                if (f.getKey().matches("annex-\\d+\\.csv")) {
                    List<List<String>> rows = csv(f.getValue());
                    String no = f.getKey().replaceAll("\\D", "");
                    annexes.add(annex("附件" + no, "", List.of(), rows.get(0), rows.subList(1, rows.size())));
                }
            }
        }
        model.put("notice", blocks);
        model.put("annexes", annexes);
        web.views.render(ctx, "run.ftl", model);
    }

    private static Map<String, Object> annex(String label, String title, List<String> notes, List<String> header, List<List<String>> rows) {
        Map<String, Object> m = new HashMap<>();
        m.put("label", label);
        m.put("title", title);
        m.put("notes", notes);
        m.put("header", header);
        m.put("rows", rows);
        return m;
    }

    /** 运行的地位（issuance.RunStatus）给页面的横幅：种类、一句话、相关通报的编号。 */
    static Map<String, Object> status(WebServer web, Context ctx, AssessmentRun r) {
        cn.gov.assess.issuance.RunStatus s = cn.gov.assess.issuance.RunStatus.of(web.db(ctx), r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind().name());
        m.put("text", s.text());
        cn.gov.assess.issuance.Notice n = s.notice() != null ? s.notice() : s.official();
        if (n != null) {
            m.put("notice", n.getId());
        }
        return m;
    }

    static Map<String, Object> runInfo(AssessmentRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.getId());
        m.put("period", r.getPeriod().code());
        m.put("cutoff", r.getCutoff().format(RunsController.TIME));
        m.put("created", r.getCreatedAt().format(RunsController.TIME));
        m.put("rules", r.getRulesFingerprint());
        m.put("data", r.getDataFingerprint());
        m.put("orders", r.getOrderCount());
        m.put("assignments", r.getAssignmentCount());
        return m;
    }

    /** 附件与名单里出现的单位写法 → 单位编号，用来把单元格链接到单位页。 */
    static Map<String, Long> unitIds(RunStore.StoredRun stored) {
        Map<String, Long> ids = new HashMap<>();
        for (RunTally t : stored.tallies()) {
            if (t.getUnitId() != null) {
                ids.put(t.getUnitLabel(), t.getUnitId());
            }
        }
        for (RunListEntry e : stored.lists()) {
            ids.putIfAbsent(e.getUnitLabel(), e.getUnitId());
        }
        return ids;
    }

    static List<List<String>> csv(byte[] bytes) {
        List<List<String>> out = new ArrayList<>();
        if (bytes == null) {
            return out;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // CSV 带 BOM（供 Excel 识别 UTF-8）
        }
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            for (CSVRecord r : p) {
                out.add(r.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void download(Context ctx) {
        WebServer.requireAll(ctx);
        long id = WebServer.longParam(ctx, "id");
        String name = ctx.pathParam("name");
        byte[] content = web.results(ctx).report(id).files().get(name);
        if (content == null) {
            throw WebError.notFound("运行 #" + id + " 的报告里没有这个文件。");
        }
        String type = name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : name.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";
        String period = web.results(ctx).run(id).run().getPeriod().code();
        String saveAs = period + "-运行" + id + "-" + name;
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"run-" + id + "-" + name.replaceAll("[^A-Za-z0-9.-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(saveAs, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.result(content);
    }
}
