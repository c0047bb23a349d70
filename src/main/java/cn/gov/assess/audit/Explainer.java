package cn.gov.assess.audit;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.run.Justifications;
import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 解释一次已保存的运行：单位为什么在或不在各名单上、名单上有谁、谁因名额未入选。全部读运行时规则记下的理由
 * （名单成员、逐项比较、排名、一票否决），不重新编译规则、不重放运行，也不解读规则原文，所以任何写法的规则
 * （包括工作人员新加的）只要记下了比较，都解释得一样。
 */
public final class Explainer {
    /** 一个单位在一个名单上的判定。checks 是规则记下的逐项比较，placing 是排名类名单上的名次（没有时为 null）。 */
    public record ListVerdict(String list, String scope, boolean on, Integer position, Integer rank, String rule,
                              String reason, List<String> why, List<Evaluation.Check> checks, Placing placing) {
    }

    /**
     * 对一个单位的完整解释。recorded 为假表示运行早于逐项记录理由的版本。exclusions 是经申诉核减、不计入考核的转办，
     * 如“核减 1 件：申诉 #7，非本单位职责，张经办 于 2022-01-08 同意（12345市民热线 工单 RX…）”。
     */
    public record UnitExplanation(String unit, long run, String period, List<ListVerdict> lists, List<String> disqualifications,
                                  List<Map<String, String>> figures, List<String> monitoring, List<Map<String, String>> orders,
                                  boolean recorded, List<String> indicators, List<String> exclusions) {
    }

    /** 对一个名单的解释：成员（按顺序）与差一点入选的单位（排名类名单：因名额未入选的，按名次）。 */
    public record ListExplanation(String list, String scope, long run, List<Map<String, String>> members,
                                  List<Map<String, String>> nearMisses, boolean recorded) {
    }

    static final String PREDATES = "该运行早于“规则触发时记下理由”的版本，没有逐项比较的记录，未入选的原因无法列出；"
            + "重新运行考核（assess run）后即可查看";

    /** 参数：门槛类名单“差一点入选”的相差上限（要求值的百分之几）；旧规则快照没有这个参数时不限，只按相差排序。 */
    static final String NEAR_MARGIN = "名单.差一点.相差";

    /** 名单解释中每组列出的因名额未入选的单位数。 */
    static final int NEAR_MISSES_PER_GROUP = 3;

    private final RunStore store;
    private final Units units;

    /** @param store 运行的理由与转办明细从这里读；units 是单位表（认名称与别名、编号对应的名称） */
    public Explainer(RunStore store, Units units) {
        this.store = store;
        this.units = units;
    }

    private Justifications justifications(RunStore.StoredRun run, Long unitId, String list) {
        Long id = run.run().getId();
        return id == null ? new Justifications(false, List.of(), List.of(), List.of()) : store.justifications(id, unitId, list);
    }

