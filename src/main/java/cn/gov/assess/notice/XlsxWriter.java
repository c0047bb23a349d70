package cn.gov.assess.notice;

import cn.gov.assess.facts.Parameters;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 把 NoticeDocument 的各附件写成 Excel 工作簿（附件.xlsx）：一个附件一张工作表，件数和百分比是数值单元格。 */
public final class XlsxWriter {
    /** 不以 0 开头的整数才当数值，避免把编号一类的文字变成数。 */
    static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,14})");
    static final Pattern PERCENT = Pattern.compile("(-?\\d{1,13})(?:\\.(\\d{1,6}))?%");
    private static final int MAX_WIDTH = 60;

    /**
     * 附件.xlsx 的字体与字号，取自参数表“附件表.…”各行。没有这些参数的规则目录（本参数之前的规则与运行快照）用
     * {@link #STANDARD}，即当时写在程序里的 黑体 16 磅标题与表头、宋体 11 磅表格，旧运行重出的附件.xlsx 因此不变。
     */
    public record Fonts(String title, int titleSize, String header, String body, int bodySize) {
        public static final Fonts STANDARD = new Fonts("黑体", 16, "黑体", "宋体", 11);

        public static Fonts of(Parameters p) {
            return new Fonts(text(p, "附件表.标题字体", STANDARD.title), size(p, "附件表.标题字号", STANDARD.titleSize),
                    text(p, "附件表.表头字体", STANDARD.header), text(p, "附件表.正文字体", STANDARD.body),
                    size(p, "附件表.正文字号", STANDARD.bodySize));
        }

        private static String text(Parameters p, String key, String fallback) {
            String v = p.has(key) ? p.text(key, null).strip() : "";
            return v.isEmpty() ? fallback : v;
        }

        private static int size(Parameters p, String key, int fallback) {
            return p.has(key) && !p.text(key, null).isBlank() ? p.number(key) : fallback;
        }
    }

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Fonts fonts;

    private XlsxWriter(Fonts fonts) {
        this.fonts = fonts;
    }

    public static byte[] write(NoticeDocument notice, LocalDateTime created) {
        return write(notice, Fonts.STANDARD, created);
    }

    public static byte[] write(NoticeDocument notice, Fonts fonts, LocalDateTime created) {
        XlsxWriter w = new XlsxWriter(fonts);
        try (XSSFWorkbook b = w.book) {
            Set<String> names = new HashSet<>();
            for (NoticeDocument.Annex a : notice.annexes()) {
                String name = "附件" + a.no();
                for (int n = 2; !names.add(name); n++) {
                    name = "附件" + a.no() + "（" + n + "）";
                }
                w.sheet(name, a);
            }
            if (b.getNumberOfSheets() == 0) {
                b.createSheet("附件");
            }
            var core = b.getProperties().getCoreProperties();
            OoxmlZip.stamp(core, created);
            core.setTitle(notice.title() + " 附件");
            NoticeDocument.Text issuer = notice.first(NoticeDocument.Kind.ISSUER_MARK);
            if (issuer != null) {
                core.setCreator(issuer.joined(""));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            b.write(out);
            return OoxmlZip.normalise(out.toByteArray(), created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(String name, NoticeDocument.Annex a) {
        XSSFSheet sheet = book.createSheet(name);
        int cols = Math.max(1, a.header().size());
        int r = 0;
        Row title = sheet.createRow(r);
        title.setHeightInPoints(30);
        text(title, 0, a.title(), style("title"));
        merge(sheet, r++, cols);
        for (String n : a.notes()) {
            Row note = sheet.createRow(r);
            text(note, 0, n, style("note"));
            merge(sheet, r++, cols);
        }
        int headerRow = r;
        Row header = sheet.createRow(r++);
        for (int c = 0; c < a.header().size(); c++) {
            text(header, c, a.header().get(c), style("header"));
        }
        for (List<String> cells : a.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                cell(row, c, cells.get(c));
            }
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        for (int c = 0; c < a.header().size(); c++) {
            int units = width(a.header().get(c));
            for (List<String> cells : a.rows()) {
                if (c < cells.size()) {
                    units = Math.max(units, width(cells.get(c)));
                }
            }
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, units + 3) * 256);
        }
    }

    private static void merge(XSSFSheet sheet, int row, int cols) {
        if (cols > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, cols - 1));
        }
    }

    /** 整数 → 数值；“99.50%”“100%” → 0.995、1 并按原来的小数位数设百分比格式；其余（含“—”）是文字。 */
    private void cell(Row row, int c, String value) {
        if (INTEGER.matcher(value).matches()) {
            Cell cell = row.createCell(c);
            cell.setCellValue(Long.parseLong(value));
            cell.setCellStyle(style("integer"));
            return;
        }
        Matcher p = PERCENT.matcher(value);
        if (p.matches()) {
            Cell cell = row.createCell(c);
            cell.setCellValue(new BigDecimal(value.substring(0, value.length() - 1)).movePointLeft(2).doubleValue());
            int decimals = p.group(2) == null ? 0 : p.group(2).length();
            cell.setCellStyle(style("percent" + decimals));
            return;
        }
        text(row, c, value, style("text"));
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** 列宽单位是一个西文字符宽：汉字算 2。 */
    static int width(String s) {
        return (int) Math.ceil(DocxWriter.ems(s) * 2);
    }

    private CellStyle style(String kind) {
        return styles.computeIfAbsent(kind, k -> {
            CellStyle s = book.createCellStyle();
            Font f = book.createFont();
            f.setFontName(fonts.body());
            f.setFontHeightInPoints((short) fonts.bodySize());
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            if (k.equals("title")) {
                f.setFontName(fonts.title());
                f.setFontHeightInPoints((short) fonts.titleSize());
                s.setAlignment(HorizontalAlignment.CENTER);
            } else if (k.equals("note")) {
                s.setAlignment(HorizontalAlignment.CENTER);
            } else {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
                s.setWrapText(true);
                switch (k) {
                    case "header" -> {
                        f.setFontName(fonts.header());
                        s.setAlignment(HorizontalAlignment.CENTER);
                        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    }
                    case "integer" -> {
                        s.setAlignment(HorizontalAlignment.CENTER);
                        s.setDataFormat(book.createDataFormat().getFormat("0"));
                    }
                    case "text" -> s.setAlignment(HorizontalAlignment.LEFT);
                    default -> {
                        int decimals = Integer.parseInt(k.substring("percent".length()));
                        s.setAlignment(HorizontalAlignment.CENTER);
                        s.setDataFormat(book.createDataFormat().getFormat(
                                decimals == 0 ? "0%" : "0." + "0".repeat(decimals) + "%"));
                    }
                }
            }
            s.setFont(f);
            return s;
        });
    }
}
