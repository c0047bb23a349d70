package cn.gov.assess.ruleversions;

import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.LineDiff;
import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.ruleversions.RulesVersions.FileDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** 两版规则之间的差异：逐个文件（表格逐行逐格的中文说明，DRL 与模板逐行），以及两份修改都动了的地方。 */
final class VersionDiff {
    private VersionDiff() {
    }

    static List<FileDiff> diff(Map<String, String> before, Map<String, String> after) {
        List<FileDiff> out = new ArrayList<>();
        for (String path : union(before, after, Map.of())) {
            String a = before.get(path), b = after.get(path);
            if (eq(a, b)) {
                continue;
            }
            if (a == null) {
                out.add(new FileDiff(path, "新增文件", List.of("新增文件 " + path), LineDiff.changesOnly(LineDiff.diff("", b), 3)));
            } else if (b == null) {
                out.add(new FileDiff(path, "删去文件", List.of("删去文件 " + path), List.of()));
            } else if (path.endsWith(".csv")) {
                List<String> changes;
                try {
                    changes = RuleTable.describe(RuleTable.parse(a), RuleTable.parse(b));
                } catch (InputException e) {
                    changes = List.of("表格无法逐行比较，按行列出");
                }
                out.add(new FileDiff(path, "表格", changes, LineDiff.changesOnly(LineDiff.diff(a, b), 1)));
            } else {
                out.add(new FileDiff(path, "文字", List.of(), LineDiff.changesOnly(LineDiff.diff(a, b), 3)));
            }
        }
        return out;
    }

    /** 两份修改都动了的地方（文件，表格里具体到行）：冲突说明用。 */
    static List<String> overlap(Map<String, String> base, Map<String, String> mine, Map<String, String> theirs) {
        List<String> out = new ArrayList<>();
        for (String path : union(base, mine, theirs)) {
            String b = base.get(path), m = mine.get(path), t = theirs.get(path);
            if (eq(m, b) || eq(t, b)) {
                continue;
            }
            if (b != null && m != null && t != null && path.endsWith(".csv")) {
                try {
                    RuleTable bt = RuleTable.parse(b), mt = RuleTable.parse(m), tt = RuleTable.parse(t);
                    Map<String, RuleTable.Row> br = bt.byKey(), mr = mt.byKey(), tr = tt.byKey();
                    List<String> rows = new ArrayList<>();
                    for (String k : union(br, mr, tr)) {
                        if (changed(br.get(k), mr.get(k)) && changed(br.get(k), tr.get(k))) {
                            rows.add(bt.label(k));
                        }
                    }
                    out.add(path + (rows.isEmpty() ? "（不同的行）" : "的 " + String.join("、", rows)));
                    continue;
                } catch (InputException e) {
                    // 按整个文件说
                }
            }
            out.add(path);
        }
        return out;
    }

    static boolean changed(RuleTable.Row a, RuleTable.Row b) {
        if (a == null || b == null) {
            return a != b;
        }
        return !a.cells().equals(b.cells());
    }

    @SafeVarargs
    static TreeSet<String> union(Map<String, ?>... maps) {
        TreeSet<String> s = new TreeSet<>();
        for (Map<String, ?> m : maps) {
            s.addAll(m.keySet());
        }
        return s;
    }

    static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
