package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.policy.RuleSet;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * 工作台（首页、图表、工具）的测试库：演示数据 fixtures/2021-Q4，按月考核三期（2021-10、2021-11、2021-12），首页因此有上期与趋势；
 * 账号各一种角色，单位账号是县人社局。测试用的 /test/boom 路由抛异常（检查 500 页）。每个测试进程只建一次；
 * 会改数据的测试（作废运行）只作废它自己另加的运行。
 */
final class DashboardFixture {
    static final String VIEWER = "查看甲";
    static final String UNIT_USER = "人社局甲";
    static final String UNIT = "县人社局";
    static final String OPERATOR = "经办甲";
    static final String ADMIN = "管理员乙";
    static final String REVIEWER = "审核甲";
    static final String EDITOR = "规则管理甲";
    static final String PASSWORD = "correct-horse-3";
    static final List<String> MONTHS = List.of("2021-10", "2021-11", "2021-12");

    private static DashboardFixture instance;

    final Database db;
    final WebServer server;
    final String base;
    final RuleSet rules;
    /** 各月的运行编号，按 MONTHS 的顺序。 */
    final List<Long> runs = new ArrayList<>();

    private DashboardFixture() throws IOException {
        Path dir = Files.createTempDirectory("assess-dashboard");
        db = Database.open(Database.fileUrl(dir.resolve("assess")));
        rules = TestSupport.rules();
        new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        for (String m : MONTHS) {
            Period p = Period.parse(m);
            runs.add(new AssessPeriod(db).assessAndSave(p, p.defaultCutoff(), rules).runId());
        }
        Accounts accounts = new Accounts(db);
        accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
        accounts.add(UNIT_USER, Role.单位, UNIT, PASSWORD.toCharArray());
        accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
        accounts.add(ADMIN, Role.管理员, null, PASSWORD.toCharArray());
        accounts.add(REVIEWER, Role.审核, null, PASSWORD.toCharArray());
        accounts.add(EDITOR, Role.规则管理, null, PASSWORD.toCharArray());
        // 各月的通报都已签发：单位账号只看签发（或核对中）的通报所用的运行
        cn.gov.assess.issuance.NoticeFlow flow = new cn.gov.assess.issuance.NoticeFlow(db);
        cn.gov.assess.issuance.NoticeFlow.Actor op = new cn.gov.assess.issuance.NoticeFlow.Actor(OPERATOR, true, false);
        for (long run : runs) {
            long notice = flow.draft(run, op).getId();
            flow.open(notice, java.time.LocalDate.now(), op);
            flow.close(notice, op);
            flow.sign(notice, "扶政办函〔2022〕" + run + "号", java.time.LocalDate.of(2022, 1, 14), new cn.gov.assess.issuance.NoticeFlow.Actor(REVIEWER, false, true));
        }
        WebServer s = new WebServer(db, TestSupport.rulesDir());
        s.extraControllers.add((RoutesConfig r) -> r.get("/test/boom", ctx -> {
            throw new IllegalStateException("测试用的内部错误 secret-detail");
        }));
        server = s.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    static synchronized DashboardFixture get() {
        if (instance == null) {
            try {
                instance = new DashboardFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    long latest() {
        return runs.get(runs.size() - 1);
    }

    long unitId(String name) {
        return db.inTransaction(s -> s.createSelectionQuery("select u.id from Unit u where u.name = :n", Long.class)
                .setParameter("n", name).getSingleResult());
    }

    /** 登录好的会话。 */
    WebClient client(String account) {
        WebClient c = new WebClient(base);
        c.login(account, PASSWORD);
        return c;
    }
}
