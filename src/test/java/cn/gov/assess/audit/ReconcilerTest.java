package cn.gov.assess.audit;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 核对已发布通报：在 2021 年四季度的通报中自行找出已知的两处错误，不多报。 */
class ReconcilerTest {
    static Database db;
    static RunStore.StoredRun run;

    @BeforeAll
    static void setUp() {
        db = TestSupport.memoryDb();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        Period q4 = Period.parse("2021-Q4");
        RunStore store = new RunStore(db);
        run = store.load(new AssessPeriod(db).assessAndSave(q4, q4.defaultCutoff(), TestSupport.rules()).runId());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void findsExactlyTheKnownDisagreementsInThePublishedNotice() {
        Reconciler.Result r = cn.gov.assess.assessment.StoredRuns.reconciler(db).reconcile(run, TestSupport.fixture("2021-Q4").resolve("published"));
        assertEquals(2, r.disagreements().size(), String.join("\n", r.lines()));
        assertTrue(r.disagreements().get(0).contains("县人社局 按期办结率：通报为 95.95%，数据为 96%")
                && r.disagreements().get(0).contains("(75 − 3) / 75 应为 96%"), r.disagreements().get(0));
        assertTrue(r.disagreements().get(1).contains("漏列 县人社局") && r.disagreements().get(1).contains("多于已列入的县卫健局（52）"),
                r.disagreements().get(1));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("1118 不等于各行之和 1186") && n.contains("合办工单")), r.notes().toString());
    }

    @Test
    void ourOwnReportReconcilesCleanly(@TempDir Path out) {
        new cn.gov.assess.notice.ReportWriter().write(run, out);
        Reconciler.Result r = cn.gov.assess.assessment.StoredRuns.reconciler(db).reconcile(run, out);
        assertEquals(List.of(), r.disagreements());
    }

    @Test
    void aWrongTotalThatCoHandlingCannotExplainIsADisagreement(@TempDir Path dir) throws IOException {
        Path published = TestSupport.fixture("2021-Q4").resolve("published");
        Files.writeString(dir.resolve("annex-2.csv"), Files.readString(published.resolve("annex-2.csv"))
                .replace("合计,50,50,100%,7,86%", "合计,52,52,100%,7,86.54%"));
        Reconciler.Result r = cn.gov.assess.assessment.StoredRuns.reconciler(db).reconcile(run, dir);
        assertTrue(r.disagreements().stream().anyMatch(d -> d.contains("合计 应办件数：通报为 52，数据为 50")), r.lines().toString());
        assertTrue(r.disagreements().stream().anyMatch(d -> d.contains("不等于各行之和 54，差 2；合办工单只能解释 4")), r.lines().toString());
    }
}
