package cn.gov.assess.audit;

import cn.gov.assess.assessment.AssessmentContext;
import cn.gov.assess.assessment.Candidate;
import cn.gov.assess.assessment.ChannelInfo;
import cn.gov.assess.assessment.CheckFailure;
import cn.gov.assess.assessment.Disqualification;
import cn.gov.assess.assessment.Firing;
import cn.gov.assess.assessment.ListEntry;
import cn.gov.assess.assessment.Monitoring;
import cn.gov.assess.assessment.RunCheckResult;
import cn.gov.assess.assessment.RunListEntry;
import cn.gov.assess.assessment.RunStore;
import cn.gov.assess.assessment.RunTally;
import cn.gov.assess.assessment.Tally;
import cn.gov.assess.assessment.UnitInfo;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.rules.ChannelConfig;
import cn.gov.assess.rules.Parameters;
import cn.gov.assess.rules.RuleSet;
import cn.gov.assess.rules.RulesChecker;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitDirectory;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.hibernate.StatelessSession;
import org.kie.api.runtime.KieSession;
import org.mvel2.MVEL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 解释一次已保存的运行：某单位为什么在（或不在）某名单上、被什么否决、各项数字由哪些转办构成。
 * “为什么不在”由规则本身推出：解析该运行规则快照中产生名单的规则，把每个条件代入该单位的事实逐一求值，
 * 报告不成立的条件及其取值与门槛；新加的规则无需改 Java 即可解释。
 */
