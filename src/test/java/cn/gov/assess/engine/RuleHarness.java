package cn.gov.assess.engine;

import cn.gov.assess.facts.AssessmentContext;
import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.OrderFact;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.run.RunStore;

import cn.gov.assess.TestSupport;
import cn.gov.assess.policy.RuleSet;
import org.kie.api.KieBase;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 直接驱动真实 rules/ 目录的规则：造转办、分类汇总、判定名单。 */
final class RuleHarness {
    static final LocalDateTime CUTOFF = LocalDateTime.of(2021, 12, 31, 23, 59, 59);
    static final AssessmentContext CONTEXT = new AssessmentContext(Period.parse("2021-Q4"), CUTOFF);

    final RuleSet rules;
    final KieBase kieBase;
    final List<OrderFact> orders = new ArrayList<>();
    final List<AssignmentFact> assignments = new ArrayList<>();
    final Map<Long, UnitInfo> units = new LinkedHashMap<>();
    /** 监测类等其它事实，随第二步一起插入。 */
    final List<Object> extra = new ArrayList<>();
    private final Map<String, Long> unitIds = new HashMap<>();
    private long nextId = 1;

    RuleHarness() {
        this(TestSupport.rules());
    }

    RuleHarness(RuleSet rules) {
        this.rules = rules;
        this.kieBase = TestSupport.kieBase(rules);
    }

    long unit(String name) {
        return unit(name, guessKind(name));
    }

    long unit(String name, String kind) {
        return unitIds.computeIfAbsent(name, n -> {
            long id = units.size() + 1;
            units.put(id, new UnitInfo(id, n, kind, (int) id));
            return id;
        });
    }

    /** 一个工单派给若干单位；completed 为 null 表示未办结。 */
    AssignmentFact[] order(String channel, LocalDateTime deadline, LocalDateTime completed, String... unitNames) {
        long orderId = nextId++;
        String no = "T" + orderId;
        orders.add(new OrderFact(orderId, channel, no));
        AssignmentFact[] out = new AssignmentFact[unitNames.length];
        for (int i = 0; i < unitNames.length; i++) {
            long uid = unitIds.containsKey(unitNames[i]) ? unitIds.get(unitNames[i]) : unit(unitNames[i], guessKind(unitNames[i]));
            out[i] = new AssignmentFact(nextId++, orderId, channel, no, uid, deadline.minusDays(5), deadline, completed);
            assignments.add(out[i]);
        }
        return out;
    }

    /** 同一单位 n 件按期办结的工单。 */
    void onTime(String channel, String unit, int n) {
        for (int i = 0; i < n; i++) {
            LocalDateTime d = LocalDateTime.of(2021, 11, 10, 18, 0);
            order(channel, d, d.minusHours(2), unit);
        }
    }

    static String guessKind(String name) {
        if (name.endsWith("镇")) {
            return "镇";
        }
        if (name.contains("街道")) {
            return "街道";
        }
        return name.equals("其他") ? "其他" : "部门";
    }

    List<Tally> tally() {
        return Assessor.classifyAndTally(kieBase, rules.parameters(), CONTEXT, orders, assignments);
    }

    Tally tallyOf(List<Tally> tallies, String channel, String unit) {
        Long id = unit == null ? null : unitIds.get(unit);
        return tallies.stream().filter(t -> t.getChannel().equals(channel) && java.util.Objects.equals(t.getUnitId(), id))
                .findFirst().orElseThrow();
    }

    Assessor.Conclusions conclude() {
        return Assessor.conclude(kieBase, rules.parameters(), CONTEXT, rules.channels().values(),
                freshUnits(), tally(), extra);
    }

    private List<UnitInfo> freshUnits() {
        List<UnitInfo> out = new ArrayList<>();
        units.values().forEach(u -> out.add(new UnitInfo(u.getId(), u.getName(), u.getKind(), u.getSortOrder())));
        return out;
    }

    List<String> list(Assessor.Conclusions c, String list, String channel) {
        List<ListEntry> entries = new ArrayList<>(c.lists().stream()
                .filter(e -> e.getList().equals(list) && e.getChannel().equals(channel)).toList());
        entries.sort(RunStore.listOrder(rules.parameters().list("名单分组顺序")));
        return entries.stream().map(e -> units.get(e.getUnitId()).getName()).toList();
    }

    ListEntry entry(Assessor.Conclusions c, String list, String channel, String unit) {
        long id = unitIds.get(unit);
        return c.lists().stream().filter(e -> e.getList().equals(list) && e.getChannel().equals(channel)
                && e.getUnitId() == id).findFirst().orElse(null);
    }

    String unitName(long id) {
        return unitIds.entrySet().stream().filter(e -> e.getValue() == id).map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
    }
}
