package cn.gov.assess.notice;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 读回 通报.docx 与 附件.xlsx：段落文字、字体字号与版面、附件表格各格、标题行重复、单元格类型与格式。 */
class NoticeFilesTest {
    static XWPFDocument docx;
    static XSSFWorkbook xlsx;

    @BeforeAll
    static void open() throws IOException {
        try (InputStream in = Files.newInputStream(NoticeFixture.out().resolve("通报.docx"))) {
            docx = new XWPFDocument(in);
        }
        try (InputStream in = Files.newInputStream(NoticeFixture.out().resolve("附件.xlsx"))) {
            xlsx = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        docx.close();
        xlsx.close();
    }

    static List<List<String>> annexCsv(int no) {
        return NoticeFixture.csv(NoticeFixture.out().resolve("annex-" + no + ".csv"));
    }

    static XWPFParagraph paragraph(String startsWith) {
        return docx.getParagraphs().stream().filter(p -> p.getText().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("没有以“" + startsWith + "”开头的段落"));
    }

    static XWPFRun firstRun(XWPFParagraph p) {
        return p.getRuns().get(0);
    }

    static String eastAsiaFont(XWPFRun r) {
        return r.getFontFamily(XWPFRun.FontCharRange.eastAsia);
    }

    @Test
    void docxIsA4WithTheNationalMargins() {
        CTPageSz size = docx.getDocument().getBody().getSectPr().getPgSz();
        assertEquals(BigInteger.valueOf(11906), size.getW());
        assertEquals(BigInteger.valueOf(16838), size.getH());
        CTPageMar mar = docx.getDocument().getBody().getSectPr().getPgMar();
        // 37、35、28、26 毫米折成缇（1/1440 英寸）
        assertEquals(BigInteger.valueOf(2098), mar.getTop());
        assertEquals(BigInteger.valueOf(1984), mar.getBottom());
        assertEquals(BigInteger.valueOf(1587), mar.getLeft());
        assertEquals(BigInteger.valueOf(1474), mar.getRight());
    }

    @Test
    void docxTitleHeadingsAndBodyUseTheNationalFonts() {
        XWPFParagraph title = paragraph("扶风县人民政府办公室\n关于2021年四季度");
        assertEquals("扶风县人民政府办公室\n关于2021年四季度12345市民热线工单\n市长信箱县长信箱办理等工作情况的通报",
                title.getText());
        assertEquals(ParagraphAlignment.CENTER, title.getAlignment());
        assertEquals("方正小标宋简体", eastAsiaFont(firstRun(title)));
        assertEquals(22.0, firstRun(title).getFontSizeAsDouble());

        XWPFParagraph heading = paragraph("一、12345市民热线");
        assertEquals("黑体", eastAsiaFont(firstRun(heading)));
        assertEquals(16.0, firstRun(heading).getFontSizeAsDouble());

        XWPFParagraph body = paragraph("四季度，全县共受理12345市民热线转办工单1118件");
        assertEquals("仿宋_GB2312", eastAsiaFont(firstRun(body)));
        assertEquals(16.0, firstRun(body).getFontSizeAsDouble());
        assertEquals(LineSpacingRule.EXACT, body.getSpacingLineRule());
        assertTrue(body.getSpacingBetween() >= 28 && body.getSpacingBetween() <= 29, "固定行距 " + body.getSpacingBetween());
        assertEquals(640, body.getIndentationFirstLine(), "首行缩进二字");

        assertEquals(ParagraphAlignment.RIGHT, paragraph("2022年1月14日").getAlignment());
        XWPFParagraph printed = docx.getParagraphs().get(docx.getParagraphs().size() - 1);
        assertEquals("扶风县人民政府办公室\t2022年1月14日印发", printed.getText());
    }

    @Test
    void docxParagraphsSayWhatTheMarkdownSays() throws IOException {
        List<String> md = NoticeText.textLines(NoticeText.canonical(Files.readString(NoticeFixture.out().resolve("通报.md"))));
        StringBuilder text = new StringBuilder();
        for (IBodyElement e : docx.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                for (String part : p.getText().split("\t")) {
                    text.append(part.replace('\n', ' ')).append('\n');
                }
            }
        }
        NoticeText.assertSameLines(md, NoticeText.canonical(text.toString()), "通报.docx 段落与 通报.md 文字");
    }

