package cn.gov.assess.notice;

import cn.gov.assess.io.SafeCell;
import cn.gov.assess.facts.Parameters;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 把 NoticeDocument 写成 Word 文档（通报.docx），版式按 GB/T 9704《党政机关公文格式》。 */
public final class DocxWriter {
    /** 各级文字所用字体，取自参数表“通报.…字体”，缺省时用国标推荐的字体。 */
    public record Fonts(String title, String body, String heading1, String heading2) {
        public static final Fonts STANDARD = new Fonts("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312");

        public static Fonts of(Parameters p) {
            return new Fonts(font(p, "通报.标题字体", STANDARD.title), font(p, "通报.正文字体", STANDARD.body),
                    font(p, "通报.一级标题字体", STANDARD.heading1), font(p, "通报.二级标题字体", STANDARD.heading2));
        }

        private static String font(Parameters p, String key, String fallback) {
            if (!p.all().containsKey(key)) {
                return fallback;
            }
            String v = p.text(key, null).strip();
            return v.isEmpty() ? fallback : v;
        }
    }

    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = mm(37);
    static final int MARGIN_BOTTOM = mm(35);
    static final int MARGIN_LEFT = mm(28);
    static final int MARGIN_RIGHT = mm(26);
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** 版心高 225mm 排 22 行：每行 28.95 磅。 */
    static final double LINE_PT = 28.95;
    static final int LINE = (int) Math.round(LINE_PT * 20);
    static final double BODY_PT = 16;
    static final double TITLE_PT = 22;
    static final double ANNEX_TITLE_PT = 18;
    static final double SMALL_PT = 14;
    static final double TABLE_PT = 10.5;
    static final String RED = "FF0000";
    private static final Pattern ANNEX_ITEM = Pattern.compile("^(.*?：)?(\\d+[.．、]\\s*)");

    private final XWPFDocument doc = new XWPFDocument();
    private final Fonts fonts;

    private DocxWriter(Fonts fonts) {
        this.fonts = fonts;
    }

