package cn.gov.assess.notice;

import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.io.SafeCell;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.policy.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 由一次已保存的运行（它的规则快照与通报信息）生成全部输出：annex-N.csv、sections.md、lists.csv、totals.csv
 * 与同一个 NoticeDocument 生成的 通报.md、通报.docx、附件.xlsx，旧运行的报告因此不随规则或数据的后续修改而变。
 * CSV 一律是带 BOM 的 UTF-8，可能被当作公式的单元格按 {@link SafeCell} 写成文字。
 */
public final class ReportWriter {
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    /** 生成的全部文件（文件名 → 内容，按写出顺序）与通报全文模型（规则快照没有全文模板时为 null）。 */
    public record Rendered(Map<String, byte[]> files, NoticeDocument notice) {
    }

    public List<Path> write(RunStore.StoredRun stored, Path outDir) {
        return writeAll(outDir, render(stored).files());
    }

    /** 在内存中生成 write 会写出的全部文件（网页工作台的下载与全文显示用同一份）。 */
    public Rendered render(RunStore.StoredRun stored) {
        return render(stored, true);
    }

    /** 同上；officeFiles 为假时不生成 通报.docx 与 附件.xlsx（模板检查用：载入 POI 要几秒，与模板无关）。 */
    public Rendered render(RunStore.StoredRun stored, boolean officeFiles) {
        long t0 = System.nanoTime();
        RuleSet rules = stored.rules();
        List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
        channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        String quarter = stored.run().getPeriod().word();
        Map<String, byte[]> files = new LinkedHashMap<>();
        SectionRenderer renderer = new SectionRenderer(rules);
        // 正文各节按章节序号（一、二、三……）排：自动编号的新渠道可能排在监测一节之后
        java.util.TreeMap<Integer, String> numbered = new java.util.TreeMap<>();
        List<String> sections = new ArrayList<>();
        List<NoticeModel.AnnexSource> annexes = new ArrayList<>();
        for (ChannelConfig c : channels) {
            AnnexTable table = AnnexTable.build(c, quarter, stored.tallies(), stored.indicators());
            put(files, "annex-" + c.annexNo() + ".csv", csv(table.header(), table.rows()));
            annexes.add(new NoticeModel.AnnexSource(c.annexNo(), table.title(), List.of(), table.header(), table.rows()));
            numbered.put(cn.gov.assess.policy.Numbering.value(c.section()), renderer.render(c, stored));
        }
        MonitoringReport monitoring = new MonitoringReport(stored);
        if (monitoring.present()) {
            List<List<String>> website = monitoring.websiteRows();
            List<List<String>> media = monitoring.mediaRows();
            put(files, "annex-" + monitoring.websiteAnnexNo() + ".csv", csv(MonitoringReport.WEBSITE_HEADER, website));
            put(files, "annex-" + monitoring.mediaAnnexNo() + ".csv", csv(MonitoringReport.MEDIA_HEADER, media));
            annexes.add(new NoticeModel.AnnexSource(monitoring.websiteAnnexNo(), monitoring.websiteTitle(),
                    List.of(monitoring.websiteFrequency()), MonitoringReport.WEBSITE_HEADER, website));
            annexes.add(new NoticeModel.AnnexSource(monitoring.mediaAnnexNo(), monitoring.mediaTitle(),
                    List.of(monitoring.mediaFrequency()), MonitoringReport.MEDIA_HEADER, media));
            numbered.put(cn.gov.assess.policy.Numbering.value(rules.numbering().section(cn.gov.assess.policy.Numbering.MONITORING)),
                    renderer.renderMonitoring(monitoring, stored));
        }
        sections.addAll(numbered.values());
        for (cn.gov.assess.policy.PolicyTables.Annex def : rules.tables().annexes()) {
            NoticeModel.AnnexSource a = TableAnnex.build(def, rules.numbering().annex(cn.gov.assess.policy.Numbering.annexKey(def.name())),
                    stored);
            put(files, "annex-" + a.no() + ".csv", csv(a.header(), a.rows()));
            annexes.add(a);
        }
        put(files, "sections.md", String.join("\n\n", sections) + "\n");
        put(files, "lists.csv", lists(channels, stored));
        put(files, "totals.csv", totals(channels, stored));
        NoticeDocument notice = null;
        if (NoticeModel.available(rules)) {
            annexes.sort(Comparator.comparingInt(NoticeModel.AnnexSource::no));
            notice = NoticeModel.compose(stored, sections, annexes, monitoring.present());
            LocalDateTime created = stored.run().getCreatedAt();
            put(files, "通报.md", MarkdownWriter.write(notice));
            if (officeFiles) {
                // 附件.xlsx 在另一个线程上与 通报.docx 同时生成（两者只读同一个 NoticeDocument；各自的 POI 类加载也就并行了）
                NoticeDocument doc = notice;
                XlsxWriter.Fonts xlsxFonts = XlsxWriter.Fonts.of(rules.parameters());
                java.util.concurrent.FutureTask<byte[]> xlsx = new java.util.concurrent.FutureTask<>(() -> XlsxWriter.write(doc, xlsxFonts, created));
                Thread t = new Thread(xlsx, "assess-xlsx");
                t.setDaemon(true);
                t.start();
                files.put("通报.docx", DocxWriter.write(notice, DocxWriter.Fonts.of(rules.parameters()), created));
                files.put("附件.xlsx", await(xlsx));
            }
        }
        if (TIMING) {
            System.err.printf("生成报告 %.2f 秒%n", (System.nanoTime() - t0) / 1e9);
        }
        return new Rendered(files, notice);
    }

