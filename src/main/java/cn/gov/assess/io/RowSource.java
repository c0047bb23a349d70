package cn.gov.assess.io;

import java.io.IOException;
import java.util.List;

/**
 * 逐行读取的表格（CSV、Excel 工作表）：内存里只有当前一行。表头是第一行（Excel 里是第一个至少有两格非空的行，
 * 上面的标题行跳过），行号按文件里的实际行号，与用户在 Excel 或记事本里看到的一致。
 */
public interface RowSource extends AutoCloseable {
    /** 下一个非空行；没有了返回 false。 */
    boolean next();

    /** 当前行的行号。 */
    int line();

    /** 当前行第 index 列（从 0 起）去掉首尾空白的值；没有这一列时为空串。 */
    String get(int index);

    List<String> header();

    String fileName();

    /** 给人看的格式说明：“UTF-8”、“GB18030”、“Excel 工作簿，工作表“Sheet1””等。 */
    String encoding();

    /** 错误信息用的位置：文件、（工作表、）行、列与列名。 */
    String cell(int line, int columnIndex, String columnName);

    /** 某一格的位置：文件、行、列号（从 1 起）、列名是数据，写法与 {@link #cell} 相同。 */
    default Place place(int line, int columnIndex, String columnName) {
        return new Place(fileName(), line, columnIndex + 1, columnName, null, cell(line, columnIndex, columnName));
    }

    /** 读到末尾后全文件的 SHA-256（十六进制）。 */
    String sha256() throws IOException;

    @Override
    void close();

    /** 按扩展名打开：.xlsx/.xlsm 流式读取第一个工作表，.xls 用 HSSF，其余按 CSV。 */
    static RowSource open(java.nio.file.Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase();
        if (n.endsWith(".xlsx") || n.endsWith(".xlsm")) {
            return XlsxStream.open(file);
        }
        if (n.endsWith(".xls")) {
            return XlsSheet.open(file);
        }
        return CsvStream.open(file);
    }

    /** 是否表格文件（导入目录时收进来的文件）。 */
    static boolean tabular(java.nio.file.Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
    }

    /** Excel 列号（从 0 起）→ 列字母：0 → A，27 → AB。 */
    static String columnLetters(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }
}
