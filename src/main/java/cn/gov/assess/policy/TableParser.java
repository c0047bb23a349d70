package cn.gov.assess.policy;

import cn.gov.assess.facts.Comparison;
import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Formula;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.PolicyTables.Annex;
import cn.gov.assess.policy.PolicyTables.Condition;
import cn.gov.assess.policy.PolicyTables.Indicator;
import cn.gov.assess.policy.PolicyTables.ListDef;
import cn.gov.assess.policy.PolicyTables.Penalty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.gov.assess.policy.PolicyTables.ANNEXES;
import static cn.gov.assess.policy.PolicyTables.CONDITIONS;
import static cn.gov.assess.policy.PolicyTables.INDICATORS;
import static cn.gov.assess.policy.PolicyTables.LISTS;
import static cn.gov.assess.policy.PolicyTables.PENALTIES;
import static cn.gov.assess.policy.PolicyTables.PLACE_COLUMN;
import static cn.gov.assess.policy.PolicyTables.UNIT_COLUMN;
import static cn.gov.assess.policy.PolicyTables.split;

/** 读规则表并逐格检查：每一处错记下文件、行、列与取值，全部读完再一起报。 */
final class TableParser {
    final String folder;
    final Map<String, String> files;
    final Set<String> channels;
    final Set<String> groups;
    final List<Problem> problems = new ArrayList<>();
    /** 名单条件表的实际文件名（.csv 或 .xlsx），报错用。 */
    String conditionsFile;

    TableParser(String folder, Map<String, String> files, Set<String> channels, Set<String> groups) {
        this.folder = folder;
        this.files = files;
        this.channels = channels;
        this.groups = groups;
    }

    CsvTable table(String csvName, List<String> required) {
        // 同一张表可以是 CSV，也可以是 Excel 工作簿（.xlsx，读目录时已转成文字）；两个都有时不知道用哪个
        String xlsx = csvName.replaceFirst("\\.csv$", ".xlsx");
        if (files.containsKey(csvName) && files.containsKey(xlsx)) {
            add(where(csvName) + " 与 " + xlsx + " 同时存在：请只留一个");
            return null;
        }
        String file = files.containsKey(xlsx) ? xlsx : csvName;
        String text = files.get(file);
        if (text == null) {
            return null;
        }
        CsvTable t = CsvTable.parse(where(file), text.getBytes(StandardCharsets.UTF_8));
        for (String col : required) {
            if (!t.has(col)) {
                add(t.at(1), "缺少列“" + col + "”，应有的列：" + String.join("、", required));
            }
        }
        return problems.isEmpty() ? t : null;
    }

    String where(String file) {
        return (folder.endsWith("/") ? folder : folder + "/") + file;
    }

    /** 一格的位置，写法“文件 第 N 行第 M 列（列名）”。 */
    Place cell(String file, CsvTable t, CsvTable.Row r, String col) {
        return t.at(r, col);
    }

    /** 没有位置的一句。 */
    void add(String message) {
        problems.add(Problem.of(message));
    }

    /** 表里某处的错：位置是数据，rule 是“rules/表名”（与参数表、渠道配置的写法相同），编辑页据此标红出错的格。 */
    void add(Place where, String text) {
        String prefix = where("");
        String file = where.file() != null && where.file().startsWith(prefix) ? where.file().substring(prefix.length()) : where.file();
        problems.add(where.problem(text).inRule("rules/" + file));
    }

    PolicyTables parse() {
        List<Penalty> penalties = penalties();
        List<Indicator> indicators = indicators(penalties);
        List<ListDef> lists = lists(indicators, penalties);
        return new PolicyTables(folder, indicators, lists, penalties, AnnexParser.annexes(this, indicators, penalties));
    }

