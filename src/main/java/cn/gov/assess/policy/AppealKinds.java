package cn.gov.assess.policy;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 申诉类型表 rules/申诉类型.csv：单位可以提出哪几种申诉，办公室同意后各产生什么（不计入考核即核减，或改派、改办理时限、
 * 改办结时间），是否须附证明材料，以及给单位看的说明。类型的名字只写在表里，程序只认这四种效果。
 */
public final class AppealKinds {
    public static final String FILE = "申诉类型.csv";
    public static final String EXCLUDE = "不计入考核";
    public static final String REASSIGN = "改派";
    public static final String DEADLINE = "办理时限改为";
    public static final String COMPLETED = "办结时间改为";
    public static final List<String> EFFECTS = List.of(EXCLUDE, REASSIGN, DEADLINE, COMPLETED);
    static final List<String> COLUMNS = List.of("申诉类型", "效果", "是否需要证明", "说明");

    /** 一种申诉。effect 是 {@link #EFFECTS} 之一；改派与改时间的申诉要写新值（新的办理单位或时间）。 */
    public record Kind(String name, String effect, boolean evidenceRequired, String note) {
        public boolean needsValue() { return !EXCLUDE.equals(effect); }
    }

    private AppealKinds() {
    }

    /** 规则目录里的申诉类型（按表中顺序）；没有这个表的旧规则目录为空（不能申诉，但照常考核）。 */
    public static Map<String, Kind> of(RuleSet rules) {
        String text = rules.files().get(FILE);
        return text == null ? Map.of() : parse("rules/" + FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    /** 核减规则：读转办的核减标记（AssignmentFact.excluded）并把它分类为不计入（NOT_COUNTED）；没有时同意的核减不会计入。 */
    private static final java.util.regex.Pattern EXCLUSION_RULE = java.util.regex.Pattern.compile("\\bexcluded\\s*!=\\s*null");

    /**
     * 这一版规则能否处理申诉（issue 24 之前发布的版本两样都没有）：缺申诉类型表、缺核减规则时各一句给办公室看的中文；
     * 都有时为空。规则版本页、rules versions、申诉的决定页照此提示。
     */
    public static List<String> missing(RuleSet rules, String which) {
        List<String> out = new ArrayList<>();
        if (!rules.files().containsKey(FILE)) {
            out.add(which + "没有申诉类型表（rules/" + FILE + "），单位不能提出申诉；请发布包含它的新版本");
        }
        boolean exclusion = rules.drlFiles().stream().flatMap(f -> java.util.Arrays.stream(rules.files().get(f).split("(?m)^\\s*rule\\s"))) // 逐条规则
                .anyMatch(r -> EXCLUSION_RULE.matcher(r).find() && r.contains("NOT_COUNTED"));
        if (!exclusion) {
            out.add(which + "没有核减规则，同意的申诉（核减）不会计入考核；请发布包含核减规则的新版本");
        }
        return out;
    }

    /** 读申诉类型表；有错时一次列出每一处（文件、行、列）。 */
    public static Map<String, Kind> parse(String file, byte[] bytes) {
        CsvTable t = CsvTable.parse(file, bytes);
        List<Problem> problems = new ArrayList<>();
        for (String col : COLUMNS) {
            if (!t.has(col)) {
                problems.add(t.at(1).problem("缺少列“" + col + "”（申诉类型表的表头：" + String.join(",", COLUMNS) + "）").inRule(file));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        Map<String, Kind> out = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "申诉类型");
            String effect = t.get(r, "效果");
            String evidence = t.get(r, "是否需要证明");
            if (name.isEmpty()) {
                problems.add(t.at(r, "申诉类型").problem("申诉类型为空").inRule(file));
            } else if (name.length() > 50) {
                problems.add(t.at(r, "申诉类型").problem("申诉类型“" + name + "”太长（最多 50 字）").inRule(file));
            }
            if (!EFFECTS.contains(effect)) {
                problems.add(t.at(r, "效果").problem((effect.isEmpty() ? "效果为空" : "未知效果“" + effect + "”")
                        + "，可填：" + String.join("、", EFFECTS)).inRule(file));
            }
            if (!evidence.equals("是") && !evidence.equals("否")) {
                problems.add(t.at(r, "是否需要证明").problem("“" + evidence + "”应填“是”或“否”").inRule(file));
            }
            if (!name.isEmpty() && out.put(name, new Kind(name, effect, evidence.equals("是"), t.get(r, "说明"))) != null) {
                problems.add(t.at(r, "申诉类型").problem("申诉类型“" + name + "”重复").inRule(file));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return out;
    }
}
