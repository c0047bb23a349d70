package cn.gov.assess.monitoring;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 监测类文件导入：每种文件的错误给出行列与值，且数据库不变。 */
class MonitoringImportTest {
    @TempDir
    Path dir;
    Database db;
    Importer importer;

    @BeforeEach
    void setUp() {
        db = TestSupport.memoryDb();
        importer = new Importer(db, TestSupport.rules());
        Path f = TestSupport.fixture("2021-Q4");
        importer.importPaths(List.of(f.resolve("units.csv"), f.resolve("新媒体账号.csv")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long rows() {
        return db.inTransaction(s -> s.createSelectionQuery("select count(*) from WebsiteColumn", Long.class).getSingleResult()
                + s.createSelectionQuery("select count(*) from WebsiteCheck", Long.class).getSingleResult()
                + s.createSelectionQuery("select count(*) from MediaAccount", Long.class).getSingleResult()
                + s.createSelectionQuery("select count(*) from MediaCheck", Long.class).getSingleResult()
                + s.createSelectionQuery("select count(*) from Interview", Long.class).getSingleResult()
                + s.createSelectionQuery("select count(*) from ImportBatch", Long.class).getSingleResult());
    }

    private String fails(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        long before = rows();
        InputException e = assertThrows(InputException.class, () -> importer.importPaths(List.of(f)));
        assertEquals(before, rows(), "数据库不应改变");
        return String.join("\n", e.problems());
    }

    @Test
    void websiteColumnsWithUnknownUnit() throws IOException {
        String p = fails("栏目.csv", "序号,单位名称\n1,县教体局\n2,县教育局\n");
        assertTrue(p.contains("栏目.csv 第 3 行第 2 列（单位名称）：未知单位“县教育局”"), p);
    }

    @Test
    void websiteChecksWithBadNumberAndFlag() throws IOException {
        String p = fails("网站.csv", "监测日期,单位名称,栏目未更新天数,空白栏目数,超三个月未回复留言数,网站可访问,新发布信息数\n"
                + "2021-10-10,县教体局,三,0,0,是,5\n2021-10-10,县卫健局,1,0,0,可以,5\n");
        assertTrue(p.contains("第 2 行第 3 列（栏目未更新天数）：“三”不是非负整数"), p);
        assertTrue(p.contains("第 3 行第 6 列（网站可访问）：“可以”应为“是”或“否”"), p);
    }

    @Test
    void mediaAccountsWithBadStatusAndMissingDeadline() throws IOException {
        String p = fails("账号.csv", "序号,平台,账号名称,责任主体,状态,注销期限\n1,微信,甲,县教体局,停用,\n2,微博,乙,县教体局,注销中,\n");
        assertTrue(p.contains("第 2 行第 5 列（状态）：“停用”应为 正常、注销中 或 已注销"), p);
        assertTrue(p.contains("第 3 行第 6 列（注销期限）：注销期限为空"), p);
    }

    @Test
    void mediaChecksForAnUnregisteredAccount() throws IOException {
        String p = fails("新媒体.csv", "监测日期,平台,账号名称,距上次发布天数,期间发布数,转发要求信息,督促次数\n"
                + "2021-10-04,微信,扶风发布,1,5,是,0\n2021-10-04,微信,扶风发布2,1,5,是,0\n2021-10-04,微信,扶风发布,1,5,是,0\n");
        assertTrue(p.contains("第 3 行第 3 列（账号名称）：未登记的账号：微信“扶风发布2”"), p);
        assertTrue(p.contains("第 4 行：与新媒体.csv 第 2 行重复") || p.contains("第 4 行：与"), p);
    }

    @Test
    void interviewsWithBadDate() throws IOException {
        String p = fails("访谈.csv", "访谈日期,单位名称,主题\n2021-11-31,法门镇,乡村振兴\n");
        assertTrue(p.contains("第 2 行第 1 列（访谈日期）：无法识别的日期“2021-11-31”"), p);
    }

    @Test
    void reimportingTheFixtureAddsNothing() {
        importer.importPaths(List.of(TestSupport.fixture("2021-Q4")));
        long before = rows();
        List<Importer.FileResult> again = importer.importPaths(List.of(TestSupport.fixture("2021-Q4")));
        assertTrue(again.stream().allMatch(r -> r.rowsAdded() == 0), again.toString());
        assertEquals(before + again.size(), rows(), "只多了导入批次记录");
    }
}
