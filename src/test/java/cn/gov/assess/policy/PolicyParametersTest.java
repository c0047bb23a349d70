package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 从程序搬进参数表的用语与顺序：监测结果与监测范围的名称、名单成员顺序。每项：参数起作用、没有参数的旧目录照旧。 */
class PolicyParametersTest {
    /** 默认参数表去掉 prefix 开头的各行，再接上 extra。 */
    private static Parameters parameters(String prefix, String extra) {
        String base = TestSupport.rules().files().get(Parameters.FILE).lines()
                .filter(l -> !l.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
        return ParameterTable.parse((base + extra).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void monitoringResultWordsComeFromTheParameters() {
        MonitoringNames n = MonitoringNames.of(parameters("监测.结果.", "监测.结果.合格,,达标,文本,\n监测.结果.不合格,,不达标,文本,\n"));
        assertEquals("达标", n.result(false, true));
        assertEquals("不达标", n.result(true, true));
        assertEquals("未监测", n.result(false, false), "没写的一项按旧写法");
    }

    @Test
    void monitoringScopeNamesComeFromTheParameters() {
        MonitoringNames n = MonitoringNames.of(parameters("监测.范围.", "监测.范围.政府网站,,门户网站,文本,\n"));
        assertEquals(List.of("门户网站", "政务新媒体", "在线访谈"), n.scopes());
    }

    @Test
    void aFolderWithoutTheMonitoringParametersKeepsTheOldWords() {
        assertEquals(MonitoringNames.STANDARD, MonitoringNames.of(parameters("监测.", "")));
        assertEquals(MonitoringNames.STANDARD, MonitoringNames.of(TestSupport.rules().parameters()), "自带的规则与旧写法相同");
    }

    private static ListEntry entry(long id, String kind, int rank, int volume, int sortOrder) {
        UnitInfo u = new UnitInfo(id, "单位" + id, kind, sortOrder);
        u.setGroup(kind.equals("镇") ? "镇街" : "部门");
        return new ListEntry("名单", "12345市民热线", u, volume, rank, "规则", "理由");
    }

    private static List<Long> sorted(Parameters p) {
        List<ListEntry> es = new ArrayList<>(List.of(entry(1, "部门", 1, 50, 1), entry(2, "镇", 2, 80, 2),
                entry(3, "镇", 1, 30, 3), entry(4, "镇", 2, 80, 0)));
        es.sort(ListOrder.comparator(p.list("名单分组顺序"), ListOrder.keys(p)));
        return es.stream().map(ListEntry::getUnitId).toList();
    }

    @Test
    void listMemberOrderFollowsTheParameter() {
        assertEquals(List.of(4L, 2L, 1L, 3L), sorted(parameters(ListOrder.PARAMETER, ListOrder.PARAMETER + ",,数量、官方顺序,列表,\n")));
    }

    @Test
    void aFolderWithoutTheListOrderParameterKeepsGroupRankVolumeOfficialOrder() {
        assertEquals(List.of(3L, 4L, 2L, 1L), sorted(parameters(ListOrder.PARAMETER, "")));
        assertEquals(ListOrder.STANDARD, ListOrder.keys(TestSupport.rules().parameters()));
    }

    @Test
    void anUnknownListOrderKeyIsRefused() {
        InputException e = assertThrows(InputException.class,
                () -> parameters(ListOrder.PARAMETER, ListOrder.PARAMETER + ",,名次、人气,列表,\n"));
        assertTrue(e.getMessage().contains("“人气”不是名单成员的比较项"), e.getMessage());
    }
}