    private static final boolean TIMING = Boolean.getBoolean("assess.timing");

    private static byte[] await(java.util.concurrent.FutureTask<byte[]> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("生成附件.xlsx 被中断", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("生成附件.xlsx 失败：" + c.getMessage(), c);
        }
    }

    /**
     * 在后台线程上先把写 docx/xlsx 要用的 POI 类加载好（建一个空文档和空工作簿、写到空输出），与打开数据库、读运行
     * 同时进行；{@code report} 命令开头调用。只是预热，不生成任何输出，失败也不影响之后的正式生成。
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                 org.apache.poi.xssf.usermodel.XSSFWorkbook b = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
                d.createParagraph().createRun().setText("预热");
                d.createTable(1, 1);
                b.createSheet("预热").createRow(0).createCell(0).setCellValue("预热");
                d.write(java.io.OutputStream.nullOutputStream());
                b.write(java.io.OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // 预热失败无妨：正式生成时照常加载
            }
        }, "assess-poi-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /** CSV 前加 UTF-8 BOM：中文 Windows 上的 Excel 没有 BOM 时按 GBK 打开，会乱码。 */
    private static void put(Map<String, byte[]> files, String name, String text) {
        files.put(name, (name.endsWith(".csv") ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * lists.csv：每个（范围、名单）一行。先按渠道的附件顺序，再按名单表（名单.csv）里写的渠道顺序；名单的全称取自名单表。
     */
    private static String lists(List<ChannelConfig> channels, RunStore.StoredRun stored) {
        Map<String, cn.gov.assess.policy.PolicyTables.ListDef> defs = stored.rules().listTitles();
        List<String> scopes = new ArrayList<>();
        channels.forEach(c -> scopes.add(c.name()));
        defs.values().forEach(d -> d.channels().forEach(ch -> {
            if (!scopes.contains(ch)) {
                scopes.add(ch);
            }
        }));
        stored.lists().forEach(e -> {
            if (!scopes.contains(e.getChannel())) {
                scopes.add(e.getChannel());
            }
        });
        Map<String, ChannelConfig> byName = new LinkedHashMap<>();
        channels.forEach(c -> byName.put(c.name(), c));
        String monitoringSection = stored.rules().numbering().section(cn.gov.assess.policy.Numbering.MONITORING);
        List<String> monitoringScopes = cn.gov.assess.policy.MonitoringNames.of(stored.rules().parameters()).scopes();
        List<List<String>> rows = new ArrayList<>();
        for (String scope : scopes) {
            Map<String, List<String>> byList = new LinkedHashMap<>();
            for (RunListEntry e : stored.lists()) {
                if (e.getChannel().equals(scope)) {
                    byList.computeIfAbsent(e.getListName(), k -> new ArrayList<>()).add(e.getUnitLabel());
                }
            }
            ChannelConfig c = byName.get(scope);
            boolean monitoring = monitoringScopes.contains(scope);
            String section = c != null ? c.section() + "、" + c.name()
                    : (monitoring && !monitoringSection.isEmpty() ? monitoringSection + "、" : "") + scope;
            byList.forEach((name, units) -> rows.add(List.of(section,
                    defs.containsKey(name) ? defs.get(name).title() : name, String.join("、", units))));
        }
        return csv(List.of("章节", "名单", "单位"), rows);
    }

    private static String totals(List<ChannelConfig> channels, RunStore.StoredRun stored) {
        List<List<String>> rows = new ArrayList<>();
        for (ChannelConfig c : channels) {
            Tally t = stored.tallies().stream().filter(x -> x.getChannel().equals(c.name()) && x.getUnitId() == null)
                    .findFirst().map(RunTally::toTally).orElse(new Tally(c.name(), null));
            rows.add(List.of(c.name(), String.valueOf(t.getDue()), String.valueOf(t.getHandled()),
                    String.valueOf(t.getUnhandled()), Percent.format(t.getHandled(), t.getDue()), String.valueOf(t.getLate())));
        }
        return csv(List.of("渠道", "受理件数", "实办件数", "未办件数", "办结率", "逾期件数（正文）"), rows);
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSV)) {
            p.printRecord(header.stream().map(SafeCell::inert).toList());
            for (List<String> r : rows) {
                p.printRecord(r.stream().map(SafeCell::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** 先写到临时文件再改名，输出目录里不会留下写了一半的文件。 */
    private static List<Path> writeAll(Path outDir, Map<String, byte[]> files) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = outDir.resolve(f.getKey());
                Path tmp = outDir.resolve("." + f.getKey() + ".tmp");
                Files.write(tmp, f.getValue());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
