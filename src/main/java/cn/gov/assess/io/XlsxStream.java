package cn.gov.assess.io;

import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 流式读取 .xlsx 的一个工作表（Apache POI 的 XSSFReader 取出工作表的 XML，用 StAX 逐个单元格拉取）：
 * 内存里只有当前一行与共享字符串表，千万行的工作表也不整个读入。
 *
 * <p>单元格的值：文字原样；带日期格式的数（Excel 的日期序号）换成 2021-10-05 14:30:00 或只有日期时 2021-10-05；
 * 其他数写成不带多余小数的十进制（工单号 202110010001 不会成为 2.02110010001E11）；公式取缓存的结果。
 */
public final class XlsxStream implements RowSource {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Path file;
    private final String fileName;
    private final String sheetName;
    private final OPCPackage pkg;
    private final InputStream sheetIn;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, int[]> styleKinds = new HashMap<>(); // 样式号 → {是日期, 有时间}
    private List<String> header;
    private String[] current = new String[0];
    private int line;
    private int width;

    private XlsxStream(Path file, String sheetName, OPCPackage pkg, InputStream sheetIn, XMLStreamReader xml,
                       ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
        this.file = file;
        this.fileName = file.toString();
        this.sheetName = sheetName;
        this.pkg = pkg;
        this.sheetIn = sheetIn;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    public static XlsxStream open(Path file) throws IOException {
        String name = file.toString();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new InputException(Problem.inFile(name, "不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名。"
                    + "请用 Excel 或 WPS 打开后另存为“Excel 工作簿”或“CSV UTF-8”"));
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InputException(Problem.inFile(name, "工作簿里没有工作表"));
            }
            InputStream in = sheets.next();
            String sheetName = sheets.getSheetName();
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            XlsxStream s = new XlsxStream(file, sheetName, pkg, in, xml, strings, styles, date1904);
            s.readHeader();
            return s;
        } catch (OpenXML4JException | org.xml.sax.SAXException | XMLStreamException e) {
            pkg.revert();
            throw new InputException(Problem.inFile(name, "Excel 工作簿内容无法读取（文件可能已损坏），请用 Excel 或 WPS 打开后重新保存"));
        } catch (RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** 工作簿是否用 1904 日期系统（Mac 旧版 Excel）：workbook.xml 的 workbookPr/@date1904。 */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
                    String v = x.getAttributeValue(null, "date1904");
                    return "1".equals(v) || "true".equalsIgnoreCase(v);
                }
                if (x.getEventType() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheets")) {
                    return false;
                }
            }
            return false;
        }
    }

    /** 表头：第一个至少有两格非空的行（导出文件常在上面放一行合并单元格的标题）。 */
    private void readHeader() {
        while (readRow()) {
            long filled = Arrays.stream(current).filter(v -> !v.isEmpty()).count();
            if (filled >= 2) {
                header = List.of(current.clone());
                width = header.size();
                return;
            }
        }
        throw new InputException(Problem.at(fileName, null, null, fileName + " 工作表“" + sheetName + "”", "是空的，没有表头也没有数据行"));
    }

    @Override
    public boolean next() {
        while (readRow()) {
            for (String v : current) {
                if (!v.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 读下一个 row 元素到 current；工作表结束返回 false。 */
    private boolean readRow() {
        try {
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    line = r != null ? Integer.parseInt(r) : line + 1;
                    readCells();
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(Problem.at(fileName, line + 1, null, fileName + " 工作表“" + sheetName + "” 第 " + (line + 1) + " 行附近", "无法读取（文件可能已损坏），"
                    + "请用 Excel 或 WPS 打开后重新保存"));
        }
    }

    private void readCells() throws XMLStreamException {
        List<String> values = new ArrayList<>(Math.max(width, 8));
        int next = 0;
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int col = ref != null ? column(ref) : next;
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String raw = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    break;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String n = xml.getLocalName();
                    if (n.equals("v")) {
                        raw = xml.getElementText();
                    } else if (n.equals("t")) {
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        inline.append(xml.getElementText());
                    }
                }
            }
            while (values.size() < col) {
                values.add("");
            }
            String v = value(type, style, raw, inline);
            if (col < values.size()) {
                values.set(col, v);
            } else {
                values.add(v);
            }
            next = col + 1;
        }
        current = values.toArray(new String[0]);
    }

    private String value(String type, String style, String raw, StringBuilder inline) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString().strip();
        }
        if (raw == null) {
            return "";
        }
        if (type == null || type.equals("n")) {
            return number(raw, style == null ? 0 : Integer.parseInt(style));
        }
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString().strip();
            case "b" -> raw.strip().equals("1") ? "是" : "否";
            default -> raw.strip(); // str（公式的文字结果）、e（错误值，如 #N/A）、d（ISO 日期）
        };
    }

    private String number(String raw, int style) {
        String t = raw.strip();
        if (t.isEmpty()) {
            return "";
        }
        int[] kind = styleKinds.computeIfAbsent(style, this::kindOf);
        if (kind[0] == 1) {
            double d = Double.parseDouble(t);
            if (DateUtil.isValidExcelDate(d)) {
                LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904, true);
                boolean dateOnly = kind[1] == 0 && d == Math.floor(d);
                return dateOnly ? dt.format(DATE) : dt.format(DATE_TIME);
            }
        }
        try {
            BigDecimal b = new BigDecimal(t);
            String plain = b.stripTrailingZeros().toPlainString();
            return plain.equals("-0") ? "0" : plain;
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** 样式是否日期格式、格式里有没有时分秒。 */
    private int[] kindOf(int style) {
        if (styles == null || style >= styles.getNumCellStyles()) {
            return new int[]{0, 0};
        }
        XSSFCellStyle cs = styles.getStyleAt(style);
        if (cs == null) {
            return new int[]{0, 0};
        }
        int idx = cs.getDataFormat();
        String fmt = cs.getDataFormatString();
        if (!DateUtil.isADateFormat(idx, fmt)) {
            return new int[]{0, 0};
        }
        String f = fmt == null ? "" : fmt.toLowerCase().replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return new int[]{1, f.contains("h") || f.contains("s") ? 1 : 0};
    }

    /** “AB12” → 27。 */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    @Override
    public int line() { return line; }

    @Override
    public String get(int index) {
        return index < 0 || index >= current.length ? "" : current[index];
    }

    @Override
    public List<String> header() { return header; }

    @Override
    public String fileName() { return fileName; }

    @Override
    public String encoding() { return "Excel 工作簿，工作表“" + sheetName + "”"; }

    public String sheetName() { return sheetName; }

    @Override
    public String cell(int line, int columnIndex, String columnName) {
        return fileName + " 工作表“" + sheetName + "” 第 " + line + " 行 " + RowSource.columnLetters(columnIndex) + " 列（"
                + columnName + "）";
    }

    @Override
    public String sha256() throws IOException {
        return sha256(file);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheetIn.close();
        } catch (XMLStreamException | IOException e) {
            // 只读，关闭失败无碍
        }
        pkg.revert();
    }
}
