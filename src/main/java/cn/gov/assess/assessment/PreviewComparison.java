package cn.gov.assess.assessment;

import cn.gov.assess.assessment.Preview.ListChange;
import cn.gov.assess.assessment.Preview.Member;
import cn.gov.assess.assessment.Preview.Notice;
import cn.gov.assess.assessment.Preview.Result;
import cn.gov.assess.assessment.Preview.UnitChange;
import cn.gov.assess.audit.DiffText;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.audit.WhyNot;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.policy.PolicyTables;
import cn.gov.assess.run.RunDisqualification;
import cn.gov.assess.run.RunListEntry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * 预览的比较：两边预演（都不保存）的结论逐项对照——{@link RunDiff} 的数字、名单与监测变化，再加指标、名次、一票否决，
 * 每个名单的进出（离开的带草稿运行里未入选的原因），以及两份通报全文的逐行逐字比较（{@link NoticeDiff}）。
 */
final class PreviewComparison {
    private PreviewComparison() {
    }

    static Result compare(Preview.Side a, Preview.Side b, Period period, LocalDateTime cutoff, String baseName, String draftName,
                                  long nanos) {
        RunDiff.Result diff = RunDiff.compare(a.stored(), b.stored(), List.of(), baseName, draftName);
        List<String> ruleFiles = diff.ruleFiles().stream().map(DiffText::file).toList();
        Map<Long, String> names = new TreeMap<>();
        a.result().units().forEach((id, u) -> names.put(id, u.getName()));
        b.result().units().forEach((id, u) -> names.put(id, u.getName()));
        Map<String, Integer> order = new LinkedHashMap<>();
        b.result().units().values().stream().sorted(Comparator.comparingInt(UnitInfo::getSortOrder))
                .forEach(u -> order.putIfAbsent(u.getName(), order.size()));

        List<UnitChange> units = new ArrayList<>();
        for (RunDiff.Change c : diff.changes()) {
            if (c instanceof RunDiff.FigureChange f) {
                units.add(new UnitChange(f.unit(), f.channel(), "数字", DiffText.what(f)));
            } else if (c instanceof RunDiff.ListEntryChange l) {
                if (!l.entering() && !l.leaving() && !l.rankChanged()) {
                    continue; // 只是前面有单位进出、位次顺延，名次没变：名单变化里已有完整名单
                }
                units.add(new UnitChange(l.unit(), l.channel() + "“" + l.list() + "”", "名单", DiffText.what(l)));
            } else if (c instanceof RunDiff.CheckChange k) {
                units.add(new UnitChange(k.subject(), k.website() ? "政府网站" : "政务新媒体", "监测", DiffText.what(k)));
            }
        }
        indicators(a.result().indicators(), b.result().indicators(), names, units);
        places(a.result().placings(), b.result().placings(), names, units);
        vetoes(a.stored().disqualifications(), b.stored().disqualifications(), names, units);
        units.sort(Comparator.comparing((UnitChange u) -> u.unit().equals("合计") ? -1 : order.getOrDefault(u.unit(), Integer.MAX_VALUE))
                .thenComparing(UnitChange::unit).thenComparing(UnitChange::scope));

        List<ListChange> lists = lists(a, b);
        Notice notice = new Notice(b.noticeFile(), NoticeDiff.lines(a.notice(), b.notice()));
        return new Result(period, cutoff, baseName, draftName, ruleFiles, units, lists, notice, b.result().orderCount(),
                b.result().assignmentCount(), nanos / 1_000_000);
    }

