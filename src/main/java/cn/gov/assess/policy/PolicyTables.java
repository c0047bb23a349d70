package cn.gov.assess.policy;

import cn.gov.assess.facts.Formula;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.facts.Parameters;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 工作人员填的规则表：指标.csv、名单.csv 与 名单条件.csv、否决与扣分.csv。读入时逐格检查（文件、行、列、取值），
 * 再编译成 DRL（{@link #drl()}），与手写的规则一起编译、触发、记录理由与解释。
 * 为什么不用 Drools 的 Excel 决策表：决策表的表头要写 DRL 片段（CONDITION、$param 等），
 * 工作人员照样得懂规则语法；这里的表只有中文的列，每格的意思在 rules/README.md 里讲明。
 */
public final class PolicyTables {
    public static final String INDICATORS = "指标.csv";
    public static final String LISTS = "名单.csv";
    public static final String CONDITIONS = "名单条件.csv";
    public static final String PENALTIES = "否决与扣分.csv";
    public static final String ANNEXES = "附件.csv";

    /** 附件表一行：不属于某个渠道的附件（如综合得分排名表），列取自数字与指标。no 为 0 时自动编号。 */
    public record Annex(int line, String name, int no, String title, String channel, List<String> columns,
                        List<String> order, boolean totalRow, String meaning) {
        public String title(String periodWord) {
            return title.replace("{季度}", periodWord).replace("{期}", periodWord);
        }
    }

    /** 附件表的列：办理单位、名次（按排序的第一项）、数字与指标的名字。 */
    public static final String UNIT_COLUMN = "办理单位";
    public static final String PLACE_COLUMN = "名次";

    /** 指标表一行。crossChannel：空（每个渠道各算）、“合计”（各渠道数字相加后算）、“平均”（逐渠道算后取平均）。 */
    public record Indicator(int line, String name, List<String> channels, String crossChannel, String formula, int scale,
                            String rounding, String zero, String meaning) {
        public boolean perChannel() {
            return crossChannel.isEmpty();
        }

        public String channelLabel() {
            return perChannel() ? null : Policy.ALL_CHANNELS;
        }
    }

    /** 名单条件表一行。 */
    public record Condition(int line, String field, String op, String value) {
    }

    /** 名单表一行及其条件。 */
    public record ListDef(int line, String name, String title, List<String> channels, List<String> scope,
                          String rankBy, boolean descending, String quota, boolean perGroup, boolean veto,
                          boolean inText, String intro, String source, String meaning, List<Condition> conditions) {
        public boolean crossChannel() {
            return channels.equals(List.of(Policy.ALL_CHANNELS));
        }

        public boolean ranked() {
            return !rankBy.isEmpty();
        }

        /** 名单由规则表定义（否则由 DRL 定义，表里只给全称与引导语）。 */
        public boolean fromTable() {
            return !source.equals("DRL");
        }
    }

    /** 否决与扣分表一行。effect：“取消表扬资格”或“扣分”。 */
    public record Penalty(int line, String name, List<String> channels, String field, String op, String value,
                          String effect, String perItem, String meaning) {
        public boolean deduction() {
            return effect.equals("扣分");
        }
    }

    private final String folder;
    private final List<Indicator> indicators;
    private final List<ListDef> lists;
    private final List<Penalty> penalties;
    private final List<Annex> annexes;

    private PolicyTables(String folder, List<Indicator> indicators, List<ListDef> lists, List<Penalty> penalties,
                         List<Annex> annexes) {
        this.folder = folder;
        this.indicators = indicators;
        this.lists = lists;
        this.penalties = penalties;
        this.annexes = annexes;
    }

    public List<Annex> annexes() { return annexes; }

    public List<Indicator> indicators() { return indicators; }
    public List<ListDef> lists() { return lists; }
    public List<Penalty> penalties() { return penalties; }

    public boolean isEmpty() {
        return indicators.isEmpty() && lists.isEmpty() && penalties.isEmpty();
    }

    public ListDef list(String name) {
        return lists.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    public Indicator indicator(String name) {
        return indicators.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    /** 读规则目录里的规则表（没有的表当作空表）；有错时抛出 InputException，列出每一处错。 */
    public static PolicyTables parse(String folder, Map<String, String> files, Set<String> channels, Set<String> groups) {
        Parser p = new Parser(folder, files, channels, groups);
        PolicyTables t = p.parse();
        if (!p.problems.isEmpty()) {
            throw new InputException(p.problems);
        }
        return t;
    }

    /** 名额写法：“3”或“镇街 3、部门 2”；键为空串表示各组相同。 */
    static Map<String, Integer> quotas(String spec) {
        return Policy.quotas(spec);
    }

    static final List<String> OPS = List.of("=", "==", "≠", "!=", "<>", "≥", ">=", ">", "≤", "<=", "<");

    private static final class Parser {
        final String folder;
        final Map<String, String> files;
        final Set<String> channels;
        final Set<String> groups;
        final List<String> problems = new ArrayList<>();
        /** 名单条件表的实际文件名（.csv 或 .xlsx），报错用。 */
        String conditionsFile;

        Parser(String folder, Map<String, String> files, Set<String> channels, Set<String> groups) {
            this.folder = folder;
            this.files = files;
            this.channels = channels;
            this.groups = groups;
        }

        CsvTable table(String csvName, List<String> required) {
            // 同一张表可以是 CSV，也可以是 Excel 工作簿（.xlsx，读目录时已转成文字）；两个都有时不知道用哪个
            String xlsx = csvName.replaceFirst("\\.csv$", ".xlsx");
            if (files.containsKey(csvName) && files.containsKey(xlsx)) {
                problems.add(where(csvName) + " 与 " + xlsx + " 同时存在：请只留一个");
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
                    problems.add(where(file) + " 第 1 行：缺少列“" + col + "”，应有的列：" + String.join("、", required));
                }
            }
            return problems.isEmpty() ? t : null;
        }

        String where(String file) {
            return (folder.endsWith("/") ? folder : folder + "/") + file;
        }

        String cell(String file, CsvTable t, CsvTable.Row r, String col) {
            return t.fileName() + " 第 " + r.line() + " 行第 " + t.columnNumber(col) + " 列（" + col + "）";
        }

        PolicyTables parse() {
            List<Penalty> penalties = penalties();
            List<Indicator> indicators = indicators(penalties);
            List<ListDef> lists = lists(indicators, penalties);
            return new PolicyTables(folder, indicators, lists, penalties, annexes(indicators, penalties));
        }

        List<String> channelList(String file, CsvTable t, CsvTable.Row r, String col, boolean allowAll) {
            List<String> out = new ArrayList<>();
            for (String c : split(t.get(r, col))) {
                if (allowAll && c.equals(Policy.ALL_CHANNELS)) {
                    out.add(c);
                } else if (!channels.contains(c)) {
                    problems.add(cell(file, t, r, col) + "：没有渠道“" + c + "”，channels.csv 里的渠道："
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
            if (!OPS.contains(op)) {
                problems.add(cell(file, t, r, col) + "：比较符“" + op + "”不认识，可用 =、≠、≥、>、≤、<");
            }
        }

        void checkNumber(String file, CsvTable t, CsvTable.Row r, String col, String value, boolean optional) {
            if (value.isEmpty() && optional) {
                return;
            }
            try {
                if (Policy.number(value) == null) {
                    problems.add(cell(file, t, r, col) + "：不能为空，应填一个数，如 50、0.5 或 90%");
                }
            } catch (NumberFormatException e) {
                problems.add(cell(file, t, r, col) + "：“" + value + "”不是数，应填如 50、0.5 或 90%");
            }
        }

        boolean checkField(String file, CsvTable t, CsvTable.Row r, String col, String field, Set<String> extra) {
            if (Figures.exists(field) || extra.contains(field)) {
                return true;
            }
            problems.add(cell(file, t, r, col) + "：没有叫“" + field + "”的数字或指标，可用的数字：" + String.join("、", Figures.names())
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
                    problems.add(cell(PENALTIES, t, r, "名称") + "：名称为空");
                    continue;
                }
                if (!names.add(name)) {
                    problems.add(cell(PENALTIES, t, r, "名称") + "：“" + name + "”重复");
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
                    problems.add(cell(PENALTIES, t, r, "处理") + "：“" + effect + "”不认识，可填“取消表扬资格”或“扣分”");
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
                    problems.add(cell(INDICATORS, t, r, "指标") + "：指标名为空");
                    continue;
                }
                if (!seen.add(name)) {
                    problems.add(cell(INDICATORS, t, r, "指标") + "：指标“" + name + "”重复");
                }
                if (Figures.exists(name) || name.equals(Policy.DEDUCTIONS) || deductions.contains(name)) {
                    problems.add(cell(INDICATORS, t, r, "指标") + "：“" + name + "”已是一个数字或扣分的名字，请换一个指标名");
                }
                String cross = t.get(r, "跨渠道");
                if (!cross.isEmpty() && !cross.equals("合计") && !cross.equals("平均")) {
                    problems.add(cell(INDICATORS, t, r, "跨渠道") + "：“" + cross + "”不认识，留空（每个渠道各算）、填“合计”或“平均”");
                }
                String text = t.get(r, "公式");
                Formula f = null;
                try {
                    f = Formula.of(text);
                } catch (Formula.FormulaException e) {
                    problems.add(cell(INDICATORS, t, r, "公式") + "：公式“" + text + "”有错：" + e.getMessage());
                }
                if (f != null) {
                    for (String n : f.names()) {
                        if (!Figures.exists(n) && !known.contains(n) && !n.equals(Policy.DEDUCTIONS)
                                && !deductions.contains(n)) {
                            problems.add(cell(INDICATORS, t, r, "公式") + "：公式“" + text + "”里的“" + n
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
                        problems.add(cell(INDICATORS, t, r, "小数位") + "：“" + scaleText + "”应是 0 到 10 的整数");
                    }
                }
                String rounding = t.get(r, "舍入");
                try {
                    Policy.rounding(rounding);
                } catch (IllegalArgumentException e) {
                    problems.add(cell(INDICATORS, t, r, "舍入") + "：“" + rounding + "”不认识，可填 四舍五入、截断、进一、四舍六入");
                }
                String zero = t.get(r, "分母为零");
                if (f != null && f.mayDivideByZero() && zero.isEmpty()) {
                    problems.add(cell(INDICATORS, t, r, "分母为零") + "：公式“" + text + "”用到比率或除法，应办件数（分母）为 0 的单位"
                            + "该怎么算？请填“不计”（不算这项指标，也不参加用到它的名单与排名）或一个数（如 1 表示比率按 100% 算）");
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
                    problems.add(where(INDICATORS) + "：指标互相引用成环：" + String.join(" → ", path));
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
                    problems.add(cell(LISTS, t, r, "名单") + "：名单名为空");
                    continue;
                }
                if (!seen.add(name)) {
                    problems.add(cell(LISTS, t, r, "名单") + "：名单“" + name + "”重复");
                }
                String source = t.get(r, "来源");
                if (!source.isEmpty() && !source.equals("表格") && !source.equals("DRL")) {
                    problems.add(cell(LISTS, t, r, "来源") + "：“" + source + "”不认识，留空或填“表格”（按本表与名单条件表选）、"
                            + "“DRL”（由手写规则选，本表只给全称与引导语）");
                }
                boolean fromTable = !source.equals("DRL");
                List<String> chs = fromTable ? channelList(LISTS, t, r, "渠道", true) : split(t.get(r, "渠道"));
                if (fromTable && chs.contains(Policy.ALL_CHANNELS) && chs.size() > 1) {
                    problems.add(cell(LISTS, t, r, "渠道") + "：“" + Policy.ALL_CHANNELS + "”不能与具体渠道同填");
                }
                if (fromTable && chs.isEmpty()) {
                    problems.add(cell(LISTS, t, r, "渠道") + "：至少填一个渠道，或“" + Policy.ALL_CHANNELS + "”");
                }
                List<String> scope = split(t.get(r, "考核范围"));
                for (String g : fromTable && groups != null ? scope : List.<String>of()) {
                    if (!g.equals("全部") && !g.equals("其他") && !groups.contains(g)) {
                        problems.add(cell(LISTS, t, r, "考核范围") + "：没有单位分组“" + g + "”，" + (groups.isEmpty()
                                ? "参数表 " + Parameters.FILE + " 里没有参数“名单分组顺序”（列出单位分组，如“镇街、部门”）"
                                : "可用：" + String.join("、", groups) + "、其他（不属于这些组的单位）、全部"));
                    }
                }
                if (fromTable && scope.isEmpty()) {
                    problems.add(cell(LISTS, t, r, "考核范围") + "：请填参加的单位分组（参数“名单分组顺序”里的组名"
                            + (groups == null || groups.isEmpty() ? "" : "，如“" + String.join("、", groups) + "”") + "）或“全部”");
                }
                String rankBy = t.get(r, "排名依据");
                if (!rankBy.isEmpty()) {
                    checkField(LISTS, t, r, "排名依据", rankBy, indicatorNames);
                }
                String dir = t.get(r, "排名方向");
                if (!dir.isEmpty() && !dir.equals("从高到低") && !dir.equals("从低到高")) {
                    problems.add(cell(LISTS, t, r, "排名方向") + "：“" + dir + "”不认识，填“从高到低”或“从低到高”");
                }
                String quota = t.get(r, "名额");
                if (!quota.isEmpty()) {
                    try {
                        Map<String, Integer> q = quotas(quota);
                        for (String g : q.keySet()) {
                            if (!g.isEmpty() && !scope.contains(g) && !scope.contains("全部")) {
                                problems.add(cell(LISTS, t, r, "名额") + "：分组“" + g + "”不在考核范围（" + String.join("、", scope) + "）里");
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(cell(LISTS, t, r, "名额") + "：“" + quota + "”看不懂，写作“3”（每组 3 名）或“镇街 3、部门 2”");
                    }
                    if (rankBy.isEmpty()) {
                        problems.add(cell(LISTS, t, r, "名额") + "：有名额就要有排名依据（按什么排名取前几名）");
                    }
                }
                String range = t.get(r, "排名范围");
                if (!range.isEmpty() && !range.equals("各组") && !range.equals("全体")) {
                    problems.add(cell(LISTS, t, r, "排名范围") + "：“" + range + "”不认识，填“各组”（组内排名）或“全体”（不分组排名）");
                }
                String veto = t.get(r, "一票否决");
                if (!veto.isEmpty() && !veto.equals("是") && !veto.equals("否")) {
                    problems.add(cell(LISTS, t, r, "一票否决") + "：填“是”（被一票否决的单位不能入选）或“否”");
                }
                String inText = t.get(r, "正文");
                List<Condition> conds = conditions.getOrDefault(name, List.of());
                out.add(new ListDef(r.line(), name, t.get(r, "全称").isEmpty() ? name : t.get(r, "全称"), chs, scope, rankBy,
                        !dir.equals("从低到高"), quota, !range.equals("全体"), veto.equals("是"), inText.equals("是"),
                        t.get(r, "引导语"), fromTable ? "表格" : "DRL", t.get(r, "说明"), conds));
                for (Condition c : conds) {
                    if (!Figures.exists(c.field()) && !indicatorNames.contains(c.field())) {
                        problems.add(conditionsFile + " 第 " + c.line() + " 行（字段）：名单“" + name + "”的条件里没有叫“"
                                + c.field() + "”的数字或指标，可用的数字：" + String.join("、", Figures.names())
                                + "；指标与扣分：" + String.join("、", indicatorNames));
                    }
                }
            }
            for (String name : conditions.keySet()) {
                if (!seen.contains(name)) {
                    problems.add(conditionsFile + " 第 " + conditions.get(name).get(0).line() + " 行（名单）：名单“" + name
                            + "”不在 " + LISTS + " 里");
                }
            }
            return out;
        }

        List<Annex> annexes(List<Indicator> indicators, List<Penalty> penalties) {
            List<String> cols = List.of("附件", "序号", "标题", "渠道", "列", "排序", "合计行");
            CsvTable t = table(ANNEXES, cols);
            List<Annex> out = new ArrayList<>();
            if (t == null) {
                return out;
            }
            Set<String> names = new LinkedHashSet<>();
            indicators.forEach(i -> names.add(i.name()));
            penalties.stream().filter(Penalty::deduction).forEach(p -> names.add(p.name()));
            names.add(Policy.DEDUCTIONS);
            Set<String> seen = new HashSet<>();
            for (CsvTable.Row r : t.rows()) {
                String name = t.get(r, "附件");
                if (name.isEmpty() || !seen.add(name)) {
                    problems.add(cell(ANNEXES, t, r, "附件") + "：附件名" + (name.isEmpty() ? "为空" : "“" + name + "”重复"));
                    continue;
                }
                int no = 0;
                String noText = t.get(r, "序号");
                if (!noText.isEmpty()) {
                    try {
                        no = Integer.parseInt(noText);
                        if (no <= 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add(cell(ANNEXES, t, r, "序号") + "：“" + noText + "”应是正整数，或留空自动编号");
                    }
                }
                List<String> chs = channelList(ANNEXES, t, r, "渠道", true);
                if (chs.size() != 1) {
                    problems.add(cell(ANNEXES, t, r, "渠道") + "：填一个渠道，或“" + Policy.ALL_CHANNELS + "”（各渠道合计）");
                }
                List<String> columns = split(t.get(r, "列"));
                if (columns.isEmpty()) {
                    problems.add(cell(ANNEXES, t, r, "列") + "：至少要有一列，如“办理单位、应办件数、综合得分”");
                }
                for (String c : columns) {
                    if (!c.equals(UNIT_COLUMN) && !c.equals(PLACE_COLUMN) && !Figures.exists(c) && !names.contains(c)) {
                        problems.add(cell(ANNEXES, t, r, "列") + "：没有叫“" + c + "”的列，可用：" + UNIT_COLUMN + "、" + PLACE_COLUMN
                                + "、数字（" + String.join("、", Figures.names()) + "）、指标与扣分（" + String.join("、", names) + "）");
                    }
                }
                List<String> order = split(t.get(r, "排序"));
                for (String o : order) {
                    SortKey k = SortKey.parse(o);
                    if (!k.official() && !Figures.exists(k.field()) && !names.contains(k.field())) {
                        problems.add(cell(ANNEXES, t, r, "排序") + "：“" + o + "”看不懂，写作“综合得分 从高到低”“办结率 从低到高”"
                                + "或“官方顺序”，多项用顿号隔开");
                    }
                }
                if (columns.contains(PLACE_COLUMN) && order.isEmpty()) {
                    problems.add(cell(ANNEXES, t, r, "列") + "：有“名次”列就要在“排序”里写按什么排");
                }
                String total = t.get(r, "合计行");
                out.add(new Annex(r.line(), name, no, t.get(r, "标题"), chs.isEmpty() ? "" : chs.get(0), columns, order,
                        total.equals("是"), t.get(r, "说明")));
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

    static List<String> split(String cell) {
        return Arrays.stream(cell.split("[、，,；;|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- DRL

    /**
     * 编译成的 DRL（没有规则表时为 null）。规则名是“表名：名单名：步骤”，不含行号（表里插一行不改变规则名，
     * 两次运行的比较不会因此出现假变化）；行号写在生成的规则上方的注释里。
     */
    public String drl() {
        inputVars = 0;
        if (isEmpty()) {
            return null;
        }
        StringBuilder d = new StringBuilder();
        d.append("package rules.tables\n\n");
        for (String c : List.of("Tally", "UnitInfo", "ChannelInfo", "Candidate", "ListEntry", "Disqualification",
                "Evaluation", "Placing", "IndicatorValue")) {
            d.append("import cn.gov.assess.facts.").append(c).append('\n');
        }
        d.append("import cn.gov.assess.facts.Policy\n\n");
        d.append("// 本文件由规则表（").append(String.join("、", List.of(INDICATORS, LISTS, CONDITIONS, PENALTIES)))
                .append("）生成，不要手改：改表即可。\n\n");
        boolean cross = indicators.stream().anyMatch(i -> !i.perChannel())
                || lists.stream().anyMatch(l -> l.fromTable() && l.crossChannel());
        if (cross) {
            d.append("rule \"规则表：各渠道合计\"\nsalience 30\nwhen\n")
                    .append("    $u : UnitInfo( $uid : id )\n")
                    .append("    accumulate( $x : Tally( unitId == $uid, channel != \"").append(Policy.ALL_CHANNELS)
                    .append("\" ); $ts : collectList($x); $ts.size() > 0 )\n")
                    .append("then\n    insertLogical(Policy.sum($uid, $ts));\nend\n\n");
        }
        for (Penalty p : penalties) {
            penalty(d, p);
        }
        for (Indicator i : indicators) {
            indicator(d, i);
        }
        for (ListDef l : lists) {
            if (l.fromTable()) {
                list(d, l);
            }
        }
        return d.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String in(List<String> values) {
        return String.join(", ", values.stream().map(PolicyTables::q).toList());
    }

    private static String channelConstraint(List<String> channels) {
        return channels.isEmpty() ? "" : ", name in (" + in(channels) + ")";
    }

    private void penalty(StringBuilder d, Penalty p) {
        String rule = Policy.DEDUCTION_RULE_PREFIX + "：" + p.name();
        d.append("// ").append(PENALTIES).append(" 第 ").append(p.line()).append(" 行：")
                .append(p.meaning().isEmpty() ? p.name() : p.meaning()).append('\n');
        d.append("rule ").append(q(rule)).append("\nsalience 25\nwhen\n");
        d.append("    ChannelInfo( $ch : name").append(channelConstraint(p.channels())).append(" )\n");
        d.append("    $t : Tally( channel == $ch, unitId != null, $uid : unitId )\n");
        d.append("    $u : UnitInfo( id == $uid )\n");
        if (p.deduction()) {
            d.append("then\n    insertLogical(Policy.deduction(drools.getRule().getName(), ").append(q(p.name()))
                    .append(", $ch, $u, $t, ").append(q(p.field())).append(", ").append(q(p.op())).append(", ")
                    .append(q(p.value())).append(", ").append(q(p.perItem())).append("));\nend\n\n");
        } else {
            d.append("    eval( Policy.holds($t, ").append(q(p.field())).append(", ").append(q(p.op())).append(", ")
                    .append(q(p.value())).append(") )\n");
            d.append("then\n    insertLogical(Policy.veto(drools.getRule().getName(), $u, $t, ").append(q(p.field()))
                    .append(", ").append(q(p.op())).append(", ").append(q(p.value())).append(", ").append(q(p.effect()))
                    .append("));\nend\n\n");
        }
    }

    /** 公式里用到的别的指标与扣分（它们先算出来，这条规则才触发；变了会重算）。 */
    private List<String> indicatorInputs(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (indicator(n) != null || penalties.stream().anyMatch(p -> p.deduction() && p.name().equals(n))) {
                out.add(n);
            }
            if (n.equals(Policy.DEDUCTIONS)) {
                penalties.stream().filter(Penalty::deduction).forEach(p -> out.add(p.name()));
            }
        }
        return out;
    }

    private void indicator(StringBuilder d, Indicator i) {
        String rule = INDICATORS + "：" + i.name();
        List<String> inputs = indicatorInputs(Formula.of(i.formula()).names());
        d.append("// ").append(INDICATORS).append(" 第 ").append(i.line()).append(" 行：")
                .append(i.meaning().isEmpty() ? i.name() + " = " + i.formula() : i.meaning()).append('\n');
        d.append("rule ").append(q(rule)).append("\nsalience 20\nwhen\n");
        String channelVar;
        if (i.perChannel()) {
            d.append("    ChannelInfo( $ch : name").append(channelConstraint(i.channels())).append(" )\n");
            d.append("    $t : Tally( channel == $ch, unitId != null, $uid : unitId )\n");
            d.append("    $u : UnitInfo( id == $uid )\n");
            channelVar = "$ch";
        } else {
            d.append("    $u : UnitInfo( $uid : id )\n");
            if (i.crossChannel().equals("合计")) {
                d.append("    $t : Tally( channel == ").append(q(Policy.ALL_CHANNELS)).append(", unitId == $uid )\n");
            } else {
                d.append("    accumulate( $x : Tally( unitId == $uid, channel != ").append(q(Policy.ALL_CHANNELS))
                        .append(i.channels().isEmpty() ? "" : ", channel in (" + in(i.channels()) + ")")
                        .append(" ); $t : collectList($x); $t.size() > 0 )\n");
            }
            channelVar = q(Policy.ALL_CHANNELS);
        }
        String ivs = inputs(d, inputs, i.perChannel() ? "$ch" : null);
        d.append("then\n    insertLogical(Policy.indicator(drools.getRule().getName(), ").append(q(i.name())).append(", ")
                .append(channelVar).append(", $u, $t, ").append(ivs).append(", ").append(q(i.formula())).append(", ").append(i.scale())
                .append(", ").append(q(i.rounding())).append(", ").append(q(i.zero())).append("));\nend\n\n");
    }

    /**
     * 收集本单位的指标取值，返回 then 里用的表达式。按渠道的取同渠道的；跨渠道的取“全部渠道”下的指标与各渠道的扣分。
     */
    private String inputs(StringBuilder d, List<String> inputs, String channelVar) {
        if (inputs.isEmpty()) {
            return "java.util.Collections.emptyList()";
        }
        String var = "$ivs" + (++inputVars);
        d.append("    accumulate( $iv").append(inputVars).append(" : IndicatorValue( unitId == $uid, indicator in (")
                .append(in(inputs)).append(")");
        if (channelVar != null) {
            d.append(", channel == ").append(channelVar);
        } else {
            List<String> deductions = penalties.stream().filter(Penalty::deduction).map(Penalty::name)
                    .filter(inputs::contains).toList();
            d.append(", channel == ").append(q(Policy.ALL_CHANNELS));
            if (!deductions.isEmpty()) {
                d.append(" || indicator in (").append(in(deductions)).append(")");
            }
        }
        d.append(" ); ").append(var).append(" : collectList($iv").append(inputVars).append(") )\n");
        return var;
    }

    private int inputVars;

    private void list(StringBuilder d, ListDef l) {
        String prefix = LISTS + "：" + l.name() + "：";
        List<String> names = new ArrayList<>();
        l.conditions().forEach(c -> names.add(c.field()));
        if (l.ranked()) {
            names.add(l.rankBy());
        }
        List<String> inputs = indicatorInputs(names);
        // 跨渠道指标的值记在“全部渠道”下，扣分记在各渠道下：按渠道的名单取同渠道的，跨渠道的名单取全部
        String scope = scopeConstraint(l.scope());
        d.append("// ").append(LISTS).append(" 第 ").append(l.line()).append(" 行：")
                .append(l.meaning().isEmpty() ? l.title() : l.meaning()).append('\n');
        d.append("rule ").append(q(prefix + "逐项比较")).append("\nsalience 10\nwhen\n");
        if (l.crossChannel()) {
            d.append("    $t : Tally( channel == ").append(q(Policy.ALL_CHANNELS)).append(", $uid : unitId, $ch : channel )\n");
        } else {
            d.append("    ChannelInfo( $ch : name").append(channelConstraint(l.channels())).append(" )\n");
            d.append("    $t : Tally( channel == $ch, unitId != null, $uid : unitId )\n");
        }
        d.append("    $u : UnitInfo( id == $uid").append(scope).append(" )\n");
        String vetoes = "java.util.Collections.emptyList()";
        if (l.veto()) {
            d.append("    accumulate( $dq : Disqualification( unitId == $uid ); $vetoes : collectList($dq) )\n");
            vetoes = "$vetoes";
        }
        String ivs = inputs(d, inputs, l.crossChannel() ? null : "$ch");
        d.append("then\n    insertLogical(Policy.evaluate(drools.getRule().getName(), ").append(q(l.name()))
                .append(", $ch, $u, $t, ").append(ivs).append(", ").append(vetoes).append(", ").append(l.veto());
        for (Condition c : l.conditions()) {
            d.append(", ").append(q(c.field())).append(", ").append(q(c.op())).append(", ").append(q(c.value()));
        }
        d.append("));\nend\n\n");
        if (!l.ranked()) {
            d.append("rule ").append(q(prefix + "入选")).append("\nwhen\n")
                    .append("    $e : Evaluation( list == ").append(q(l.name())).append(", passed, $ch : channel, $uid : unitId )\n")
                    .append("    $u : UnitInfo( id == $uid )\n")
                    .append("    $t : Tally( channel == $ch, unitId == $uid )\n")
                    .append("then\n    insertLogical(new ListEntry(").append(q(l.name()))
                    .append(", $ch, $u, $t.getHandled(), 0, drools.getRule().getName(), $e.summary()));\nend\n\n");
            return;
        }
        d.append("rule ").append(q(prefix + "候选")).append("\nwhen\n")
                .append("    $e : Evaluation( list == ").append(q(l.name())).append(", passed, $ch : channel, $uid : unitId )\n")
                .append("    $u : UnitInfo( id == $uid )\n")
                .append("    $t : Tally( channel == $ch, unitId == $uid )\n");
        String keyInputs = inputs(d, indicatorInputs(List.of(l.rankBy())), l.crossChannel() ? null : "$ch");
        d.append("    $k : java.math.BigDecimal() from Policy.key(").append(q(l.rankBy())).append(", $t, ").append(keyInputs).append(")\n")
                .append("then\n    insertLogical(new Candidate(").append(q(l.name()))
                .append(", $ch, $u, Policy.volume(").append(q(l.rankBy())).append(", $t, $k), $e.summary(), $k));\nend\n\n");
        String better = l.descending() ? "key > $v" : "key < $v";
        d.append("rule ").append(q(prefix + (l.perGroup() ? "组内排名" : "排名"))).append("\nwhen\n")
                .append("    $c : Candidate( list == ").append(q(l.name())).append(", $ch : channel, $g : group, $v : key )\n")
                .append("    accumulate( Candidate( list == ").append(q(l.name())).append(", channel == $ch")
                .append(l.perGroup() ? ", group == $g" : "").append(", ").append(better)
                .append(" ); $better : count(1) )\n")
                .append("then\n    insertLogical(new Placing(drools.getRule().getName(), ").append(q(l.name()))
                .append(", $ch, $c.getUnit(), ").append(l.perGroup() ? "$g" : "null").append(", ").append(q(l.rankBy()))
                .append(", $v, $better + 1, Policy.quota(").append(q(l.quota())).append(", ")
                .append(l.perGroup() ? "$g" : "null").append(")));\nend\n\n");
        d.append("rule ").append(q(prefix + "入选")).append("\nwhen\n")
                .append("    $r : Placing( list == ").append(q(l.name())).append(", selected, $ch : channel, $uid : unitId )\n")
                .append("    $c : Candidate( list == ").append(q(l.name())).append(", channel == $ch, unitId == $uid )\n")
                .append("then\n    insertLogical(new ListEntry(").append(q(l.name()))
                .append(", $ch, $c.getUnit(), $c.getVolume(), $r.getPlace(), drools.getRule().getName(), ")
                .append("$c.getReason() + \"；\" + $r.text()));\nend\n\n");
    }

    private static String scopeConstraint(List<String> scope) {
        if (scope.contains("全部")) {
            return "";
        }
        List<String> named = scope.stream().filter(g -> !g.equals("其他")).toList();
        boolean others = scope.contains("其他");
        if (named.isEmpty()) {
            return others ? ", group == null" : "";
        }
        return others ? ", group == null || group in (" + in(named) + ")" : ", group in (" + in(named) + ")";
    }
}
