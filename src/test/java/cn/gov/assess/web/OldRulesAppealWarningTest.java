package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.issuance.Appeal;
import cn.gov.assess.issuance.Appeals;
import cn.gov.assess.issuance.NoticeRows;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 当前发布的规则版本早于申诉功能（没有 申诉类型.csv、没有核减规则）时，办公室在规则版本页、rules versions 与申诉的决定页
 * 读到中文提示；有这两样的版本不提示。
 */
class OldRulesAppealWarningTest {
    static final String NO_EXCLUSION = "当前发布的规则版本没有核减规则，同意的申诉（核减）不会计入考核；请发布包含核减规则的新版本";
    static final String NO_KINDS = "当前发布的规则版本没有申诉类型表（rules/申诉类型.csv），单位不能提出申诉；请发布包含它的新版本";

    /** issue 24 之前的规则目录：删去申诉类型表与核减规则。 */
    static Path oldRules(Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Files.delete(copy.resolve(AppealKinds.FILE));
        Path drl = copy.resolve("10-转办分类.drl");
        String text = Files.readString(drl);
        int start = text.indexOf("// 经办同意申诉、核减的转办");
        int end = text.indexOf("end\n", start) + 4;
        Files.writeString(drl, text.substring(0, start) + text.substring(end));
        return copy;
    }

    @Test
    void theCurrentRulesSayWhatIsMissing(@TempDir Path tmp) throws IOException {
        assertEquals(List.of(), AppealKinds.missing(TestSupport.rules(), "当前发布的规则版本"));
        Path rules = oldRules(tmp);
        assertEquals(List.of(NO_KINDS, NO_EXCLUSION), AppealKinds.missing(RuleSet.load(rules), "当前发布的规则版本"));

        String url = Database.fileUrl(tmp.resolve("db/assess"));
        Database db = Database.open(Database.shared(url));
        WebServer server = null;
        try {
            RuleSet current = TestSupport.rules();
            new Importer(db, current).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            Period q = Period.parse("2021-Q4");
            long run = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), current).runId();
            NoticeRows.open(db, "2021-Q4", run, LocalDate.now().plusDays(3));
            long unit = TestSupport.scalar(db, "select id from unit where name = '县住建局'");
            long assignment = TestSupport.scalar(db, "select a.id from assignment a join work_order o on o.id = a.order_id "
                    + "where o.order_no = 'RX202112120003' and a.unit_id = " + unit);
            Appeal a = new Appeals(db).file(AppealKinds.of(current), new Appeals.Filing("2021-Q4", unit, List.of(assignment),
                    "非本单位职责", "", "派单有误", null, "住建局账号"), LocalDate.now());
            new Accounts(db).add("经办丙", Role.经办, null, "correct-horse-1".toCharArray());
            new Accounts(db).add("查看乙", Role.查看, null, "correct-horse-1".toCharArray());
            server = new WebServer(db, rules).start("127.0.0.1", 0); // 旧目录登记为第 1 版（当前发布）
            WebClient op = new WebClient("http://127.0.0.1:" + server.port());
            assertEquals(302, op.login("经办丙", "correct-horse-1").statusCode());
            String versions = op.get("/rules/versions").body();
            assertTrue(versions.contains(NO_EXCLUSION) && versions.contains(NO_KINDS), versions);
            String decide = op.get("/appeals/" + a.getId()).body();
            assertTrue(decide.contains("id=\"decide-form\"") && decide.contains(NO_EXCLUSION), decide);
            WebClient viewer = new WebClient("http://127.0.0.1:" + server.port());
            assertEquals(302, viewer.login("查看乙", "correct-horse-1").statusCode());
            assertFalse(viewer.get("/appeals/" + a.getId()).body().contains(NO_EXCLUSION), "决定页之外（查看）不提示");

            CliTest.Outcome out = CliTest.exec("--db", url, "rules", "versions");
            assertEquals(0, out.code(), out.err());
            assertTrue(out.out().contains("注意：" + NO_EXCLUSION + "。") && out.out().contains("注意：" + NO_KINDS + "。"), out.out());
        } finally {
            if (server != null) {
                server.close();
            }
            db.close();
        }
    }
}
