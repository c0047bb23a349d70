package cn.gov.assess.io;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 旧式 Excel 97-2003 工作簿（.xls，Apache POI HSSF）的第一个工作表。.xls 最多 65536 行，整个读入即可；
 * 值的写法与 {@link XlsxStream} 相同（日期单元格换成 2021-10-05 14:30:00，数不带多余小数）。
 */
public final class XlsSheet implements RowSource {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Path file;
    private final String sheetName;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<String> header;
    private int pos = -1;

    private XlsSheet(Path file, String sheetName, List<String> header) {
        this.file = file;
        this.sheetName = sheetName;
        this.header = header;
    }

    public static XlsSheet open(Path file) throws IOException {
        String name = file.toString();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true); HSSFWorkbook wb = new HSSFWorkbook(fs)) {
            if (wb.getNumberOfSheets() == 0) {
                throw new InputException(Problem.inFile(name, "工作簿里没有工作表"));
            }
            Sheet sheet = wb.getSheetAt(0);
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (Row r : sheet) {
                String[] v = new String[Math.max(0, r.getLastCellNum())];
                int filled = 0;
                for (int c = 0; c < v.length; c++) {
                    v[c] = text(r.getCell(c), wb.getInternalWorkbook().isUsing1904DateWindowing());
                    if (!v[c].isEmpty()) {
                        filled++;
                    }
                }
                if (header == null) {
                    if (filled >= 2) {
                        header = List.of(v);
                    }
                    continue;
                }
                if (filled > 0) {
                    rows.add(v);
                    lines.add(r.getRowNum() + 1);
                }
            }
            if (header == null) {
                throw new InputException(Problem.at(name, null, null, name + " 工作表“" + sheet.getSheetName() + "”", "是空的，没有表头也没有数据行"));
            }
            XlsSheet s = new XlsSheet(file, sheet.getSheetName(), header);
            s.rows.addAll(rows);
            s.lines.addAll(lines);
            return s;
        } catch (org.apache.poi.poifs.filesystem.NotOLE2FileException | org.apache.poi.poifs.filesystem.OfficeXmlFileException
                 | org.apache.poi.hssf.OldExcelFormatException | org.apache.poi.EncryptedDocumentException e) {
            throw new InputException(Problem.inFile(name, "不是可读取的 Excel 97-2003 工作簿（.xls）：可能已损坏、加了密码、版本过旧或只是改了扩展名。"
                    + "请用 Excel 或 WPS 打开后另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”"));
        }
    }

    private static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getRichStringCellValue().getString().strip();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "是" : "否";
            case NUMERIC: {
                double d = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(d)) {
                    LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904, true);
                    String f = cell.getCellStyle().getDataFormatString().toLowerCase().replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
                    boolean dateOnly = !f.contains("h") && !f.contains("s") && d == Math.floor(d);
                    return dateOnly ? dt.format(DATE) : dt.format(DATE_TIME);
                }
                String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
                return plain.equals("-0") ? "0" : plain;
            }
            case ERROR:
                return org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
            default:
                return "";
        }
    }

    @Override
    public boolean next() { return ++pos < rows.size(); }

    @Override
    public int line() { return lines.get(pos); }

    @Override
    public String get(int index) {
        String[] r = rows.get(pos);
        return index < 0 || index >= r.length || r[index] == null ? "" : r[index];
    }

    @Override
    public List<String> header() { return header; }

    @Override
    public String fileName() { return file.toString(); }

    @Override
    public String encoding() { return "Excel 97-2003 工作簿，工作表“" + sheetName + "”"; }

    @Override
    public String cell(int line, int columnIndex, String columnName) {
        return file + " 工作表“" + sheetName + "” 第 " + line + " 行 " + RowSource.columnLetters(columnIndex) + " 列（" + columnName + "）";
    }

    @Override
    public String sha256() throws IOException { return XlsxStream.sha256(file); }

    @Override
    public void close() {
    }
}
