package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.SafeCell;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 写给人看的文件：CSV 带 BOM；以 = + - @ 制表符 回车 开头的单元格写成文字（OWASP CSV 注入），
 * CSV、Markdown 表格与 Word 表格都如此；Excel 里是字符串单元格。用 issue 里的两个恶意单位名。
 */
class SafeOutputTest {
    static final String CMD = "=cmd|' /C calc'!A0";
    static final String LINK = "=HYPERLINK(\"http://example.invalid/x\",\"点我\")";

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void hostileReport() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (Stream<Path> s = Files.list(TestSupport.fixture("2021-Q4"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = CsvTable.decodeText(Files.readAllBytes(f))
                        .replace("县人社局", "\"" + CMD.replace("\"", "\"\"") + "\"")
                        .replace("县住建局", "\"" + LINK.replace("\"", "\"\"") + "\"");
                Files.writeString(in.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        CliTest.Outcome i = CliTest.exec("--db", db, "import", in.toString());
        assertEquals(0, i.code(), i.err());
        assertEquals(0, CliTest.exec("--db", db, "run", "--period", "2021-Q4").code());
        out = tmp.resolve("out");
        CliTest.Outcome r = CliTest.exec("--db", db, "report", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void csvFilesHaveBomAndInertFormulaCells() throws Exception {
        for (String name : new String[]{"annex-1.csv", "annex-2.csv", "annex-5.csv", "lists.csv", "totals.csv"}) {
            byte[] b = Files.readAllBytes(out.resolve(name));
            assertTrue(b.length > 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF, name + " 没有 BOM");
            CsvTable t = CsvTable.read(out.resolve(name));
            for (CsvTable.Row r : t.rows()) {
                for (String v : r.values()) {
                    assertFalse(SafeCell.dangerous(v), name + " 第 " + r.line() + " 行有可执行的单元格：" + v);
                }
            }
        }
        String annex1 = Files.readString(out.resolve("annex-1.csv"));
        assertTrue(annex1.contains("'" + CMD), annex1);
        String annex5 = Files.readString(out.resolve("annex-5.csv"));
        assertTrue(annex5.contains(("'" + LINK).replace("\"", "\"\"")), annex5);
    }

    @Test
    void markdownAndWordTablesAreInert() throws Exception {
        String md = Files.readString(out.resolve("通报.md"));
        assertTrue(md.contains("| '" + CMD.replace("|", "\\|") + " |"), "Markdown 表格里应是加了单引号的文字");
        assertFalse(md.contains("| " + CMD.replace("|", "\\|")));
        try (InputStream in = Files.newInputStream(out.resolve("通报.docx")); XWPFDocument d = new XWPFDocument(in)) {
            long hostile = d.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                    .map(c -> c.getText()).filter(x -> x.contains("cmd|")).peek(x -> assertTrue(x.startsWith("'="), x)).count();
            assertTrue(hostile > 0);
        }
    }

    @Test
    void xlsxKeepsStringCells() throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve("附件.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            int found = 0;
            for (Sheet s : wb) {
                for (var row : s) {
                    for (Cell c : row) {
                        assertTrue(c.getCellType() != CellType.FORMULA, "不应有公式单元格");
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(CMD)) {
                            found++;
                        }
                    }
                }
            }
            assertTrue(found > 0, "XLSX 里保存原文（字符串单元格）");
        }
    }

    @Test
    void negativeNumbersAreNotUserText() {
        assertEquals("-3", SafeCell.inert("-3"));
        assertEquals("-12.5%", SafeCell.inert("-12.5%"));
        assertEquals("'-1+cmd|' /C calc'!A0", SafeCell.inert("-1+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1)", SafeCell.inert("@SUM(A1)"));
        assertEquals("'\tx", SafeCell.inert("\tx"));
        assertEquals("'\rx", SafeCell.inert("\rx"));
        assertEquals("'+1+1", SafeCell.inert("+1+1"));
        assertEquals("—", SafeCell.inert("—"));
        assertEquals(CMD, SafeCell.plain(SafeCell.inert(CMD)));
    }
}
