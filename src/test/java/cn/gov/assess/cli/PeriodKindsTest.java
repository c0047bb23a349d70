package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 月度、半年、全年考核，从导入到通报：fixtures/scenarios/27-月度考核 的数据（2 月、3 月、4 月受理的工单都有），
 * 按 --period 2026-03 只算 3 月受理的，正文与附件标题写“三月份”；按 2026 算全年，写“全年”；按 2026上半年 写“上半年”。
 */
class PeriodKindsTest {
    static final Path DATA = TestSupport.fixture("scenarios/27-月度考核");

    static String[] importArgs(String db) {
        return new String[]{"--db", db, "import", DATA.resolve("units.csv").toString(), DATA.resolve("12345市民热线.csv").toString(),
                DATA.resolve("县长信箱.csv").toString(), DATA.resolve("通报信息.csv").toString()};
    }

    static String read(Path p) throws IOException {
        String s = Files.readString(p, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** 附件 CSV 中某单位那一行。 */
    static String row(Path annex, String unit) throws IOException {
        return read(annex).lines().filter(l -> l.startsWith(unit + ",")).findFirst().orElse("（无此行）");
    }

    @Test
    void monthlyRunFromImportToNotice(@TempDir Path tmp) throws IOException {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        CliTest.Outcome i = exec(importArgs(db));
        assertEquals(0, i.code(), i.err());

        CliTest.Outcome r = exec("--db", db, "run", "--period", "2026-03");
        assertEquals(0, r.code(), r.err());
        // 2 月 28 日 23:59:59 与 4 月 1 日 0 时受理的不算；截至默认 3 月 31 日
        assertTrue(r.out().startsWith("运行 #1：2026-03，截至 2026-03-31，工单 10 个，转办 11 条"), r.out());

        Path out = tmp.resolve("out/2026-03");
        CliTest.Outcome p = exec("--db", db, "report", "--out", out.toString());
        assertEquals(0, p.code(), p.err());
        String notice = read(out.resolve("通报.md"));
        assertTrue(notice.contains("关于2026年三月份12345市民热线工单 市长信箱县长信箱办理等工作情况的通报"), notice);
        assertTrue(notice.contains("现就2026年三月份12345热线工单、市长信箱、县长信箱办理情况予以通报"), notice);
        assertTrue(notice.contains("三月份，全县共受理12345市民热线转办工单8件，实办6件，未办2件，办结率为75%。"
                + "能按期办结且办理较好的镇街和部门有：午井镇和县财政局等。"), notice);
        assertTrue(notice.contains("截至2026年3月31日，逾期办结工单3件。（详见附件1）。"), notice);
        assertTrue(notice.contains("三月份，共受理县长信箱 2 件，实办 2 件，办结率为 100%。三月份按期办结且办理较好的镇街和部门有：午井镇。"), notice);
        assertTrue(notice.contains("1. 三月份 12345 市民热线工单办理情况统计表"), notice);
        assertTrue(notice.contains("3. 三月份县长信箱办理情况统计表"), notice);
        // 通报信息的“期间”写成 2026-03、2026年3月、2026年三月份，都归到这一期
        assertTrue(notice.contains("扶政办函〔2026〕9号"), notice);
        assertTrue(notice.contains("各镇人民政府，城关街道办事处"), notice);
        assertTrue(notice.contains("2026年4月8日"), notice);
        assertFalse(notice.contains("季度"), notice);

        Path annex1 = out.resolve("annex-1.csv");
        assertEquals("城关街道,2,2,100%,1,0,50%,3月逾期 1件", row(annex1, "城关街道"));
        assertEquals("午井镇,1,1,100%,0,0,100%,", row(annex1, "午井镇"));
        assertEquals("县民政局,3,2,66.67%,1,0,50%,3月逾期 1件", row(annex1, "县民政局"));
        assertEquals("县人社局,1,0,0%,0,1,—,3月逾期 1件 其中未办 1件", row(annex1, "县人社局"));
        assertEquals("县财政局,2,2,100%,0,0,100%,", row(annex1, "县财政局"));
        assertEquals("合计,8,6,75%,2,1,66.67%,", row(annex1, "合计"));
        assertEquals("县财政局,1,1,100%,1,3,0%,3月逾期1件", row(out.resolve("annex-3.csv"), "县财政局"));
        String lists = read(out.resolve("lists.csv"));
        assertTrue(lists.contains("午井镇") && lists.contains("县财政局") && !lists.contains("县人社局"), lists);

        CliTest.Outcome bad = exec("--db", db, "run", "--period", "2026-13");
        assertEquals(1, bad.code());
        assertEquals("错误：考核期“2026-13”写得不对：月份应为 01–12。可用的写法：" + cn.gov.assess.facts.Period.ACCEPTED_FORMS,
                bad.err().strip());
    }

    @Test
    void yearAndHalfYearRunsCountEveryMonthAndSayTheirWord(@TempDir Path tmp) throws IOException {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, exec(importArgs(db)).code());

        CliTest.Outcome y = exec("--db", db, "run", "--period", "2026");
        assertEquals(0, y.code(), y.err());
        assertTrue(y.out().startsWith("运行 #1：2026，截至 2026-12-31，工单 13 个，转办 14 条"), y.out());
        Path out = tmp.resolve("out/2026");
        assertEquals(0, exec("--db", db, "report", "--out", out.toString()).code());
        String notice = read(out.resolve("通报.md"));
        assertTrue(notice.contains("关于2026年全年12345市民热线工单"), notice);
        assertTrue(notice.contains("全年，全县共受理12345市民热线转办工单11件，实办10件，未办1件，办结率为90.91%。"), notice);
        assertTrue(notice.contains("1. 全年 12345 市民热线工单办理情况统计表"), notice);
        // 通报信息只填了 2026-03 这一期：全年的通报印占位
        assertTrue(notice.contains("〔待填：文号〕"), notice);
        Path annex1 = out.resolve("annex-1.csv");
        assertEquals("县人社局,2,1,50%,1,1,0%,2月逾期 1件 3月逾期 1件 其中未办 1件", row(annex1, "县人社局"));
        assertEquals("城关街道,3,3,100%,1,0,66.67%,3月逾期 1件", row(annex1, "城关街道"));
        assertEquals("县民政局,3,3,100%,1,0,66.67%,3月逾期 1件", row(annex1, "县民政局")); // 3 月 31 日那件年内按期办结
        assertEquals("午井镇,2,2,100%,0,0,100%,", row(annex1, "午井镇"));

        CliTest.Outcome h = exec("--db", db, "run", "--period", "2026上半年");
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().startsWith("运行 #2：2026-H1，截至 2026-06-30"), h.out());
        Path outH = tmp.resolve("out/2026-H1");
        assertEquals(0, exec("--db", db, "report", "--out", outH.toString()).code());
        String half = read(outH.resolve("通报.md"));
        assertTrue(half.contains("关于2026年上半年12345市民热线工单"), half);
        assertTrue(half.contains("上半年，全县共受理12345市民热线转办工单11件"), half);

        CliTest.Outcome q = exec("--db", db, "run", "--period", "2026年一季度");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().startsWith("运行 #3：2026-Q1，截至 2026-03-31，工单 12 个"), q.out());

        CliTest.Outcome runs = exec("--db", db, "runs");
        assertEquals(0, runs.code(), runs.err());
        List<String> periods = runs.out().lines().skip(1).map(l -> l.split("\\s+")[1]).toList();
        assertEquals(List.of("2026", "2026-H1", "2026-Q1"), periods, runs.out());

        CliTest.Outcome empty = exec("--db", db, "run", "--period", "2026-H2");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("2026-07-01 至 2026-12-31"), empty.err());
    }
}
