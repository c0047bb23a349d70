package cn.gov.assess.audit;

import cn.gov.assess.correction.Correction;

import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.notice.Percent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * 两次运行的差异：每个单位×渠道变了哪些数字（旧 → 新），名单上谁进、谁出、名次怎么变，监测结果的变化；
 * 每一处都追到原因：两次运行之间登记或撤回的更正，或两份规则快照中不同的文件。
 */
public final class RunDiff {
    /** 一处变化及其原因。 */
    public record Change(String kind, String where, String what, List<String> causes) {
        public String line() {
            return where + "：" + what + (causes.isEmpty() ? "" : "【原因：" + String.join("；", causes) + "】");
        }
    }

    public record Result(String header, List<String> causes, List<Change> changes) {
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(header);
            if (!causes.isEmpty()) {
                out.add("两次运行之间：");
                causes.forEach(c -> out.add("  " + c));
            }
            if (changes.isEmpty()) {
                out.add("结果没有变化。");
            }
            String kind = "";
            for (Change c : changes) {
                if (!c.kind().equals(kind)) {
                    kind = c.kind();
                    out.add(kind + "：");
                }
                out.add("  " + c.line());
            }
            return out;
        }
    }

    private static final Map<String, Function<Tally, String>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("应办件数", t -> String.valueOf(t.getDue()));
        FIGURES.put("实办数", t -> String.valueOf(t.getHandled()));
        FIGURES.put("未办件数", t -> String.valueOf(t.getUnhandled()));
        FIGURES.put("办结率", t -> Percent.format(t.getHandled(), t.getDue()));
        FIGURES.put("逾期办结件数", t -> String.valueOf(t.getOverdueCompleted()));
        FIGURES.put("逾期未办件数", t -> String.valueOf(t.getOverdueUnhandled()));
        FIGURES.put("逾期天数", t -> String.valueOf(t.getOverdueDays()));
        FIGURES.put("按期办结率", t -> Percent.format(t.getOnTime(), t.getHandled()));
        FIGURES.put("月度逾期", Tally::encodeMonthly);
    }

    private RunDiff() {
    }

    /** @param corrections 两次运行之间登记或撤回的更正（按编号） */
    public static Result compare(RunStore.StoredRun a, RunStore.StoredRun b, List<Correction> corrections, String nameA,
                                 String nameB) {
        List<String> causes = new ArrayList<>();
        corrections.forEach(c -> causes.add(c.describe()));
        List<String> ruleFiles = differingRuleFiles(a.ruleFiles(), b.ruleFiles());
        ruleFiles.forEach(f -> causes.add("规则文件不同：" + f));
        boolean dataDiffers = !a.run().getDataFingerprint().equals(b.run().getDataFingerprint());
        if (dataDiffers && corrections.isEmpty()) {
            causes.add("数据指纹不同，但其间没有更正：两次运行之间导入了新的记录（" + a.run().getAssignmentCount() + " → "
                    + b.run().getAssignmentCount() + " 条转办）");
        }
        List<Change> changes = new ArrayList<>();
        Map<String, RunTally> ta = tallies(a);
        Map<String, RunTally> tb = tallies(b);
        TreeSet<String> keys = new TreeSet<>(ta.keySet());
        keys.addAll(tb.keySet());
        for (String k : keys) {
            RunTally x = ta.get(k);
            RunTally y = tb.get(k);
            Tally tx = x == null ? new Tally(null, null) : x.toTally();
            Tally ty = y == null ? new Tally(null, null) : y.toTally();
            List<String> parts = new ArrayList<>();
            FIGURES.forEach((name, f) -> {
                String ox = f.apply(tx);
                String oy = f.apply(ty);
                if (!ox.equals(oy)) {
                    parts.add(name + " " + (ox.isEmpty() ? "无" : ox) + " → " + (oy.isEmpty() ? "无" : oy));
                }
            });
            if (!parts.isEmpty()) {
                RunTally any = y != null ? y : x;
                String channel = any.getChannel();
                String label = any.getUnitId() == null ? "合计" : any.getUnitLabel();
                changes.add(new Change("数字变化", channel + " / " + label, String.join("；", parts),
                        causes(corrections, ruleFiles, channel, any.getUnitId() == null ? null : names(a, b, any.getUnitId()),
                                dataDiffers)));
            }
        }
        Map<String, RunListEntry> la = lists(a);
        Map<String, RunListEntry> lb = lists(b);
        TreeSet<String> lk = new TreeSet<>(la.keySet());
        lk.addAll(lb.keySet());
        for (String k : lk) {
            RunListEntry x = la.get(k);
            RunListEntry y = lb.get(k);
            RunListEntry any = y != null ? y : x;
            String what;
            if (x == null) {
                what = "新进入（第 " + y.getPosition() + " 位；" + y.getReason() + "）";
            } else if (y == null) {
                what = "不再列入（原第 " + x.getPosition() + " 位）";
            } else if (x.getPosition() != y.getPosition() || x.getRank() != y.getRank()) {
                what = "位次 " + x.getPosition() + " → " + y.getPosition() + (x.getRank() != y.getRank()
                        ? "，名次 " + x.getRank() + " → " + y.getRank() : "");
            } else {
                continue;
            }
            changes.add(new Change("名单变化", any.getChannel() + " “" + any.getListName() + "” / " + any.getUnitLabel(), what,
                    causes(corrections, ruleFiles, null, names(a, b, any.getUnitId()), dataDiffers)));
        }
        Map<String, RunCheckResult> ca = checks(a);
        Map<String, RunCheckResult> cb = checks(b);
        TreeSet<String> ck = new TreeSet<>(ca.keySet());
        ck.addAll(cb.keySet());
        for (String k : ck) {
            RunCheckResult x = ca.get(k);
            RunCheckResult y = cb.get(k);
            String ox = x == null ? "无" : x.getResult() + (x.getProblems().isEmpty() ? "" : "（" + x.getProblems() + "）")
                    + (x.getRemark().isEmpty() ? "" : "，备注：" + x.getRemark());
            String oy = y == null ? "无" : y.getResult() + (y.getProblems().isEmpty() ? "" : "（" + y.getProblems() + "）")
                    + (y.getRemark().isEmpty() ? "" : "，备注：" + y.getRemark());
            if (!ox.equals(oy)) {
                RunCheckResult any = y != null ? y : x;
                changes.add(new Change("监测结果变化", (any.getKind().equals(RunCheckResult.WEBSITE) ? "政府网站" : "政务新媒体")
                        + " / " + any.getSubject(), ox + " → " + oy,
                        causes(corrections, ruleFiles, null, List.of(any.getOwnerLabel()), dataDiffers)));
            }
        }
        String header = nameA + " → " + nameB + "（" + b.run().getPeriod().code() + "）";
        return new Result(header, causes, changes);
    }

    private static List<String> names(RunStore.StoredRun a, RunStore.StoredRun b, Long unitId) {
        List<String> out = new ArrayList<>();
        for (RunStore.StoredRun r : List.of(a, b)) {
            r.tallies().stream().filter(t -> Objects.equals(t.getUnitId(), unitId)).forEach(t -> out.add(t.getUnitLabel()));
            r.lists().stream().filter(e -> Objects.equals(e.getUnitId(), unitId)).forEach(e -> out.add(e.getUnitLabel()));
        }
        return out;
    }

    /** 一处变化的原因：涉及该单位（或该渠道合计）的更正；没有则是不同的规则文件；再没有则是新导入的数据。 */
    private static List<String> causes(List<Correction> corrections, List<String> ruleFiles, String channel,
                                       List<String> unitNames, boolean dataDiffers) {
        List<String> out = new ArrayList<>();
        for (Correction c : corrections) {
            boolean touches = unitNames == null
                    ? Objects.equals(c.getChannel(), channel)
                    : unitNames.contains(c.getUnitName()) || (Correction.UNIT.equals(c.getField()) && unitNames.contains(c.getNewValue()));
            if (touches && (channel == null || channel.equals(c.getChannel()))) {
                out.add("更正 #" + (c.getWithdrawsId() != null ? c.getId() + "（撤回 #" + c.getWithdrawsId() + "）" : c.getId()));
            }
        }
        if (out.isEmpty() && unitNames != null && channel == null) {
            // 名单变化可能来自其他渠道的更正（如一票否决），列出全部更正
            corrections.forEach(c -> out.add("更正 #" + c.getId()));
        }
        if (out.isEmpty()) {
            ruleFiles.forEach(f -> out.add("规则 " + f));
        }
        if (out.isEmpty() && dataDiffers) {
            out.add("新导入的数据");
        }
        return out;
    }

    public static List<String> differingRuleFiles(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String f : all) {
            if (!Objects.equals(a.get(f), b.get(f))) {
                out.add(f + (a.get(f) == null ? "（新增）" : b.get(f) == null ? "（删除）" : "（修改：" + firstDifference(a.get(f), b.get(f)) + "）"));
            }
        }
        return out;
    }

    private static String firstDifference(String x, String y) {
        String[] lx = x.split("\n", -1);
        String[] ly = y.split("\n", -1);
        for (int i = 0; i < Math.max(lx.length, ly.length); i++) {
            String a = i < lx.length ? lx[i] : "";
            String b = i < ly.length ? ly[i] : "";
            if (!a.equals(b)) {
                return "第 " + (i + 1) + " 行 “" + a.strip() + "” → “" + b.strip() + "”";
            }
        }
        return "";
    }

    private static Map<String, RunTally> tallies(RunStore.StoredRun r) {
        Map<String, RunTally> out = new LinkedHashMap<>();
        r.tallies().forEach(t -> out.put(t.getChannel() + '\u0001' + (t.getUnitId() == null ? "~" : String.format("%012d", t.getUnitId())), t));
        return out;
    }

    private static Map<String, RunListEntry> lists(RunStore.StoredRun r) {
        Map<String, RunListEntry> out = new LinkedHashMap<>();
        r.lists().forEach(e -> out.put(e.getChannel() + '\u0001' + e.getListName() + '\u0001' + String.format("%012d", e.getUnitId()), e));
        return out;
    }

    private static Map<String, RunCheckResult> checks(RunStore.StoredRun r) {
        Map<String, RunCheckResult> out = new LinkedHashMap<>();
        r.checks().forEach(c -> out.put(c.getKind() + '\u0001' + c.getPlatform() + '\u0001' + c.getSubject(), c));
        return out;
    }
}
