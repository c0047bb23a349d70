package cn.gov.assess.notice;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word 表格：列宽由内容决定，比率（99.50%、100%）不折行；末行“合计”不单独落到下一页。 */
class DocxLayoutTest {
    /** 单元格左右边距各 60 缇（见 DocxWriter.table）。 */
    private static final int MARGINS = 120;

    @Test
    void rateColumnsAreWideEnoughNeverToWrap() {
        List<String> header = List.of("办理单位", "应办件数", "实办数", "办结率", "逾期办结件数", "逾期未办件数", "按期办结率", "备注");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(List.of("县退役军人事务局" + i, "199", "198", "99.50%", "12", "1", "100%",
                    "10月逾期 3件，11月逾期 4件，12月逾期 5件，其中未办 1件，另有说明文字若干若干若干若干"));
        }
        rows.add(List.of("合计", "7999", "7998", "99.99%", "480", "40", "93.94%", ""));
        int[] w = DocxColumns.columnWidths(header, rows);
        int sum = 0;
        for (int x : w) {
            sum += x;
        }
        assertEquals(DocxWriter.TEXT_WIDTH, sum);
        int rate = (int) Math.ceil(DocxColumns.numberEms("99.50%") * DocxWriter.TABLE_PT * 20) + MARGINS;
        for (int c : new int[]{3, 6}) {
            assertTrue(w[c] >= rate, "比率列 " + header.get(c) + " 宽 " + w[c] + " 缇，排 99.50% 要 " + rate);
        }
        // 压缩的是备注这样的文字列
        assertTrue(w[7] < DocxWriter.ems(rows.get(0).get(7)) * DocxWriter.TABLE_PT * 20, "备注列应被压缩折行");
        assertTrue(DocxColumns.numeric(rows, 3) && DocxColumns.numeric(rows, 6) && !DocxColumns.numeric(rows, 0));
    }

    @Test
    void totalRowKeepsWithPreviousAndRatesDoNotWrap() throws Exception {
        try (InputStream in = Files.newInputStream(NoticeFixture.out().resolve("通报.docx")); XWPFDocument d = new XWPFDocument(in)) {
            int checked = 0;
            for (XWPFTable t : d.getTables()) {
                List<XWPFTableRow> rows = t.getRows();
                XWPFTableRow last = rows.get(rows.size() - 1);
                if (!last.getCell(0).getText().equals("合计")) {
                    continue;
                }
                XWPFTableRow before = rows.get(rows.size() - 2);
                assertTrue(before.getTableCells().stream().allMatch(c -> c.getParagraphs().get(0).getCTP().getPPr().isSetKeepNext()),
                        "合计的上一行应“与下段同页”");
                assertTrue(rows.stream().allMatch(XWPFTableRow::isCantSplitRow), "行不跨页");
                for (int c = 0; c < before.getTableCells().size(); c++) {
                    String text = before.getCell(c).getText();
                    if (text.endsWith("%")) {
                        assertTrue(before.getCell(c).getCTTc().getTcPr().isSetNoWrap(), "比率单元格不折行：" + text);
                    }
                }
                checked++;
            }
            assertTrue(checked >= 3, "附件 1–3 都有合计行");
        }
    }
}
