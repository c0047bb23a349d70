package cn.gov.assess.issuance;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.assessment.StoredRuns;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.correction.Correction;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 申诉：提出、同意（核减或更正）、不同意、截止日后与通报签发后拒绝、别的单位拒绝、附件检查。 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class AppealsTest {
    @Parameter
    Engine engine;
    static final Period Q4 = Period.parse("2021-Q4");
    static final LocalDate BEFORE = LocalDate.of(2022, 1, 5);
    static final LocalDate UNTIL = LocalDate.of(2022, 1, 10);
    static final byte[] PDF = "%PDF-1.4\n%测试\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Database db;
    RunStore store;
    Appeals appeals;
    Map<String, AppealKinds.Kind> kinds;
    String unhandledOrder;
    long zhujian;
    long firstRun;
    long notice;

    @BeforeEach
    void setUp() throws IOException {
        db = engine.open();
        new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
        store = new RunStore(db);
        appeals = new Appeals(db);
        kinds = AppealKinds.of(TestSupport.rules());
        unhandledOrder = Files.readAllLines(TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv")).stream()
                .filter(l -> l.endsWith(",")).findFirst().orElseThrow().split(",")[0].replace("\uFEFF", "");
        zhujian = TestSupport.scalar(db, "select id from unit where name = '县住建局'");
        firstRun = run();
        notice = NoticeRows.open(db, Q4.code(), firstRun, UNTIL);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long run() {
        return new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
    }

    private Appeal file(long unit, String order, String kind, String value, AppealFiles.Attachment a, LocalDate today) {
        return appeals.file(kinds, new Appeals.Filing(Q4.code(), unit, appeals.assignmentsOf(zhujian, order, null), kind, value,
                "该事项属县供电公司职责，派单有误", a, "住建局账号"), today);
    }

    private static RunTally tally(RunStore.StoredRun r, String channel, String label) {
        return r.tallies().stream().filter(t -> t.getChannel().equals(channel) && label.equals(t.getUnitLabel()))
                .findFirst().orElse(null);
    }

    private boolean vetoed(long runId) {
        return store.load(runId).disqualifications().stream().anyMatch(d -> d.getUnitId() == zhujian);
    }

    @Test
    void acceptedAppealExcludesTheOrderAndTheRerunLiftsTheVetoWithTheAppealAsItsReason() {
        assertTrue(vetoed(firstRun));
        Appeal a = file(zhujian, unhandledOrder, "非本单位职责", null, null, BEFORE);
        assertEquals(AppealState.待审核, a.getState());
        assertEquals(List.of(unhandledOrder), appeals.items(a.getId()).stream().map(AppealItem::getOrderNo).toList());

        Appeals.Decision d = appeals.decide(a.getId(), true, "经核实属供电公司职责", null, "经办甲");
        assertEquals(AppealState.已同意, d.appeal().getState());
        assertEquals(1, d.corrections().size());
        Correction c = d.corrections().get(0);
        assertEquals(Correction.EXCLUDE, c.getField());
        assertEquals(a.getId(), c.getAppealId());
        assertTrue(c.describe().contains("核减 12345市民热线 工单 " + unhandledOrder), c.describe());

        long second = run();
        assertFalse(vetoed(second), "核减后县住建局不再被一票否决");
        RunStore.StoredRun b = store.load(second);
        assertEquals(tally(store.load(firstRun), "12345市民热线", "县住建局").toTally().getDue() - 1,
                tally(b, "12345市民热线", "县住建局").toTally().getDue());
        assertEquals(1, tally(b, "12345市民热线", "县住建局").toTally().extra("核减件数"));
        assertEquals(1, b.tallies().stream().filter(t -> t.getUnitId() == null && t.getChannel().equals("12345市民热线"))
                .findFirst().orElseThrow().toTally().extra("核减件数"));
        Explainer.UnitExplanation u = StoredRuns.explainer(db).explainUnit(b, "县住建局", null, false);
        assertEquals(List.of("核减 1 件：申诉 #" + a.getId() + "，非本单位职责，经办甲 于 " + LocalDate.now() + " 同意（12345市民热线 工单 "
                + unhandledOrder + "）"), u.exclusions());
        assertTrue(u.disqualifications().isEmpty());
        // 通报正文写出核减件数；旧运行的正文没有这一句
        String sections = new String(new cn.gov.assess.notice.ReportWriter().render(b).files().get("sections.md"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(sections.contains("全县共受理12345市民热线转办工单1117件，实办1117件，未办0件，办结率为100%。经审核核减不合理工单1件。"), sections);
        // 旧运行不变：仍被否决、没有核减
        assertTrue(vetoed(firstRun));
        assertTrue(StoredRuns.explainer(db).explainUnit(store.load(firstRun), "县住建局", null, false).exclusions().isEmpty());
        // 已决定的申诉不能再改；同一件不能再申诉
        InputException again = assertThrows(InputException.class, () -> appeals.decide(a.getId(), false, "改主意", null, "经办甲"));
        assertTrue(again.getMessage().contains("已经同意"), again.getMessage());
        InputException twice = assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "重复件", null, null, BEFORE));
        assertTrue(twice.getMessage().contains("已有申诉 #" + a.getId()), twice.getMessage());
    }

    @Test
    void rejectedAppealChangesNothingAndTheUnitReadsTheReason() {
        Appeal a = file(zhujian, unhandledOrder, "重复件", null, null, BEFORE);
        Appeals.Decision d = appeals.decide(a.getId(), false, "未找到与之重复的工单", null, "经办甲");
        assertTrue(d.corrections().isEmpty());
        Appeal read = appeals.list(Q4.code(), null, zhujian).get(0);
        assertEquals(AppealState.未同意, read.getState());
        assertEquals("未找到与之重复的工单", read.getDecisionReason());
        assertEquals("经办甲", read.getDecidedBy());
        assertEquals(0, TestSupport.scalar(db, "select count(*) from correction"));
        assertTrue(vetoed(run()));
        // 不同意的申诉不挡住同一件的新申诉
        assertEquals(AppealState.待审核, file(zhujian, unhandledOrder, "非本单位职责", null, null, BEFORE).getState());
    }

    @Test
    void acceptingADeadlineAppealRecordsTheCorrectionLinkedToTheAppeal() {
        AppealFiles.Attachment proof = new AppealFiles.Attachment("批复.pdf", PDF);
        Appeal a = file(zhujian, unhandledOrder, "已批准延期", "2022-01-31 18:00", proof, BEFORE);
        assertEquals("application/pdf", a.getAttachmentType());
        assertEquals("批复.pdf", appeals.attachment(a.getId()).orElseThrow().name());
        Appeals.Decision d = appeals.decide(a.getId(), true, "延期已批准", null, "经办甲");
        Correction c = d.corrections().get(0);
        assertEquals(Correction.DEADLINE, c.getField());
        assertEquals("2022-01-31 18:00:00", c.getNewValue());
        assertEquals(a.getId(), new Corrections(db).get(c.getId()).getAppealId());
        assertFalse(vetoed(run()), "新时限未到，不再逾期未办");
    }

    @Test
    void refusalsAreInChinese() {
        // 截止日当天仍可，之后不行
        file(zhujian, unhandledOrder, "非本单位职责", null, null, UNTIL);
        InputException late = assertThrows(InputException.class,
                () -> file(zhujian, unhandledOrder, "重复件", null, null, UNTIL.plusDays(1)));
        assertTrue(late.getMessage().contains("核对截止日（2022-01-10）已过"), late.getMessage());
        // 别的单位：不能就县住建局的转办申诉，也不说它派给了谁
        long other = TestSupport.scalar(db, "select id from unit where name = '县水利局'");
        InputException foreign = assertThrows(InputException.class,
                () -> file(other, unhandledOrder, "重复件", null, null, BEFORE));
        assertTrue(foreign.getMessage().contains("只能就本单位的工单申诉"), foreign.getMessage());
        assertFalse(foreign.getMessage().contains("县住建局"), foreign.getMessage());
        // 类型、理由、证明材料、新值
        assertTrue(assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "不存在的类型", null, null, BEFORE))
                .getMessage().contains("未知申诉类型"));
        assertTrue(assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "已批准延期", "2022-01-31", null, BEFORE))
                .getMessage().contains("须附证明材料"));
        assertTrue(assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "办结时间录入有误", null,
                new AppealFiles.Attachment("a.pdf", PDF), BEFORE)).getMessage().contains("须写明实际办结时间"));
        // 通报签发后不能申诉
        NoticeRows.state(db, notice, NoticeState.已签发);
        InputException signed = assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "重复件", null, null, BEFORE));
        assertTrue(signed.getMessage().contains("已签发，不能再申诉"), signed.getMessage());
    }

    @Test
    void attachmentsAreCheckedBySizeAndContent() {
        byte[] big = new byte[AppealFiles.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        InputException tooBig = assertThrows(InputException.class,
                () -> file(zhujian, unhandledOrder, "重复件", null, new AppealFiles.Attachment("大.pdf", big), BEFORE));
        assertTrue(tooBig.getMessage().contains("太大"), tooBig.getMessage());
        // 改了扩展名的网页文件：按内容认，不认文件名
        InputException html = assertThrows(InputException.class, () -> file(zhujian, unhandledOrder, "重复件", null,
                new AppealFiles.Attachment("证明.pdf", "<html><script>alert(1)</script>".getBytes()), BEFORE));
        assertTrue(html.getMessage().contains("不是 PDF 或图片"), html.getMessage());
        assertEquals(0, TestSupport.scalar(db, "select count(*) from appeal"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        Appeal ok = file(zhujian, unhandledOrder, "重复件", null, new AppealFiles.Attachment("C:\\照片\\现场.png", png), BEFORE);
        assertEquals("image/png", ok.getAttachmentType());
        assertEquals("现场.png", ok.getAttachmentName());
    }
}