    List<String> channelList(String file, CsvTable t, CsvTable.Row r, String col, boolean allowAll) {
        List<String> out = new ArrayList<>();
        for (String c : split(t.get(r, col))) {
            if (allowAll && c.equals(Policy.ALL_CHANNELS)) {
                out.add(c);
            } else if (!channels.contains(c)) {
                add(cell(file, t, r, col), "没有渠道“" + c + "”，channels.csv 里的渠道："
                        + String.join("、", channels) + (allowAll ? "；跨渠道写“" + Policy.ALL_CHANNELS + "”" : ""));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    void checkOp(String file, CsvTable t, CsvTable.Row r, String col, String op, boolean optional) {
        if (op.isEmpty() && optional) {
            return;
        }
        if (!Comparison.known(op)) {
            add(cell(file, t, r, col), "比较符“" + op + "”不认识，可用 " + Comparison.symbols());
        }
    }

    void checkNumber(String file, CsvTable t, CsvTable.Row r, String col, String value, boolean optional) {
        if (value.isEmpty() && optional) {
            return;
        }
        try {
            if (Policy.number(value) == null) {
                add(cell(file, t, r, col), "不能为空，应填一个数，如 50、0.5 或 90%");
            }
        } catch (NumberFormatException e) {
            add(cell(file, t, r, col), "“" + value + "”不是数，应填如 50、0.5 或 90%");
        }
    }

    boolean checkField(String file, CsvTable t, CsvTable.Row r, String col, String field, Set<String> extra) {
        if (Figures.exists(field) || extra.contains(field)) {
            return true;
        }
        add(cell(file, t, r, col), "没有叫“" + field + "”的数字或指标，可用的数字：" + String.join("、", Figures.names())
                + (extra.isEmpty() ? "" : "；指标：" + String.join("、", extra)));
        return false;
    }

    List<Penalty> penalties() {
        List<String> cols = List.of("名称", "渠道", "字段", "比较", "值", "处理", "每件扣分");
        CsvTable t = table(PENALTIES, cols);
        List<Penalty> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "名称");
            if (name.isEmpty()) {
                add(cell(PENALTIES, t, r, "名称"), "名称为空");
                continue;
            }
            if (!names.add(name)) {
                add(cell(PENALTIES, t, r, "名称"), "“" + name + "”重复");
            }
            String field = t.get(r, "字段");
            checkField(PENALTIES, t, r, "字段", field, Set.of());
            String effect = t.get(r, "处理");
            String op = t.get(r, "比较");
            String value = t.get(r, "值");
            String per = t.get(r, "每件扣分");
            if (effect.equals("扣分")) {
                checkOp(PENALTIES, t, r, "比较", op, true);
                checkNumber(PENALTIES, t, r, "值", value, op.isEmpty());
                checkNumber(PENALTIES, t, r, "每件扣分", per, false);
            } else if (effect.equals("取消表扬资格")) {
                checkOp(PENALTIES, t, r, "比较", op, false);
                checkNumber(PENALTIES, t, r, "值", value, false);
            } else {
                add(cell(PENALTIES, t, r, "处理"), "“" + effect + "”不认识，可填“取消表扬资格”或“扣分”");
            }
            out.add(new Penalty(r.line(), name, channelList(PENALTIES, t, r, "渠道", false), field, op, value, effect,
                    per, t.get(r, "说明")));
        }
        return out;
    }

    List<Indicator> indicators(List<Penalty> penalties) {
        List<String> cols = List.of("指标", "渠道", "跨渠道", "公式", "小数位", "舍入", "分母为零");
        CsvTable t = table(INDICATORS, cols);
        List<Indicator> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        Set<String> known = new LinkedHashSet<>();
        for (CsvTable.Row r : t.rows()) {
            known.add(t.get(r, "指标"));
        }
        Set<String> deductions = new LinkedHashSet<>();
        penalties.stream().filter(Penalty::deduction).forEach(p -> deductions.add(p.name()));
        Map<String, List<String>> deps = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "指标");
            if (name.isEmpty()) {
                add(cell(INDICATORS, t, r, "指标"), "指标名为空");
                continue;
            }
            if (!seen.add(name)) {
                add(cell(INDICATORS, t, r, "指标"), "指标“" + name + "”重复");
            }
            if (Figures.exists(name) || name.equals(Policy.DEDUCTIONS) || deductions.contains(name)) {
                add(cell(INDICATORS, t, r, "指标"), "“" + name + "”已是一个数字或扣分的名字，请换一个指标名");
            }
            String cross = t.get(r, "跨渠道");
            if (!cross.isEmpty() && !cross.equals("合计") && !cross.equals("平均")) {
                add(cell(INDICATORS, t, r, "跨渠道"), "“" + cross + "”不认识，留空（每个渠道各算）、填“合计”或“平均”");
            }
            String text = t.get(r, "公式");
            Formula f = null;
            try {
                f = Formula.of(text);
            } catch (Formula.FormulaException e) {
                add(cell(INDICATORS, t, r, "公式"), "公式“" + text + "”有错：" + e.getMessage());
            }
            if (f != null) {
                for (String n : f.names()) {
                    if (!Figures.exists(n) && !known.contains(n) && !n.equals(Policy.DEDUCTIONS)
                            && !deductions.contains(n)) {
                        add(cell(INDICATORS, t, r, "公式"), "公式“" + text + "”里的“" + n
                                + "”不是数字、指标或扣分的名字。可用的数字：" + String.join("、", Figures.names())
                                + (known.size() > 1 ? "；指标：" + String.join("、", known.stream().filter(k -> !k.equals(name)).toList()) : "")
                                + "；扣分：" + (deductions.isEmpty() ? Policy.DEDUCTIONS : Policy.DEDUCTIONS + "、"
                                + String.join("、", deductions)));
                    }
                }
                deps.put(name, f.names().stream().filter(known::contains).toList());
            }
            int scale = 2;
            String scaleText = t.get(r, "小数位");
            if (!scaleText.isEmpty()) {
                try {
                    scale = Integer.parseInt(scaleText);
                    if (scale < 0 || scale > 10) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    add(cell(INDICATORS, t, r, "小数位"), "“" + scaleText + "”应是 0 到 10 的整数");
                }
            }
            String rounding = t.get(r, "舍入");
            try {
                Policy.rounding(rounding);
            } catch (IllegalArgumentException e) {
                add(cell(INDICATORS, t, r, "舍入"), "“" + rounding + "”不认识，可填 四舍五入、截断、进一、四舍六入");
            }
            String zero = t.get(r, "分母为零");
            if (f != null && f.mayDivideByZero() && zero.isEmpty()) {
                add(cell(INDICATORS, t, r, "分母为零"), "公式“" + text + "”用到比率或除法，应办件数（分母）为 0 的单位"
                        + "该怎么算？请填“不计”（不算这项指标，也不参加用到它的名单与排名）或一个数（如 1 表示比率按 100% 算）；"
                        + "各项要求不同时，在公式里逐项写 若无(满意率, 1)、若无(按期办结率, 0)");
            } else if (!zero.isEmpty() && !zero.equals("不计")) {
                checkNumber(INDICATORS, t, r, "分母为零", zero, false);
            }
            out.add(new Indicator(r.line(), name, channelList(INDICATORS, t, r, "渠道", false), cross, text, scale,
                    rounding, zero, t.get(r, "说明")));
        }
        // 指标互相引用不能成环
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycle(start, deps, path, new HashSet<>())) {
                add(where(INDICATORS) + "：指标互相引用成环：" + String.join(" → ", path));
                break;
            }
        }
        return out;
    }

    private boolean cycle(String at, Map<String, List<String>> deps, List<String> path, Set<String> onPath) {
        path.add(at);
        if (!onPath.add(at)) {
            return true;
        }
        for (String d : deps.getOrDefault(at, List.of())) {
            if (cycle(d, deps, path, onPath)) {
                return true;
            }
        }
        onPath.remove(at);
        path.remove(path.size() - 1);
        return false;
    }

    List<ListDef> lists(List<Indicator> indicators, List<Penalty> penalties) {
        List<String> cols = List.of("名单", "全称", "渠道", "考核范围", "排名依据", "排名方向", "名额", "排名范围", "一票否决");
        CsvTable t = table(LISTS, cols);
        List<ListDef> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        Map<String, List<Condition>> conditions = conditions();
        Set<String> indicatorNames = new LinkedHashSet<>();
        indicators.forEach(i -> indicatorNames.add(i.name()));
        penalties.stream().filter(Penalty::deduction).forEach(p -> indicatorNames.add(p.name()));
        indicatorNames.add(Policy.DEDUCTIONS);
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "名单");
            if (name.isEmpty()) {
                add(cell(LISTS, t, r, "名单"), "名单名为空");
                continue;
            }
            if (!seen.add(name)) {
                add(cell(LISTS, t, r, "名单"), "名单“" + name + "”重复");
            }
            String source = t.get(r, "来源");
            if (!source.isEmpty() && !source.equals("表格") && !source.equals("DRL")) {
                add(cell(LISTS, t, r, "来源"), "“" + source + "”不认识，留空或填“表格”（按本表与名单条件表选）、"
                        + "“DRL”（由手写规则选，本表只给全称与引导语）");
            }
            boolean fromTable = !source.equals("DRL");
            List<String> chs = fromTable ? channelList(LISTS, t, r, "渠道", true) : split(t.get(r, "渠道"));
            if (fromTable && chs.contains(Policy.ALL_CHANNELS) && chs.size() > 1) {
                add(cell(LISTS, t, r, "渠道"), "“" + Policy.ALL_CHANNELS + "”不能与具体渠道同填");
            }
            if (fromTable && chs.isEmpty()) {
                add(cell(LISTS, t, r, "渠道"), "至少填一个渠道，或“" + Policy.ALL_CHANNELS + "”");
            }
            List<String> scope = split(t.get(r, "考核范围"));
            for (String g : fromTable && groups != null ? scope : List.<String>of()) {
                if (!g.equals("全部") && !g.equals("其他") && !groups.contains(g)) {
                    add(cell(LISTS, t, r, "考核范围"), "没有单位分组“" + g + "”，" + (groups.isEmpty()
                            ? "参数表 " + Parameters.FILE + " 里没有参数“名单分组顺序”（列出单位分组，如“镇街、部门”）"
                            : "可用：" + String.join("、", groups) + "、其他（不属于这些组的单位）、全部"));
                }
            }
            if (fromTable && scope.isEmpty()) {
                add(cell(LISTS, t, r, "考核范围"), "请填参加的单位分组（参数“名单分组顺序”里的组名"
                        + (groups == null || groups.isEmpty() ? "" : "，如“" + String.join("、", groups) + "”") + "）或“全部”");
            }
            String rankBy = t.get(r, "排名依据");
            if (!rankBy.isEmpty()) {
                checkField(LISTS, t, r, "排名依据", rankBy, indicatorNames);
            }
            String dir = t.get(r, "排名方向");
            if (!dir.isEmpty() && !dir.equals("从高到低") && !dir.equals("从低到高")) {
                add(cell(LISTS, t, r, "排名方向"), "“" + dir + "”不认识，填“从高到低”或“从低到高”");
            }
            String quota = t.get(r, "名额");
            if (!quota.isEmpty()) {
                try {
                    Map<String, Integer> q = Policy.quotas(quota);
                    for (String g : q.keySet()) {
                        if (!g.isEmpty() && !scope.contains(g) && !scope.contains("全部")) {
                            add(cell(LISTS, t, r, "名额"), "分组“" + g + "”不在考核范围（" + String.join("、", scope) + "）里");
                        }
                    }
                } catch (IllegalArgumentException e) {
                    add(cell(LISTS, t, r, "名额"), "“" + quota + "”看不懂，写作“3”（每组 3 名）或“镇街 3、部门 2”");
                }
                if (rankBy.isEmpty()) {
                    add(cell(LISTS, t, r, "名额"), "有名额就要有排名依据（按什么排名取前几名）");
                }
            }
            String range = t.get(r, "排名范围");
            if (!range.isEmpty() && !range.equals("各组") && !range.equals("全体")) {
                add(cell(LISTS, t, r, "排名范围"), "“" + range + "”不认识，填“各组”（组内排名）或“全体”（不分组排名）");
            }
            String veto = t.get(r, "一票否决");
            if (!veto.isEmpty() && !veto.equals("是") && !veto.equals("否")) {
                add(cell(LISTS, t, r, "一票否决"), "填“是”（被一票否决的单位不能入选）或“否”");
            }
            String inText = t.get(r, "正文");
            List<Condition> conds = conditions.getOrDefault(name, List.of());
            out.add(new ListDef(r.line(), name, t.get(r, "全称").isEmpty() ? name : t.get(r, "全称"), chs, scope, rankBy,
                    !dir.equals("从低到高"), quota, !range.equals("全体"), veto.equals("是"), inText.equals("是"),
                    t.get(r, "引导语"), fromTable ? "表格" : "DRL", t.get(r, "说明"), conds));
            for (Condition c : conds) {
                if (!Figures.exists(c.field()) && !indicatorNames.contains(c.field())) {
                    add(conditionsFile + " 第 " + c.line() + " 行（字段）：名单“" + name + "”的条件里没有叫“"
                            + c.field() + "”的数字或指标，可用的数字：" + String.join("、", Figures.names())
                            + "；指标与扣分：" + String.join("、", indicatorNames));
                }
            }
        }
        for (String name : conditions.keySet()) {
            if (!seen.contains(name)) {
                add(conditionsFile + " 第 " + conditions.get(name).get(0).line() + " 行（名单）：名单“" + name
                        + "”不在 " + LISTS + " 里");
            }
        }
        return out;
    }

    Map<String, List<Condition>> conditions() {
        List<String> cols = List.of("名单", "字段", "比较", "值");
        CsvTable t = table(CONDITIONS, cols);
        Map<String, List<Condition>> out = new LinkedHashMap<>();
        if (t == null) {
            return out;
        }
        conditionsFile = t.fileName();
        for (CsvTable.Row r : t.rows()) {
            String op = t.get(r, "比较");
            checkOp(CONDITIONS, t, r, "比较", op, false);
            checkNumber(CONDITIONS, t, r, "值", t.get(r, "值"), false);
            out.computeIfAbsent(t.get(r, "名单"), k -> new ArrayList<>())
                    .add(new Condition(r.line(), t.get(r, "字段"), op, t.get(r, "值")));
        }
        return out;
    }
}
