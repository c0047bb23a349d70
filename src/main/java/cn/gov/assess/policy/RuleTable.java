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
}