    private static void indicators(List<IndicatorValue> x, List<IndicatorValue> y, Map<Long, String> names,
                                   List<UnitChange> out) {
        Map<String, IndicatorValue> ix = new TreeMap<>();
        Map<String, IndicatorValue> iy = new TreeMap<>();
        x.forEach(v -> ix.put(v.getIndicator() + '\u0001' + v.getChannel() + '\u0001' + v.getUnitId(), v));
        y.forEach(v -> iy.put(v.getIndicator() + '\u0001' + v.getChannel() + '\u0001' + v.getUnitId(), v));
        Set<String> keys = new LinkedHashSet<>(ix.keySet());
        keys.addAll(iy.keySet());
        for (String k : keys) {
            String vx = value(ix.get(k));
            String vy = value(iy.get(k));
            if (!vx.equals(vy)) {
                IndicatorValue any = iy.getOrDefault(k, ix.get(k));
                out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())), any.getChannel(),
                        "指标", any.getIndicator() + " " + vx + " → " + vy));
            }
        }
    }

    private static String value(IndicatorValue v) {
        if (v == null) {
            return "无";
        }
        if (!v.isDefined()) {
            return "无从计算";
        }
        return v.getValue().toPlainString(); // 照指标的小数位写（98.00），与附件相同
    }

    /** 名次（排名类名单的组内名次与名额）的变化；入选与否的变化已在名单变化里。 */
    private static void places(List<Placing> x, List<Placing> y, Map<Long, String> names, List<UnitChange> out) {
        Map<String, Placing> px = new TreeMap<>();
        Map<String, Placing> py = new TreeMap<>();
        x.forEach(p -> px.put(p.getList() + '\u0001' + p.getChannel() + '\u0001' + p.getUnitId(), p));
        y.forEach(p -> py.put(p.getList() + '\u0001' + p.getChannel() + '\u0001' + p.getUnitId(), p));
        Set<String> keys = new LinkedHashSet<>(px.keySet());
        keys.addAll(py.keySet());
        for (String k : keys) {
            Placing p = px.get(k);
            Placing q = py.get(k);
            if (p != null && q != null && p.getPlace() == q.getPlace() && p.getValue().compareTo(q.getValue()) == 0) {
                continue; // 只是名额变了：入选与否的变化在名单变化里
            }
            Placing any = q != null ? q : p;
            out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())),
                    any.getChannel() + "“" + any.getList() + "”", "名次",
                    (p == null ? "不参加排名" : p.text()) + " → " + (q == null ? "不参加排名" : q.text())));
        }
    }

    private static void vetoes(List<RunDisqualification> x, List<RunDisqualification> y, Map<Long, String> names,
                               List<UnitChange> out) {
        Map<String, RunDisqualification> dx = new TreeMap<>();
        Map<String, RunDisqualification> dy = new TreeMap<>();
        x.forEach(d -> dx.put(d.getUnitId() + "\u0001" + d.getChannel() + '\u0001' + d.getRuleName(), d));
        y.forEach(d -> dy.put(d.getUnitId() + "\u0001" + d.getChannel() + '\u0001' + d.getRuleName(), d));
        Set<String> keys = new LinkedHashSet<>(dx.keySet());
        keys.addAll(dy.keySet());
        for (String k : keys) {
            RunDisqualification d = dx.get(k);
            RunDisqualification e = dy.get(k);
            if (d != null && e != null) {
                continue;
            }
            RunDisqualification any = e != null ? e : d;
            out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())), any.getChannel(),
                    "一票否决", (e != null ? "新增一票否决：" : "不再一票否决（原为：") + any.getReason() + (e != null ? "" : "）")));
        }
    }

    private static List<ListChange> lists(Preview.Side a, Preview.Side b) {
        Map<String, List<RunListEntry>> la = byList(a.stored().lists());
        Map<String, List<RunListEntry>> lb = byList(b.stored().lists());
        Set<String> keys = new LinkedHashSet<>(lb.keySet());
        keys.addAll(la.keySet());
        Map<String, PolicyTables.ListDef> titles = new LinkedHashMap<>(a.stored().rules().listTitles());
        titles.putAll(b.stored().rules().listTitles());
        List<ListChange> out = new ArrayList<>();
        for (String k : keys) {
            List<RunListEntry> before = la.getOrDefault(k, List.of());
            List<RunListEntry> after = lb.getOrDefault(k, List.of());
            Set<Long> inBefore = new LinkedHashSet<>();
            before.forEach(e -> inBefore.add(e.getUnitId()));
            Set<Long> inAfter = new LinkedHashSet<>();
            after.forEach(e -> inAfter.add(e.getUnitId()));
            List<Member> entering = new ArrayList<>();
            for (RunListEntry e : after) {
                if (!inBefore.contains(e.getUnitId())) {
                    String placing = placing(b.result().placings(), e.getListName(), e.getChannel(), e.getUnitId());
                    String reason = Objects.toString(e.getReason(), "");
                    entering.add(new Member(e.getUnitLabel(), e.getUnitGroup(), e.getPosition(), e.getRank(),
                            reason + (placing == null || reason.contains(placing) ? "" : "（" + placing + "）")));
                }
            }
            List<Member> leaving = new ArrayList<>();
            for (RunListEntry e : before) {
                if (!inAfter.contains(e.getUnitId())) {
                    leaving.add(new Member(e.getUnitLabel(), e.getUnitGroup(), e.getPosition(), e.getRank(),
                            whyNot(b, e.getListName(), e.getChannel(), e.getUnitId())));
                }
            }
            List<String> x = before.stream().map(RunListEntry::getUnitLabel).toList();
            List<String> y = after.stream().map(RunListEntry::getUnitLabel).toList();
            if (entering.isEmpty() && leaving.isEmpty() && x.equals(y)) {
                continue;
            }
            RunListEntry any = after.isEmpty() ? before.get(0) : after.get(0);
            PolicyTables.ListDef def = titles.get(any.getListName());
            out.add(new ListChange(any.getChannel(), any.getListName(), def != null ? def.title() : any.getListName(),
                    entering, leaving, x, y));
        }
        return out;
    }

    private static Map<String, List<RunListEntry>> byList(List<RunListEntry> entries) {
        Map<String, List<RunListEntry>> out = new TreeMap<>();
        for (RunListEntry e : entries) {
            out.computeIfAbsent(e.getChannel() + '\u0001' + e.getListName(), k -> new ArrayList<>()).add(e);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(RunListEntry::getPosition)));
        return out;
    }

    private static String placing(List<Placing> placings, String list, String channel, long unitId) {
        return placings.stream().filter(p -> p.getList().equals(list) && p.getChannel().equals(channel) && p.getUnitId() == unitId)
                .findFirst().map(Placing::text).orElse(null);
    }

    /** 草稿运行里这个单位为什么不在名单上：条件不成立、名次在名额之外，或一票否决（{@link WhyNot}）。 */
    private static String whyNot(Preview.Side b, String list, String channel, long unitId) {
        List<String> vetoes = b.stored().disqualifications().stream().filter(d -> d.getUnitId() == unitId)
                .map(RunDisqualification::getReason).toList();
        return WhyNot.of(b.result().evaluations(), b.result().placings(), list, channel, unitId, vetoes).brief("按草稿规则未选出");
    }

}
