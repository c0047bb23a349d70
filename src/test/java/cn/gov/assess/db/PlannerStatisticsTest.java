package cn.gov.assess.db;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 大批导入之后、考核读取之前，PostgreSQL 的规划器统计要跟上（否则每页都是全表扫描）；统计是新的就不重复分析。 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class PlannerStatisticsTest {
    @Parameter
    Engine engine;

    @Test
    void decision() {
        assertTrue(PlannerStatistics.stale(true, 1_000_000, 1_000_000), "从没分析过");
        assertTrue(PlannerStatistics.stale(false, -1, 0), "规划器不知道行数");
        assertTrue(PlannerStatistics.stale(false, 1_000_000, 1_210_001), "多出两成以上");
        assertFalse(PlannerStatistics.stale(false, 1_000_000, 1_210_000), "差一点");
        assertFalse(PlannerStatistics.stale(false, 0, 10_000), "小库：一万行以内不分析");
        assertTrue(PlannerStatistics.stale(false, 0, 10_001));
    }

    @Test
    void analysesOnceAfterAnImport(@TempDir Path tmp) throws Exception {
        String url = engine.freshUrl(tmp);
        try (Database db = Database.open(url)) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            boolean first = PlannerStatistics.refreshIfStale(db);
            boolean second = PlannerStatistics.refreshIfStale(db);
            if (engine == Engine.H2) {
                assertFalse(first, "H2 不需要");
                assertFalse(second);
                return;
            }
            assertTrue(first, "导入后从没分析过：要分析");
            assertFalse(second, "刚分析过：不再分析");
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 var rs = st.executeQuery("select c.reltuples, (select count(*) from assignment) from pg_class c "
                         + "where c.oid = to_regclass('assignment')")) {
                rs.next();
                assertEquals(rs.getLong(2), (long) rs.getDouble(1), "规划器知道转办表的行数");
            }
        }
    }
}
