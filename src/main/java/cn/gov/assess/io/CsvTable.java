package cn.gov.assess.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 一个带中文表头的 CSV 文件：自动识别 UTF-8（含或不含 BOM）与 GB18030/GBK，
 * 按列名取值，行号从 1（表头）算起。
 */
public final class CsvTable {

    private final String fileName;
    private final String encoding;
    private final List<String> header;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public record Row(int line, List<String> values) {
    }

    private CsvTable(String fileName, String encoding, List<String> header) {
        this.fileName = fileName;
        this.encoding = encoding;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
    }

    /** 把一个 Excel 工作表（或其他逐行来源）读成表：单位表、监测类文件也可以是 Excel。 */
    public static CsvTable of(RowSource in) {
        CsvTable t = new CsvTable(in.fileName(), in.encoding(), in.header());
        while (in.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < Math.max(in.header().size(), 1); i++) {
                values.add(in.get(i));
            }
            t.rows.add(new Row(in.line(), values));
        }
        return t;
    }

    public static CsvTable read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** 把 CSV 文件的字节解码为文字（去掉 BOM）：先试严格的 UTF-8，再试 GB18030；都不行返回 null。 */
    public static String decodeText(byte[] bytes) {
        try {
            CsvStream.Encoding e = CsvStream.detect("", bytes, bytes.length, false);
            return CsvStream.decode(bytes, e.bom(), bytes.length, e.charset());
        } catch (InputException e) {
            String blank = CsvStream.decode(bytes, 0, bytes.length, StandardCharsets.UTF_8);
            return blank != null && blank.isBlank() ? blank : null; // 空文件照原样交回，由调用者报“缺少表头”
        }
    }

    public static CsvTable parse(String fileName, byte[] bytes) {
        CsvStream.Encoding enc = CsvStream.detect(fileName, bytes, bytes.length, false);
        String text = CsvStream.decode(bytes, enc.bom(), bytes.length, enc.charset());
        String encoding = enc.label();
        if (text == null || text.indexOf('\u0000') >= 0) {
            throw new InputException(Problem.inFile(fileName, "无法识别文件编码（支持 UTF-8 与 GBK/GB18030），请用 Excel 或 WPS 另存为“CSV UTF-8”"));
        }
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(text))) {
            CsvTable table = null;
            for (CSVRecord rec : parser) {
                List<String> values = rec.toList();
                if (table == null) {
                    table = new CsvTable(fileName, encoding, values);
                    continue;
                }
                if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                table.rows.add(new Row((int) rec.getRecordNumber(), values));
            }
            if (table == null) {
                throw new InputException(Problem.inFile(fileName, "文件为空，没有表头也没有数据行"));
            }
            return table;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw CsvErrors.translate(fileName, e, 1, encoding);
        }
    }

    /** 去掉 {@link SafeCell#inert(String)} 为防公式注入加上的单引号（读回本程序写出的表格时用）。 */
    public CsvTable withoutFormulaGuards() {
        CsvTable t = new CsvTable(fileName, encoding, header.stream().map(SafeCell::plain).toList());
        for (Row r : rows) {
            t.rows.add(new Row(r.line(), r.values().stream().map(SafeCell::plain).toList()));
        }
        return t;
    }

    public boolean has(String column) { return columns.containsKey(column); }

    /** 列号（从 1 起），供错误信息使用。 */
    public int columnNumber(String column) { return columns.get(column) + 1; }

    public String get(Row row, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= row.values().size()) {
            return "";
        }
        String v = row.values().get(i);
        return v == null ? "" : v.strip();
    }

    /** 一格的位置（带格里的值），写法“文件 第 N 行第 M 列（列名）”。 */
    public Place at(Row row, String col) {
        return new Place(fileName, row.line(), columnNumber(col), col, get(row, col),
                fileName + " 第 " + row.line() + " 行第 " + columnNumber(col) + " 列（" + col + "）");
    }

    /** 一行的位置，写法“文件 第 N 行”（表头是第 1 行）。 */
    public Place at(int line) {
        return Place.row(fileName, line, fileName + " 第 " + line + " 行");
    }

    public String fileName() { return fileName; }
    public String encoding() { return encoding; }
    public List<String> header() { return header; }
    public List<Row> rows() { return rows; }
}