public final class Explainer {
    /** 事实字段的中文名（数据字典，用于把条件写成中文）。 */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("due", "应办件数"), Map.entry("handled", "实办数"), Map.entry("unhandled", "未办件数"),
            Map.entry("overdueCompleted", "逾期办结件数"), Map.entry("overdueUnhandled", "逾期未办件数"),
            Map.entry("overdueDays", "逾期天数"), Map.entry("open", "在办件数"), Map.entry("onTime", "按期办结件数"),
            Map.entry("late", "逾期件数"), Map.entry("staleDays", "栏目未更新天数"), Map.entry("emptyColumns", "空白栏目数"),
            Map.entry("unansweredMessages", "超期未回复留言数"), Map.entry("reachable", "网站可访问"),
            Map.entry("published", "新发布信息数"), Map.entry("daysSincePost", "距上次发布天数"), Map.entry("posts", "发布数"),
            Map.entry("forwarded", "转发要求信息"), Map.entry("reminders", "督促次数"), Map.entry("group", "名单分组"),
            Map.entry("kind", "单位类型"), Map.entry("volume", "数量"), Map.entry("status", "状态"));
    private static final Map<String, String> TYPE_LABELS = Map.of("Tally", "汇总", "UnitInfo", "单位", "Candidate", "候选单位",
            "WebsiteCheckFact", "网站监测记录", "MediaCheckFact", "新媒体监测记录", "InterviewFact", "在线访谈记录",
            "Disqualification", "一票否决", "CheckFailure", "监测不合格记录", "ChannelInfo", "渠道", "WebsiteColumnFact", "网站栏目");
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$\\w+)\\s*:\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern PRODUCES = Pattern.compile("new\\s+(ListEntry|Candidate)\\(\\s*\"([^\"]+)\"\\s*,\\s*(?:\"([^\"]+)\"|(\\$\\w+))");

    /** 条件：原文、是否成立、中文说明。 */
    public record Condition(String rule, String expression, boolean passed, String text) {
    }

    /** 一个名单上的判定。 */
    public record ListVerdict(String list, String scope, boolean on, Integer position, Integer rank, String rule,
                              String reason, List<String> why) {
    }

    /** 对一个单位的完整解释。 */
    public record UnitExplanation(String unit, long run, String period, List<ListVerdict> lists, List<String> disqualifications,
                                  List<Map<String, String>> figures, List<String> monitoring, List<Map<String, String>> orders) {
    }

    /** 对一个名单的解释。 */
    public record ListExplanation(String list, String scope, long run, List<Map<String, String>> members,
                                  List<Map<String, String>> nearMisses) {
    }

    private final Database db;

    public Explainer(Database db) {
        this.db = db;
    }

    /** 规则快照 + 运行时的汇总 + 单位与监测记录，重放第二步，得到规则看到的全部事实。 */
    private final class World {
        final RunStore.StoredRun run;
        final List<Object> facts = new ArrayList<>();
        final Map<Long, UnitInfo> units = new HashMap<>();
        final Parameters parameters;
        final List<RuleDescr> rules = new ArrayList<>();

        World(RunStore.StoredRun run) {
            this.run = run;
            RuleSet ruleSet = run.rules();
            parameters = ruleSet.parameters();
            List<Object> monitoring;
            try (StatelessSession s = db.sessions().openStatelessSession()) {
                for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
                    units.put(u.getId(), new UnitInfo(u.getId(), u.getName(), u.getKind(), u.getSortOrder()));
                }
                monitoring = null;
                if (run.run().getId() != null) {
                    monitoring = new RunStore(db).monitoringFacts(run.run().getId());
                }
                if (monitoring == null || monitoring.isEmpty()) {
                    // 未保存监测记录的运行（预演或早期运行）：用库中当前的监测记录
                    monitoring = Monitoring.load(s, run.run().getPeriod(), run.run().getCutoff()).facts();
                }
            }
            KieSession session = ruleSet.compile().newKieSession();
            try {
                session.insert(parameters);
                session.insert(new AssessmentContext(run.run().getPeriod(), run.run().getCutoff()));
                for (ChannelConfig c : ruleSet.channels().values()) {
                    session.insert(new ChannelInfo(c.name(), c.annexNo()));
                }
                units.values().forEach(session::insert);
                run.tallies().forEach(t -> session.insert(t.toTally()));
                monitoring.forEach(session::insert);
                session.fireAllRules();
                facts.addAll(session.getObjects());
            } finally {
                session.dispose();
            }
            DrlParser parser = new DrlParser();
            for (String f : ruleSet.drlFiles()) {
                try {
                    PackageDescr pkg = parser.parse(false, ruleSet.files().get(f));
                    if (pkg != null) {
                        rules.addAll(pkg.getRules());
                    }
                } catch (DroolsParserException e) {
                    throw new InputException("无法解析规则快照 " + f + "：" + e.getMessage());
                }
            }
        }

        List<Object> ofType(String simpleName) {
            Class<?> type = RulesChecker.factTypes().get(simpleName);
            List<Object> out = new ArrayList<>();
            for (Object o : facts) {
                if (type != null ? type.isInstance(o) : o.getClass().getSimpleName().equals(simpleName)) {
                    out.add(o);
                }
            }
            return out;
        }

        /** 产生某名单（或其候选）的规则，及其范围（字面量或变量名）。 */
        List<String[]> producers() {
            List<String[]> out = new ArrayList<>();
            for (RuleDescr r : rules) {
                Matcher m = PRODUCES.matcher(String.valueOf(r.getConsequence()));
                while (m.find()) {
                    out.add(new String[]{r.getName(), m.group(1), m.group(2), m.group(3), m.group(4)});
                }
            }
            return out;
        }

        RuleDescr rule(String name) {
            return rules.stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
        }
    }

    /** 规则对一个单位、一个范围的求值结果。 */
    private record Evaluation(boolean passed, boolean applicable, List<Condition> failed, Map<String, Object> vars) {
    }

    private Evaluation evaluate(World w, RuleDescr rule, long unitId, String scope) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> varLabels = new HashMap<>();
        List<Condition> failed = new ArrayList<>();
        boolean applicable = true;
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            if (d instanceof PatternDescr p && p.getSource() instanceof AccumulateDescr acc) {
                accumulate(w, rule, p, acc, vars, varLabels);
            } else if (d instanceof PatternDescr p) {
                List<Object> candidates = new ArrayList<>();
                for (Object f : w.ofType(p.getObjectType())) {
                    if (f instanceof Tally t && t.getUnitId() == null) {
                        continue; // 渠道合计不是任何单位的汇总
                    }
                    Long u = Firing.Recorder.unitOf(f);
                    String c = f instanceof ChannelInfo ci ? ci.name() : Firing.Recorder.channelOf(f);
                    if ((u == null || u == unitId) && (c == null || scope == null || c.equals(scope))) {
                        candidates.add(f);
                    }
                }
                if (candidates.isEmpty()) {
                    boolean channelPattern = p.getObjectType().equals("ChannelInfo");
                    failed.add(new Condition(rule.getName(), p.getObjectType(), false, channelPattern ? "本范围不是渠道"
                            : "没有该单位的" + TYPE_LABELS.getOrDefault(p.getObjectType(), p.getObjectType())
                            + (p.getObjectType().equals("Tally") ? "（本渠道没有转办）" : "")));
                    applicable = !channelPattern;
                    return new Evaluation(false, applicable, failed, vars);
                }
                Object best = null;
                List<Condition> bestFailed = null;
                Map<String, Object> bestVars = null;
                for (Object f : candidates) {
                    Map<String, Object> v = new LinkedHashMap<>(vars);
                    List<Condition> fl = constraints(rule, p, f, v, varLabels);
                    if (bestFailed == null || fl.size() < bestFailed.size()) {
                        best = f;
                        bestFailed = fl;
                        bestVars = v;
                    }
                }
                vars.clear();
                vars.putAll(bestVars);
                if (p.getIdentifier() != null) {
                    vars.put(p.getIdentifier(), best);
                }
                if (p.getObjectType().equals("ChannelInfo") && !bestFailed.isEmpty()) {
                    return new Evaluation(false, false, bestFailed, vars); // 该渠道不列此名单
                }
                failed.addAll(bestFailed);
            } else if (d instanceof NotDescr n && n.getDescrs().size() == 1 && n.getDescrs().get(0) instanceof PatternDescr p) {
                for (Object f : w.ofType(p.getObjectType())) {
                    if (constraints(rule, p, f, new LinkedHashMap<>(vars), varLabels).isEmpty()) {
                        failed.add(new Condition(rule.getName(), "not " + p.getObjectType(), false, "存在" + describe(f)));
                    }
                }
            } else if (d instanceof ExistsDescr x && x.getDescrs().size() == 1 && x.getDescrs().get(0) instanceof PatternDescr p) {
                boolean any = w.ofType(p.getObjectType()).stream()
                        .anyMatch(f -> constraints(rule, p, f, new LinkedHashMap<>(vars), varLabels).isEmpty());
                if (!any) {
                    failed.add(new Condition(rule.getName(), "exists " + p.getObjectType(), false,
                            "没有符合条件的" + TYPE_LABELS.getOrDefault(p.getObjectType(), p.getObjectType())));
                }
            } else if (d instanceof EvalDescr e) {
                String expr = String.valueOf(e.getContent()).strip();
                for (String part : splitAnd(expr)) {
                    if (!truth(part, null, vars)) {
                        failed.add(new Condition(rule.getName(), part, false, render(part, null, vars, varLabels)));
                    }
                }
            }
        }
        return new Evaluation(failed.isEmpty(), applicable, failed, vars);
    }

    private static List<Condition> constraints(RuleDescr rule, PatternDescr p, Object fact, Map<String, Object> vars,
                                               Map<String, String> varLabels) {
        List<Condition> failed = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                continue;
            }
            String expr = e.getExpression().strip();
            Matcher b = BINDING.matcher(expr);
            if (b.matches() && !expr.contains("==") && !expr.contains(">") && !expr.contains("<")) {
                try {
                    vars.put(b.group(1), MVEL.eval(b.group(2), fact, vars));
                    varLabels.putIfAbsent(b.group(1), label(b.group(2).strip(), varLabels));
                } catch (RuntimeException ex) {
                    failed.add(new Condition(rule.getName(), expr, false, "无法取值：" + expr));
                }
                continue;
            }
            if (!truth(expr, fact, vars)) {
                failed.add(new Condition(rule.getName(), expr, false, render(expr, fact, vars, varLabels)));
            }
        }
        return failed;
    }

    private void accumulate(World w, RuleDescr rule, PatternDescr outer, AccumulateDescr acc, Map<String, Object> vars,
                            Map<String, String> varLabels) {
        PatternDescr input = acc.getInputPattern();
        List<Map<String, Object>> matches = new ArrayList<>();
        if (input != null) {
            for (Object f : w.ofType(input.getObjectType())) {
                Map<String, Object> v = new LinkedHashMap<>(vars);
                if (constraints(rule, input, f, v, varLabels).isEmpty()) {
                    matches.add(v);
                }
            }
        }
        String what = input == null ? "" : TYPE_LABELS.getOrDefault(input.getObjectType(), input.getObjectType());
        for (AccumulateDescr.AccumulateFunctionCallDescr fn : acc.getFunctions()) {
            String param = fn.getParams().length == 0 ? "1" : fn.getParams()[0].strip();
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> m : matches) {
                Object v = param.startsWith("$") ? m.get(param) : MVEL.eval(param, m);
                values.add(v instanceof Number n ? n.doubleValue() : 1.0);
            }
            Number result = switch (fn.getFunction()) {
                case "count" -> (long) values.size();
                case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
                case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                case "average" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                default -> 0;
            };
            String bind = fn.getBind();
            if (bind != null) {
                vars.put(bind, result);
                String base = param.startsWith("$") ? varLabels.getOrDefault(param, param) : param;
                varLabels.put(bind, switch (fn.getFunction()) {
                    case "count" -> "符合条件的" + what + "数";
                    case "sum" -> base + "合计";
                    case "max" -> base + "最大值";
                    case "min" -> base + "最小值";
                    default -> base + "平均值";
                });
            }
        }
        if (outer.getObjectType() != null && !outer.getObjectType().equals("Object")) {
            // Number($x : intValue) from accumulate(...)：把结果绑定到外层变量
            for (BaseDescr c : outer.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    Matcher b = BINDING.matcher(e.getExpression());
                    if (b.matches() && !acc.getFunctions().isEmpty()) {
                        vars.put(b.group(1), vars.getOrDefault(acc.getFunctions().get(0).getBind(), 0));
                    }
                }
            }
        }
    }

    static List<String> splitAnd(String expr) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char ch = expr.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && expr.startsWith("&&", i)) {
                parts.add(expr.substring(start, i).strip());
                start = i + 2;
            }
        }
        parts.add(expr.substring(start).strip());
        return parts;
    }

    private static boolean truth(String expr, Object fact, Map<String, Object> vars) {
        try {
            Object v = fact == null ? MVEL.eval(expr, vars) : MVEL.eval(expr, fact, vars);
            return Boolean.TRUE.equals(v);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** 把一个比较写成“实办数 49，要求 ≥ 50”。 */
    static String render(String expr, Object fact, Map<String, Object> vars, Map<String, String> varLabels) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char ch = expr.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0) {
                for (String op : new String[]{"==", "!=", ">=", "<=", ">", "<"}) {
                    if (expr.startsWith(op, i) && !(op.length() == 1 && i + 1 < expr.length() && expr.charAt(i + 1) == '=')) {
                        String left = expr.substring(0, i).strip();
                        String right = expr.substring(i + op.length()).strip();
                        Object lv = value(left, fact, vars);
                        Object rv = value(right, fact, vars);
                        String word = switch (op) {
                            case "==" -> "为";
                            case "!=" -> "不为";
                            case ">=" -> "≥";
                            case "<=" -> "≤";
                            case ">" -> ">";
                            default -> "<";
                        };
                        return label(left, varLabels) + " " + show(lv) + "，要求" + (word.equals("为") || word.equals("不为") ? "" : " ") + word + " " + show(rv);
                    }
                }
            }
        }
        return "条件“" + expr + "”不成立";
    }

    private static Object value(String expr, Object fact, Map<String, Object> vars) {
        try {
            return fact == null ? MVEL.eval(expr, vars) : MVEL.eval(expr, fact, vars);
        } catch (RuntimeException e) {
            return expr;
        }
    }

    static String label(String expr, Map<String, String> varLabels) {
        Matcher custom = Pattern.compile("extra\\(\\s*\"([^\"]+)\"\\s*\\)").matcher(expr);
        if (custom.find()) {
            return custom.group(1);
        }
        Matcher v = Pattern.compile("\\$\\w+").matcher(expr);
        if (v.find() && !expr.contains("$p.")) {
            return varLabels.getOrDefault(v.group(), v.group());
        }
        String field = expr.replaceAll("[^\\w.]", "");
        if (field.contains(".")) {
            field = field.substring(field.lastIndexOf('.') + 1);
        }
        return LABELS.getOrDefault(field, expr);
    }

    private static String show(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return v == null ? "空" : String.valueOf(v);
    }

    private static String describe(Object f) {
        if (f instanceof Disqualification d) {
            return "一票否决：" + d.getReason() + "（规则“" + d.getRuleName() + "”，工单 " + String.join("、", d.getOrderNos()) + "）";
        } else if (f instanceof CheckFailure c) {
            return "监测不合格：" + c.getProblem() + "（规则“" + c.getRuleName() + "”）";
        }
        return TYPE_LABELS.getOrDefault(f.getClass().getSimpleName(), f.getClass().getSimpleName());
    }

    private UnitDirectory.Ref resolve(String name) {
        return db.inTransaction(s -> UnitDirectory.load(s).require(name));
    }

    /** 一个单位在一个名单（范围）上的判定：在名单上的给出规则与理由；不在的给出不成立的条件。 */
    private ListVerdict verdict(World w, String list, String scope, long unitId, List<String[]> producers) {
        RunListEntry entry = w.run.lists().stream().filter(e -> e.getListName().equals(list) && e.getChannel().equals(scope)
                && e.getUnitId() == unitId).findFirst().orElse(null);
        if (entry != null) {
            return new ListVerdict(list, scope, true, entry.getPosition(), entry.getRank(), entry.getRuleName(), entry.getReason(), List.of());
        }
        List<String> why = new ArrayList<>();
        for (String[] p : producers) {
            if (!p[2].equals(list) || (p[3] != null && !p[3].equals(scope))) {
                continue;
            }
            RuleDescr rule = w.rule(p[0]);
            if (p[1].equals("ListEntry") && rule.getLhs().getDescrs().stream().anyMatch(d -> d instanceof PatternDescr pd
                    && "Candidate".equals(pd.getObjectType()) && pd.getSource() == null)) {
                // 排名类：先看能否成为候选
                Candidate mine = w.ofType("Candidate").stream().map(Candidate.class::cast)
                        .filter(c -> c.getList().equals(list) && c.getChannel().equals(scope) && c.getUnitId() == unitId)
                        .findFirst().orElse(null);
                if (mine == null) {
                    continue; // 候选规则会说明原因
                }
                List<Candidate> group = w.ofType("Candidate").stream().map(Candidate.class::cast)
                        .filter(c -> c.getList().equals(list) && c.getChannel().equals(scope) && Objects.equals(c.getGroup(), mine.getGroup()))
                        .sorted(Comparator.comparingInt(Candidate::getVolume).reversed()).toList();
                long better = group.stream().filter(c -> c.getVolume() > mine.getVolume()).count();
                RunListEntry last = w.run.lists().stream().filter(e -> e.getListName().equals(list) && e.getChannel().equals(scope)
                        && Objects.equals(e.getUnitGroup(), mine.getGroup())).reduce((a, b) -> b).orElse(null);
                Evaluation ev = evaluate(w, rule, unitId, scope);
                ev.failed().forEach(c -> why.add("规则“" + c.rule() + "”：" + c.text()));
                why.add("是候选（" + mine.getReason() + "），" + mine.getGroup() + "第 " + (better + 1) + " 名（数量 " + mine.getVolume() + "）"
                        + (last == null ? "" : "；最后入选的是 " + last.getUnitLabel() + "（第 " + last.getRank() + " 名，数量 " + last.getVolume() + "）"));
                continue;
            }
            Evaluation ev = evaluate(w, rule, unitId, p[3] != null ? null : scope);
            if (!ev.applicable()) {
                return null;
            }
            ev.failed().forEach(c -> why.add("规则“" + c.rule() + "”：" + c.text()));
        }
        if (why.isEmpty()) {
            return null;
        }
        return new ListVerdict(list, scope, false, null, null, null, null, why);
    }

    /** 各名单与范围：名单名 → 范围（字面量范围，或规则按渠道判定时的每个渠道）。 */
    private static List<String[]> listScopes(World w, List<String[]> producers, String channelFilter) {
        List<String[]> out = new ArrayList<>();
        for (String[] p : producers) {
            if (!p[1].equals("ListEntry")) {
                continue;
            }
            List<String> scopes = p[3] != null ? List.of(p[3]) : new ArrayList<>(w.run.rules().channels().keySet());
            for (String s : scopes) {
                if ((channelFilter == null || channelFilter.equals(s))
                        && out.stream().noneMatch(x -> x[0].equals(p[2]) && x[1].equals(s))) {
                    out.add(new String[]{p[2], s});
                }
            }
        }
        return out;
    }

    public UnitExplanation explainUnit(RunStore.StoredRun run, String unitName, String channelFilter, boolean withOrders) {
        UnitDirectory.Ref unit = resolve(unitName);
        World w = new World(run);
        List<String[]> producers = w.producers();
        List<ListVerdict> lists = new ArrayList<>();
        for (String[] ls : listScopes(w, producers, channelFilter)) {
            ListVerdict v = verdict(w, ls[0], ls[1], unit.id(), producers);
            if (v != null) {
                lists.add(v);
            }
        }
        // 候选规则未通过的，补上候选条件
        for (ListVerdict v : new ArrayList<>(lists)) {
            if (!v.on() && v.why().isEmpty()) {
                lists.remove(v);
            }
        }
        for (String[] p : producers) {
            if (p[1].equals("Candidate")) {
                for (String scope : p[3] != null ? List.of(p[3]) : run.rules().channels().keySet()) {
                    if (channelFilter != null && !channelFilter.equals(scope)) {
                        continue;
                    }
                    boolean decided = lists.stream().anyMatch(v -> v.list().equals(p[2]) && v.scope().equals(scope));
                    if (decided) {
                        continue;
                    }
                    Evaluation ev = evaluate(w, w.rule(p[0]), unit.id(), scope);
                    if (ev.applicable() && !ev.passed()) {
                        List<String> why = new ArrayList<>();
                        ev.failed().forEach(c -> why.add("规则“" + c.rule() + "”：" + c.text()));
                        lists.add(new ListVerdict(p[2], scope, false, null, null, null, null, why));
                    }
                }
            }
        }
        List<String> disq = new ArrayList<>();
        run.disqualifications().stream().filter(d -> d.getUnitId().equals(unit.id())).forEach(d -> disq.add(
                "规则“" + d.getRuleName() + "”：" + d.getReason() + "；导致否决的工单：" + d.getOrderNos()));
        List<Map<String, String>> figures = new ArrayList<>();
        for (ChannelConfig c : run.rules().channels().values()) {
            if (channelFilter != null && !channelFilter.equals(c.name())) {
                continue;
            }
            for (RunTally t : run.tallies()) {
                if (t.getChannel().equals(c.name()) && Objects.equals(t.getUnitId(), unit.id())) {
                    List<String> cells = AnnexTable.row(c, t.getUnitLabel(), t.toTally(), true);
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("渠道", c.name());
                    for (int i = 0; i < c.columns().size(); i++) {
                        row.put(c.columns().get(i), cells.get(i));
                    }
                    figures.add(row);
                }
            }
        }
        List<String> monitoring = new ArrayList<>();
        for (RunCheckResult c : run.checks()) {
            if (c.getUnitId().equals(unit.id())) {
                monitoring.add((c.getKind().equals(RunCheckResult.WEBSITE) ? "政府网站 " : "政务新媒体 " + c.getPlatform() + "“")
                        + c.getSubject() + (c.getKind().equals(RunCheckResult.WEBSITE) ? "" : "”") + "：" + c.getResult()
                        + (c.getProblems().isEmpty() ? "" : "（" + c.getProblems() + "）") + (c.getRemark().isEmpty() ? "" : "；备注：" + c.getRemark()));
            }
        }
        List<Map<String, String>> orders = withOrders ? orders(run.run().getId(), unit.id(), channelFilter) : List.of();
        return new UnitExplanation(unit.name(), run.run().getId(), run.run().getPeriod().code(), lists, disq, figures, monitoring, orders);
    }

    private List<Map<String, String>> orders(Long runId, Long unitId, String channel) {
        if (runId == null) {
            return List.of();
        }
        List<cn.gov.assess.assessment.TrailCodec.Row> rows = new ArrayList<>();
        new RunStore(db).trail(runId, unitId, r -> {
            if (channel == null || channel.equals(r.channel())) {
                rows.add(r);
            }
        });
        rows.sort(java.util.Comparator.comparing(cn.gov.assess.assessment.TrailCodec.Row::channel)
                .thenComparing(r -> r.status().name())
                .thenComparing(cn.gov.assess.assessment.TrailCodec.Row::deadline)
                .thenComparing(cn.gov.assess.assessment.TrailCodec.Row::orderNo));
        List<Map<String, String>> out = new ArrayList<>();
        for (cn.gov.assess.assessment.TrailCodec.Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("渠道", r.channel());
            m.put("工单编号", r.orderNo());
            m.put("受理时间", time(r.receivedAt()));
            m.put("办理时限", time(r.deadline()));
            m.put("办结时间", r.completedAt() == null ? "未办结" : time(r.completedAt()));
            m.put("分类", r.status().label());
            m.put("逾期天数", String.valueOf(r.daysLate()));
            m.put("规则", r.ruleName());
            out.add(m);
        }
        return out;
    }

    private static String time(Object t) {
        if (t instanceof java.time.LocalDateTime d) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        String s = String.valueOf(t).replace('T', ' ');
        return s.length() > 19 ? s.substring(0, 19) : s;
    }

    public ListExplanation explainList(RunStore.StoredRun run, String list, String scope) {
        World w = new World(run);
        List<String[]> producers = w.producers();
        List<String[]> scopes = listScopes(w, producers, scope).stream().filter(x -> x[0].equals(list)).toList();
        if (scopes.isEmpty()) {
            throw new InputException("规则中没有名单“" + list + "”" + (scope == null ? "" : "（范围 " + scope + "）") + "；规则产生的名单："
                    + String.join("、", producers.stream().filter(p -> p[1].equals("ListEntry")).map(p -> p[2]).distinct().toList()));
        }
        List<Map<String, String>> members = new ArrayList<>();
        List<Map<String, String>> near = new ArrayList<>();
        for (String[] ls : scopes) {
            List<RunListEntry> entries = run.lists().stream().filter(e -> e.getListName().equals(list) && e.getChannel().equals(ls[1])).toList();
            for (RunListEntry e : entries) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("范围", ls[1]);
                m.put("位次", String.valueOf(e.getPosition()));
                m.put("单位", e.getUnitLabel());
                m.put("规则", e.getRuleName());
                m.put("理由", e.getReason());
                members.add(m);
            }
            List<Object[]> misses = new ArrayList<>();
            for (UnitInfo u : w.units.values()) {
                if (entries.stream().anyMatch(e -> e.getUnitId() == u.getId())) {
                    continue;
                }
                UnitInfo withGroup = w.ofType("UnitInfo").stream().map(UnitInfo.class::cast).filter(x -> x.getId() == u.getId())
                        .findFirst().orElse(u);
                if (withGroup.getGroup() == null) {
                    continue;
                }
                ListVerdict v = verdict(w, list, ls[1], u.getId(), producers);
                List<String> why = v == null ? List.of() : v.why();
                if (why.isEmpty()) {
                    for (String[] p : producers) {
                        if (p[1].equals("Candidate") && p[2].equals(list) && (p[3] == null || p[3].equals(ls[1]))) {
                            Evaluation ev = evaluate(w, w.rule(p[0]), u.getId(), ls[1]);
                            if (ev.applicable()) {
                                why = ev.failed().stream().map(c -> "规则“" + c.rule() + "”：" + c.text()).toList();
                            }
                        }
                    }
                }
                if (why.isEmpty() || why.stream().anyMatch(x -> x.contains("没有该单位的"))) {
                    continue;
                }
                int volume = volume(run, u.getId(), ls[1]);
                misses.add(new Object[]{u, why, volume});
            }
            misses.sort(Comparator.comparingInt((Object[] m) -> ((List<?>) m[1]).size()).thenComparing(m -> -(Integer) m[2]));
            for (Object[] m : misses.subList(0, Math.min(5, misses.size()))) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("范围", ls[1]);
                row.put("单位", ((UnitInfo) m[0]).getName());
                row.put("原因", String.join("；", (List<String>) m[1]));
                near.add(row);
            }
        }
        return new ListExplanation(list, scope == null ? "" : scope, run.run().getId() == null ? 0 : run.run().getId(), members, near);
    }

    private static int volume(RunStore.StoredRun run, long unitId, String scope) {
        return run.tallies().stream().filter(t -> Objects.equals(t.getUnitId(), unitId) && t.getChannel().equals(scope))
                .mapToInt(t -> t.toTally().getHandled()).sum();
    }
}
