package cn.gov.assess.policy;

import cn.gov.assess.facts.Parameters;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssessmentContext;
import cn.gov.assess.facts.Candidate;
import cn.gov.assess.facts.ChannelInfo;
import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.OrderFact;
import cn.gov.assess.facts.Remark;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 规则目录检查：编译全部 DRL，检查规则名唯一、规则引用的参数都在参数表里且类型相符、参数表每格合乎类型、
 * 渠道配置与模板存在；把引擎的英文报错译成带文件、行号、规则名的中文。
 */
public final class RulesChecker {
    /** 规则里可以用的事实类型（中文说明用于报错）。 */
    static final Map<String, Class<?>> FACTS = new LinkedHashMap<>();

    static {
        for (Class<?> c : List.of(AssignmentFact.class, OrderFact.class, cn.gov.assess.facts.AssignmentOutcome.class,
                cn.gov.assess.facts.OrderAssignments.class, cn.gov.assess.facts.OrderOutcome.class, Tally.class, UnitInfo.class, ChannelInfo.class,
                Candidate.class, ListEntry.class, Disqualification.class, AssessmentContext.class, Parameters.class,
                WebsiteColumnFact.class, WebsiteCheckFact.class, MediaAccountFact.class, MediaCheckFact.class,
                InterviewFact.class, CheckFailure.class, Remark.class, Note.class, cn.gov.assess.facts.Evaluation.class,
                cn.gov.assess.facts.Placing.class)) {
            FACTS.put(c.getSimpleName(), c);
        }
    }

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern PARAM = Pattern.compile("\\b(number|flag|contains|list|text)\\(\\s*\"([^\"]+)\"");
    private static final Pattern LINE_IN_TEXT = Pattern.compile("\\[(?:ERR \\d+\\] )?Line (\\d+):(\\d+)");

    /** 检查结果：错误清单（每处是 {@link Problem}，规则表的错带文件、行、列）与摘要。 */
    public record Report(List<Problem> problems, int drlFiles, int rules, Set<String> lists, int parameters, int channels,
                         int templates) {
        public Report(List<Problem> problems, int drlFiles, int rules, Set<String> lists, int parameters, int channels) {
            this(problems, drlFiles, rules, lists, parameters, channels, 0);
        }

        /** 每处错误给人看的整句。 */
        public List<String> errors() { return problems.stream().map(Problem::message).toList(); }

        public boolean ok() { return problems.isEmpty(); }

        public String summary() {
            return "规则检查通过：" + drlFiles + " 个规则文件，" + rules + " 条规则，名单 " + lists.size() + " 个（"
                    + String.join("、", lists) + "），参数 " + parameters + " 个，渠道 " + channels + " 个"
                    + (templates > 0 ? "，模板 " + templates + " 个（已用示例运行渲染）" : "");
        }
    }

