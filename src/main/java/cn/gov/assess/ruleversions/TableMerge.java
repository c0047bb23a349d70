package cn.gov.assess.ruleversions;

import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.policy.RuleTable.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static cn.gov.assess.ruleversions.VersionDiff.eq;
import static cn.gov.assess.ruleversions.VersionDiff.union;

/**
 * 三方合并，只此一处：base 之后 theirs 已经改过时，把 base→mine 的改动加到 theirs 上。在新发布版上重做草稿
 * （{@link RulesVersions#reapply}）与两人同时编辑草稿里的同一张表（网页表格表单保存时）都用它。
 */
public final class TableMerge {
    private TableMerge() {
    }

    /** 一个文件的合并结果：合并后的内容（null 为没有这个文件），或冲突说明（这时 text 为 null）。 */
    public record Result(String text, List<String> clashes) {
        public boolean ok() { return clashes.isEmpty(); }
    }

    /** 一版全部文件的合并结果：合并后的各文件，或逐条冲突（“文件：说明”）。 */
    record Files(Map<String, String> files, List<String> clashes) {
    }

    /**
     * 网页表单：打开时这张表是 opened，填好的各行是 rows，这张表现在（别人保存后）是 current。
     * 冲突说明里两边称作“别人保存的”“您填的”。
     */
    public static Result edit(String path, String opened, List<List<String>> rows, String current) {
        return file(path, opened, RuleTable.parse(opened).withRows(rows).text(), current, "别人保存的", "您填的");
    }

    /** 一版全部文件：mine 是草稿，theirs 是 base 之后已发布的版本。 */
    static Files files(Map<String, String> base, Map<String, String> mine, Map<String, String> theirs) {
        List<String> clashes = new ArrayList<>();
        Map<String, String> out = new TreeMap<>(theirs);
        for (String path : union(base, mine, theirs)) {
            Result r = file(path, base.get(path), mine.get(path), theirs.get(path), "已发布的版本", "本草稿");
            if (!r.ok()) {
                r.clashes().forEach(x -> clashes.add(path + "：" + x));
            } else if (r.text() == null) {
                out.remove(path);
            } else {
                out.put(path, r.text());
            }
        }
        return new Files(out, clashes);
    }

    /**
     * 一个文件（b、m、t 为 null 表示那一边没有这个文件）：只有一边改了取改了的一边；两边都改了的表格逐行逐格合并
     * （{@link #tables}）；两边都改了的其他文件是冲突。
     */
    static Result file(String path, String b, String m, String t, String theirsName, String mineName) {
        if (eq(m, b) || eq(m, t)) {
            return new Result(t, List.of()); // 我没改，或两边改得一样
        }
        if (eq(t, b)) {
            return new Result(m, List.of());
        }
        if (b != null && m != null && t != null && path.endsWith(".csv")) {
            return tables(RuleTable.parse(b), RuleTable.parse(m), RuleTable.parse(t), theirsName, mineName);
        }
        return new Result(null, List.of("两边都改了这个文件"));
    }

    /**
     * 两边都改了的一张表（theirs 是 base 之后已发布或别人保存的）。两边改了同一行的不同格照样合并；改了同一格且改得不同、
     * 一边删了另一边改了的行、两边都新加了同一键而内容不同，都算冲突。theirsName、mineName 是冲突说明里对两边的称呼。
     */
    static Result tables(RuleTable base, RuleTable mine, RuleTable theirs, String theirsName, String mineName) {
        List<String> clashes = new ArrayList<>();
        if (!base.header().equals(mine.header()) || !base.header().equals(theirs.header())) {
            clashes.add("两边都改了这张表，且表头不同，无法逐行合并");
            return new Result(null, clashes);
        }
        Map<String, Row> b = base.byKey();
        Map<String, Row> m = mine.byKey();
        Map<String, Row> t = theirs.byKey();
        List<String> order = new ArrayList<>(theirs.keys());
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        t.forEach((k, r) -> result.put(k, r.cells()));
        for (String k : mine.keys()) {
            Row mr = m.get(k);
            Row br = b.get(k);
            Row tr = t.get(k);
            if (br == null) { // 我新加的行
                if (tr == null) {
                    int at = insertionPoint(mine.keys(), k, order);
                    order.add(at, k);
                    result.put(k, mr.cells());
                } else if (!sameCells(tr.cells(), mr.cells(), base.header().size())) {
                    clashes.add(base.label(k) + "：两边都新加了这一行，内容不同（" + theirsName + "：" + String.join(",", tr.cells())
                            + "；" + mineName + "：" + String.join(",", mr.cells()) + "）");
                }
                continue;
            }
            if (sameCells(br.cells(), mr.cells(), base.header().size())) {
                continue; // 我没改这一行
            }
            if (tr == null) {
                clashes.add(base.label(k) + "：" + theirsName + "删去了这一行，" + mineName + "却改了它");
                continue;
            }
            List<String> merged = new ArrayList<>(tr.cells());
            while (merged.size() < base.header().size()) {
                merged.add("");
            }
            for (int i = 0; i < base.header().size(); i++) {
                String bv = br.cell(i), mv = mr.cell(i), tv = tr.cell(i);
                if (mv.equals(bv)) {
                    continue;
                }
                if (tv.equals(bv) || tv.equals(mv)) {
                    merged.set(i, mv);
                } else {
                    clashes.add(base.label(k) + " 的“" + base.header().get(i) + "”：原为“" + bv + "”，" + theirsName + "改为“" + tv
                            + "”，" + mineName + "改为“" + mv + "”");
                }
            }
            result.put(k, merged);
        }
        for (String k : base.keys()) {
            if (!m.containsKey(k)) { // 我删去的行
                Row tr = t.get(k);
                if (tr == null) {
                    continue;
                }
                if (!sameCells(tr.cells(), b.get(k).cells(), base.header().size())) {
                    clashes.add(base.label(k) + "：" + mineName + "删去了这一行，" + theirsName + "却改了它");
                } else {
                    order.remove(k);
                    result.remove(k);
                }
            }
        }
        if (!clashes.isEmpty()) {
            return new Result(null, clashes);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String k : order) {
            if (result.containsKey(k)) {
                rows.add(result.get(k));
            }
        }
        return new Result(theirs.withRows(rows).text(), List.of());
    }

    private static int insertionPoint(List<String> mineKeys, String key, List<String> order) {
        int i = mineKeys.indexOf(key);
        for (int j = i - 1; j >= 0; j--) {
            int at = order.indexOf(mineKeys.get(j));
            if (at >= 0) {
                return at + 1;
            }
        }
        return order.size();
    }

    private static boolean sameCells(List<String> a, List<String> b, int n) {
        for (int i = 0; i < n; i++) {
            if (!Objects.equals(i < a.size() ? a.get(i) : "", i < b.size() ? b.get(i) : "")) {
                return false;
            }
        }
        return true;
    }
}
