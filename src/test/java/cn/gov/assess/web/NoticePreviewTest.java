package cn.gov.assess.web;

import cn.gov.assess.assessment.Preview.Mark;
import cn.gov.assess.assessment.Preview.NoticeLine;
import cn.gov.assess.assessment.Preview.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 预览的通报全文排成文档：标题、段落（行尾 \ 是段内换行）、表格（表头、分隔行不显示、按格标增删）、另起一页；转义还原。 */
class NoticePreviewTest {
    static NoticeLine same(String text) {
        return new NoticeLine(1, 1, List.of(new Segment(Mark.SAME, text)));
    }

    static String text(List<Segment> segs) {
        StringBuilder sb = new StringBuilder();
        segs.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    @Test
    void headingsParagraphsTablesAndPageBreaks() {
        List<NoticeLine> lines = new ArrayList<>(List.of(same("# 关于 2021 年四季度的通报"), same(""), same("附件：1. 统计表\\"),
                same("2. 市长信箱统计表"), same(""), same("---"), same(""), same("## 四季度统计表"), same(""),
                same("| 办理单位 | 备注 |"), same("| --- | --- |"), same("| 县\\*局 | a\\|b |")));
        lines.add(new NoticeLine(0, 0, List.of(new Segment(Mark.SAME, "| 天度镇 | "), new Segment(Mark.DELETED, "3"),
                new Segment(Mark.INSERTED, "5"), new Segment(Mark.SAME, " |"))));
        lines.add(new NoticeLine(0, 0, List.of(new Segment(Mark.INSERTED, "| 杏林镇 | 1 |"))));
        List<NoticePreview.Block> doc = NoticePreview.blocks(lines);
        assertEquals(List.of("h", "p", "page", "h", "table"), doc.stream().map(NoticePreview.Block::kind).toList());
        assertEquals(1, doc.get(0).level());
        assertEquals("关于 2021 年四季度的通报", text(doc.get(0).lines().get(0)));
        assertEquals(List.of("附件：1. 统计表", "2. 市长信箱统计表"), doc.get(1).lines().stream().map(NoticePreviewTest::text).toList(),
                "行尾 \\ 是同一段里的换行");
        List<NoticePreview.Row> rows = doc.get(4).rows();
        assertEquals(4, rows.size(), "分隔行不显示");
        assertTrue(rows.get(0).header());
        assertEquals(List.of("县*局", "a|b"), rows.get(1).cells().stream().map(NoticePreviewTest::text).toList(), "转义还原、\\| 不分格");
        assertEquals(List.of("", "line-changed"), rows.get(2).cellCss(), "改动按格标出");
        assertEquals("line-ins", rows.get(3).css(), "整行新增");
        for (NoticePreview.Block b : doc) {
            b.lines().forEach(l -> assertTrue(!text(l).contains("|") && !text(l).endsWith("\\"), text(l)));
        }
    }
}
