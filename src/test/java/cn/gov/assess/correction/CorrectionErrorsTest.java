package cn.gov.assess.correction;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 更正文件：每一处错误都报（一行多处也都报）；与现有记录相同时写明列与新旧值；“没有派给某单位”说明现在派给谁。 */
class CorrectionErrorsTest {
    private static final String HEADER = "渠道,工单编号,办理单位,更正项目,新值,原因,提出人\n";
    static Database db;

    @BeforeAll
    static void setUp() {
        db = TestSupport.memoryDb();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static List<String> fail(Path dir, String rows) throws Exception {
        Path f = Files.writeString(dir.resolve("更正.csv"), HEADER + rows);
        long before = TestSupport.scalar(db, "select count(*) from correction");
        InputException e = assertThrows(InputException.class, () -> new Corrections(db).record(f));
        assertEquals(before, TestSupport.scalar(db, "select count(*) from correction"), "有错时一条也不登记");
        return e.problems();
    }

    @Test
    void everyErrorOfEveryRowIsReported(@TempDir Path dir) throws Exception {
        List<String> p = fail(dir, "12345市民热线,NOPE,县城管局,办理时限,明天,核实,张三\n"
                + "12345市民热线,RX202110010001,县商信局,办结单位,x,核实,张三\n"
                + "12345市民热线,RX202110010001,县商信局,办结时间,2021-13-40,核实,\n");
        // 第 2 行三处：工单、单位、新值；第 3 行一处：更正项目；第 4 行两处：提出人为空、新值不是日期
        assertTrue(p.stream().anyMatch(x -> x.contains("第 2 行第 2 列（工单编号）") && x.contains("没有工单“NOPE”")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("第 2 行第 3 列（办理单位）") && x.contains("最接近的已知单位是“县城管执法局”")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("第 2 行第 5 列（新值）") && x.contains("无法识别的日期“明天”")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("第 3 行第 4 列（更正项目）")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("第 4 行第 7 列（提出人）")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.contains("第 4 行第 5 列（新值）") && x.contains("2021-13-40")), p.toString());
        assertEquals(6, p.size(), p.toString());
    }

    @Test
    void notAssignedSaysWhereTheOrderIsNow(@TempDir Path dir) throws Exception {
        List<String> p = fail(dir, "12345市民热线,RX202110010001,县人社局,办结时间,2021-10-03 13:00,核实,张三\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("工单 RX202110010001 没有派给“县人社局”，现在派给：县商信局"), p.get(0));
    }

    @Test
    void sameAsTheRecordNamesColumnAndOldAndNewValues(@TempDir Path dir) throws Exception {
        List<String> p = fail(dir, "12345市民热线,RX202110010001,县商信局,办结时间,2021-10-03 13:16:07,核实,张三\n"
                + "12345市民热线,RX202110010001,县商信局,办理单位,县商信局,核实,张三\n");
        assertTrue(p.get(0).contains("（办结时间：现为 2021-10-03 13:16:07，新值为 2021-10-03 13:16:07）"), p.get(0));
        assertTrue(p.get(1).contains("已派给“县商信局”（办理单位：现为 县商信局，新值为 县商信局）"), p.get(1));
    }
}
