package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * 规则管理测试用的一套新库与新服务（每个测试类一套，不动共用的 WebFixture）：账号 规则管理 ×2、审核、查看、单位、经办；
 * withData 时导入演示数据 2021-Q4（浏览器测试要开始考核）。服务启动时把规则目录登记为第 1 版。
 */
final class RulesFixture implements AutoCloseable {
    static final String EDITOR = "规则甲";
    static final String EDITOR2 = "规则丙";
    static final String APPROVER = "审核乙";
    static final String VIEWER = "查看丁";
    static final String UNIT = "单位戊";
    static final String OPERATOR = "经办己";
    static final String ADMIN = "管理员庚";
    static final String PASSWORD = "correct-horse-1";

    final Database db;
    final WebServer server;
    final String base;

    RulesFixture(boolean withData) {
        try {
            Path dir = Files.createTempDirectory("assess-rules-web");
            db = Database.open(Database.shared(Database.fileUrl(dir.resolve("assess"))));
            if (withData) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            } else {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv")));
            }
            Accounts accounts = new Accounts(db);
            accounts.add(EDITOR, Role.规则管理, null, PASSWORD.toCharArray());
            accounts.add(EDITOR2, Role.规则管理, null, PASSWORD.toCharArray());
            accounts.add(APPROVER, Role.审核, null, PASSWORD.toCharArray());
            accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
            accounts.add(UNIT, Role.单位, "县人社局", PASSWORD.toCharArray());
            accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
            accounts.add(ADMIN, Role.管理员, null, PASSWORD.toCharArray());
            server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
            base = "http://127.0.0.1:" + server.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    Client client(String name) {
        Client c = new Client();
        HttpResponse<String> r = c.login(name, PASSWORD);
        if (r.statusCode() != 302) {
            throw new AssertionError("登录 " + name + " 失败：" + r.statusCode());
        }
        return c;
    }

    /** 指向本测试服务器的会话（见 {@link WebClient}）。 */
    final class Client extends WebClient {
        Client() {
            super(RulesFixture.this.base);
        }
    }

    static String enc(String s) {
        return WebFixture.enc(s);
    }
}
