package cn.gov.assess.workorder;

import cn.gov.assess.intake.Importer;
import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 导入：各类错误输入给出文件、行、列、值，并且数据库不变；重复导入不增加记录；隐私列不保存。 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class ImportTest {
    @Parameter
    Engine engine;
    private static final String HEADER = "渠道,工单编号,受理时间,办理单位,办理时限,办结时间,诉求人,联系电话\n";
    @TempDir
    Path dir;
    Database db;
    Importer importer;

    @BeforeEach
    void setUp() {
        db = engine.open();
        importer = new Importer(db, TestSupport.rules());
        importer.importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private long count(String entity) {
        return db.inTransaction(s -> s.createSelectionQuery("select count(*) from " + entity, Long.class).getSingleResult());
    }

    private List<String> failingImport(Path... files) {
        long orders = count("WorkOrder");
        long assignments = count("Assignment");
        long batches = count("ImportBatch");
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(files)));
        assertEquals(orders, count("WorkOrder"), "工单表不应改变");
        assertEquals(assignments, count("Assignment"), "转办表不应改变");
        assertEquals(batches, count("ImportBatch"), "导入批次表不应改变");
        return e.problems();
    }

    @Test
    void goodFileImportsAndReimportAddsNothing() throws IOException {
        Path f = file("a.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00,张三,13800000000\n"
                + "12345市民热线,RX1,2021-10-05 09:00,县交警大队,2021/10/10 18:00,2021/10/9,张三,13800000000\n");
        List<Importer.FileResult> r = importer.importPaths(List.of(f));
        assertEquals(2, r.get(0).rowsAdded());
        assertEquals(1, count("WorkOrder"));
        assertEquals(2, count("Assignment"));
        assertEquals(0, importer.importPaths(List.of(f)).get(0).rowsAdded());
        assertEquals(2, count("Assignment"));
    }

    @Test
    void aConflictFoundWhileWritingDiscardsTheRowsAlreadyStagedByThatImport() throws IOException {
        importer.importPaths(List.of(file("first.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00,,\n")));
        StringBuilder second = new StringBuilder(HEADER);
        for (int i = 0; i < 12_000; i++) { // 多于一块（5000 行），冲突在已写入几块之后才被发现
            second.append("12345市民热线,RN").append(i).append(",2021-10-06 09:00,绛帐镇,2021-10-11 18:00,,,\n");
        }
        second.append("12345市民热线,RX1,2021-10-07 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00,,\n");
        List<String> p;
        System.setProperty("assess.import.commitEvery", "5000"); // 让前两块已经提交
        try {
            p = failingImport(file("second.csv", second.toString()));
        } finally {
            System.clearProperty("assess.import.commitEvery");
        }
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("second.csv 第 12002 行") && p.get(0).contains("工单 RX1 已导入"), p.get(0));
        assertEquals(0L, (long) db.inTransaction(s -> s.createNativeQuery(
                "select count(*) from import_batch where state <> 'done'", Long.class).getSingleResult()));
    }

    @Test
    void badDateNamesFileLineColumnAndValue() throws IOException {
        Path f = file("bad-date.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,,,\n"
                + "12345市民热线,RX2,2021-13-05,绛帐镇,2021-10-10 18:00,,,\n"
                + "12345市民热线,RX3,2021-10-05,绛帐镇,下周一,,,\n");
        List<String> p = failingImport(f);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("bad-date.csv 第 3 行第 3 列（受理时间）") && p.get(0).contains("2021-13-05"), p.get(0));
        assertTrue(p.get(1).contains("第 4 行第 5 列（办理时限）") && p.get(1).contains("下周一"), p.get(1));
        // 位置是数据，不必从句子里拆
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(f)));
        cn.gov.assess.io.Problem first = e.located().get(0);
        assertTrue(first.file().endsWith("bad-date.csv"), first.file());
        assertEquals(3, first.row());
        assertEquals(3, first.column());
        assertEquals("受理时间", first.columnName());
        assertEquals("2021-13-05", first.value());
        assertEquals(p.get(0), first.message());
    }

    @Test
    void unknownUnitSuggestsTheClosestKnownName() throws IOException {
        List<String> p = failingImport(file("u.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,县城管执法大队,2021-10-10 18:00,,,\n"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("第 2 行第 4 列（办理单位）") && p.get(0).contains("县城管执法大队")
                && p.get(0).contains("最接近的已知单位是“县城管执法局”"), p.get(0));
    }

    @Test
    void missingColumnIsReported() throws IOException {
        List<String> p = failingImport(file("m.csv", "渠道,工单编号,受理时间,办理单位,办结时间\n12345市民热线,RX1,2021-10-05,绛帐镇,\n"));
        assertTrue(p.get(0).contains("缺少标准列 “办理时限”（也认：办理期限、截止时间") && p.get(0).contains("文件的表头是：渠道，工单编号"),
                p.get(0));
    }

    @Test
    void duplicateRowNamesBothLines() throws IOException {
        List<String> p = failingImport(file("d.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,,,\n"
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,,,\n"));
        assertTrue(p.get(0).contains("d.csv 第 3 行") && p.get(0).contains("重复") && p.get(0).contains("第 2 行"), p.get(0));
    }

    @Test
    void deadlineBeforeReceiptIsRejected() throws IOException {
        List<String> p = failingImport(file("dl.csv", HEADER
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-04 18:00,,,\n"));
        assertTrue(p.get(0).contains("第 2 行第 5 列（办理时限）") && p.get(0).contains("早于受理时间"), p.get(0));
    }

    @Test
    void wrongEncodingIsRejected() throws IOException {
        Path f = dir.resolve("utf16.csv");
        Files.write(f, HEADER.getBytes(StandardCharsets.UTF_16));
        assertTrue(failingImport(f).get(0).contains("UTF-16"));
        Path g = dir.resolve("binary.csv");
        Files.write(g, new byte[]{(byte) 0x80, (byte) 0xFF, 0x00, 0x41});
        assertTrue(failingImport(g).get(0).contains("无法识别文件编码"));
    }

    @Test
    void gbkFileIsDetectedAndImported() throws IOException {
        Path f = dir.resolve("gbk.csv");
        Files.write(f, (HEADER + "县长信箱,XZ1,2021-10-05 09:00,县城市管理执法局,2021-10-20 18:00,2021-10-08,李四,13900000000\n")
                .getBytes(Charset.forName("GBK")));
        Importer.FileResult r = importer.importPaths(List.of(f)).get(0);
        assertEquals("GB18030", r.encoding());
        assertEquals(1, r.rowsAdded());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        assertTrue(failingImport(file("empty.csv", "")).get(0).contains("文件为空"));
    }

    @Test
    void unconfiguredChannelSaysWhatToAddWhere() throws IOException {
        List<String> p = failingImport(file("c.csv", HEADER + "区长信箱,QZ1,2021-10-05,绛帐镇,2021-10-20,,,\n"));
        assertTrue(p.get(0).contains("渠道“区长信箱”未配置") && p.get(0).contains("channels.csv"), p.get(0));
    }

    @Test
    void everyBadRowOfEveryFileIsListedAndNothingIsWritten() throws IOException {
        Path good = file("good.csv", HEADER + "12345市民热线,RX9,2021-10-05,绛帐镇,2021-10-20,,,\n");
        Path bad = file("bad.csv", HEADER
                + "12345市民热线,RX1,2021-10-05,无此单位,2021-10-20,,,\n"
                + "12345市民热线,RX2,昨天,绛帐镇,2021-10-20,,,\n"
                + "12345市民热线,,2021-10-05,绛帐镇,2021-10-20,,,\n");
        assertEquals(3, failingImport(good, bad).size());
    }

    @Test
    void changedReimportIsRejectedAndPointsToCorrections() throws IOException {
        importer.importPaths(List.of(file("a.csv", HEADER + "12345市民热线,RX1,2021-10-05,绛帐镇,2021-10-20,2021-10-10,,\n")));
        List<String> p = failingImport(file("b.csv", HEADER + "12345市民热线,RX1,2021-10-05,绛帐镇,2021-10-20,2021-10-11,,\n"));
        assertTrue(p.get(0).contains("assess correct"), p.get(0));
    }

    @Test
    void optionalColumnsAreStoredAndComparedOnReimport() throws IOException {
        String head = "渠道,工单编号,受理时间,办理单位,办理时限,办结时间,签收时间,签收时限,满意度,退回次数,重办\n";
        Path f = file("opt.csv", head
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00,2021-10-05 10:30,2021-10-05,满意,2,是\n"
                + "12345市民热线,RX2,2021-10-06 09:00,绛帐镇,2021-10-11 18:00,,,,,,\n");
        assertEquals(2, importer.importPaths(List.of(f)).get(0).rowsAdded());
        assertEquals(1, TestSupport.scalar(db, "select count(*) from assignment where signed_at = timestamp '2021-10-05 10:30:00' "
                + "and sign_deadline = timestamp '2021-10-05 23:59:59' and satisfaction = '满意' and return_count = 2 and reopened"));
        assertEquals(1, TestSupport.scalar(db, "select count(*) from assignment where signed_at is null and sign_deadline is null "
                + "and satisfaction is null and return_count is null and reopened is null"));
        assertEquals(0, importer.importPaths(List.of(f)).get(0).rowsAdded(), "相同的文件再导入不应新增");
        List<String> p = failingImport(file("opt2.csv", head
                + "12345市民热线,RX1,2021-10-05 09:00,绛帐镇,2021-10-10 18:00,2021-10-08 10:00,2021-10-05 10:30,2021-10-05,不满意,2,是\n"));
        assertTrue(p.get(0).contains("满意度：已导入为 满意，本行为 不满意"), p.toString());
    }

    @Test
    void errorsInALargeFileComeInLineOrderAcrossCheckingBatches() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 1; i <= 7000; i++) {
            String unit = i == 2500 ? "无此单位" : "绛帐镇";
            String received = i == 10 ? "昨天" : "2021-10-05 09:00";
            String no = i == 6500 ? "RX100" : "RX" + i; // 第 6501 行重复第 101 行
            sb.append("12345市民热线,").append(no).append(',').append(received).append(',').append(unit)
                    .append(",2021-10-20,,,\n");
        }
        List<String> p = failingImport(file("big.csv", sb.toString()));
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).contains("big.csv 第 11 行") && p.get(0).contains("昨天"), p.get(0));
        assertTrue(p.get(1).contains("big.csv 第 2501 行") && p.get(1).contains("无此单位"), p.get(1));
        assertTrue(p.get(2).contains("big.csv 第 6501 行") && p.get(2).contains("重复") && p.get(2).contains("第 101 行"), p.get(2));

        StringBuilder ok = new StringBuilder(HEADER);
        for (int i = 1; i <= 7000; i++) {
            ok.append("12345市民热线,RX").append(i).append(",2021-10-05 09:00,绛帐镇,2021-10-20,,,\n");
            if (i % 1000 == 0) { // 同一工单的第二个承办单位，放到下一批里
                ok.append("12345市民热线,RX").append(i - 999).append(",2021-10-05 09:00,县交警大队,2021-10-20,,,\n");
            }
        }
        assertEquals(7007, importer.importPaths(List.of(file("ok.csv", ok.toString()))).get(0).rowsAdded());
        assertEquals(7000, count("WorkOrder"));
        assertEquals(7007, count("Assignment"));
    }

    @Test
    void citizensNamesAndPhonesAreNeverStored() {
        importer.importPaths(List.of(TestSupport.fixture("2021-Q4")));
        String dump = TestSupport.dump(db, false);
        assertFalse(dump.contains("诉求人") || dump.contains("联系电话") || dump.contains("诉求内容"), "表结构不含群众信息列");
        List<?> rows = db.inTransaction(s -> s.createNativeQuery(
                "select count(*) from assignment where unit_spelling like '1%' or unit_spelling like '%反映%'", Object.class)
                .getResultList());
        assertEquals("0", rows.get(0).toString());
        String data = TestSupport.dump(db, true);
        java.util.regex.Matcher phone = java.util.regex.Pattern.compile("(?<![0-9a-f])1[3-9]\\d{9}(?![0-9a-f])").matcher(data);
        assertFalse(phone.find(), () -> "数据库中不应出现手机号：" + data.substring(Math.max(0, phone.start() - 80), phone.end() + 20));
    }
}
