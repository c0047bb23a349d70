package cn.gov.assess.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
    private static final Charset GB18030 = Charset.forName("GB18030");

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

    public static CsvTable read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** 把 CSV 文件的字节解码为文字（去掉 BOM）：先试严格的 UTF-8，再试 GB18030；都不行返回 null。 */
    public static String decodeText(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return decode(bytes, 3, StandardCharsets.UTF_8);
        }
        String text = decode(bytes, 0, StandardCharsets.UTF_8);
        return text != null ? text : decode(bytes, 0, GB18030);
    }

    public static CsvTable parse(String fileName, byte[] bytes) {
        if (bytes.length == 0 || isBlank(bytes)) {
            throw new InputException(fileName + "：文件为空，没有表头也没有数据行");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new InputException(fileName + "：文件是 UTF-16 编码，请另存为 UTF-8 或 GBK（GB18030）编码的 CSV");
        }
        String text;
        String encoding;
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            text = decode(bytes, 3, StandardCharsets.UTF_8);
            encoding = "UTF-8 (BOM)";
        } else {
            text = decode(bytes, 0, StandardCharsets.UTF_8);
            encoding = "UTF-8";
            if (text == null) {
                text = decode(bytes, 0, GB18030);
                encoding = "GB18030";
            }
        }
        if (text == null || text.indexOf('\u0000') >= 0) {
            throw new InputException(fileName + "：无法识别文件编码（支持 UTF-8 与 GBK/GB18030），请用 Excel 或 WPS 另存为“CSV UTF-8”");
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
                throw new InputException(fileName + "：文件为空，没有表头也没有数据行");
            }
            return table;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InputException(fileName + "：CSV 格式错误：" + e.getMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, int offset, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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

    public String fileName() { return fileName; }
    public String encoding() { return encoding; }
    public List<String> header() { return header; }
    public List<Row> rows() { return rows; }
}