    @Test
    void docxAnnexesAreRealTablesOnNewPagesWithRepeatingHeaderRows() {
        List<XWPFTable> tables = docx.getTables();
        assertEquals(5, tables.size());
        for (int no = 1; no <= 5; no++) {
            XWPFTable table = tables.get(no - 1);
            List<List<String>> cells = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                cells.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
            }
            assertEquals(annexCsv(no), cells, "附件" + no + " 各格");
            assertTrue(table.getRow(0).isRepeatHeader(), "附件" + no + " 表头每页重复");
            for (int r = 1; r < table.getRows().size(); r++) {
                assertFalse(table.getRow(r).isRepeatHeader());
            }
            XWPFParagraph label = paragraph("附件 " + no);
            assertEquals("附件 " + no, label.getText());
            assertTrue(label.isPageBreak(), "附件" + no + " 另起一页");
            int at = docx.getBodyElements().indexOf(label);
            assertTrue(docx.getBodyElements().subList(at, docx.getBodyElements().size()).indexOf(table) > 0,
                    "附件" + no + " 的表格在其标签之后");
        }
    }

    @Test
    void docxFootersCarryPageNumbersBetweenDashes() {
        List<XWPFFooter> footers = docx.getFooterList();
        assertEquals(2, footers.size(), "单页、双页各一个页脚");
        for (XWPFFooter f : footers) {
            String xml = f._getHdrFtr().xmlText();
            assertTrue(xml.contains("PAGE"), xml);
            XWPFParagraph p = f.getParagraphs().get(0);
            assertEquals("— 1 —", p.getText());
        }
        assertTrue(docx.getEvenAndOddHeadings());
    }

    @Test
    void xlsxHasOneSheetPerAnnexWithTitleFrozenHeaderAndTypedCells() {
        DataFormatter formatter = new DataFormatter();
        assertEquals(5, xlsx.getNumberOfSheets());
        for (int no = 1; no <= 5; no++) {
            XSSFSheet sheet = xlsx.getSheetAt(no - 1);
            assertEquals("附件" + no, sheet.getSheetName());
            List<List<String>> csv = annexCsv(no);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().endsWith("统计表"), "第一行是标题");
            int header = 1;
            while (!sheet.getRow(header).getCell(0).getStringCellValue().equals(csv.get(0).get(0))) {
                header++;
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane != null && pane.isFreezePane(), "附件" + no + " 冻结表头");
            assertEquals(header + 1, pane.getHorizontalSplitPosition(), "冻结到表头下");
            for (int r = 0; r < csv.size(); r++) {
                Row row = sheet.getRow(header + r);
                for (int c = 0; c < csv.get(r).size(); c++) {
                    String text = csv.get(r).get(c);
                    Cell cell = row.getCell(c);
                    assertEquals(text, formatter.formatCellValue(cell), "附件" + no + " 第 " + (r + 1) + " 行第 " + (c + 1) + " 列");
                    boolean number = r > 0 && (text.matches("\\d+") || text.matches("\\d+(\\.\\d+)?%"));
                    assertEquals(number ? CellType.NUMERIC : CellType.STRING, cell.getCellType(), "附件" + no + " " + text);
                    if (number && text.endsWith("%")) {
                        assertEquals(text.contains(".") ? "0.00%" : "0%", cell.getCellStyle().getDataFormatString());
                    }
                }
            }
            for (int c = 0; c < csv.get(0).size(); c++) {
                int widest = 0;
                for (List<String> r : csv) {
                    widest = Math.max(widest, XlsxWriter.width(r.get(c)));
                }
                assertTrue(sheet.getColumnWidth(c) >= Math.min(60, widest) * 256, "附件" + no + " 第 " + (c + 1) + " 列宽");
            }
        }
        Row housing = xlsx.getSheet("附件1").getRow(2);
        assertEquals("县住建局", housing.getCell(0).getStringCellValue());
        assertEquals(0.995, housing.getCell(3).getNumericCellValue(), 1e-12);
        assertEquals(202, housing.getCell(1).getNumericCellValue());
    }
}
