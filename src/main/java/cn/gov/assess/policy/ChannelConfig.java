package cn.gov.assess.policy;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 渠道配置 rules/channels.csv：渠道名称如何印出、对应哪个附件和正文章节、附件有哪些列、备注怎么写。
 * 区县或地市换用本产品时只改这个文件和正文模板。
 */
public record ChannelConfig(String name, int annexNo, String annexTitle, List<String> columns, String remarkFormat,
                            String unhandledRemarkFormat, String section, String template, List<String> order) {
    public static final String FILE = "channels.csv";
    /** 可选列：附件的行序，如“按期办结率 从低到高、官方顺序”；留空按官方顺序。没有这一列的旧规则快照按当时的写法排（见 AnnexTable）。 */
    public static final String ORDER_COLUMN = "附件行序";

    /**
     * 可选列：“是”＝本期这个渠道一个工单也没有时不列它的附件与正文一节（不出现“0 件……办结率为 —”的空节），其后的附件与
     * 章节号依次前移；留空或“否”照常列出（没有这一列的旧规则快照也照常列出）。
     */
    public static final String OMIT_COLUMN = "无工单时省略";

    /** 设了“无工单时省略”为“是”的渠道；值只能是“是”“否”或留空（其余由 rules check 报出）。 */
    public static Set<String> omittedWhenEmpty(byte[] bytes) {
        String f = "rules/" + FILE;
        CsvTable t = CsvTable.parse(f, bytes);
        Set<String> out = new java.util.LinkedHashSet<>();
        if (!t.has(OMIT_COLUMN)) {
            return out;
        }
        List<Problem> problems = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            String v = t.get(r, OMIT_COLUMN);
            if (v.equals("是")) {
                out.add(t.get(r, "渠道"));
            } else if (!v.isEmpty() && !v.equals("否")) {
                problems.add(t.at(r, OMIT_COLUMN).problem("“" + v + "”应为“是”“否”或留空").inRule(f));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return out;
    }

    /** 可选列：通报开头一句里怎样称呼这个渠道（如 12345市民热线 称“12345热线工单”）；留空或没有这一列时用渠道名。 */
    public static final String CALL_COLUMN = "通报称呼";

    /** 渠道名 → 通报称呼（只有填了的）。 */
    public static Map<String, String> callNames(byte[] bytes) {
        CsvTable t = CsvTable.parse("rules/" + FILE, bytes);
        Map<String, String> out = new LinkedHashMap<>();
        if (t.has(CALL_COLUMN)) {
            for (CsvTable.Row r : t.rows()) {
                if (!t.get(r, CALL_COLUMN).isEmpty()) {
                    out.put(t.get(r, "渠道"), t.get(r, CALL_COLUMN));
                }
            }
        }
        return out;
    }

    public ChannelConfig(String name, int annexNo, String annexTitle, List<String> columns, String remarkFormat,
                         String unhandledRemarkFormat, String section, String template) {
        this(name, annexNo, annexTitle, columns, remarkFormat, unhandledRemarkFormat, section, template, null);
    }
    /** 附件的两个非数字列：单位名称与月度逾期备注；其余列是数字（facts.Figures）或规则表里的指标与扣分。 */
    public static final String UNIT_COLUMN = PolicyTables.UNIT_COLUMN;
    public static final String REMARK_COLUMN = "备注";

    /** 读渠道配置；统计表列只能是办理单位、备注与数字（没有规则表时）。 */
    public static Map<String, ChannelConfig> parse(byte[] bytes) {
        return parse(bytes, Set.of());
    }

    /**
     * 读渠道配置；统计表列可以是办理单位、备注、任何数字，以及 indicators 里的指标与扣分名。indicators 为 null
     * 表示指标尚不知道（规则表有错或正在读规则表的渠道名），此时不检查列名。
     */
    public static Map<String, ChannelConfig> parse(byte[] bytes, Set<String> indicators) {
        String f = "rules/" + FILE;
        CsvTable t = CsvTable.parse(f, bytes);
        List<String> required = List.of("渠道", "附件序号", "附件标题", "统计表列", "备注格式", "未办备注格式", "正文章节", "正文模板");
        List<Problem> problems = new ArrayList<>();
        for (String col : required) {
            if (!t.has(col)) {
                problems.add(t.at(1).problem("缺少列“" + col + "”").inRule(f));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        Map<String, ChannelConfig> out = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "渠道");
            int annexNo;
            try {
                // 留空：按顺序自动编号（见 RuleSet.numbering）
                annexNo = t.get(r, "附件序号").isEmpty() ? 0 : Integer.parseInt(t.get(r, "附件序号"));
                if (annexNo < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(t.at(r, "附件序号").problem("“"
                        + t.get(r, "附件序号") + "”不是整数").inRule(f));
                continue;
            }
            List<String> cols = Arrays.stream(t.get(r, "统计表列").split("[、|]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            for (String c : indicators == null ? List.<String>of() : cols) {
                if (!c.equals(UNIT_COLUMN) && !c.equals(REMARK_COLUMN) && !cn.gov.assess.facts.Figures.exists(c)
                        && !indicators.contains(c)) {
                    problems.add(t.at(r, "统计表列").problem("未知列“"
                            + c + "”，可用的列：" + UNIT_COLUMN + "、" + REMARK_COLUMN + "、数字（"
                            + String.join("、", cn.gov.assess.facts.Figures.names()) + "）"
                            + (indicators.isEmpty() ? "" : "、指标与扣分（" + String.join("、", indicators) + "）")).inRule(f));
                }
            }
            List<String> order = null;
            if (t.has(ORDER_COLUMN)) {
                order = Arrays.stream(t.get(r, ORDER_COLUMN).split("[、，,；;]")).map(String::strip).filter(x -> !x.isEmpty())
                        .toList();
                for (String o : order) {
                    SortKey k = SortKey.parse(o);
                    if (!k.official() && !cn.gov.assess.facts.Figures.exists(k.field())) {
                        problems.add(t.at(r, ORDER_COLUMN).problem("“" + o
                                + "”看不懂，写作“按期办结率 从低到高”“实办数 从高到低”或“官方顺序”，可用的数字："
                                + String.join("、", cn.gov.assess.facts.Figures.names())).inRule(f));
                    }
                }
            }
            if (name.isEmpty()) {
                problems.add(t.at(r.line()).problem("渠道名称为空").inRule(f));
            } else if (out.put(name, new ChannelConfig(name, annexNo, t.get(r, "附件标题"), cols, t.get(r, "备注格式"),
                    t.get(r, "未办备注格式"), t.get(r, "正文章节"), t.get(r, "正文模板"), order)) != null) {
                problems.add(t.at(r.line()).problem("渠道“" + name + "”重复").inRule(f));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return out;
    }

    /** 备注中的一段，如“10月逾期 19件”。 */
    public String monthRemark(int month, int count) {
        return remarkFormat.replace("{月}", String.valueOf(month)).replace("{件}", String.valueOf(count));
    }

    /** 同上；{年} 换成年份，withYear 时（备注里的月份跨年）格式中没有 {年} 的，月份前加“2022年”。 */
    public String monthRemark(java.time.YearMonth month, int count, boolean withYear) {
        String m = withYear && !remarkFormat.contains("{年}") ? month.getYear() + "年" + month.getMonthValue()
                : String.valueOf(month.getMonthValue());
        return remarkFormat.replace("{年}", String.valueOf(month.getYear())).replace("{月}", m)
                .replace("{件}", String.valueOf(count));
    }

    public String unhandledRemark(int count) {
        return unhandledRemarkFormat.replace("{件}", String.valueOf(count));
    }

    /** 附件序号、正文章节按编号结果填好（留空的自动编号）。 */
    public ChannelConfig numbered(int no, String sectionWord) {
        return new ChannelConfig(name, no, annexTitle, columns, remarkFormat, unhandledRemarkFormat, sectionWord, template, order);
    }

    /** 附件标题：{期}（以及旧写法 {季度}）换成考核期的正文用语，如“三月份”“四季度”。 */
    public String annexTitle(String periodWord) {
        return cn.gov.assess.facts.Period.fill(annexTitle, periodWord);
    }
}
