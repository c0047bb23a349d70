package cn.gov.assess.workorder;

import cn.gov.assess.intake.Importer;
import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Excel 导入：平台自己的列名（承办单位、来电时间、办理期限、完成时间、工单号…）、Excel 日期序号与日期单元格、
 * 上方的标题行、多余的隐私列；错误写明文件、工作表、行、列与值；对不上任何方案时列出缺少的标准列与文件的表头。
 */
class ExcelImportTest {
    @TempDir
    Path dir;
    Database db;
    Importer importer;

    @BeforeEach
    void setUp() {
        db = TestSupport.memoryDb();
        importer = new Importer(db, TestSupport.rules());
        importer.importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** 平台导出：第 1 行是合并的标题，第 2 行表头，没有“渠道”列（渠道在文件名里）。rows 的每个值：字符串原样，LocalDateTime 写成日期单元格，Double 写成数。 */
    private Path workbook(Workbook wb, String name, List<String> header, List<Object[]> rows) throws Exception {
        CreationHelper h = wb.getCreationHelper();
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(h.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        CellStyle dateOnly = wb.createCellStyle();
        dateOnly.setDataFormat(h.createDataFormat().getFormat("yyyy/m/d"));
        Sheet s = wb.createSheet("工单明细");
        s.createRow(0).createCell(0).setCellValue("扶风县12345热线工单导出（2021年10月）");
        Row hr = s.createRow(1);
        for (int i = 0; i < header.size(); i++) {
            hr.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r + 2);
            Object[] v = rows.get(r);
            for (int c = 0; c < v.length; c++) {
                if (v[c] instanceof LocalDateTime t) {
                    var cell = row.createCell(c);
                    cell.setCellValue(t);
                    cell.setCellStyle(t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dateOnly : dateTime);
                } else if (v[c] instanceof Double d) {
                    row.createCell(c).setCellValue(d);
                } else if (v[c] != null) {
                    row.createCell(c).setCellValue(v[c].toString());
                }
            }
        }
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            wb.write(out);
        }
        wb.close();
        return p;
    }

    static final List<String> PLATFORM = List.of("工单号", "来电时间", "来电人", "联系电话", "诉求内容", "承办单位", "办理期限",
            "完成时间", "签收时间", "回访结果", "退回次数", "是否重办");

    private long scalar(String sql) {
        return TestSupport.scalar(db, sql);
    }