    public static Report check(RuleSet rules) {
        List<Problem> errors = new ArrayList<>();
        Parameters parameters = null;
        try {
            parameters = rules.parameters();
        } catch (InputException e) {
            errors.addAll(e.located());
        }
        int channels = 0;
        try {
            Map<String, ChannelConfig> cfg = rules.channels();
            channels = cfg.size();
            for (ChannelConfig c : cfg.values()) {
                if (!rules.files().containsKey(c.template())) {
                    errors.add(Problem.of("rules/" + ChannelConfig.FILE + "：渠道“" + c.name() + "”的正文模板 " + c.template() + " 不存在"));
                }
            }
            rules.omittedWhenEmpty(); // “无工单时省略”一列只能是 是、否 或留空
        } catch (InputException e) {
            errors.addAll(e.located());
        }
        try {
            AppealKinds.of(rules);
        } catch (InputException e) {
            errors.addAll(e.located());
        }
        Map<String, String> ruleOwner = new LinkedHashMap<>();
        Set<String> lists = new LinkedHashSet<>();
        int ruleCount = 0;
        for (String file : rules.drlFiles()) {
            String text = rules.files().get(file);
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                ruleCount++;
                String name = m.group(1);
                String where = "rules/" + file + " 第 " + lineOf(text, m.start(1)) + " 行";
                String prev = ruleOwner.putIfAbsent(name, where);
                if (prev != null) {
                    errors.add(Problem.of(where + "（规则“" + name + "”）：规则名重复，已在" + prev + "使用；规则名是审计记录的依据，必须唯一"));
                }
            }
            Matcher le = Pattern.compile("new ListEntry\\(\\s*\"([^\"]+)\"").matcher(text);
            while (le.find()) {
                lists.add(le.group(1));
            }
            if (parameters != null) {
                Matcher p = PARAM.matcher(text);
                while (p.find()) {
                    String fn = p.group(1);
                    String key = p.group(2);
                    int line = lineOf(text, p.start());
                    String where = "rules/" + file + " 第 " + line + " 行（规则“" + ruleAt(text, p.start()) + "”）";
                    if (key.endsWith(".")) {
                        continue; // 拼接出来的参数名，运行时检查
                    }
                    if (!parameters.has(key)) {
                        errors.add(Problem.of(where + "：参数表 rules/" + Parameters.FILE + " 中没有参数“" + key + "”"));
                    } else if (fn.equals("number") && !parameters.type(key).isEmpty() && !parameters.type(key).equals("整数")) {
                        errors.add(Problem.of(where + "：规则把参数“" + key + "”当整数用，参数表里它的类型是" + parameters.type(key)));
                    } else if (fn.equals("flag") && !parameters.type(key).isEmpty() && !parameters.type(key).equals("是否")) {
                        errors.add(Problem.of(where + "：规则把参数“" + key + "”当是否开关用，参数表里它的类型是" + parameters.type(key)));
                    }
                }
            }
        }
        staleStatusPatterns(rules, errors);
        boolean tablesOk = true;
        try {
            PolicyTables tables = rules.tables();
            tables.lists().forEach(l -> lists.add(l.name()));
            String generated = tables.drl();
            if (generated != null) {
                ruleCount += (int) RULE.matcher(generated).results().count();
            }
        } catch (InputException e) {
            errors.addAll(e.located());
            tablesOk = false;
        }
        try {
            if (tablesOk) {
                rules.compile();
            }
        } catch (RuleCompileException e) {
            for (cn.gov.assess.io.Problem problem : e.located()) {
                if (!problem.text().contains("Parser returned a null Package")) { // Drools 的附带报错，前面已有真正的错
                    errors.add(Problem.of(translate(problem, rules)));
                }
            }
        }
        nameTheFolder(errors, rules);
        // 同一处错可能经两条路报出（渠道编号要读附件表，附件表的错也单独报），同一句只留一条
        Set<String> seen = new java.util.HashSet<>();
        errors.removeIf(p -> !seen.add(p.message()));
        return new Report(errors, rules.drlFiles().size(), ruleCount, lists,
                parameters == null ? 0 : parameters.all().size(), channels);
    }

    /** 报错里的“rules/文件”改成实际检查的目录（--rules 给的目录或运行快照），免得用户去默认目录里找。 */
    static void nameTheFolder(List<Problem> errors, RuleSet rules) {
        if (rules.where("").equals("rules/")) {
            return;
        }
        // 改的是给人看的写法（where、说明）与 file；rule（“rules/表名”，编辑页据此找表）不改
        errors.replaceAll(p -> new Problem(p.file() == null ? null : named(p.file(), rules), p.row(), p.column(), p.rule(),
                named(p.text(), rules), p.columnName(), p.value(), named(p.where(), rules)));
    }

    private static String named(String text, RuleSet rules) {
        String out = text;
        for (String file : rules.files().keySet()) {
            // 已写出目录的（如规则表的报错“/tmp/x/rules/名单.csv”）不再改
            out = out.replaceAll("(?<![^\\s“（(：:])rules/" + Pattern.quote(file),
                    java.util.regex.Matcher.quoteReplacement(rules.where(file)));
        }
        return out;
    }

    /**
     * 规则目录定义的名单名：规则表“名单.csv”的各行，和规则里 new ListEntry("名单名", …) 写出的，按出现顺序；
     * 模板里引用它们时没有成员也是空名单而不报错。规则表本身有错时只取 DRL 里的（表的错由 check 报告）。
     */
    public static List<String> declaredLists(RuleSet rules) {
        Set<String> names = new LinkedHashSet<>();
        try {
            rules.tables().lists().forEach(l -> names.add(l.name()));
        } catch (InputException e) {
            // 见上
        }
        for (String file : rules.drlFiles()) {
            Matcher le = Pattern.compile("new ListEntry\\(\\s*\"([^\"]+)\"").matcher(rules.files().get(file));
            while (le.find()) {
                names.add(le.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String ruleAt(String text, int offset) {
        Matcher m = RULE.matcher(text);
        String name = "";
        while (m.find() && m.start() <= offset) {
            name = m.group(1);
        }
        return name.isEmpty() ? "文件头" : name;
    }

    /** 把 Drools 的报错改写成中文，补上规则名与可用字段。 */
    static String translate(cn.gov.assess.io.Problem problem, RuleSet rules) {
        if (problem.rule() == null || !problem.rule().startsWith("rules/")) {
            return problem.message();
        }
        String file = problem.rule().substring("rules/".length());
        String text = rules.files().getOrDefault(file, "");
        String msg = problem.text();
        int line = problem.row() == null ? 0 : problem.row();
        Matcher lm = LINE_IN_TEXT.matcher(msg);
        if (lm.find()) {
            line = Integer.parseInt(lm.group(1));
        }
        String rule = line > 0 ? ruleAt(text, offsetOfLine(text, line)) : "";
        String chinese = chinese(msg);
        return "rules/" + file + (line > 0 ? " 第 " + line + " 行" : "") + (rule.isEmpty() ? "" : "（规则“" + rule + "”）")
                + "：" + chinese;
    }

    static int offsetOfLine(String text, int line) {
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
            if (l == line) {
                return i;
            }
            if (text.charAt(i) == '\n') {
                l++;
            }
        }
        return text.length();
    }

    static String chinese(String msg) {
        Matcher m = Pattern.compile("Unable to resolve ObjectType '([^']+)'").matcher(msg);
        if (m.find()) {
            return "未知的事实类型“" + m.group(1) + "”；可用的事实类型：" + String.join("、", FACTS.keySet());
        }
        m = Pattern.compile("(?:unable to resolve method using strict-mode: |Unable to find field '|unable to resolve property:? ?)"
                + "(?:([\\w.]+)\\.)?([\\w$]+)(?:\\(\\))?'?").matcher(msg);
        if (m.find()) {
            String field = m.group(2);
            if (field.startsWith("get") && field.length() > 3) {
                field = Introspector.decapitalize(field.substring(3));
            }
            String type = m.group(1) == null ? null : m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
            if (type != null && FACTS.containsKey(type)) {
                return "事实“" + type + "”没有字段“" + field + "”；可用字段：" + String.join("、", fields(FACTS.get(type)));
            }
            return "未知字段或方法“" + field + "”（原文：" + oneLine(msg) + "）";
        }
        if (msg.contains("Comparison operation requires compatible types") || msg.contains("incompatible types")
                || msg.contains("cannot be converted") || msg.contains("Cannot convert")) {
            return "类型不符：比较或赋值两边的类型不一致，例如把文字和数字相比（原文：" + oneLine(msg) + "）";
        }
        if (msg.contains("Duplicate rule name") || msg.contains("Duplicate rule")) {
            return "规则名重复（原文：" + oneLine(msg) + "）";
        }
        if (msg.contains("mismatched input") || msg.contains("no viable alternative") || msg.contains("missing")
                || msg.contains("extraneous input") || msg.contains("Unexpected") || msg.contains("unexpected")) {
            return "语法错误：" + oneLine(msg.replaceAll("\\[ERR \\d+\\] ", ""))
                    + "（常见原因：括号、引号不成对，漏写 end 或 then）";
        }
        return "编译错误：" + oneLine(msg);
    }

    static Set<String> fields(Class<?> type) {
        Set<String> out = new TreeSet<>();
        try {
            for (PropertyDescriptor pd : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (pd.getReadMethod() != null) {
                    out.add(pd.getName());
                }
            }
        } catch (java.beans.IntrospectionException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    private static final Pattern STALE_STATUS = Pattern.compile("AssignmentFact\\s*\\((?:[^()]|\\([^()]*\\))*?\\b(status|daysLate)\\b");

    /**
     * 分类规则以插入 AssignmentOutcome 记下结果、不再 modify 转办事实时，别的规则看 AssignmentFact 的 status、daysLate
     * 就永远不成立（事实插入时还没分类）；这样的写法报错，说明改看 AssignmentOutcome。旧规则版本（分类仍 modify 转办事实）不受影响。
     */
    private static void staleStatusPatterns(RuleSet rules, List<Problem> errors) {
        boolean insertOnly = rules.drlFiles().stream().anyMatch(f -> rules.files().get(f).contains("AssignmentOutcome.of("));
        if (!insertOnly) {
            return;
        }
        for (String file : rules.drlFiles()) {
            String text = rules.files().get(file);
            Matcher m = STALE_STATUS.matcher(text);
            while (m.find()) {
                errors.add(Problem.of("rules/" + file + " 第 " + lineOf(text, m.start(1)) + " 行（规则“" + ruleAt(text, m.start())
                        + "”）：转办事实 AssignmentFact 上的 " + m.group(1) + " 在规则里看不到（分类结果是另插入的 AssignmentOutcome），"
                        + "请改写为 AssignmentOutcome( " + m.group(1) + " … )"));
            }
        }
    }
}
