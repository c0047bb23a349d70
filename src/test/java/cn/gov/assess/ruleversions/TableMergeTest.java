package cn.gov.assess.ruleversions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 三方合并：重做草稿（整版文件）与两人同时编辑一张表（网页表单）走同一个合并。 */
class TableMergeTest {
    static final String HEAD = "参数,渠道,值,类型,说明\n";
    static final String BASE = HEAD + "逾期宽限天数,,0,整数,宽限\n在办件计入应办,,是,是否,在办\n";

    @Test
    void differentCellsOfOneTableMergeAndTheSameCellClashes() {
        String mine = BASE.replace("逾期宽限天数,,0", "逾期宽限天数,,2");
        String theirs = BASE.replace("在办件计入应办,,是", "在办件计入应办,,否");
        TableMerge.Result ok = TableMerge.file("thresholds.csv", BASE, mine, theirs, "已发布的版本", "本草稿");
        assertTrue(ok.ok(), ok.clashes().toString());
        assertEquals(HEAD + "逾期宽限天数,,2,整数,宽限\n在办件计入应办,,否,是否,在办\n", ok.text());

        TableMerge.Result clash = TableMerge.file("thresholds.csv", BASE, mine, BASE.replace(",,0,", ",,3,"), "已发布的版本", "本草稿");
        assertNull(clash.text());
        assertEquals(1, clash.clashes().size());
        assertTrue(clash.clashes().get(0).contains("原为“0”，已发布的版本改为“3”，本草稿改为“2”"), clash.clashes().toString());
    }

    @Test
    void wholeVersionsTakeTheOneSideThatChangedAndClashOnTextChangedByBoth() {
        Map<String, String> base = Map.of("a.drl", "a", "b.drl", "b", "c.drl", "c");
        Map<String, String> mine = Map.of("a.drl", "a2", "b.drl", "b", "c.drl", "c3");
        Map<String, String> theirs = Map.of("a.drl", "a", "b.drl", "b1", "c.drl", "c4");
        TableMerge.Files r = TableMerge.files(base, mine, theirs);
        assertEquals(List.of("c.drl：两边都改了这个文件"), r.clashes());
        assertEquals("a2", r.files().get("a.drl"));
        assertEquals("b1", r.files().get("b.drl"));

        TableMerge.Files removed = TableMerge.files(base, Map.of("b.drl", "b", "c.drl", "c"), base);
        assertEquals(List.of(), removed.clashes());
        assertEquals(Map.of("b.drl", "b", "c.drl", "c"), removed.files(), "草稿删去的文件在合并结果里也删去");
    }

    @Test
    void theTableFormIsMergedOntoWhatSomeoneElseSaved() {
        String theirs = BASE.replace("在办件计入应办,,是", "在办件计入应办,,否");
        List<List<String>> rows = List.of(List.of("逾期宽限天数", "", "2", "整数", "宽限"), List.of("在办件计入应办", "", "是", "是否", "在办"));
        TableMerge.Result r = TableMerge.edit("thresholds.csv", BASE, rows, theirs);
        assertEquals(HEAD + "逾期宽限天数,,2,整数,宽限\n在办件计入应办,,否,是否,在办\n", r.text());
        TableMerge.Result clash = TableMerge.edit("thresholds.csv", BASE,
                List.of(List.of("逾期宽限天数", "", "0", "整数", "宽限"), List.of("在办件计入应办", "", "不", "是否", "在办")), theirs);
        assertTrue(clash.clashes().get(0).contains("别人保存的改为“否”，您填的改为“不”"), clash.clashes().toString());
    }
}
