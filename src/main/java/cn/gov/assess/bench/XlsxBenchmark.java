package cn.gov.assess.bench;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvStream;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Excel 导入基准：把合成季度写成平台样式的 .xlsx（承办单位、来电时间、办理期限、完成时间、工单号，日期是日期单元格，
 * 另有来电人、联系电话两列隐私列；字符串放在共享字符串表里，与 Excel 保存的文件相同），导入新的嵌入式库，
 * 量行/秒与导入期间 Java 堆的峰值。
 */
public final class XlsxBenchmark {
    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Figures(long rows, double fileMb, double writeSeconds, double importSeconds, double rowsPerSecond,
                          double peakHeapMb, long maxHeapMb, boolean sharedStrings) {
    }

    private XlsxBenchmark() {
    }

    public static Figures run(Path work, long n, int units, long seed, RuleSet rules, boolean sharedStrings) throws IOException {
        deleteTree(work);
        Files.createDirectories(work);
        long written = SyntheticQuarter.write(work, n, units, seed, false);
        Path csv = work.resolve("派单.csv");
        Path xlsx = work.resolve("12345平台导出.xlsx");
        long t0 = System.nanoTime();
        toXlsx(csv, xlsx, sharedStrings);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(csv);
        double fileMb = Files.size(xlsx) / 1048576.0;
        Path dbDir = work.resolve("db");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t1 = System.nanoTime();
        try (Database db = Database.open(Database.fileUrl(dbDir.resolve("assess")))) {
            new Importer(db, rules).importPaths(List.of(work.resolve("units.csv"), xlsx));
        }
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Figures(written, fileMb, writeSeconds, importSeconds, written / importSeconds, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576, sharedStrings);
    }

    /** 逐行读合成的 CSV，用 SXSSF（只在内存里留 100 行）写成平台样式的工作簿。 */
    static void toXlsx(Path csv, Path xlsx, boolean sharedStrings) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, sharedStrings);
             CsvStream in = CsvStream.open(csv); OutputStream out = Files.newOutputStream(xlsx)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            SXSSFSheet sheet = wb.createSheet("工单明细");
            sheet.createRow(0).createCell(0).setCellValue("12345 热线工单导出");
            String[] header = {"工单号", "渠道", "来电时间", "来电人", "联系电话", "承办单位", "办理期限", "完成时间"};
            Row h = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int cCh = in.index("渠道");
            int cNo = in.index("工单编号");
            int cRec = in.index("受理时间");
            int cUnit = in.index("办理单位");
            int cDl = in.index("办理时限");
            int cDone = in.index("办结时间");
            int cName = in.index("诉求人");
            int cPhone = in.index("联系电话");
            int r = 2;
            while (in.next()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(in.get(cNo));
                row.createCell(1).setCellValue(in.get(cCh));
                dateCell(row, 2, in.get(cRec), date);
                row.createCell(3).setCellValue(in.get(cName));
                row.createCell(4).setCellValue(in.get(cPhone));
                row.createCell(5).setCellValue(in.get(cUnit));
                dateCell(row, 6, in.get(cDl), date);
                dateCell(row, 7, in.get(cDone), date);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static void dateCell(Row row, int c, String v, CellStyle style) {
        if (v.isEmpty()) {
            return;
        }
        var cell = row.createCell(c);
        cell.setCellValue(LocalDateTime.parse(v, F));
        cell.setCellStyle(style);
    }

    public static String markdownHeader() {
        return "| 转办行数 | .xlsx 大小 | 字符串 | 生成 .xlsx | 导入 | 导入行/秒 | 导入期间堆峰值 | 最大堆 |\n"
                + "|---:|---:|---|---:|---:|---:|---:|---:|\n";
    }

    public static String markdownRow(Figures f) {
        return String.format("| %,d | %.1f MB | %s | %.1f 秒 | %.1f 秒 | %,.0f | %.0f MB | %,d MB |%n", f.rows(), f.fileMb(),
                f.sharedStrings() ? "共享字符串表" : "内联字符串", f.writeSeconds(), f.importSeconds(), f.rowsPerSecond(),
                f.peakHeapMb(), f.maxHeapMb());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