    @Test
    void platformXlsxWithSerialDatesImportsAsItComes() throws Exception {
        Path f = workbook(new XSSFWorkbook(), "12345市民热线-2021年10月.xlsx", PLATFORM, List.of(
                new Object[]{"RX202110010001", LocalDateTime.of(2021, 10, 1, 9, 20, 4), "陆明", "18878958432", "反映道路破损",
                        "县城市管理执法局", LocalDateTime.of(2021, 10, 6, 0, 0), LocalDateTime.of(2021, 10, 3, 13, 16, 7),
                        LocalDateTime.of(2021, 10, 1, 10, 0), "满意", 0.0, "否"},
                // 日期序号写成了普通数（单元格不是日期格式）：44471.5 = 2021-10-02 12:00，44476 = 2021-10-07
                new Object[]{202110020002.0, 44471.5, "常娟", "18052503300", "班车停运", "杏林镇", 44476.0, null,
                        null, "未回访", 1.0, "是"}));
        List<Importer.FileResult> r = importer.importPaths(List.of(f));
        assertEquals(2, r.get(0).rowsAdded(), r.toString());
        assertTrue(r.get(0).encoding().contains("工作表“工单明细”"), r.get(0).encoding());
        assertEquals(2, scalar("select count(*) from work_order where channel = '12345市民热线'"));
        assertEquals(1, scalar("select count(*) from work_order where order_no = '202110020002'"), "工单号不应成为科学计数法");
        assertEquals(1, scalar("select count(*) from work_order where received_at = timestamp '2021-10-01 09:20:04'"));
        assertEquals(1, scalar("select count(*) from work_order where received_at = timestamp '2021-10-02 12:00:00'"));
        // 只有日期的办理期限算到当天 23:59:59
        assertEquals(1, scalar("select count(*) from assignment where deadline = timestamp '2021-10-06 23:59:59'"));
        assertEquals(1, scalar("select count(*) from assignment where deadline = timestamp '2021-10-07 23:59:59'"));
        assertEquals(1, scalar("select count(*) from assignment where completed_at = timestamp '2021-10-03 13:16:07'"));
        assertEquals(1, scalar("select count(*) from assignment where signed_at = timestamp '2021-10-01 10:00:00'"));
        assertEquals(1, scalar("select count(*) from assignment where satisfaction = '满意'"));
        assertEquals(1, scalar("select count(*) from assignment where return_count = 1 and reopened"));
        // 隐私列不保存：整个库里找不到姓名、电话、诉求
        String dump = db.sessions().fromStatelessTransaction(s -> s.doReturningWork(c -> {
            StringBuilder sb = new StringBuilder();
            try (var st = c.createStatement(); var rs = st.executeQuery("script nodata")) {
                while (rs.next()) {
                    sb.append(rs.getString(1));
                }
            }
            try (var st = c.createStatement(); var rs = st.executeQuery("select * from work_order w join assignment a on a.order_id = w.id")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        sb.append(rs.getString(i)).append(',');
                    }
                }
            }
            return sb.toString();
        }));
        assertFalse(dump.contains("陆明") || dump.contains("18878958432") || dump.contains("班车停运"), "隐私列不应入库");
        // 再导一次不增加
        assertEquals(0, importer.importPaths(List.of(f)).get(0).rowsAdded());
    }

    @Test
    void xlsWorksToo() throws Exception {
        Path f = workbook(new HSSFWorkbook(), "县长信箱导出.xls", List.of("信件编号", "来信时间", "责任单位", "截止时间", "办结日期"), List.<Object[]>of(
                new Object[]{"XX1", LocalDateTime.of(2021, 11, 2, 8, 30), "法门镇", LocalDateTime.of(2021, 11, 9, 0, 0), null}));
        List<Importer.FileResult> r = importer.importPaths(List.of(f));
        assertEquals(1, r.get(0).rowsAdded());
        assertEquals(1, scalar("select count(*) from work_order where channel = '县长信箱' and received_at = timestamp '2021-11-02 08:30:00'"));
        assertEquals(1, scalar("select count(*) from assignment where deadline = timestamp '2021-11-09 23:59:59' and completed_at is null"));
    }

    @Test
    void everyBadCellNamesFileSheetRowColumnAndValueAndNothingIsWritten() throws Exception {
        Path f = workbook(new XSSFWorkbook(), "12345市民热线-坏.xlsx", PLATFORM, List.of(
                new Object[]{"RX1", LocalDateTime.of(2021, 10, 1, 9, 0), "", "", "", "县城管局", LocalDateTime.of(2021, 10, 6, 0, 0),
                        null, null, "还行", null, null},
                new Object[]{"RX2", "十月一日", "", "", "", "法门镇", LocalDateTime.of(2021, 10, 6, 0, 0), null, null, null, null, null}));
        long before = scalar("select count(*) from assignment");
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(f)));
        assertEquals(before, scalar("select count(*) from assignment"));
        List<String> p = e.problems();
        assertEquals(3, p.size(), p.toString());
        String where = f + " 工作表“工单明细” ";
        assertTrue(p.contains(where + "第 3 行 F 列（承办单位，即办理单位）：未知单位“县城管局”，最接近的已知单位是“县城管执法局”；"
                + "如是同一单位，请在单位表的“别名”列加上它"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(where + "第 3 行 J 列（回访结果，即满意度）：满意度“还行”无法识别")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith(where + "第 4 行 B 列（来电时间，即受理时间）：无法识别的日期“十月一日”")), p.toString());
    }

    @Test
    void exportMatchingNoProfileListsMissingColumnsAndHeadersFound() throws Exception {
        Path f = workbook(new XSSFWorkbook(), "导出.xlsx", List.of("序号", "单号", "时间", "承办单位", "状态"),
                List.<Object[]>of(new Object[]{"1", "A", "2021-10-01", "法门镇", "已办结"}));
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(f)));
        String m = e.problems().get(0);
        // 没有工单编号的任何写法：不像派单导出，按“无法识别的表头”报
        assertTrue(m.contains("无法识别的表头") && m.contains("序号,单号,时间,承办单位,状态"), m);
        Path g = workbook(new XSSFWorkbook(), "导出2.xlsx", List.of("工单号", "来电时间", "承办单位", "状态"),
                List.<Object[]>of(new Object[]{"A", "2021-10-01", "法门镇", "已办结"}));
        InputException e2 = assertThrows(InputException.class, () -> importer.importPaths(List.of(g)));
        String m2 = e2.problems().get(0);
        assertTrue(m2.contains("缺少标准列 “渠道”") && m2.contains("“办理时限”（也认：办理期限、截止时间") && m2.contains("“办结时间”"), m2);
        assertTrue(m2.contains("文件的表头是：工单号，来电时间，承办单位，状态"), m2);
        assertTrue(m2.contains("文件名里须含渠道名（"), m2);
    }

    @Test
    void conflictWithImportedRecordNamesColumnAndValues() throws Exception {
        Path a = workbook(new XSSFWorkbook(), "12345市民热线-a.xlsx", PLATFORM, List.<Object[]>of(
                new Object[]{"RX9", LocalDateTime.of(2021, 10, 1, 9, 0), "", "", "", "法门镇", LocalDateTime.of(2021, 10, 6, 0, 0),
                        null, null, "满意", null, null}));
        importer.importPaths(List.of(a));
        Path b = workbook(new XSSFWorkbook(), "12345市民热线-b.xlsx", PLATFORM, List.<Object[]>of(
                new Object[]{"RX9", LocalDateTime.of(2021, 10, 1, 9, 0), "", "", "", "法门镇", LocalDateTime.of(2021, 10, 8, 0, 0),
                        null, null, "不满意", null, null}));
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(b)));
        String m = e.problems().get(0);
        assertTrue(m.contains("办理时限：已导入为 2021-10-06 23:59:59，本行为 2021-10-08 23:59:59"), m);
        assertTrue(m.contains("满意度：已导入为 满意，本行为 不满意"), m);
    }
}
