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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * 会改数据的网页测试（更正、重新考核、导入）各用一份：新的 H2 文件库，导入 fixtures/2021-Q4，考核一次，建经办、查看、
 * 单位账号，在随机端口启动网页服务。不碰共用的 {@link WebFixture}。
 */
final class CorrectionFixture implements AutoCloseable {
    static final String OPERATOR = "经办丙";
    static final String OPERATOR2 = "经办丁";
    static final String VIEWER = "查看乙";
    static final String UNIT_USER = "住建局账号";
    static final String PASSWORD = "correct-horse-1";
    /** 县住建局唯一一件逾期未办的工单（办理时限 2021-12-17，未办结）：它使县住建局被一票否决。 */
    static final String OVERDUE_ORDER = "RX202112120003";
    static final String HOTLINE = "12345市民热线";

    final Path dir;
    final Database db;
    final RuleSet rules;
    final WebServer server;
    final long run1;
    final String base;

    CorrectionFixture() {
        try {
            dir = Files.createTempDirectory("assess-web-corr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = Database.open(Database.shared(Database.fileUrl(dir.resolve("assess"))));
        rules = TestSupport.rules();
        new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        Period q = Period.parse("2021-Q4");
        run1 = new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), rules).runId();
        Accounts accounts = new Accounts(db);
        accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
        accounts.add(OPERATOR2, Role.经办, null, PASSWORD.toCharArray());
        accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
        accounts.add(UNIT_USER, Role.单位, "县住建局", PASSWORD.toCharArray());
        server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    long scalar(String sql) {
        return TestSupport.scalar(db, sql);
    }

    long unitId(String name) {
        return db.inTransaction(s -> s.createSelectionQuery("select u.id from Unit u where u.name = :n", Long.class)
                .setParameter("n", name).getSingleResult());
    }

    /** 一件工单的一次转办的编号（按当前单位找）。 */
    long assignmentId(String orderNo, String unit) {
        return scalar("select a.id from assignment a join work_order o on o.id = a.order_id join unit u on u.id = a.unit_id "
                + "where o.order_no = '" + orderNo + "' and u.name = '" + unit + "'");
    }

    Client login(String name) {
        Client c = new Client();
        HttpResponse<String> r = c.login(name, PASSWORD);
        if (r.statusCode() != 302) {
            throw new AssertionError(name + " 登录失败：" + r.statusCode());
        }
        return c;
    }

    /** 指向本测试服务器的会话（见 {@link WebClient}）。 */
    final class Client extends WebClient {
        Client() {
            super(CorrectionFixture.this.base);
        }
    }

    static String enc(String s) {
        return WebFixture.enc(s);
    }
}