    public static byte[] write(NoticeDocument notice, Fonts fonts, LocalDateTime created) {
        DocxWriter w = new DocxWriter(fonts);
        try (XWPFDocument d = w.doc) {
            w.styles();
            w.body(notice);
            w.section();
            w.footers();
            w.properties(notice, created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return OoxmlZip.normalise(out.toByteArray(), created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int mm(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }

    /** 字宽（以汉字为 1）：汉字和全角标点 1，数字、字母、半角标点 0.5。 */
    static double ems(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp < 0x2E80 && cp != 0x2014 && cp != 0x201C && cp != 0x201D ? 0.5 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int twips(double ems, double pt) {
        return (int) Math.round(ems * pt * 20);
    }

    private void styles() {
        XWPFStyles styles = doc.createStyles();
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(fonts.body());
        f.setHAnsi(fonts.body());
        f.setEastAsia(fonts.body());
        f.setCs(fonts.body());
        styles.setDefaultFonts(f);
        CTRPr rpr = styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr();
        rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        styles.setEastAsia("zh-CN");
    }

    private void body(NoticeDocument notice) {
        NoticeDocument.Text signature = notice.first(NoticeDocument.Kind.SIGNATURE);
        NoticeDocument.Text date = notice.first(NoticeDocument.Kind.DATE);
        double sigEms = signature == null ? 0 : ems(signature.joined(""));
        double dateEms = date == null ? 0 : ems(date.joined(""));
        for (NoticeDocument.Block b : notice.blocks()) {
            if (b instanceof NoticeDocument.Annex a) {
                annex(a);
                continue;
            }
            NoticeDocument.Text t = (NoticeDocument.Text) b;
            switch (t.kind()) {
                case ISSUER_MARK -> {
                    String s = t.joined("");
                    // 发文机关标志排成一行：字号不超过小初（36 磅），名称长时缩小
                    double pt = Math.min(36, Math.floor(TEXT_WIDTH / 20.0 * 0.95 / Math.max(1, ems(s))));
                    XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
                    p.setSpacingBetween(1, LineSpacingRule.AUTO);
                    run(p, s, fonts.title(), pt, RED);
                }
                case DOC_NO -> {
                    XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
                    p.setSpacingBefore(LINE * 2);
                    run(p, t.joined(""), fonts.body(), BODY_PT);
                    // 版头红色分隔线：发文字号之下 4mm，与版心等宽
                    border(p, false, STBorder.SINGLE, 12, 11, RED);
                }
                case TITLE -> {
                    XWPFParagraph p = paragraph(ParagraphAlignment.CENTER);
                    p.setSpacingBefore(LINE * 2);
                    p.setSpacingAfter(LINE);
                    p.setSpacingBetween(Math.max(LINE_PT, TITLE_PT * 1.5), LineSpacingRule.EXACT);
                    XWPFRun r = run(p, t.lines().get(0), fonts.title(), TITLE_PT);
                    for (String line : t.lines().subList(1, t.lines().size())) {
                        r.addBreak();
                        r.setText(line, r.getCTR().sizeOfTArray());
                    }
                }
                case ADDRESSEE -> run(paragraph(ParagraphAlignment.BOTH), t.joined(""), fonts.body(), BODY_PT);
                case HEADING1 -> run(indented(), t.joined(""), fonts.heading1(), BODY_PT);
                case HEADING2 -> run(indented(), t.joined(""), fonts.heading2(), BODY_PT);
                case PARAGRAPH -> run(indented(), t.joined(""), fonts.body(), BODY_PT);
                case ANNEX_LIST -> annexList(t.lines());
                case SIGNATURE -> {
                    XWPFParagraph p = paragraph(ParagraphAlignment.RIGHT);
                    p.setSpacingBefore(LINE);
                    p.setIndentationRight(twips(signatureRight(sigEms, dateEms), BODY_PT));
                    run(p, t.joined(""), fonts.body(), BODY_PT);
                }
                case DATE -> {
                    XWPFParagraph p = paragraph(ParagraphAlignment.RIGHT);
                    p.setIndentationRight(twips(dateRight(sigEms, dateEms), BODY_PT));
                    run(p, t.joined(""), fonts.body(), BODY_PT);
                }
                case CC -> {
                    String s = t.joined("");
                    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT);
                    p.setSpacingBefore(LINE);
                    int head = s.indexOf('：') >= 0 ? twips(ems(s.substring(0, s.indexOf('：') + 1)), SMALL_PT) : 0;
                    p.setIndentationLeft(twips(1, SMALL_PT) + head);
                    p.setIndentationHanging(head);
                    p.setIndentationRight(twips(1, SMALL_PT));
                    // 版记：首条分隔线粗（0.35mm），中间细（0.25mm）
                    border(p, true, STBorder.SINGLE, 8, 1, null);
                    border(p, false, STBorder.SINGLE, 6, 1, null);
                    run(p, s, fonts.body(), SMALL_PT);
                }
                case PRINTED -> {
                    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT);
                    p.setIndentationLeft(twips(1, SMALL_PT));
                    p.setIndentationRight(twips(1, SMALL_PT));
                    CTTabStop tab = p.getCTPPr().addNewTabs().addNewTab();
                    tab.setVal(STTabJc.RIGHT);
                    tab.setPos(BigInteger.valueOf(TEXT_WIDTH - twips(1, SMALL_PT)));
                    border(p, false, STBorder.SINGLE, 8, 1, null);
                    XWPFRun r = run(p, t.lines().get(0), fonts.body(), SMALL_PT);
                    for (String line : t.lines().subList(1, t.lines().size())) {
                        r.addTab();
                        r.setText(line, r.getCTR().sizeOfTArray());
                    }
                }
            }
        }
    }

    /** 署名右空二字；成文日期首字比署名首字右移二字，日期较长时日期右空二字、署名随之左移。 */
    static double signatureRight(double sigEms, double dateEms) {
        return dateEms + 2 <= sigEms ? 2 : 2 + dateEms + 2 - sigEms;
    }

    static double dateRight(double sigEms, double dateEms) {
        return dateEms + 2 <= sigEms ? sigEms - dateEms : 2;
    }

    /** 附件说明：“附件：”左空二字，序号后的附件名称回行时与名称首字对齐。 */
    private void annexList(List<String> lines) {
        double lead = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = ANNEX_ITEM.matcher(line);
            String prefix = "";
            String number = "";
            if (m.find()) {
                prefix = m.group();
                number = m.group(2);
                if (i == 0 && m.group(1) != null) {
                    lead = ems(m.group(1));
                }
            }
            XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
            if (i == 0) {
                p.setSpacingBefore(LINE);
            }
            p.setIndentationLeft(twips(2 + lead + ems(number), BODY_PT));
            p.setIndentationHanging(twips(i == 0 ? ems(prefix) : ems(number), BODY_PT));
            run(p, line, fonts.body(), BODY_PT);
        }
    }

    private void annex(NoticeDocument.Annex a) {
        XWPFParagraph label = paragraph(ParagraphAlignment.LEFT);
        label.setPageBreak(true);
        run(label, a.label(), fonts.heading1(), BODY_PT);
        XWPFParagraph title = paragraph(ParagraphAlignment.CENTER);
        title.setSpacingBetween(Math.max(LINE_PT, ANNEX_TITLE_PT * 1.5), LineSpacingRule.EXACT);
        run(title, a.title(), fonts.title(), ANNEX_TITLE_PT);
        for (String n : a.notes()) {
            run(paragraph(ParagraphAlignment.CENTER), n, fonts.body(), BODY_PT);
        }
        table(a.header(), a.rows());
    }

    private void table(List<String> header, List<List<String>> rows) {
        int cols = header.size();
        int[] widths = DocxColumns.columnWidths(header, rows);
        XWPFTable table = doc.createTable(rows.size() + 1, cols);
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(0, 60, 0, 60);
        for (var border : List.<java.util.function.Consumer<XWPFTable>>of(
                t -> t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"))) {
            border.accept(table);
        }
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        boolean[] wide = new boolean[cols];
        boolean[] numbers = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            wide[c] = widths[c] > twips(6, TABLE_PT);
            numbers[c] = DocxColumns.numeric(rows, c);
        }
        // 末行“合计”不单独落到下一页：倒数第二行与它同页（段落“与下段同页”），每行都不跨页
        boolean totalRow = !rows.isEmpty() && !rows.get(rows.size() - 1).isEmpty()
                && rows.get(rows.size() - 1).get(0).strip().equals("合计");
        for (int r = 0; r <= rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setCantSplitRow(true);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            List<String> cells = r == 0 ? header : rows.get(r - 1);
            for (int c = 0; c < cols; c++) {
                XWPFTableCell cell = row.getCell(c);
                CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                CTTblWidth tcw = tc.isSetTcW() ? tc.getTcW() : tc.addNewTcW();
                tcw.setType(STTblWidth.DXA);
                tcw.setW(BigInteger.valueOf(widths[c]));
                if (r > 0 && numbers[c] && !tc.isSetNoWrap()) {
                    tc.addNewNoWrap();
                }
                (tc.isSetVAlign() ? tc.getVAlign() : tc.addNewVAlign()).setVal(STVerticalJc.CENTER);
                String text = SafeCell.inert(c < cells.size() ? cells.get(c) : "");
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(r > 0 && wide[c] && ems(text) > 6 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                p.setSpacingBefore(0);
                p.setSpacingAfter(0);
                p.setSpacingBetween(1, LineSpacingRule.AUTO);
                if (totalRow && r == rows.size() - 1 && r > 0) {
                    p.setKeepNext(true);
                }
                run(p, text, r == 0 ? fonts.heading1() : fonts.body(), TABLE_PT);
            }
        }
    }

    private XWPFParagraph paragraph(ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        return p;
    }

    /** 正文段落：首行缩进二字，两端对齐。 */
    private XWPFParagraph indented() {
        XWPFParagraph p = paragraph(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(twips(2, BODY_PT));
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double pt) {
        return run(p, text, font, pt, null);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double pt, String color) {
        XWPFRun r = p.createRun();
        style(r, font, pt, color);
        r.setText(text);
        return r;
    }

    /** 按 w:rPr 规定的子元素顺序（字体、颜色、字号）设置，Word 对顺序较严。 */
    private static void style(XWPFRun r, String font, double pt, String color) {
        r.setFontFamily(font);
        if (color != null) {
            r.setColor(color);
        }
        r.setFontSize(pt);
        r.setComplexScriptFontSize(pt);
    }

    private static void border(XWPFParagraph p, boolean top, STBorder.Enum style, int eighths, int spacePt, String color) {
        CTPPr ppr = p.getCTPPr();
        CTPBdr bdr = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder b = top ? bdr.addNewTop() : bdr.addNewBottom();
        b.setVal(style);
        b.setSz(BigInteger.valueOf(eighths));
        b.setSpace(BigInteger.valueOf(spacePt));
        b.setColor(color == null ? "000000" : color);
    }

    private void section() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP));
        mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        mar.setHeader(BigInteger.valueOf(mm(15)));
        // 页码一字线上距版心下边缘 7mm
        mar.setFooter(BigInteger.valueOf(mm(35 - 7) - twips(1, SMALL_PT)));
        mar.setGutter(BigInteger.ZERO);
    }

    /** 页码“— 1 —”：4 号半角宋体，单页居右空一字，双页居左空一字。 */
    private void footers() {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), true);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), false);
    }

    private static void pageNumber(XWPFFooter footer, boolean odd) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(odd ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        if (odd) {
            p.setIndentationRight(twips(1, SMALL_PT));
        } else {
            p.setIndentationLeft(twips(1, SMALL_PT));
        }
        run(p, "— ", "宋体", SMALL_PT);
        XWPFFieldRun page = p.createFieldRun();
        page.setFieldInstruction("PAGE");
        style(page, "宋体", SMALL_PT, null);
        page.setText("1");
        run(p, " —", "宋体", SMALL_PT);
    }

    private void properties(NoticeDocument notice, LocalDateTime created) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        OoxmlZip.stamp(core, created);
        core.setTitle(notice.title());
        NoticeDocument.Text issuer = notice.first(NoticeDocument.Kind.ISSUER_MARK);
        if (issuer != null) {
            core.setCreator(issuer.joined(""));
        }
    }
}
