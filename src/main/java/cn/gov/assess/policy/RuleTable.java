package cn.gov.assess.policy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 规则目录里的一张 CSV 表，按行读出，每行记着原文：网页表单改了哪几行，只重写那几行，其余行（引号、空格、空行）一字不动，
 * 导回目录后用 diff 看得出改了什么。每行有一个“键”（第一列，第二列是渠道、字段或标准列时连同第二列），比较两版、
 * 合并两份草稿时按键对行。
 */
public final class RuleTable {
    private static final Set<String> SECOND_KEY = Set.of("渠道", "字段", "标准列");

    /** 一行：各格与原文（新加或改过的行原文为 null，写出时重新排）。 */
    public record Row(List<String> cells, String raw) {
        public String cell(int i) { return i < cells.size() ? cells.get(i) : ""; }
    }

    private final String head;
    private final List<String> header;
    private final List<Row> rows;
    private final String newline;

    private RuleTable(String head, List<String> header, List<Row> rows, String newline) {
        this.head = head;
        this.header = header;
        this.rows = rows;
        this.newline = newline;
    }

    public static RuleTable parse(String text) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String head = "";
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.DEFAULT).get()) {
            List<CSVRecord> records = p.getRecords();
            for (int i = 0; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                int start = (int) r.getCharacterPosition();
                int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
                String raw = text.substring(start, end);
                List<String> cells = new ArrayList<>(r.toList());
                if (i == 0) {
                    header.addAll(cells);
                    head = text.substring(0, end);
                } else {
                    rows.add(new Row(cells, raw));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new cn.gov.assess.io.InputException("表格无法按 CSV 读出：" + e.getMessage());
        }
        return new RuleTable(head, List.copyOf(header), rows, nl);
    }

    public List<String> header() { return header; }
    public List<Row> rows() { return Collections.unmodifiableList(rows); }

    /** 换成新的各行：与原来某行各格相同的行沿用那行的原文。 */
    public RuleTable withRows(List<List<String>> newRows) {
        Map<List<String>, List<Row>> old = new HashMap<>();
        for (Row r : rows) {
            old.computeIfAbsent(normalized(r.cells()), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<String> cells : newRows) {
            List<String> c = new ArrayList<>(cells);
            while (c.size() < header.size()) {
                c.add("");
            }
            List<Row> same = old.get(normalized(c));
            out.add(same != null && !same.isEmpty() ? same.remove(0) : new Row(c, null));
        }
        return new RuleTable(head, header, out, newline);
    }

    private List<String> normalized(List<String> cells) {
        List<String> c = new ArrayList<>(cells);
        while (c.size() < header.size()) {
            c.add("");
        }
        while (c.size() > header.size() && c.get(c.size() - 1).isEmpty()) {
            c.remove(c.size() - 1);
        }
        return c;
    }

    public String text() {
        StringBuilder sb = new StringBuilder(head);
        if (!head.isEmpty() && !head.endsWith("\n")) {
            sb.append(newline);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String line = r.raw() != null ? r.raw() : format(r.cells()) + newline;
            if (!line.endsWith("\n") && i + 1 < rows.size()) {
                line += newline;
            }
            sb.append(line);
        }
        return sb.toString();
    }

    /** 一行 CSV：只在需要时加引号（含逗号、引号、换行或首尾空格的格）。 */
    static String format(List<String> cells) {
        CSVFormat f = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("").get();
        StringBuilder sb = new StringBuilder();
        try {
            f.printRecord(sb, cells.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** 各行的键（重复的键后面加“#2”“#3”），与 rows() 一一对应。 */
    public List<String> keys() {
        boolean two = header.size() > 1 && SECOND_KEY.contains(header.get(1));
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            String k = r.cell(0) + (two ? "\u0001" + r.cell(1) : "");
            int n = seen.merge(k, 1, Integer::sum);
            out.add(n == 1 ? k : k + "\u0002" + n);
        }
        return out;
    }

    /** 一行的中文称呼，如 参数“逾期宽限天数”（渠道：全部）、名单“按期办结且办理较好”。 */
    public String label(String key) {
        String[] dup = key.split("\u0002", 2);
        String[] parts = dup[0].split("\u0001", -1);
        StringBuilder sb = new StringBuilder(header.isEmpty() ? "" : header.get(0)).append("“").append(parts[0]).append("”");
        if (parts.length > 1) {
            sb.append("（").append(header.get(1)).append("：").append(parts[1].isEmpty() ? "全部" : parts[1]).append("）");
        }
        if (dup.length > 1) {
            sb.append("（同名的第 ").append(dup[1]).append(" 行）");
        }
        return sb.toString();
    }

    public Map<String, Row> byKey() {
        Map<String, Row> m = new java.util.LinkedHashMap<>();
        List<String> k = keys();
        for (int i = 0; i < rows.size(); i++) {
            m.put(k.get(i), rows.get(i));
        }
        return m;
    }

    /** 两版之间一张表的改动，逐行逐格，用中文说。 */
    public static List<String> describe(RuleTable before, RuleTable after) {
        List<String> out = new ArrayList<>();
        if (!before.header.equals(after.header)) {
            out.add("表头由“" + String.join(",", before.header) + "”改为“" + String.join(",", after.header) + "”");
            return out;
        }
        Map<String, Row> a = before.byKey();
        Map<String, Row> b = after.byKey();
        for (Map.Entry<String, Row> e : b.entrySet()) {
            Row old = a.get(e.getKey());
            if (old == null) {
                out.add("新增一行 " + after.label(e.getKey()) + "：" + String.join(",", e.getValue().cells()));
                continue;
            }
            for (int i = 0; i < after.header.size(); i++) {
                if (!old.cell(i).equals(e.getValue().cell(i))) {
                    out.add(after.label(e.getKey()) + " 的“" + after.header.get(i) + "”由“" + old.cell(i) + "”改为“"
                            + e.getValue().cell(i) + "”");
                }
            }
        }
        for (Map.Entry<String, Row> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add("删去一行 " + before.label(e.getKey()) + "：" + String.join(",", e.getValue().cells()));
            }
        }
        if (out.isEmpty() && !before.keys().equals(after.keys())) {
            out.add("行的先后次序有改动");
        }
        return out;
    }

    /** 三方合并的结果：合并后的表，或两边改了同一格时的冲突说明。 */
    public record Merge(RuleTable table, List<String> clashes) {
    }

    /**
     * 把 base→mine 的改动加到 theirs 上（theirs 是 base 之后已发布的版本）。两边改了同一行的不同格照样合并；
     * 改了同一格且改得不同、一边删了另一边改了的行、两边都新加了同一键而内容不同，都算冲突。
     */
    public static Merge merge(RuleTable base, RuleTable mine, RuleTable theirs) {
        return merge(base, mine, theirs, "已发布的版本", "本草稿");
    }

    /** 同上；theirsName、mineName 是冲突说明里对两边的称呼（如“别人保存的”“您填的”）。 */
    public static Merge merge(RuleTable base, RuleTable mine, RuleTable theirs, String theirsName, String mineName) {
        List<String> clashes = new ArrayList<>();
        if (!base.header.equals(mine.header) || !base.header.equals(theirs.header)) {
            clashes.add("两边都改了这张表，且表头不同，无法逐行合并");
            return new Merge(null, clashes);
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
                } else if (!sameCells(tr.cells(), mr.cells(), base.header.size())) {
                    clashes.add(base.label(k) + "：两边都新加了这一行，内容不同（" + theirsName + "：" + String.join(",", tr.cells())
                            + "；" + mineName + "：" + String.join(",", mr.cells()) + "）");
                }
                continue;
            }
            if (sameCells(br.cells(), mr.cells(), base.header.size())) {
                continue; // 我没改这一行
            }
            if (tr == null) {
                clashes.add(base.label(k) + "：" + theirsName + "删去了这一行，" + mineName + "却改了它");
                continue;
            }
            List<String> merged = new ArrayList<>(tr.cells());
            while (merged.size() < base.header.size()) {
                merged.add("");
            }
            for (int i = 0; i < base.header.size(); i++) {
                String bv = br.cell(i), mv = mr.cell(i), tv = tr.cell(i);
                if (mv.equals(bv)) {
                    continue;
                }
                if (tv.equals(bv) || tv.equals(mv)) {
                    merged.set(i, mv);
                } else {
                    clashes.add(base.label(k) + " 的“" + base.header.get(i) + "”：原为“" + bv + "”，" + theirsName + "改为“" + tv
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
                if (!sameCells(tr.cells(), b.get(k).cells(), base.header.size())) {
                    clashes.add(base.label(k) + "：" + mineName + "删去了这一行，" + theirsName + "却改了它");
                } else {
                    order.remove(k);
                    result.remove(k);
                }
            }
        }
        if (!clashes.isEmpty()) {
            return new Merge(null, clashes);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String k : order) {
            if (result.containsKey(k)) {
                rows.add(result.get(k));
            }
        }
        return new Merge(theirs.withRows(rows), List.of());
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
