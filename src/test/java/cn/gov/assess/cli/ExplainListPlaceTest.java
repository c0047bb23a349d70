package cn.gov.assess.cli;

import cn.gov.assess.audit.Explainer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain --list：最后入选按名次排在哪里说——组内排名说组，排名范围“全体”说全体，不把全体名次说成所在组的名次。 */
class ExplainListPlaceTest {
    private static Map<String, String> member(int position, String unit, String group, String rank, String rankedIn) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("范围", "全部渠道");
        m.put("位次", String.valueOf(position));
        m.put("单位", unit);
        m.put("分组", group);
        m.put("名次", rank);
        m.put("排名组", rankedIn);
        m.put("规则", "名单.csv：黑榜：入选");
        m.put("理由", rankedIn + "第 " + rank + " 名，取前 5 名（综合考评得分 92.00）");
        return m;
    }

    private static String print(List<Map<String, String>> members) {
        StringWriter out = new StringWriter();
        ExplainCommand.print(new Explainer.ListExplanation("黑榜", "", 1, members, List.of(), true), new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void aListRankedOverAllUnitsNamesItsLastMemberByItsOverallPlace() {
        String text = print(List.of(member(1, "己街道", "镇街", "1", "全体"), member(2, "县教育局", "部门", "2", "全体"),
                member(3, "县水利局", "部门", "4", "全体")));
        assertTrue(text.contains("全体最后入选：县水利局（全体第 4 名）"), text);
        assertFalse(text.contains("部门第 4 名") || text.contains("部门最后入选"), text);
        assertFalse(text.contains("：；"), text);
    }

    @Test
    void aListRankedPerGroupStillNamesTheLastOfEachGroup() {
        String text = print(List.of(member(1, "甲镇", "镇街", "1", "镇街"), member(2, "县交通局", "部门", "1", "部门")));
        assertTrue(text.contains("镇街最后入选：甲镇（镇街第 1 名）") && text.contains("部门最后入选：县交通局（部门第 1 名）"), text);
    }
}
