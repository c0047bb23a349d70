package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * 网页测试共用：一个 H2 文件库，导入演示数据 fixtures/2021-Q4，另加两个名字有害的单位（各一件 12345 工单），
 * 考核两次（供“比较”页），由第二次运行签发本期通报，建几个账号，在随机端口启动网页服务。每个测试进程只建一次。
 */
final class WebFixture {
    static final String HOSTILE_FORMULA = "=HYPERLINK(\"http://evil.example/\",\"点我\")";
    static final String HOSTILE_SCRIPT = "<script>alert(1)</script>";
    static final String ADMIN = "管理员甲";
    static final String VIEWER = "查看乙";
    static final String UNIT_USER = "人社局账号";
    static final String OPERATOR = "经办丙";
    static final String RULE_EDITOR = "规则管理丁";
    static final String REVIEWER = "审核戊";
    static final String PASSWORD = "correct-horse-1";

    private static WebFixture instance;

    final Database db;
    final Path dbPath;
    final WebServer server;
    final long run1;
    final long run2;
    final String base;

    private WebFixture() throws IOException {
        Path dir = Files.createTempDirectory("assess-web");
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("units-hostile.csv"), "单位名称,类型,排序,别名\n"
                + csvCell(HOSTILE_FORMULA) + ",部门,200,\n" + csvCell(HOSTILE_SCRIPT) + ",部门,201,\n", StandardCharsets.UTF_8);
        Files.writeString(extra.resolve("dispatch-hostile.csv"), "渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n"
                + "12345市民热线,WEBTEST0001,2021-11-02 09:00:00," + csvCell(HOSTILE_FORMULA) + ",2021-11-09 18:00:00,2021-11-05 10:00:00\n"
                + "12345市民热线,WEBTEST0002,2021-11-03 09:00:00," + csvCell(HOSTILE_SCRIPT) + ",2021-11-10 18:00:00,2021-11-06 10:00:00\n",
                StandardCharsets.UTF_8);
        dbPath = dir.resolve("assess");
        // 与 assess serve 一样用 AUTO_SERVER 打开，命令行（另一个进程）可同时使用
        db = Database.open(Database.shared(Database.fileUrl(dbPath)));
        RuleSet rules = TestSupport.rules();
        new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4"), extra));
        Period q = Period.parse("2021-Q4");
        run1 = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), rules).runId();
        run2 = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), rules).runId();
        Accounts accounts = new Accounts(db);
        accounts.add(ADMIN, Role.管理员, null, PASSWORD.toCharArray());
        accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
        accounts.add(UNIT_USER, Role.单位, "县人社局", PASSWORD.toCharArray());
        accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
        accounts.add(RULE_EDITOR, Role.规则管理, null, PASSWORD.toCharArray());
        accounts.add(REVIEWER, Role.审核, null, PASSWORD.toCharArray());
        // 本期通报由运行 2 签发：运行 2 是正式结果，单位账号能看；运行 1 已被取代
        cn.gov.assess.issuance.NoticeFlow flow = new cn.gov.assess.issuance.NoticeFlow(db);
        cn.gov.assess.issuance.NoticeFlow.Actor op = new cn.gov.assess.issuance.NoticeFlow.Actor(OPERATOR, true, false);
        long notice = flow.draft(run2, op).getId();
        flow.open(notice, java.time.LocalDate.now(), op);
        flow.close(notice, op);
        flow.sign(notice, null, null, new cn.gov.assess.issuance.NoticeFlow.Actor(REVIEWER, false, true));
        server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** 管理员以外、各有一种角色的账号（查看、单位、经办、规则管理、审核）。 */
    static List<String> roleAccounts() {
        return List.of(VIEWER, UNIT_USER, OPERATOR, RULE_EDITOR, REVIEWER);
    }

    static synchronized WebFixture get() {
        if (instance == null) {
            try {
                instance = new WebFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    long unitId(String name) {
        return db.inTransaction(s -> s.createSelectionQuery("select u.id from Unit u where u.name = :n", Long.class)
                .setParameter("n", name).getSingleResult());
    }

    /** 指向本测试服务器的会话（见 {@link WebClient}）。 */
    final class Client extends WebClient {
        Client() {
            super(WebFixture.this.base);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
