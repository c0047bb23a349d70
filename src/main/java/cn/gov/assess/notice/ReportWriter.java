package cn.gov.assess.notice;

import cn.gov.assess.assessment.RunListEntry;
import cn.gov.assess.assessment.RunStore;
import cn.gov.assess.assessment.RunTally;
import cn.gov.assess.assessment.Tally;
import cn.gov.assess.rules.ChannelConfig;
import cn.gov.assess.rules.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 从一次已保存的运行生成输出文件：annex-N.csv（各渠道附件）、sections.md（正文各渠道章节）、
 * lists.csv 与 totals.csv（与已发布通报同样的名单与合计格式）。渠道配置与模板取自该运行的规则快照，
 * 所以旧运行的报告不随规则目录的后续修改而变。
 */
public final class ReportWriter {
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    public List<Path> write(RunStore.StoredRun stored, Path outDir) {
        RuleSet rules = stored.rules();
        List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
        channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        String quarter = stored.run().getPeriod().word();
        Map<String, String> files = new LinkedHashMap<>();
        SectionRenderer renderer = new SectionRenderer(rules);
        StringBuilder sections = new StringBuilder();
        for (ChannelConfig c : channels) {
            AnnexTable table = AnnexTable.build(c, quarter, stored.tallies());
            files.put("annex-" + c.annexNo() + ".csv", csv(table.header(), table.rows()));
            if (sections.length() > 0) {
                sections.append("\n\n");
            }
            sections.append(renderer.render(c, stored));
        }
        MonitoringReport monitoring = new MonitoringReport(stored);
        if (monitoring.present()) {
            files.put("annex-" + monitoring.websiteAnnexNo() + ".csv", csv(MonitoringReport.WEBSITE_HEADER, monitoring.websiteRows()));
            files.put("annex-" + monitoring.mediaAnnexNo() + ".csv", csv(MonitoringReport.MEDIA_HEADER, monitoring.mediaRows()));
            sections.append("\n\n").append(renderer.renderMonitoring(monitoring, stored));
        }
        files.put("sections.md", sections.append('\n').toString());
        files.put("lists.csv", lists(channels, stored));
        files.put("totals.csv", totals(channels, stored));
        return writeAll(outDir, files);
    }

    private static String lists(List<ChannelConfig> channels, RunStore.StoredRun stored) {
        List<List<String>> rows = new ArrayList<>();
        for (ChannelConfig c : channels) {
            Map<String, List<String>> byList = new LinkedHashMap<>();
            for (RunListEntry e : stored.lists()) {
                if (e.getChannel().equals(c.name())) {
                    byList.computeIfAbsent(e.getListName(), k -> new ArrayList<>()).add(e.getUnitLabel());
                }
            }
            byList.forEach((name, units) -> rows.add(List.of(c.section() + "、" + c.name(), name + "的镇街和部门",
                    String.join("、", units))));
        }
        String four = stored.rules().files().containsKey("thresholds.csv") && stored.rules().parameters().all().containsKey("监测.正文章节")
                ? stored.rules().parameters().text("监测.正文章节", null) + "、" : "";
        for (String[] scope : new String[][]{{"政府网站", "信息保障好", "信息保障好的镇街和部门"},
                {"政务新媒体", "信息保障好", "信息保障好的镇街和部门"}, {"在线访谈", "积极参与在线访谈", "积极参与政府网站“在线访谈”活动的单位"}}) {
            List<String> units = stored.lists().stream()
                    .filter(e -> e.getChannel().equals(scope[0]) && e.getListName().equals(scope[1]))
                    .map(RunListEntry::getUnitLabel).toList();
            if (!units.isEmpty()) {
                rows.add(List.of(four + scope[0], scope[2], String.join("、", units)));
            }
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
            p.printRecord(header);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** 先写到临时文件再改名，输出目录里不会留下写了一半的文件。 */
    private static List<Path> writeAll(Path outDir, Map<String, String> files) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = outDir.resolve(f.getKey());
                Path tmp = outDir.resolve("." + f.getKey() + ".tmp");
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
