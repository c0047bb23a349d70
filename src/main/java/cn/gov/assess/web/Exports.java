package cn.gov.assess.web;

import cn.gov.assess.io.SafeCell;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 导出一张表（工单清单、比较结果、操作记录）为 CSV 或 XLSX。CSV 是带 BOM 的 UTF-8（中文 Excel 按 UTF-8 打开）；两种格式的
 * 每个单元格都按 {@link SafeCell} 写成文字，以 = + - @ 开头的内容不会被电子表格当作公式执行。XLSX 里整数写成数值。
 */
final class Exports {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,15}");

    private Exports() {
    }

    /** format 为 csv 或 xlsx；saveAs 是不带扩展名的中文文件名，ascii 是给老浏览器的英文文件名（不带扩展名）。 */
    static void send(Context ctx, String format, String ascii, String saveAs, String sheet, List<String> header,
                     List<List<String>> rows) {
        byte[] body;
        String type;
        if ("xlsx".equals(format)) {
            body = xlsx(sheet, header, rows);
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        } else if ("csv".equals(format)) {
            body = csv(header, rows);
            type = "text/csv; charset=utf-8";
        } else {
            throw WebError.notFound("只能导出为 CSV 或 XLSX。");
        }
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii.replaceAll("[^A-Za-z0-9.-]", "_") + "." + format
                + "\"; filename*=UTF-8''" + URLEncoder.encode(saveAs + "." + format, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.result(body);
    }

    static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter w = new StringWriter();
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header.stream().map(SafeCell::inert).toList());
            for (List<String> r : rows) {
                p.printRecord(r.stream().map(v -> SafeCell.inert(v == null ? "" : v)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String sheetName, List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font f = book.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(SafeCell.inert(header.get(i)));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (List<String> row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i) == null ? "" : row.get(i);
                    if (INTEGER.matcher(v).matches()) {
                        x.createCell(i).setCellValue(Long.parseLong(v));
                    } else {
                        x.createCell(i).setCellValue(SafeCell.inert(v));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(8, header.get(i).length() * 2 + 4)) * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
