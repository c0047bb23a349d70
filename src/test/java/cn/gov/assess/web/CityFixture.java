package cn.gov.assess.web;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.assessment.RulesCheck;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.issuance.Appeals;
import cn.gov.assess.issuance.NoticeFlow;
import cn.gov.assess.issuance.NoticeRows;
import cn.gov.assess.ruleversions.RulesVersions;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * 一个市（登记库自己的辖区“宝鸡市”）和两个县，像 assessment/JurisdictionsRunTest 那样各导入 2021-Q4 的扶风样例：
 * 扶风县考核一次并签发通报（文号 {@link #FUFENG_DOC}）；岐山县名额改小（规则第 2 版），另有一个只有它才有的单位与工单、
 * 考核两次、通报核对中、一件申诉。两个县的运行、通报、申诉编号都从 1 起（各自的 schema），所以“运行 #1”两个县都有。
 * 岐山县特有的字样（{@link #QISHAN_MARKS}）绝不能出现在扶风县账号看到的任何页面里。每个县各有经办、审核、查看、单位账号，市有查看与经办。
 */
final class CityFixture implements AutoCloseable {
    static final String PASSWORD = "correct-horse-1";
    static final String FUFENG_DOC = "扶政办发〔2022〕1号";
    static final String QISHAN_UNIT = "岐山县专属测试局";
    static final String QISHAN_ORDER = "QSONLY0001";
    static final String QISHAN_REASON = "岐山县申诉理由甲";
    /** 扶风县账号的页面里不许有的字样。 */
    static final List<String> QISHAN_MARKS = List.of("岐山", QISHAN_UNIT, QISHAN_ORDER, QISHAN_REASON);
    static final Period Q4 = Period.parse("2021-Q4");

    final Database registry;
    final Jurisdictions all;
    final WebServer server;
    final String base;
    final long fufeng;
    final long qishan;
    /** 岐山县特有单位在岐山县库里的编号（扶风县库里没有这个编号的单位）。 */
    final long qishanUnit;
    final long qishanAppeal;

    CityFixture(Engine engine) {
        try {
            registry = engine.open();
            all = new Jurisdictions(registry);
            all.rename(all.home().name(), "宝鸡市", "市");
            fufeng = all.add("扶风县", "县", "宝鸡市").id();
            qishan = all.add("岐山县", "县", "宝鸡市").id();
            Path extra = Files.createTempDirectory("assess-city");
            Files.writeString(extra.resolve("units-qishan.csv"), "单位名称,类型,排序,别名\n" + QISHAN_UNIT + ",部门,300,\n",
                    StandardCharsets.UTF_8);
            Files.writeString(extra.resolve("dispatch-qishan.csv"), "渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n"
                    + "12345市民热线," + QISHAN_ORDER + ",2021-11-02 09:00:00," + QISHAN_UNIT + ",2021-11-09 18:00:00,2021-11-15 10:00:00\n",
                    StandardCharsets.UTF_8);
            try (Database db = all.open(all.require("扶风县"))) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
                RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
                versions.ensureInitial(TestSupport.rulesDir());
                long run = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), versions.current().rules()).runId();
                NoticeFlow flow = new NoticeFlow(db);
                NoticeFlow.Actor op = new NoticeFlow.Actor("扶风经办", true, false);
                long notice = flow.draft(run, op).getId();
                flow.open(notice, LocalDate.now(), op);
                flow.close(notice, op);
                flow.sign(notice, FUFENG_DOC, null, new NoticeFlow.Actor("扶风审核", false, true));
            }
            try (Database db = all.open(all.require("岐山县"))) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4"), extra));
                RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
                versions.ensureInitial(TestSupport.rulesDir());
                var draft = versions.createDraft("岐山规则", "名额改为各 2 名");
                String lists = versions.files(draft.id()).get("名单.csv");
                versions.saveFile(draft.id(), "岐山规则", "名单.csv", lists.replace("镇街 3、部门 3", "镇街 2、部门 2"));
                versions.publish(draft.id(), "岐山审核", "岐山县名额");
                var rules = versions.current().rules();
                new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), rules);
                long run2 = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), rules).runId();
                NoticeRows.open(db, "2021-Q4", run2, LocalDate.now().plusDays(5));
                qishanUnit = TestSupport.scalar(db, "select id from unit where name = '" + QISHAN_UNIT + "'");
                long assignment = TestSupport.scalar(db, "select a.id from assignment a join work_order o on o.id = a.order_id "
                        + "where o.order_no = '" + QISHAN_ORDER + "'");
                qishanAppeal = new Appeals(db).file(AppealKinds.of(rules), new Appeals.Filing("2021-Q4", qishanUnit, List.of(assignment),
                        "非本单位职责", "", QISHAN_REASON, null, "岐山单位"), LocalDate.now()).getId();
            }
            server = new WebServer(registry, TestSupport.rulesDir()).start("127.0.0.1", 0);
            base = "http://127.0.0.1:" + server.port();
            Accounts accounts = server.accounts;
            accounts.add("市查看", Role.查看, null, PASSWORD.toCharArray());
            accounts.add("市经办", Role.经办, null, PASSWORD.toCharArray());
            for (String county : List.of("扶风", "岐山")) {
                long j = county.equals("扶风") ? fufeng : qishan;
                accounts.add(county + "经办", Role.经办, j, null, PASSWORD.toCharArray());
                accounts.add(county + "审核", Role.审核, j, null, PASSWORD.toCharArray());
                accounts.add(county + "查看", Role.查看, j, null, PASSWORD.toCharArray());
                accounts.add(county + "管理员", Role.管理员, j, null, PASSWORD.toCharArray());
                accounts.add(county + "单位", Role.单位, j, "县住建局", PASSWORD.toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 以这个账号登录了的会话。 */
    WebClient client(String account) {
        WebClient c = new WebClient(base);
        HttpResponse<String> r = c.login(account, PASSWORD);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").startsWith("/login")) {
            throw new AssertionError(account + " 登录失败：" + r.statusCode() + " " + r.headers().map() + r.body());
        }
        return c;
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
