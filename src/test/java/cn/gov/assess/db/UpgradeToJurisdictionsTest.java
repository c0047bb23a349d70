package cn.gov.assess.db;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 28 的升级：辖区之前（迁移到 V21 为止）的单一办公室库——两次运行、一条更正、一份已签发的通报、几个账号——由现在的程序打开，
 * 成为一个辖区，名称取自通报信息的发文机关（去掉“人民政府办公室”）；没有通报信息时叫“本辖区”，jurisdiction list 说明怎样改名。
 * 什么也没丢：每张表的行数相同，explain 的输出（含说明运行地位的提示）一字不差，report 的 md、csv 逐字节相同（docx、xlsx 里有
 * 生成时刻，与 PreNoticeDatabaseTest 一样不比）。升级前的库由现在的程序写数据、再撤掉 V22 的结构与迁移记录得到（Flyway 认为它停在
 * V21.3）；以后的迁移若在 V22 之后再改结构，请在 {@link #STRIP_V22} 里接着撤掉。H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class UpgradeToJurisdictionsTest {
    @Parameter
    Engine engine;

    static final String OPERATOR = "经办甲";
    static final String REVIEWER = "审核乙";
    static final String PW = "correct-horse-1";

    /**
     * 把一个现在的库改回 V22 之前的样子：先撤 V23（账号的单位重新引用本 schema 的单位表），
     * 再撤 V22（只加了辖区登记表与账号所属的辖区）。
     */
    static final List<String> STRIP_V22 = List.of(
            "alter table app_user add constraint fk_app_user_unit foreign key (unit_id) references unit(id)",
            "delete from \"flyway_schema_history\" where \"version\" = '23'",
            "alter table app_user drop column jurisdiction_id", "drop table jurisdiction",
            "delete from \"flyway_schema_history\" where \"version\" = '22'");

    static CliTest.Outcome ok(String... args) {
        CliTest.Outcome o = CliTest.exec(args);
        assertEquals(0, o.code(), String.join(" ", args) + "\n" + o.err() + o.out());
        return o;
    }

    @Test
    void aSingleOfficeWithASignedNoticeBecomesOneJurisdictionNamedFromItsNoticeAndLosesNothing(@TempDir Path tmp) throws Exception {
        String url = engine.freshUrl(tmp.resolve("db"));
        ok("--db", url, "import", TestSupport.fixture("2021-Q4").toString());
        ok("--db", url, "run", "--period", "2021-Q4");
        Path fix = tmp.resolve("更正.csv");
        Files.writeString(fix, "渠道,工单编号,办理单位,更正项目,新值,原因,提出人\n12345市民热线,RX202112120003"
                + ",县住建局,办结时间,2021-12-16 10:00:00,已办结漏录,县住建局\n", StandardCharsets.UTF_8);
        ok("--db", url, "correct", fix.toString());
        ok("--db", url, "run", "--period", "2021-Q4");
        try (Database d = Database.open(url)) {
            Accounts a = new Accounts(d);
            a.add(OPERATOR, Role.经办, null, PW.toCharArray());
            a.add(REVIEWER, Role.审核, null, PW.toCharArray());
            a.add("县住建局账号", Role.单位, "县住建局", PW.toCharArray());
        }
        ok("--db", url, "notice", "draft", "--run", "2", "--by", OPERATOR);
        ok("--db", url, "notice", "open", "--period", "2021-Q4", "--until", LocalDate.now().plusDays(10).toString(), "--by", OPERATOR);
        ok("--db", url, "notice", "close", "--period", "2021-Q4", "--by", OPERATOR);
        ok("--db", url, "notice", "sign", "--period", "2021-Q4", "--number", "扶政办函〔2022〕2号", "--by", REVIEWER);

        Snapshot before = snapshot(url, tmp.resolve("before"));
        Map<String, Long> oldCounts = strip(url);
        assertTrue(oldCounts.get("notice") >= 1 && oldCounts.get("correction") == 1 && oldCounts.get("assessment_run") == 2, oldCounts.toString());

        // 现在的程序打开：V22 执行，原来的办公室成为唯一的辖区
        try (Database db = Database.open(url)) {
            List<Jurisdictions.Jurisdiction> all = new Jurisdictions(db).all();
            assertEquals(1, all.size(), all.toString());
            assertEquals("扶风县", all.get(0).name());
            assertEquals("县", all.get(0).level());
            assertEquals(all.get(0).schema(), new Jurisdictions(db).home().schema());
        }
        Map<String, Long> newCounts = counts(url);
        newCounts.remove("jurisdiction");
        assertEquals(oldCounts, newCounts, "每张表的行数相同");
        Snapshot after = snapshot(url, tmp.resolve("after"));
        assertEquals(before.texts(), after.texts());
        assertEquals(before.files().keySet(), after.files().keySet());
        before.files().forEach((name, bytes) -> assertArrayEquals(bytes, after.files().get(name), name));
        assertTrue(before.files().size() >= 6, before.files().keySet().toString());
        // 通报仍是已签发的，--jurisdiction 写名称或不写都是它
        String list = ok("--db", url, "jurisdiction", "list").out();
        assertTrue(list.contains("扶风县\t县\t—") && list.contains("（默认）"), list);
        assertFalse(list.contains("jurisdiction rename"), list);
        assertEquals(after.texts().get("explain 县住建局"), ok("--db", url, "--jurisdiction", "扶风县", "explain", "县住建局").out());
    }

    @Test
    void anOfficeWithoutNoticeInformationIsCalledTheLocalJurisdictionAndIsToldHowToRenameIt(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(TestSupport.fixture("2021-Q4"))) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv")
                        && !f.getFileName().toString().equals("通报信息.csv")) {
                    Files.copy(f, data.resolve(f.getFileName().toString()));
                }
            }
        }
        String url = engine.freshUrl(tmp.resolve("db"));
        ok("--db", url, "import", data.toString());
        ok("--db", url, "run", "--period", "2021-Q4");
        Snapshot before = snapshot(url, tmp.resolve("before"));
        Map<String, Long> oldCounts = strip(url);
        assertEquals(0L, oldCounts.get("notice_meta"));

        CliTest.Outcome list = ok("--db", url, "jurisdiction", "list");
        assertTrue(list.out().contains("本辖区\t县\t—"), list.out());
        assertTrue(list.out().contains("jurisdiction rename 本辖区 新名称"), list.out());
        Map<String, Long> newCounts = counts(url);
        newCounts.remove("jurisdiction");
        assertEquals(oldCounts, newCounts);
        Snapshot after = snapshot(url, tmp.resolve("after"));
        assertEquals(before.texts(), after.texts());
        before.files().forEach((name, bytes) -> assertArrayEquals(bytes, after.files().get(name), name));

        ok("--db", url, "jurisdiction", "rename", "本辖区", "扶风县");
        assertFalse(ok("--db", url, "jurisdiction", "list").out().contains("jurisdiction rename"));
        assertEquals(after.texts().get("explain 县住建局"), ok("--db", url, "explain", "县住建局").out());
    }

    /** explain（输出与提示）和 report（md、csv）的结果。 */
    record Snapshot(Map<String, String> texts, Map<String, byte[]> files) {
    }

    static Snapshot snapshot(String url, Path dir) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String[] args : List.of(new String[]{"explain", "县住建局"}, new String[]{"explain", "县住建局", "--run", "1"},
                new String[]{"explain", "县医保局", "--orders"}, new String[]{"runs"}, new String[]{"history", "RX202112120003"})) {
            List<String> full = new ArrayList<>(List.of("--db", url));
            full.addAll(List.of(args));
            CliTest.Outcome o = ok(full.toArray(String[]::new));
            texts.put(String.join(" ", args), o.out());
            texts.put(String.join(" ", args) + "（提示）", o.err());
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (String run : List.of("1", "")) {
            Path out = dir.resolve("report" + run);
            List<String> args = new ArrayList<>(List.of("--db", url, "report", "--out", out.toString()));
            if (!run.isEmpty()) {
                args.addAll(List.of("--run", run));
            }
            ok(args.toArray(String[]::new));
            try (Stream<Path> s = Files.list(out)) {
                for (Path f : s.toList()) {
                    String n = f.getFileName().toString();
                    if (!n.endsWith(".docx") && !n.endsWith(".xlsx")) {
                        files.put("report" + run + "/" + n, Files.readAllBytes(f));
                    }
                }
            }
        }
        return new Snapshot(texts, files);
    }

    /** 撤掉 V22，返回此时（升级前）每张表的行数。 */
    static Map<String, Long> strip(String url) throws Exception {
        try (Connection c = Engine.connect(url); Statement st = c.createStatement()) {
            for (String sql : STRIP_V22) {
                st.execute(sql);
            }
        }
        Map<String, Long> counts = counts(url);
        assertFalse(counts.containsKey("jurisdiction"));
        return counts;
    }

    /** 库（所在 schema）里每张表的行数，不含 Flyway 自己的记录表。 */
    static Map<String, Long> counts(String url) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = Engine.connect(url)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables "
                    + "where lower(table_schema) = lower(?) and table_type in ('BASE TABLE', 'TABLE')")) {
                ps.setString(1, c.getSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String t : tables) {
                if (t.equalsIgnoreCase("flyway_schema_history")) {
                    continue;
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    out.put(t.toLowerCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        assertTrue(out.size() > 20, out.keySet().toString());
        return out;
    }
}