    /** 运行中出现的名单与范围，按名单成员、逐项比较、排名的先后。 */
    private static List<String[]> scopes(RunStore.StoredRun run, Justifications j, String list, String channelFilter) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> out = new ArrayList<>();
        List<String[]> all = new ArrayList<>();
        run.lists().forEach(e -> all.add(new String[]{e.getListName(), e.getChannel()}));
        j.evaluations().forEach(e -> all.add(new String[]{e.getList(), e.getChannel()}));
        j.placings().forEach(p -> all.add(new String[]{p.getList(), p.getChannel()}));
        for (String[] s : all) {
            if ((list == null || list.equals(s[0])) && (channelFilter == null || channelFilter.equals(s[1]))
                    && seen.add(s[0] + '\u0001' + s[1])) {
                out.add(s);
            }
        }
        Map<String, Integer> channelOrder = new HashMap<>();
        int i = 0;
        for (String c : run.rules().channels().keySet()) {
            channelOrder.put(c, i++);
        }
        out.sort(Comparator.comparingInt((String[] s) -> channelOrder.getOrDefault(s[1], channelOrder.size())));
        return out;
    }

    public UnitExplanation explainUnit(RunStore.StoredRun run, String unitName, String channelFilter, boolean withOrders) {
        Units.Ref unit = units.require(unitName);
        Justifications j = justifications(run, unit.id(), null);
        List<ListVerdict> lists = new ArrayList<>();
        for (String[] ls : scopes(run, j, null, channelFilter)) {
            ListVerdict v = verdict(run, j, ls[0], ls[1], unit.id(), units);
            if (v != null) {
                lists.add(v);
            }
        }
        List<String> disq = new ArrayList<>();
        run.disqualifications().stream().filter(d -> d.getUnitId() == unit.id()).forEach(d -> disq.add(
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
            if (c.getUnitId() == unit.id()) {
                monitoring.add((c.getKind().equals(RunCheckResult.WEBSITE) ? "政府网站 " : "政务新媒体 " + c.getPlatform() + "“")
                        + c.getSubject() + (c.getKind().equals(RunCheckResult.WEBSITE) ? "" : "”") + "：" + c.getResult()
                        + (c.getProblems().isEmpty() ? "" : "（" + c.getProblems() + "）") + (c.getRemark().isEmpty() ? "" : "；备注：" + c.getRemark()));
            }
        }
        List<Map<String, String>> orders = withOrders ? orders(run.run().getId(), unit.id(), channelFilter) : List.of();
        List<String> indicators = new ArrayList<>();
        for (cn.gov.assess.facts.IndicatorValue v : j.indicators(unit.id(), null)) {
            if (channelFilter != null && v.getChannel() != null && !channelFilter.equals(v.getChannel())) {
                continue;
            }
            indicators.add(indicatorText(v));
        }
        // 核减只能来自更正：运行没有看到任何更正时不必读审计记录
        List<String> exclusions = run.run().getId() != null && run.run().getCorrectionSeq() > 0
                ? exclusions(run.run().getId(), unit.id(), channelFilter) : List.of();
        return new UnitExplanation(unit.name(), run.run().getId(), run.run().getPeriod().code(), lists, disq, figures, monitoring,
                orders, j.recorded(), indicators, exclusions);
    }

    /**
     * 一项指标（或扣分）的取值与算式的每一项，如“综合得分（12345市民热线）= 91.00：公式 按期办结率*60 + 办结率*40 - 扣分；
     * 按期办结率 100%，办结率 90%，扣分 5（规则“指标.csv：综合得分”）”。
     */
    static String indicatorText(cn.gov.assess.facts.IndicatorValue v) {
        List<String> terms = new ArrayList<>();
        int scale = v.getValue() == null ? 2 : Math.max(v.getValue().scale(), 0);
        if (!v.getParts().isEmpty()) {
            // 各部分得分（如“满意率 82.22% × 30 = 24.67”），按指标的小数位写，与附件一致；各部分相加前不舍入
            for (cn.gov.assess.facts.IndicatorValue.Part p : v.getParts()) {
                terms.add(p.text() + " = " + (p.points() == null ? "无从计算"
                        : p.points().setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString().replace('-', '−')));
            }
        } else {
            for (cn.gov.assess.facts.IndicatorValue.Term t : v.getTerms()) {
                terms.add(t.name() + " " + cn.gov.assess.facts.Evaluation.checkText(t.value(), isRate(t.name())));
            }
        }
        return v.getIndicator() + "（" + (v.getChannel() == null ? "全部渠道" : v.getChannel()) + "）= "
                + (v.getValue() == null ? "不计" : v.getValue().toPlainString()) + "：公式 " + v.getFormula()
                + (terms.isEmpty() ? "" : (v.getParts().isEmpty() ? "；" : "；各项得分：") + String.join("，", terms))
                + (v.getNote().isEmpty() ? "" : "；" + v.getNote()) + "（规则“" + v.getRule() + "”）";
    }

    private static boolean isRate(String name) {
        cn.gov.assess.facts.Figures.Figure f = cn.gov.assess.facts.Figures.get(name);
        return f != null && f.rate();
    }

    /** 一个单位在一个名单（范围）上的判定；该单位不在这个名单的考核范围时返回 null。 */
    private static ListVerdict verdict(RunStore.StoredRun run, Justifications j, String list, String scope, long unitId,
                                       Units names) {
        RunListEntry entry = run.lists().stream().filter(e -> e.getListName().equals(list) && e.getChannel().equals(scope)
                && e.getUnitId() == unitId).findFirst().orElse(null);
        List<Evaluation> evs = j.evaluations(list, scope).stream().filter(e -> e.getUnitId() == unitId).toList();
        List<Evaluation.Check> checks = new ArrayList<>();
        evs.forEach(e -> checks.addAll(e.getChecks()));
        List<Placing> placings = j.placings(list, scope);
        Placing mine = placings.stream().filter(p -> p.getUnitId() == unitId).findFirst().orElse(null);
        if (entry != null) {
            List<String> why = new ArrayList<>();
            for (Evaluation e : evs) {
                e.getChecks().forEach(c -> why.add("规则“" + e.getRule() + "”：" + c.text() + (c.passed() ? "，成立" : "，不成立")));
            }
            if (mine != null) {
                why.add("规则“" + mine.getRule() + "”：" + mine.text() + "，在名额之内");
            }
            return new ListVerdict(list, scope, true, entry.getPosition(), entry.getRank(), entry.getRuleName(), entry.getReason(),
                    why, checks, mine);
        }
        if (!j.recorded()) {
            return new ListVerdict(list, scope, false, null, null, null, null, List.of(PREDATES), List.of(), null);
        }
        if (evs.isEmpty() && mine == null) {
            return null;
        }
        List<String> why = WhyNot.of(evs, placings, list, scope, unitId, List.of()).detail(list, names::label);
        return new ListVerdict(list, scope, false, null, null, null, null, why, checks, mine);
    }

    /** 一个单位经申诉核减的转办，按说明（同一份申诉）归在一起：“核减 N 件：说明（渠道 工单 …）”。 */
    private List<String> exclusions(long runId, long unitId, String channel) {
        Map<String, List<String>> byText = new LinkedHashMap<>();
        store.trail(runId, unitId, r -> {
            if (r.isExcluded() && (channel == null || channel.equals(r.channel()))) {
                byText.computeIfAbsent(r.excluded(), k -> new ArrayList<>()).add(r.channel() + " 工单 " + r.orderNo());
            }
        });
        List<String> out = new ArrayList<>();
        byText.forEach((text, orders) -> out.add("核减 " + orders.size() + " 件：" + text + "（" + String.join("、", orders) + "）"));
        return out;
    }

    private List<Map<String, String>> orders(Long runId, Long unitId, String channel) {
        if (runId == null) {
            return List.of();
        }
        List<cn.gov.assess.run.TrailCodec.Row> rows = new ArrayList<>();
        store.trail(runId, unitId, r -> {
            if (channel == null || channel.equals(r.channel())) {
                rows.add(r);
            }
        });
        rows.sort(java.util.Comparator.comparing(cn.gov.assess.run.TrailCodec.Row::channel)
                .thenComparing(r -> r.status().name())
                .thenComparing(cn.gov.assess.run.TrailCodec.Row::deadline)
                .thenComparing(cn.gov.assess.run.TrailCodec.Row::orderNo));
        List<Map<String, String>> out = new ArrayList<>();
        for (cn.gov.assess.run.TrailCodec.Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("渠道", r.channel());
            m.put("工单编号", r.orderNo());
            m.put("受理时间", time(r.receivedAt()));
            m.put("办理时限", time(r.deadline()));
            m.put("办结时间", r.completedAt() == null ? "未办结" : time(r.completedAt()));
            m.put("分类", r.status().label());
            m.put("逾期天数", String.valueOf(r.daysLate()));
            m.put("规则", r.ruleName());
            if (r.isExcluded()) {
                m.put("核减", r.excluded());
            }
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

    /** 名次是在哪里排的：组内排名为该组，排名范围“全体”（排名记录的组为空）为“全体”。 */
    static String rankedIn(List<Placing> placings, long unitId, String group) {
        for (Placing p : placings) {
            if (p.getUnitId() == unitId) {
                return p.getGroup() == null ? ALL_UNITS : p.getGroup();
            }
        }
        return group == null ? "" : group;
    }

    /** 排名范围为“全体”时名次的说法。 */
    static final String ALL_UNITS = "全体";

    public ListExplanation explainList(RunStore.StoredRun run, String list, String scope) {
        Justifications j = justifications(run, null, list);
        List<String[]> scopes = scopes(run, j, list, scope);
        if (scopes.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            run.lists().forEach(e -> names.add(e.getListName()));
            justifications(run, null, null).evaluations().forEach(e -> names.add(e.getList()));
            throw new InputException("运行 #" + run.run().getId() + " 中没有名单“" + list + "”" + (scope == null ? "" : "（范围 " + scope + "）")
                    + "；这次运行的名单：" + String.join("、", names));
        }
        List<Map<String, String>> members = new ArrayList<>();
        List<Map<String, String>> near = new ArrayList<>();
        for (String[] ls : scopes) {
            List<Placing> placings = j.placings(list, ls[1]);
            for (RunListEntry e : run.lists()) {
                if (!e.getListName().equals(list) || !e.getChannel().equals(ls[1])) {
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                m.put("范围", ls[1]);
                m.put("位次", String.valueOf(e.getPosition()));
                m.put("单位", e.getUnitLabel());
                m.put("分组", e.getUnitGroup());
                m.put("名次", e.getRank() > 0 ? String.valueOf(e.getRank()) : "");
                m.put("排名组", rankedIn(placings, e.getUnitId(), e.getUnitGroup()));
                m.put("规则", e.getRuleName());
                m.put("理由", e.getReason());
                members.add(m);
            }
            if (!placings.isEmpty()) {
                // 排名类：符合条件、名次在名额之外的单位，按名单分组顺序与名次；每组列出紧随其后的几名
                List<String> groupOrder = run.rules().parameters().list("名单分组顺序");
                Map<String, Integer> shown = new HashMap<>();
                List<Placing> cut = placings.stream().filter(p -> !p.isSelected())
                        .sorted(Comparator.comparingInt((Placing p) -> {
                            int g = groupOrder.indexOf(p.getGroup());
                            return g < 0 ? groupOrder.size() : g;
                        }).thenComparingInt(Placing::getPlace).thenComparingLong(Placing::getUnitId)).toList();
                for (Placing p : cut) {
                    if (shown.merge(String.valueOf(p.getGroup()), 1, Integer::sum) > NEAR_MISSES_PER_GROUP) {
                        continue;
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("范围", ls[1]);
                    row.put("单位", units.label(p.getUnitId()));
                    row.put("分组", p.getGroup() == null ? "" : p.getGroup());
                    row.put("名次", String.valueOf(p.getPlace()));
                    row.put("名额", String.valueOf(p.getQuota()));
                    row.put("原因", "条件全部成立，" + p.text() + "，因名额未入选");
                    near.add(row);
                }
            } else {
                // 门槛类：只差一项条件、且相差在参数“名单.差一点.相差”（要求值的百分之几）以内的单位，按相差从小到大
                Integer margin = run.rules().parameters().has(NEAR_MARGIN) ? run.rules().parameters().number(NEAR_MARGIN) : null;
                List<Evaluation> close = new ArrayList<>();
                PlainWords plain = PlainWords.of(run.rules());
                for (Evaluation e : j.evaluations(list, ls[1])) {
                    if (e.getFailed().size() == 1 && (margin == null || NearMiss.gap(e.getFailed().get(0)) * 100 <= margin)) {
                        close.add(e);
                    }
                }
                close.sort(Comparator.comparingDouble((Evaluation e) -> NearMiss.gap(e.getFailed().get(0))));
                for (Evaluation e : close) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("范围", ls[1]);
                    row.put("单位", units.label(e.getUnitId()));
                    row.put("分组", e.getGroup() == null ? "" : e.getGroup());
                    row.put("名次", "");
                    row.put("名额", "");
                    row.put("原因", "只差一项：" + e.getFailed().get(0).text());
                    row.put("白话", plain.nearMiss(list, e.getFailed().get(0))); // 网页引条件自己的说明
                    near.add(row);
                }
            }
        }
        return new ListExplanation(list, scope == null ? "" : scope, run.run().getId() == null ? 0 : run.run().getId(), members,
                near, j.recorded());
    }
}
