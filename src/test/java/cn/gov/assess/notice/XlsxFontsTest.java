package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.policy.ParameterTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 参数“附件表.…字体/字号”：附件.xlsx 的标题、表头、表格用参数表里的字体；没有这些参数的旧规则目录照旧（黑体、宋体）。 */
class XlsxFontsTest {
    private static Parameters parameters(String extra) {
        String base = TestSupport.rules().files().get(Parameters.FILE).lines()
                .filter(l -> !l.startsWith("附件表.")).reduce("", (a, b) -> a + b + "\n");
        return ParameterTable.parse((base + extra).getBytes(StandardCharsets.UTF_8));
    }

    private static XSSFFont font(byte[] xlsx, int row, int col) throws IOException {
        try (XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = b.getSheet("附件1");
            return s.getRow(row).getCell(col).getCellStyle().getFont();
        }
    }

    private static byte[] write(Parameters p) {
        return XlsxWriter.write(NoticeModelTest.parse("【附件 1】\n统计表"), XlsxWriter.Fonts.of(p),
                LocalDateTime.of(2022, 1, 14, 9, 0));
    }

    @Test
    void theFontParametersAreHonouredInTheWorkbook() throws IOException {
        byte[] x = write(parameters("附件表.标题字体,,方正小标宋简体,文本,\n附件表.标题字号,,18,整数,\n"
                + "附件表.表头字体,,楷体_GB2312,文本,\n附件表.正文字体,,仿宋_GB2312,文本,\n附件表.正文字号,,12,整数,\n"));
        assertEquals("方正小标宋简体", font(x, 0, 0).getFontName());
        assertEquals(18, font(x, 0, 0).getFontHeightInPoints());
        assertEquals("楷体_GB2312", font(x, 1, 0).getFontName());
        assertEquals("仿宋_GB2312", font(x, 2, 0).getFontName());
        assertEquals(12, font(x, 2, 0).getFontHeightInPoints());
    }

    @Test
    void aFolderWithoutThemKeepsTheOldFonts() throws IOException {
        byte[] x = write(parameters("附件表.表头字体,,,文本,\n"));
        assertEquals("黑体", font(x, 0, 0).getFontName());
        assertEquals(16, font(x, 0, 0).getFontHeightInPoints());
        assertEquals("黑体", font(x, 1, 0).getFontName(), "留空的参数按旧写法");
        assertEquals("宋体", font(x, 2, 0).getFontName());
        assertEquals(11, font(x, 2, 0).getFontHeightInPoints());
    }

    @Test
    void theShippedRulesSayWhatTheProgramUsedToSay() {
        assertEquals(XlsxWriter.Fonts.STANDARD, XlsxWriter.Fonts.of(TestSupport.rules().parameters()));
    }
}
