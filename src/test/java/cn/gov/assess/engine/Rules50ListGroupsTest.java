package cn.gov.assess.engine;

import cn.gov.assess.TestSupport;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.policy.RuleSet;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/50-名单.drl：规则“名单分组：按参数表归组”按参数“名单分组顺序”与“&lt;组&gt;类型”给单位归组；不属于任何组的组为空。 */
class Rules50ListGroupsTest {
    /** 每种单位类型一个单位，插入规则，返回 类型 → 组（无组为“无”）。 */
    private static Map<String, String> groups(RuleSet rules, String... kinds) {
        List<UnitInfo> units = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            units.add(new UnitInfo(i + 1, "单位" + (i + 1), kinds[i], i + 1));
        }
        KieSession session = TestSupport.kieBase(rules).newKieSession();
        try {
            session.insert(rules.parameters());
            units.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, String> out = new LinkedHashMap<>();
        units.forEach(u -> out.put(u.getKind(), u.getGroup() == null ? "无" : u.getGroup()));
        return out;
    }

    @Test
    void townsAndSubdistrictsAreOneGroupDepartmentsAnother() {
        assertEquals(Map.of("镇", "镇街", "街道", "镇街", "部门", "部门"), groups(TestSupport.rules(), "镇", "街道", "部门"));
    }

    @Test
    void aKindListedInNoGroupStaysWithoutGroup() {
        assertEquals(Map.of("其他", "无", "园区", "无", "部门", "部门"), groups(TestSupport.rules(), "其他", "园区", "部门"));
    }

    @Test
    void aGroupAddedInTheParameterTableTakesItsKinds() {
        RuleSet rules = TestRules.withParameter("名单分组顺序", "镇街、部门、园区");
        // 差一点：组名加进了顺序，但还没有“园区类型”一行，园区类单位仍无组
        assertEquals(Map.of("园区", "无", "镇", "镇街"), groups(rules, "园区", "镇"));
        Map<String, String> files = new java.util.TreeMap<>(rules.files());
        files.put("thresholds.csv", files.get("thresholds.csv") + "园区类型,,园区,列表,这些单位类型在名单中列为“园区”\n");
        assertEquals(Map.of("园区", "园区", "镇", "镇街"), groups(RuleSet.fromSnapshot("rules（加园区）", files), "园区", "镇"));
    }
}
