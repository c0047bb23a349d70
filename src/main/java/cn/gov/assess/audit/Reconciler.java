package cn.gov.assess.audit;

import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.notice.Percent;
import cn.gov.assess.policy.ChannelConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * 核对一份手工编写的通报（annex-N.csv、lists.csv、totals.csv，形状同 shared/seed）与一次运行：
 * 单元格不符、名单多列漏列、合计不等于各行之和（合办工单造成的属正常，作说明）、比率与本行计数不符。
 */
public final class Reconciler {
    /** 核对结果：不一致（需处理）与说明（已解释的差别）。 */
    public record Result(List<String> disagreements, List<String> notes) {
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            disagreements.forEach(d -> out.add("不一致：" + d));
            notes.forEach(n -> out.add("说明：" + n));
            out.add("共 " + disagreements.size() + " 处不一致，" + notes.size() + " 条说明");
            return out;
        }
    }

    private final Units units;

    /** @param units 单位表：通报里写的单位名称（或别名）按它对到运行里的单位 */
    public Reconciler(Units units) {
        this.units = units;
    }

    public Result reconcile(RunStore.StoredRun run, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("目录不存在：" + dir);
        }
        Map<String, ChannelConfig> channels = run.rules().channels();
        int websiteNo = run.rules().parameters().number("网站.附件序号");
        int mediaNo = run.rules().parameters().number("新媒体.附件序号");
        List<String> expected = new ArrayList<>();
        channels.values().stream().map(c -> "annex-" + c.annexNo() + ".csv").forEach(expected::add);
        expected.add("annex-" + websiteNo + ".csv");
        expected.add("annex-" + mediaNo + ".csv");
        expected.add("lists.csv");
        expected.add("totals.csv");
        if (expected.stream().noneMatch(n -> Files.isRegularFile(dir.resolve(n)))) {
            throw new InputException(dir + "：目录里没有可核对的通报表格。要找的文件是：" + String.join("、", expected)
                    + "（由 assess report 写出的同名文件，或按同样格式手工整理的表格）");
        }
        List<String> bad = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ChannelConfig c : channels.values()) {
            Path f = dir.resolve("annex-" + c.annexNo() + ".csv");
            if (Files.exists(f)) {
                annex(run, c, read(f), units, bad, notes);
            }
        }
        monitoring(run, dir.resolve("annex-" + websiteNo + ".csv"), RunCheckResult.WEBSITE, units, bad);
        monitoring(run, dir.resolve("annex-" + mediaNo + ".csv"), RunCheckResult.MEDIA, units, bad);
        if (Files.exists(dir.resolve("lists.csv"))) {
            lists(run, read(dir.resolve("lists.csv")), units, bad);
        }
        if (Files.exists(dir.resolve("totals.csv"))) {
            totals(run, read(dir.resolve("totals.csv")), bad);
        }
        return new Result(bad, notes);
    }

    private static CsvTable read(Path f) {
        try {
            return CsvTable.read(f).withoutFormulaGuards();
        } catch (IOException e) {
            throw new InputException(f + "：无法读取：" + e.getMessage());
        }
    }

    private void annex(RunStore.StoredRun run, ChannelConfig c, CsvTable t, Units units, List<String> bad,
                       List<String> notes) {
        String annex = "附件" + c.annexNo() + "（" + c.name() + "）";
        Map<Long, Tally> byUnit = new HashMap<>();
        Tally total = null;
        for (RunTally rt : run.tallies()) {
            if (rt.getChannel().equals(c.name())) {
                if (rt.getUnitId() == null) {
                    total = rt.toTally();
                } else if (rt.toTally().getDue() > 0) {
                    byUnit.put(rt.getUnitId(), rt.toTally());
                }
            }
        }
        Map<String, Long> sums = new LinkedHashMap<>();
        List<String> published = null;
        Set<Long> seen = new java.util.HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String label = t.get(r, "办理单位");
            if (label.equals("办理单位")) {
                continue; // 分页重复的表头
            }
            if (label.equals("合计")) {
                published = cells(t, r);
                compare(annex + " 合计", t, r, total == null ? null : AnnexTable.row(c, "合计", total, false), c, bad);
                continue;
            }
            Units.Ref u = units.find(label);
            if (u == null) {
                bad.add(annex + " 第 " + r.line() + " 行：单位“" + label + "”在单位表中找不到（最接近的是“" + units.closest(label) + "”）");
                continue;
            }
            seen.add(u.id());
            for (String col : List.of("应办件数", "实办数", "逾期办结件数", "逾期未办件数", "逾期天数")) {
                if (t.has(col)) {
                    try {
                        sums.merge(col, Long.parseLong(t.get(r, col)), Long::sum);
                    } catch (NumberFormatException ignored) {
                        // 非数字在逐格比较时报告
                    }
                }
            }
            Tally mine = byUnit.get(u.id());
            if (mine == null) {
                bad.add(annex + " " + label + "：通报列了这一行，但数据中该单位本期在" + c.name() + "没有转办");
                continue;
            }
            compare(annex + " " + label, t, r, AnnexTable.row(c, label, mine, true), c, bad);
        }
        for (Map.Entry<Long, Tally> e : byUnit.entrySet()) {
            if (!seen.contains(e.getKey())) {
                String name = run.tallies().stream().filter(x -> Objects.equals(x.getUnitId(), e.getKey())).findFirst()
                        .map(RunTally::getUnitLabel).orElse("?");
                bad.add(annex + "：数据中有 " + name + "（应办 " + e.getValue().getDue() + " 件），通报附件未列");
            }
        }
        if (published != null && total != null) {
            for (Map.Entry<String, Long> s : sums.entrySet()) {
                String col = s.getKey();
                long totalValue;
                try {
                    totalValue = Long.parseLong(t.get(t.rows().stream().filter(r -> t.get(r, "办理单位").equals("合计"))
                            .findFirst().orElseThrow(), col));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (totalValue == s.getValue()) {
                    continue;
                }
                long extra = s.getValue() - totalValue;
                long runExtra = unitSum(byUnit, col) - figure(total, col);
                if (extra == runExtra && extra > 0) {
                    notes.add(annex + " 合计“" + col + "” " + totalValue + " 不等于各行之和 " + s.getValue() + "（多 " + extra
                            + "）：数据中合办工单（一个工单派给多个单位）在各单位行各计一次、在合计中只计一次，正好多出 " + runExtra
                            + "，属正常");
                } else {
                    bad.add(annex + " 合计“" + col + "” " + totalValue + " 不等于各行之和 " + s.getValue() + "，差 " + extra
                            + "；合办工单只能解释 " + runExtra);
                }
            }
        }
    }

    private static long unitSum(Map<Long, Tally> byUnit, String col) {
        return byUnit.values().stream().mapToLong(t -> figure(t, col)).sum();
    }

    /** 附件中一列计数的取值（名称与取法见 {@link Figures}）。 */
    private static long figure(Tally t, String col) {
        Figures.Figure f = Figures.get(col);
        return f == null || f.rate() ? 0 : f.count().applyAsLong(t);
    }

    private static List<String> cells(CsvTable t, CsvTable.Row r) {
        return r.values();
    }

    /** 逐格比较；比率另查与本行计数是否自洽。 */
    private static void compare(String where, CsvTable t, CsvTable.Row r, List<String> mine, ChannelConfig c, List<String> bad) {
        if (mine == null) {
            bad.add(where + "：数据中没有这一渠道的合计");
            return;
        }
        for (int i = 0; i < c.columns().size(); i++) {
            String col = c.columns().get(i);
            if (col.equals("办理单位") || !t.has(col)) {
                continue;
            }
            String theirs = t.get(r, col);
            String ours = mine.get(i);
            if (same(theirs, ours)) {
                continue;
            }
            String self = selfCheck(t, r, col);
            bad.add(where + " " + col + "：通报为 " + (theirs.isEmpty() ? "空" : theirs) + "，数据为 " + (ours.isEmpty() ? "空" : ours)
                    + (self == null ? "" : "；" + self));
        }
    }

    /** 通报中的比率与它本行的计数不符时给出说明。 */
    private static String selfCheck(CsvTable t, CsvTable.Row r, String col) {
        try {
            long due = Long.parseLong(t.get(r, "应办件数"));
            long handled = Long.parseLong(t.get(r, "实办数"));
            String expected = null;
            String formula = null;
            if (col.equals("办结率")) {
                expected = Percent.format(handled, due);
                formula = handled + " / " + due;
            } else if (col.equals("按期办结率") && t.has("逾期办结件数")) {
                long late = Long.parseLong(t.get(r, "逾期办结件数"));
                expected = Percent.format(handled - late, handled);
                formula = "(" + handled + " − " + late + ") / " + handled;
            }
            if (expected != null && !same(t.get(r, col), expected)) {
                return "按本行自身的计数 " + formula + " 应为 " + expected + "，通报中的比率算错了";
            }
        } catch (NumberFormatException ignored) {
            // 本行计数不是数字，无法自查
        }
        return null;
    }

    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.endsWith("%") && b.endsWith("%")) {
            try {
                return new BigDecimal(a.substring(0, a.length() - 1)).compareTo(new BigDecimal(b.substring(0, b.length() - 1))) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return a.replaceAll("\\s+", "").equals(b.replaceAll("\\s+", ""));
    }

    private static void monitoring(RunStore.StoredRun run, Path f, String kind, Units units, List<String> bad) {
        if (!Files.exists(f)) {
            return;
        }
        CsvTable t = read(f);
        String annex = f.getFileName().toString().replace(".csv", "").replace("annex-", "附件");
        Map<String, RunCheckResult> mine = new HashMap<>();
        for (RunCheckResult c : run.checks()) {
            if (c.getKind().equals(kind)) {
                mine.put(kind.equals(RunCheckResult.WEBSITE) ? String.valueOf(c.getUnitId()) : c.getPlatform() + "|" + c.getSubject(), c);
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String key;
            String label;
            if (kind.equals(RunCheckResult.WEBSITE)) {
                label = t.get(r, "单位名称");
                if (label.equals("单位名称")) {
                    continue;
                }
                Units.Ref u = units.find(label);
                key = u == null ? "?" : String.valueOf(u.id());
            } else {
                label = t.get(r, "新媒体类型") + "“" + t.get(r, "新媒体名称") + "”";
                if (t.get(r, "新媒体类型").equals("新媒体类型")) {
                    continue;
                }
                key = t.get(r, "新媒体类型") + "|" + t.get(r, "新媒体名称");
            }
            seen.add(key);
            RunCheckResult c = mine.get(key);
            if (c == null) {
                bad.add(annex + " " + label + "：通报列了这一行，数据中没有");
                continue;
            }
            String result = t.get(r, "合格/不合格");
            if (!result.equals(c.getResult())) {
                bad.add(annex + " " + label + " 合格/不合格：通报为 " + result + "，数据为 " + c.getResult()
                        + (c.getProblems().isEmpty() ? "" : "（" + c.getProblems() + "）"));
            }
            String remark = t.get(r, "备注");
            if (!same(remark, c.getRemark())) {
                bad.add(annex + " " + label + " 备注：通报为 " + (remark.isEmpty() ? "空" : remark) + "，数据为 "
                        + (c.getRemark().isEmpty() ? "空" : c.getRemark()));
            }
        }
        for (Map.Entry<String, RunCheckResult> e : mine.entrySet()) {
            if (!seen.contains(e.getKey())) {
                bad.add(annex + "：数据中有 " + e.getValue().getSubject() + "，通报附件未列");
            }
        }
    }

    private static void lists(RunStore.StoredRun run, CsvTable t, Units units, List<String> bad) {
        Set<String> listNames = new TreeSet<>();
        run.lists().forEach(e -> listNames.add(e.getListName()));
        Map<String, cn.gov.assess.policy.PolicyTables.ListDef> titles = run.rules().listTitles();
        for (CsvTable.Row r : t.rows()) {
            String section = t.get(r, "章节");
            String scope = section.contains("、") ? section.substring(section.indexOf('、') + 1) : section;
            String title = t.get(r, "名单");
            // 名单的全称（名单表“全称”一列，如“积极参与政府网站“在线访谈”活动的单位”）或名单名本身
            String list = titles.entrySet().stream().filter(en -> en.getValue().title().equals(title)).map(Map.Entry::getKey)
                    .findFirst().orElse(listNames.stream().filter(title::contains).max((x, y) -> x.length() - y.length())
                            .orElse(null));
            if (list == null) {
                bad.add("lists.csv 第 " + r.line() + " 行：无法对应到规则产生的名单“" + title + "”");
                continue;
            }
            String listName = list;
            List<RunListEntry> mine = run.lists().stream()
                    .filter(e -> e.getChannel().equals(scope) && e.getListName().equals(listName)).toList();
            List<String> theirs = Arrays.stream(t.get(r, "单位").split("[、，,；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            Map<Long, String> theirIds = new LinkedHashMap<>();
            for (String name : theirs) {
                Units.Ref u = units.find(name);
                if (u == null) {
                    bad.add("lists.csv 第 " + r.line() + " 行（" + section + " " + title + "）：单位“" + name + "”在单位表中找不到");
                } else {
                    theirIds.put(u.id(), name);
                }
            }
            String where = section + "“" + title + "”";
            for (RunListEntry e : mine) {
                if (!theirIds.containsKey(e.getUnitId())) {
                    String comparison = "";
                    if (e.getRank() == 0) {
                        RunListEntry smallest = mine.stream().filter(x -> theirIds.containsKey(x.getUnitId()) && x.getUnitGroup().equals(e.getUnitGroup()))
                                .min((x, y) -> Integer.compare(x.getVolume(), y.getVolume())).orElse(null);
                        if (smallest != null && smallest.getVolume() < e.getVolume()) {
                            comparison = "；它的数量 " + e.getVolume() + " 多于已列入的" + smallest.getUnitLabel() + "（" + smallest.getVolume() + "）";
                        }
                    }
                    bad.add(where + "：漏列 " + e.getUnitLabel() + "——按规则“" + e.getRuleName() + "”应列入（" + e.getReason() + "）" + comparison);
                }
            }
            for (Map.Entry<Long, String> th : theirIds.entrySet()) {
                if (mine.stream().noneMatch(e -> e.getUnitId() == th.getKey().longValue())) {
                    bad.add(where + "：多列 " + th.getValue() + "——数据按规则不支持它列入（用 assess explain " + th.getValue() + " 查看原因）");
                }
            }
        }
    }

    private static void totals(RunStore.StoredRun run, CsvTable t, List<String> bad) {
        for (CsvTable.Row r : t.rows()) {
            String channel = t.get(r, "渠道");
            Tally total = run.tallies().stream().filter(x -> x.getChannel().equals(channel) && x.getUnitId() == null)
                    .findFirst().map(RunTally::toTally).orElse(null);
            if (total == null) {
                bad.add("totals.csv 第 " + r.line() + " 行：数据中没有渠道“" + channel + "”");
                continue;
            }
            Map<String, String> mine = new LinkedHashMap<>();
            mine.put("受理件数", String.valueOf(total.getDue()));
            mine.put("实办件数", String.valueOf(total.getHandled()));
            mine.put("未办件数", String.valueOf(total.getUnhandled()));
            mine.put("办结率", Percent.format(total.getHandled(), total.getDue()));
            mine.put("逾期件数（正文）", String.valueOf(total.getLate()));
            mine.forEach((col, ours) -> {
                if (t.has(col) && !same(t.get(r, col), ours)) {
                    bad.add("totals.csv " + channel + " " + col + "：通报为 " + t.get(r, col) + "，数据为 " + ours);
                }
            });
        }
    }
}
