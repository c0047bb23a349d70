package cn.gov.assess.issuance;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.CorrectionNotice;
import cn.gov.assess.assessment.NoticeFiles;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 通报的流程，经命令行（与网页同一个 NoticeFlow）：起草 → 核对中（延长）→ 待签发 → 已签发，各种拒绝（角色不对、起草人签发、
 * 有更新的运行、已签发再改）都是中文；签发后 explain/report 默认用正式结果，每次运行说明自己的地位；签发后的更正出更正通报，
 * 恰好列出变了的各格。
 */
class NoticeFlowTest {
    static final String OPERATOR = "经办甲";
    static final String REVIEWER = "审核乙";
    static final String VIEWER = "查看丙";
    static final String PW = "correct-horse-1";
    static final String UNHANDLED = "RX202112120003";

    private static CliTest.Outcome ok(String... args) {
        CliTest.Outcome o = exec(args);
        assertEquals(0, o.code(), o.err() + o.out());
        return o;
    }

    private static CliTest.Outcome refused(String expected, String... args) {
        CliTest.Outcome o = exec(args);
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("at cn."), o.err());
        return o;
    }

    static void accounts(String db) {
        try (Database d = Database.open(Database.fileUrl(Path.of(db)))) {
            Accounts a = new Accounts(d);
            a.add(OPERATOR, Role.经办, null, PW.toCharArray());
            a.add(REVIEWER, Role.审核, null, PW.toCharArray());
            a.add(VIEWER, Role.查看, null, PW.toCharArray());
        }
    }

    @Test
    void aNoticeGoesFromDraftToSignedWithEveryRefusalInChineseAndACorrectionListsExactlyTheChangedCells(@TempDir Path tmp)
            throws Exception {
        String db = tmp.resolve("db/assess").toString();
        ok("--db", db, "import", TestSupport.fixture("2021-Q4").toString());
        ok("--db", db, "run", "--period", "2021-Q4");
        accounts(db);
        String until = LocalDate.now().plusDays(10).toString();

        refused("只有经办账号可以起草通报", "--db", db, "notice", "draft", "--run", "1", "--by", VIEWER);
        refused("没有账号“无名氏”", "--db", db, "notice", "draft", "--run", "1", "--by", "无名氏");
        refused("没有编号为 9 的考核运行", "--db", db, "notice", "draft", "--run", "9", "--by", OPERATOR);
        assertTrue(ok("--db", db, "notice", "draft", "--run", "1", "--by", OPERATOR).out().startsWith("2021-Q4 通报 #1：草稿，运行 #1"));
        refused("一期只有一份通报", "--db", db, "notice", "draft", "--run", "1", "--by", OPERATOR);

        refused("早于今天", "--db", db, "notice", "open", "--period", "2021-Q4", "--until", "2022-01-10", "--by", OPERATOR);
        refused("只有经办账号可以开放核对", "--db", db, "notice", "open", "--period", "2021-Q4", "--until", until, "--by", REVIEWER);
        assertTrue(ok("--db", db, "notice", "open", "--period", "2021-Q4", "--until", until, "--by", OPERATOR).out()
                .contains("核对中（截至 " + until + "）"));
        String later = LocalDate.now().plusDays(20).toString();
        ok("--db", db, "notice", "open", "--period", "2021-Q4", "--until", later, "--by", OPERATOR);
        // 核对中的通报：单位能看它的运行；运行说明自己是通报所用
        CliTest.Outcome explain = ok("--db", db, "explain", "县人社局");
        assertTrue(explain.err().contains("运行 #1 是 2021-Q4 通报 #1（核对中，截至 " + later + "）所用的运行，尚未签发"), explain.err());

        refused("请先结束核对", "--db", db, "notice", "sign", "--period", "2021-Q4", "--by", REVIEWER);
        ok("--db", db, "notice", "close", "--period", "2021-Q4", "--by", OPERATOR);
        refused("起草人不能签发", "--db", db, "notice", "sign", "--period", "2021-Q4", "--by", OPERATOR);
        refused("只有审核账号可以签发", "--db", db, "notice", "sign", "--period", "2021-Q4", "--by", VIEWER);

        // 更正（申诉决定）之后重新考核：签发前必须换用新运行
        Path fix = tmp.resolve("更正.csv");
        Files.writeString(fix, "渠道,工单编号,办理单位,更正项目,新值,原因,提出人\n12345市民热线," + UNHANDLED
                + ",县住建局,办结时间,2021-12-16 10:00:00,已办结漏录,县住建局\n", StandardCharsets.UTF_8);
        ok("--db", db, "run", "--period", "2021-Q4");
        refused("更新的运行 #2", "--db", db, "notice", "sign", "--period", "2021-Q4", "--by", REVIEWER);
        ok("--db", db, "notice", "replace", "--period", "2021-Q4", "--run", "2", "--by", OPERATOR);
        CliTest.Outcome signed = ok("--db", db, "notice", "sign", "--period", "2021-Q4", "--number", "扶政办函〔2022〕2号", "--by", REVIEWER);
        assertTrue(signed.out().contains("已签发") && signed.out().contains("文号 扶政办函〔2022〕2号，成文日期 2022-01-14，签发 " + REVIEWER),
                signed.out());

        // 已签发：每一种修改都拒绝
        for (String[] edit : List.of(new String[]{"open", "--until", later}, new String[]{"close"}, new String[]{"replace", "--run", "1"},
                new String[]{"retire", "--reason", "重来"}, new String[]{"sign"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--db", db, "notice"));
            args.addAll(List.of(edit));
            args.addAll(List.of("--period", "2021-Q4", "--by", edit[0].equals("sign") ? REVIEWER : OPERATOR));
            refused("没有未签发的通报", args.toArray(String[]::new));
        }
        try (Database d = Database.open(Database.fileUrl(Path.of(db)))) {
            NoticeFlow flow = new NoticeFlow(d);
            NoticeFlow.Actor op = new NoticeFlow.Actor(OPERATOR, true, false);
            InputException e = assertThrows(InputException.class, () -> flow.open(1, LocalDate.now().plusDays(3), op));
            assertTrue(e.getMessage().contains("已签发（扶政办函〔2022〕2号，审核乙），不能再修改"), e.getMessage());
            assertThrows(InputException.class, () -> flow.replaceRun(1, 1, op));
            assertThrows(InputException.class, () -> flow.retire(1, "x", op));
            assertThrows(InputException.class, () -> flow.draft(2, op));
            List<String> actions = new Notices(d).events(1).stream().map(NoticeEvent::getAction).toList();
            assertEquals(List.of("起草", "开放核对", "延长核对", "结束核对", "换用运行", "签发"), actions);
            assertEquals(2L, new Notices(d).officialRunId("2021-Q4").orElseThrow());
            // 签发的通报.docx/.md 印着签发时的文号
            String md = new String(NoticeFiles.of(d, new Notices(d).get(1).orElseThrow(), TestSupport.rules()).get("通报.md"),
                    StandardCharsets.UTF_8);
            assertTrue(md.contains("扶政办函〔2022〕2号"), md);
        }

        // 正式结果：默认用签发的运行；更旧的已被取代，更新的是工作运行
        ok("--db", db, "run", "--period", "2021-Q4");
        CliTest.Outcome def = ok("--db", db, "explain", "县人社局");
        assertTrue(def.out().startsWith("县人社局（运行 #2"), def.out());
        assertTrue(def.err().contains("运行 #2 是 2021-Q4 的正式结果：已签发的通报 #1，扶政办函〔2022〕2号"), def.err());
        assertTrue(ok("--db", db, "explain", "县人社局", "--run", "1").err()
                .contains("运行 #1 已被取代：2021-Q4 的正式结果是运行 #2"));
        assertTrue(ok("--db", db, "report", "--run", "3", "--out", tmp.resolve("r3").toString()).err().contains("运行 #3 是工作运行"));
        String list = ok("--db", db, "notices").out();
        assertTrue(list.contains("已签发") && list.contains("扶政办函〔2022〕2号") && list.contains(REVIEWER), list);

        // 签发后的改动：更正 → 重新考核 → 更正通报
        ok("--db", db, "correct", fix.toString());
        ok("--db", db, "run", "--period", "2021-Q4");
        refused("不比已签发的通报 #1 所用的运行 #2 新", "--db", db, "notice", "correct", "--run", "2", "--by", OPERATOR);
        CliTest.Outcome corr = ok("--db", db, "notice", "correct", "--run", "4", "--by", OPERATOR, "--out", tmp.resolve("c").toString());
        assertTrue(corr.out().startsWith("2021-Q4 更正通报 #2：草稿，运行 #4"), corr.out());
        assertTrue(corr.out().contains("12345市民热线 / 县住建局：未办件数 1 → 0"), corr.out());
        assertTrue(Files.exists(tmp.resolve("c/更正通报.docx")));
        try (Database d = Database.open(Database.fileUrl(Path.of(db)))) {
            Notice n = new Notices(d).get(2).orElseThrow();
            CorrectionNotice.Result r = CorrectionNotice.compose(d, n, TestSupport.rules());
            Set<String> expected = new HashSet<>();
            for (RunDiff.Change c : r.diff().changes()) {
                if (c instanceof RunDiff.FigureChange f) {
                    f.figures().forEach(x -> expected.add(f.channel() + "/" + f.unit() + "/" + x.figure()));
                }
            }
            Set<String> listed = new HashSet<>();
            for (CorrectionNotice.Item i : r.items()) {
                if (!i.figure().isEmpty()) {
                    assertTrue(listed.add(i.channel() + "/" + i.unit() + "/" + i.figure()), "一格只列一次：" + i);
                    assertFalse(i.before().equals(i.after()), "没变的格不列：" + i);
                    assertTrue(i.reasons().stream().anyMatch(x -> x.contains("更正 #1") && x.contains(UNHANDLED)), i.toString());
                }
            }
            assertEquals(expected, listed);
            assertFalse(listed.isEmpty());
            assertTrue(listed.stream().allMatch(x -> x.contains("县住建局") || x.contains("合计")), listed.toString());
            String md = new String(r.files().get("更正通报.md"), StandardCharsets.UTF_8);
            assertTrue(md.contains("（扶政办函〔2022〕2号）") && md.contains("未办件数由“1”更正为“0”"), md);
            assertEquals(r.items().size(), md.lines().filter(l -> l.matches("^\\d+\\\\?\\. .*")).count(), md);
        }
        refused("起草人不能签发", "--db", db, "notice", "sign", "--period", "2021-Q4", "--number", "扶政办函〔2022〕9号", "--by", OPERATOR);
        ok("--db", db, "notice", "sign", "--period", "2021-Q4", "--number", "扶政办函〔2022〕9号", "--date", "2022-02-01", "--by", REVIEWER);
        assertTrue(ok("--db", db, "explain", "县住建局").err().contains("运行 #4 是 2021-Q4 的正式结果：已签发的更正通报 #2，扶政办函〔2022〕9号"));
        assertTrue(ok("--db", db, "explain", "县住建局", "--run", "2").err().contains("运行 #2 已被取代"));
    }

    @Test
    void appealsAreAcceptedOnlyWhileCheckingIsOpenIncludingTheLastDay(@TempDir Path tmp) {
        String db = tmp.resolve("db/assess").toString();
        ok("--db", db, "import", TestSupport.fixture("2021-Q4").toString());
        ok("--db", db, "run", "--period", "2021-Q4");
        try (Database d = Database.open(Database.fileUrl(Path.of(db)))) {
            LocalDate day = LocalDate.of(2022, 1, 5);
            NoticeFlow flow = new NoticeFlow(d, Clock.fixed(day.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
            NoticeFlow.Actor op = new NoticeFlow.Actor(OPERATOR, true, false);
            Notice n = flow.draft(1, op);
            assertFalse(n.acceptsAppeals(day));
            n = flow.open(n.getId(), LocalDate.of(2022, 1, 10), op);
            assertTrue(n.acceptsAppeals(LocalDate.of(2022, 1, 10)));
            assertFalse(n.acceptsAppeals(LocalDate.of(2022, 1, 11)));
            assertTrue(RunStatus.visibleToUnits(1, new Notices(d).ofPeriod("2021-Q4")));
            flow.retire(n.getId(), "重起", op);
            assertFalse(RunStatus.visibleToUnits(1, new Notices(d).ofPeriod("2021-Q4")));
            assertEquals(RunStatus.Kind.工作运行, RunStatus.of(d, 1, "2021-Q4").kind());
            // 作废的可以重起
            assertEquals(NoticeState.草稿, flow.draft(1, op).getState());
        }
    }
}
