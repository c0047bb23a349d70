package cn.gov.assess.assessment;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.bench.Benchmark;
import cn.gov.assess.bench.SyntheticQuarter;
import cn.gov.assess.db.Database;
import cn.gov.assess.engine.AssignmentRow;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL 上考核读的是一个快照：读完单位之后、读转办之前别人提交了新单位和它的转办，考核也看不到那条转办
 * （否则转办的单位不在已读的单位表里：CI 上“导入进行中开始考核”曾因此报程序内部错误 NullPointerException）。
 * H2 库同时只归一个命令，网页的后台任务也一个接一个执行，没有这种并发。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class PeriodSnapshotTest {
    @Parameter
    Engine engine;

    @Test
    void anImportCommittedWhileReadingIsNotHalfSeen(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(engine == Engine.POSTGRESQL, "H2 库同时只许一个命令使用");
        SyntheticQuarter.write(tmp.resolve("data"), 300, 10, 3, false);
        try (Database db = Database.open(engine.freshUrl(tmp.resolve("db")))) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(tmp.resolve("data")));
            long before = TestSupport.scalar(db, "select count(*) from assignment");
            try (PeriodReader reader = PeriodReader.open(db, Benchmark.PERIOD, Benchmark.CUTOFF)) {
                int units = reader.input().units().size();
                // 另一个连接提交：一个新单位、它的一件工单和转办
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    st.executeUpdate("insert into unit (id, name, kind, sort_order) values (990001, '快照外的新单位', "
                            + "(select kind from unit fetch first 1 row only), 999)");
                    st.executeUpdate("insert into work_order (id, channel, order_no, received_at, batch_id) select 990001, channel, "
                            + "'SNAPSHOT-1', received_at, batch_id from work_order order by id fetch first 1 row only");
                    st.executeUpdate("insert into assignment (id, order_id, unit_id, unit_spelling, deadline, completed_at, batch_id) "
                            + "select 990001, 990001, 990001, '快照外的新单位', deadline, completed_at, batch_id from assignment "
                            + "order by id fetch first 1 row only");
                    c.commit();
                }
                assertEquals(before + 1, TestSupport.scalar(db, "select count(*) from assignment"), "新转办已提交");
                long seen = 0;
                for (Iterator<List<AssignmentRow>> pages = reader.input().pages(); pages.hasNext(); ) {
                    for (AssignmentRow r : pages.next()) {
                        assertTrue(r.unitId() != 990001, "考核读到了快照之后提交的转办");
                        seen++;
                    }
                }
                assertEquals(before, seen);
                assertEquals(units, reader.input().units().size());
            }
        }
    }
}
