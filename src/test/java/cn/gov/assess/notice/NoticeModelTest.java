package cn.gov.assess.notice;

import cn.gov.assess.io.InputException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 全文模板输出的解析（标记、标题识别、错误提示）与三种输出对特殊内容的处理。 */
class NoticeModelTest {
    static final Map<Integer, NoticeModel.AnnexSource> ANNEXES = Map.of(1, new NoticeModel.AnnexSource(1, "统计表",
            List.of(), List.of("办理单位", "办结率", "备注"), List.of(List.of("县甲局", "—", "a|b"), List.of("合计", "100%", ""))));

    static NoticeDocument parse(String text) {
        return NoticeModel.parse(text, ANNEXES, "templates/通报全文.ftl");
    }

    @Test
    void tagsStartBlocksAndPlainLinesAreParagraphsOrHeadings() {
        NoticeDocument d = parse("""
                【标题】
                第一行
                第二行

                一、总体情况
                （一）热线
                一、这是一句话，不是标题。
                【附件说明】附件：1. 统计表
                【附件 1】
                统计表
                （监测时间：每周）
                """);
        List<NoticeDocument.Block> b = d.blocks();
        assertEquals(new NoticeDocument.Text(NoticeDocument.Kind.TITLE, List.of("第一行", "第二行")), b.get(0));
        assertEquals(NoticeDocument.Kind.HEADING1, ((NoticeDocument.Text) b.get(1)).kind());
        assertEquals(NoticeDocument.Kind.HEADING2, ((NoticeDocument.Text) b.get(2)).kind());
        assertEquals(NoticeDocument.Kind.PARAGRAPH, ((NoticeDocument.Text) b.get(3)).kind());
        assertEquals(NoticeDocument.Kind.ANNEX_LIST, ((NoticeDocument.Text) b.get(4)).kind());
        NoticeDocument.Annex a = (NoticeDocument.Annex) b.get(5);
        assertEquals("附件 1", a.label());
        assertEquals("统计表", a.title());
        assertEquals(List.of("（监测时间：每周）"), a.notes());
        assertEquals(ANNEXES.get(1).rows(), a.rows());
        assertEquals("第一行第二行", d.title());
    }

    @Test
    void unknownTagsAndMissingAnnexesAreNamed() {
        InputException unknown = assertThrows(InputException.class, () -> parse("【落款】某局"));
        assertTrue(unknown.getMessage().contains("未知标记【落款】") && unknown.getMessage().contains("【署名】"), unknown.getMessage());
        InputException missing = assertThrows(InputException.class, () -> parse("【附件 9】\n标题"));
        assertTrue(missing.getMessage().contains("本期没有附件 9"), missing.getMessage());
    }

    @Test
    void datesArePrintedTheChineseWayAndMissingMetadataIsMarked() {
        assertEquals("2022年1月14日", NoticeModel.chineseDate(Map.of("成文日期", "2022-01-14"), "成文日期"));
        assertEquals("〔待填：成文日期〕", NoticeModel.chineseDate(Map.of(), "成文日期"));
        assertThrows(InputException.class, () -> NoticeModel.chineseDate(Map.of("成文日期", "下周"), "成文日期"));
    }

    @Test
    void markdownEscapesWhatWouldOtherwiseBecomeMarkup() {
        String md = MarkdownWriter.write(parse("""
                【正文】1. 不是列表
                【附件说明】
                附件：1. 甲
                2. 乙
                【附件 1】
                统计表
                """));
        assertTrue(md.contains("1\\. 不是列表"), md);
        assertTrue(md.contains("附件：1. 甲\\\n2. 乙\n"), md);
        assertTrue(md.contains("| 县甲局 | — | a\\|b |"), md);
    }

    @Test
    void secondLevelHeadingsUseKaiTiAndTheSignatureSitsAboveTheDate() throws IOException {
        byte[] bytes = DocxWriter.write(parse("（一）热线\n【署名】扶风县人民政府办公室\n【成文日期】2022年1月14日"),
                DocxWriter.Fonts.STANDARD, LocalDateTime.of(2022, 1, 14, 9, 0));
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFRun r = d.getParagraphs().get(0).getRuns().get(0);
            assertEquals("楷体_GB2312", r.getFontFamily(XWPFRun.FontCharRange.eastAsia));
            XWPFParagraph sig = d.getParagraphs().get(1);
            XWPFParagraph date = d.getParagraphs().get(2);
            // 署名右空二字（32 磅）；日期 6.5 字宽，首字比署名首字右移二字 → 右空 3.5 字
            assertEquals(640, sig.getIndentationRight());
            assertEquals(1120, date.getIndentationRight());
            assertEquals(LocalDateTime.of(2022, 1, 14, 9, 0).getYear(),
                    d.getProperties().getCoreProperties().getCreated().toInstant().atZone(java.time.ZoneId.systemDefault()).getYear());
        }
    }

    @Test
    void xlsxKeepsDashesAndTextAsTextAndPercentagesAsNumbers() throws IOException {
        byte[] bytes = XlsxWriter.write(parse("【附件 1】\n统计表"), LocalDateTime.of(2022, 1, 14, 9, 0));
        try (XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = b.getSheet("附件1");
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(1).getCellType());
            assertEquals("—", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(1).getCellType());
            assertEquals(1.0, sheet.getRow(3).getCell(1).getNumericCellValue());
            assertEquals("0%", sheet.getRow(3).getCell(1).getCellStyle().getDataFormatString());
        }
    }

    @Test
    void thePublishedComparisonNoticesAOneCharacterChange() throws IOException {
        String notice = Files.readString(NoticeFixture.published().resolve("notice.txt"));
        List<String> published = NoticeText.canonical(notice);
        List<String> changed = new ArrayList<>(NoticeText.canonical(notice.replace("实办1117件", "实办1116件")));
        NoticeText.assertSameLines(published, NoticeText.canonical(notice), "自身");
        assertThrows(AssertionFailedError.class, () -> NoticeText.assertSameLines(published, changed, "改一字"));
        assertTrue(published.contains("抄送：县委各部门，人大常委会办公室，县政协办公室，县法院，县检察院，各人民团体。"),
                "回行的“抄送”接回一行");
        assertTrue(published.contains("（监测时间：微信每周监测一次，微博每十天监测一次，抖音每两周监测一次）"),
                "回行的“监测时间”接回一行");
        assertEquals(1, published.stream().filter(l -> l.startsWith(NoticeText.ROW + "办理单位|应办件数|实办数|办结率|逾期办结件数|逾期未办件数|")).count(),
                "附件1 分页重复的表头只留一个");
    }
}
