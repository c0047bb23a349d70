package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * 会改数据的网页测试（导入、考核）用：每个测试类自己的 H2 文件库与网页服务，不碰共用的 {@link WebFixture}。
 * 库里有演示数据 fixtures/2021-Q4 中除“12345市民热线.csv”以外的文件和（可选）一次 2021-Q4 的运行；账号：经办、查看、单位各一个。
 */
final class OperateFixture implements AutoCloseable {
    static final String OPERATOR = "经办丙";
    static final String VIEWER = "查看丁";
    static final String UNIT_USER = "住建局账号";
    static final String PASSWORD = "correct-horse-2";
    static final String HOTLINE = "12345市民热线.csv";

    final Path dir;
    final Database db;
    final WebServer server;
    final String base;
    final long firstRun;

    OperateFixture() throws IOException {
        this(true);
    }

    /** @param withRun 是否先做一次 2021-Q4 的运行（“新运行与旧运行并列”要它；其余测试省下一次编译规则与考核） */
    OperateFixture(boolean withRun) throws IOException {
        dir = Files.createTempDirectory("assess-operate");
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> s = Files.list(TestSupport.fixture("2021-Q4"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals(HOTLINE)).toList()) {
                Files.copy(p, data.resolve(p.getFileName().toString()));
            }
        }
        db = Database.open(Database.fileUrl(dir.resolve("assess")));
        RuleSet rules = TestSupport.rules();
        new Importer(db, rules).importPaths(List.of(data));
        Period q = Period.parse("2021-Q4");
        firstRun = withRun ? new AssessPeriod(db).assessAndSave(q, q.defaultCutoff(), rules).runId() : 0;
        Accounts accounts = new Accounts(db);
        accounts.add(OPERATOR, Role.经办, null, PASSWORD.toCharArray());
        accounts.add(VIEWER, Role.查看, null, PASSWORD.toCharArray());
        accounts.add(UNIT_USER, Role.单位, "县住建局", PASSWORD.toCharArray());
        server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** 各表的行数（导入失败前后比较：数据库没有改变）。 */
    String counts() {
        List<String> out = new ArrayList<>();
        for (String t : List.of("unit", "unit_alias", "work_order", "assignment", "import_batch", "assessment_run", "run_trail")) {
            out.add(t + "=" + TestSupport.scalar(db, "select count(*) from " + t));
        }
        return String.join(" ", out);
    }

    /** 演示数据的 12345 热线文件，把第 line 行（表头是第 1 行）的受理时间换成 badDate。 */
    Path hotlineWithBadDate(int line, String badDate) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestSupport.fixture("2021-Q4").resolve(HOTLINE), StandardCharsets.UTF_8));
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[2] = badDate; // 工单编号,渠道,受理时间,…
        lines.set(line - 1, String.join(",", cells));
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve(HOTLINE);
        Files.write(bad, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return bad;
    }

    Path goodHotline() {
        return TestSupport.fixture("2021-Q4").resolve(HOTLINE);
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    /** 指向本测试服务器的会话（见 {@link WebClient}）；login(账号) 用测试口令登录并返回自己。 */
    final class Client extends WebClient {
        Client() {
            super(OperateFixture.this.base);
        }

        Client login(String name) {
            HttpResponse<String> r = login(name, PASSWORD);
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                throw new AssertionError("登录失败：" + r.statusCode() + " " + r.body());
            }
            return this;
        }
    }
}
