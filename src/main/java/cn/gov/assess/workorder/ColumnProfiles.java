package cn.gov.assess.workorder;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 派单导出的列名方案（规则目录的 {@value #FILE}）：每行是“方案, 标准列, 其他写法, 说明”，其他写法用“、”分隔。
 * 导出文件按方案的先后逐个对照：标准列名本身总是认的；第一个找齐必需列的方案生效。一个也对不上时，
 * 错误信息列出缺少的标准列（及其可用写法）和文件里的表头。方案之外的列照旧丢弃、不保存。
 */
public final class ColumnProfiles {
    public static final String FILE = "导入列名.csv";
    public static final String CHANNEL = "渠道";
    public static final String ORDER = "工单编号";
    public static final String RECEIVED = "受理时间";
    public static final String UNIT = "办理单位";
    public static final String DEADLINE = "办理时限";
    public static final String COMPLETED = "办结时间";
    public static final String SIGNED = "签收时间";
    public static final String SIGN_DEADLINE = "签收时限";
    public static final String SATISFACTION = "满意度";
    public static final String RETURNS = "退回次数";
    public static final String REOPENED = "重办";
    /** 必需的标准列（渠道可由文件名代替）。 */
    public static final List<String> REQUIRED = List.of(CHANNEL, ORDER, RECEIVED, UNIT, DEADLINE, COMPLETED);
    /** 市级导出里工单所属的区县（辖区）：市级导入按它把各行分到各区县，见 intake/CityImport。不存入工单。 */
    public static final String COUNTY = "区县";
    /** 有就读取的标准列。 */
    public static final List<String> OPTIONAL = List.of(SIGNED, SIGN_DEADLINE, SATISFACTION, RETURNS, REOPENED);

    /** 方案名 → 标准列 → 其他写法。 */
    private final Map<String, Map<String, List<String>>> profiles;

    private ColumnProfiles(Map<String, Map<String, List<String>>> profiles) {
        this.profiles = profiles;
    }

    /** 一个文件的表头按某个方案对上之后：标准列 → 列下标。 */
    public record Mapping(String profile, Map<String, Integer> columns, String channelFromFileName) {
        public int index(String standard) { return columns.getOrDefault(standard, -1); }
        public boolean has(String standard) { return columns.containsKey(standard); }
    }

    /** text：规则目录里 {@value #FILE} 的内容；没有这个文件（null）时只认标准列名。 */
    public static ColumnProfiles of(String text) {
        return text == null ? standardOnly() : parse(text);
    }

    public static ColumnProfiles standardOnly() {
        return new ColumnProfiles(Map.of("标准", Map.of()));
    }

    static ColumnProfiles parse(String text) {
        CsvTable t = CsvTable.parse(FILE, text.getBytes(StandardCharsets.UTF_8));
        List<cn.gov.assess.io.Problem> problems = new ArrayList<>();
        for (String c : List.of("方案", "标准列", "其他写法")) {
            if (!t.has(c)) {
                problems.add(cn.gov.assess.io.Place.row(FILE, 1, "规则目录 " + FILE + " 第 1 行").problem("缺少列“" + c + "”").inRule(FILE));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Set<String> known = new java.util.HashSet<>(REQUIRED);
        known.addAll(OPTIONAL);
        known.add(COUNTY);
        for (CsvTable.Row r : t.rows()) {
            String profile = t.get(r, "方案");
            String standard = t.get(r, "标准列");
            if (!known.contains(standard)) {
                problems.add(new cn.gov.assess.io.Place(FILE, r.line(), t.columnNumber("标准列"), "标准列", standard,
                        "规则目录 " + FILE + " 第 " + r.line() + " 行第 " + t.columnNumber("标准列") + " 列（标准列）").problem("“" + standard
                        + "”不是标准列，可填：" + String.join("、", REQUIRED) + "、" + String.join("、", OPTIONAL) + "、" + COUNTY).inRule(FILE));
                continue;
            }
            List<String> names = java.util.Arrays.stream(t.get(r, "其他写法").split("[、;；,，]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            out.computeIfAbsent(profile.isEmpty() ? "通用" : profile, k -> new LinkedHashMap<>()).put(standard, names);
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        if (out.isEmpty()) {
            out.put("标准", Map.of());
        }
        return new ColumnProfiles(out);
    }

    /** 表头里区县列（{@value #COUNTY} 或它在任一方案里的写法）的下标；没有为 -1。 */
    public int countyColumn(List<String> header) {
        int i = indexOf(header, COUNTY);
        for (Map<String, List<String>> p : profiles.values()) {
            if (i < 0) {
                i = find(header, COUNTY, p);
            }
        }
        return i;
    }

    /** 表头里是否像派单导出（有工单编号或它的某种写法）。 */
    public boolean looksLikeDispatch(List<String> header) {
        for (Map<String, List<String>> p : profiles.values()) {
            if (find(header, ORDER, p) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * 按方案对照表头；channels 是已配置的渠道（没有渠道列时从文件名认）。对不上时抛出 {@link InputException}，
     * 写明缺少的标准列、各自可用的写法和文件的表头。
     */
    public Mapping resolve(String fileName, List<String> header, java.util.Collection<String> channels) {
        String fromName = null;
        String base = java.nio.file.Path.of(fileName).getFileName().toString();
        for (String ch : channels) {
            if (base.contains(ch) && (fromName == null || ch.length() > fromName.length())) {
                fromName = ch;
            }
        }
        Mapping best = null;
        List<String> bestMissing = null;
        for (Map.Entry<String, Map<String, List<String>>> p : profiles.entrySet()) {
            Map<String, Integer> cols = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String std : REQUIRED) {
                int i = find(header, std, p.getValue());
                if (i >= 0) {
                    cols.put(std, i);
                } else if (!(std.equals(CHANNEL) && fromName != null)) {
                    missing.add(std);
                }
            }
            for (String std : OPTIONAL) {
                int i = find(header, std, p.getValue());
                if (i >= 0) {
                    cols.put(std, i);
                }
            }
            Mapping m = new Mapping(p.getKey(), cols, cols.containsKey(CHANNEL) ? null : fromName);
            if (missing.isEmpty()) {
                return m;
            }
            if (bestMissing == null || missing.size() < bestMissing.size()) {
                best = m;
                bestMissing = missing;
            }
        }
        StringBuilder s = new StringBuilder(fileName + " 表头：对不上任何列名方案（规则目录 " + FILE + "），缺少标准列 ");
        for (int i = 0; i < bestMissing.size(); i++) {
            String std = bestMissing.get(i);
            List<String> names = profiles.get(best.profile()).getOrDefault(std, List.of());
            s.append(i == 0 ? "" : "、").append("“").append(std).append("”");
            if (!names.isEmpty()) {
                s.append("（也认：").append(String.join("、", names)).append("）");
            }
        }
        if (bestMissing.contains(CHANNEL)) {
            s.append("；没有渠道列时，文件名里须含渠道名（").append(String.join("、", channels)).append("）");
        }
        s.append("。文件的表头是：").append(String.join("，", header.stream().map(String::strip).toList()))
                .append("。请在 ").append(FILE).append(" 里为缺少的列加上这个平台用的写法");
        throw new InputException(s.toString());
    }

    private static int find(List<String> header, String standard, Map<String, List<String>> profile) {
        int i = indexOf(header, standard);
        if (i >= 0) {
            return i;
        }
        for (String alt : profile.getOrDefault(standard, List.of())) {
            i = indexOf(header, alt);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<String> header, String name) {
        String n = normal(name);
        for (int i = 0; i < header.size(); i++) {
            if (normal(header.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    /** 表头比对时忽略首尾空白、全角空格与大小写，以及导出时常带的“*”必填标记。 */
    private static String normal(String s) {
        return s == null ? "" : s.replace('\u3000', ' ').replace("*", "").strip().toLowerCase(Locale.ROOT);
    }
}
