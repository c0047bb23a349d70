package cn.gov.assess.assessment;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.cli.CliTest;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.ruleversions.RulesVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 28：run-all（3 个线程）与各辖区单独 run --jurisdiction 保存的结果相同。市与两个县都有工单（都导入扶风样例），
 * 岐山县发布了名额改小的规则版本，它单独运行时用内容相同的规则目录。逐辖区比较两次运行在每张带 run_id 的表里的全部行
 * （汇总、名单成员、一票否决、检查结果、理由、审计记录……，只去掉编号与时刻）、运行记录本身，以及 report 的 md、csv 文件的字节。
 * H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class RunAllAloneTest {
    @Parameter
    Engine engine;

    /** 每次运行都不同、与结果无关的列：编号与时刻（所用的规则版本 rules_version_id 也要相同）。 */
    static final Set<String> VOLATILE = Set.of("id", "run_id", "created_at");

    @Test
    void everyJurisdictionOfRunAllEqualsItsOwnRun(@TempDir Path tmp) throws Exception {
        String url = engine.freshUrl(tmp.resolve("db"));
        try (Database registry = Database.open(url)) {
            Jurisdictions all = new Jurisdictions(registry);
            all.rename(all.home().name(), "宝鸡市", "市");
            all.add("扶风县", "县", "宝鸡市");
            all.add("岐山县", "县", "宝鸡市");
            try (Database db = all.open(all.require("岐山县"))) {
                RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
                versions.ensureInitial(TestSupport.rulesDir());
                var draft = versions.createDraft("规则甲", "名额改为各 2 名");
                String lists = versions.files(draft.id()).get("名单.csv").replace("镇街 3、部门 3", "镇街 2、部门 2");
                versions.saveFile(draft.id(), "规则甲", "名单.csv", lists);
                versions.publish(draft.id(), "审核乙", "岐山县名额");
            }
        }
        List<String> names = List.of("宝鸡市", "扶风县", "岐山县");
        for (String j : names) {
            CliTest.Outcome r = CliTest.exec("--db", url, "--jurisdiction", j, "import", TestSupport.fixture("2021-Q4").toString());
            assertEquals(0, r.code(), r.err());
        }
        CliTest.Outcome runAll = CliTest.exec("--db", url, "run-all", "--period", "2021-Q4", "--threads", "3");
        assertEquals(0, runAll.code(), runAll.err());
        for (String j : names) {
            assertTrue(runAll.out().contains(j + "：运行 #1"), runAll.out());
            // 单独 run 不给 --rules：岐山县用它发布的版本（与 run-all、网页相同），另两个辖区没有发布过，用规则目录
            CliTest.Outcome alone = CliTest.exec("--db", url, "--jurisdiction", j, "run", "--period", "2021-Q4");
            assertEquals(0, alone.code(), alone.err());
            assertTrue(alone.out().contains("运行 #2"), alone.out());
            assertTrue(alone.out().contains(j.equals("岐山县") ? "规则：岐山县的规则" : "规则：规则目录"), alone.out());
        }

        try (Database registry = Database.open(url)) {
            Jurisdictions all = new Jurisdictions(registry);
            Map<String, Map<String, List<String>>> byJurisdiction = new LinkedHashMap<>();
            for (String j : names) {
                try (Connection c = Engine.connect(all.url(all.require(j)))) {
                    Map<String, List<String>> one = rows(c, 1);
                    Map<String, List<String>> two = rows(c, 2);
                    assertEquals(one.keySet(), two.keySet(), j);
                    for (String table : one.keySet()) {
                        assertEquals(one.get(table).size(), two.get(table).size(), j + " 的 " + table + " 行数");
                        for (int i = 0; i < one.get(table).size(); i++) {
                            assertEquals(one.get(table).get(i), two.get(table).get(i), j + " 的 " + table + " 第 " + (i + 1) + " 行");
                        }
                    }
                    assertFalse(one.get("run_tally").isEmpty(), j + "：应有汇总");
                    assertFalse(one.get("run_list_entry").isEmpty(), j + "：应有名单成员");
                    byJurisdiction.put(j, one);
                }
            }
            // 岐山县自己的名额确实用上了：它的名单与扶风县不同，扶风县与市相同
            assertEquals(byJurisdiction.get("宝鸡市").get("run_list_entry"), byJurisdiction.get("扶风县").get("run_list_entry"));
            assertFalse(byJurisdiction.get("扶风县").get("run_list_entry").equals(byJurisdiction.get("岐山县").get("run_list_entry")));
        }

        for (String j : names) {
            Path a = tmp.resolve(j + "-1");
            Path b = tmp.resolve(j + "-2");
            assertEquals(0, CliTest.exec("--db", url, "--jurisdiction", j, "report", "--run", "1", "--out", a.toString()).code());
            assertEquals(0, CliTest.exec("--db", url, "--jurisdiction", j, "report", "--run", "2", "--out", b.toString()).code());
            int compared = 0;
            try (Stream<Path> files = Files.list(a)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".md") || n.endsWith(".csv")) {
                        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(n)), j + " " + n);
                        compared++;
                    }
                }
            }
            assertTrue(compared >= 3, j + "：比较了 " + compared + " 个文件");
        }
    }

    /** 一次运行在每张带 run_id 列的表里的行（去掉 VOLATILE 列，排序），另加运行记录本身（表名 assessment_run）。 */
    static Map<String, List<String>> rows(Connection c, long runId) throws Exception {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.columns "
                + "where lower(column_name) = 'run_id' and lower(table_schema) = lower(?) order by table_name")) {
            ps.setString(1, c.getSchema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : new TreeSet<>(tables)) {
            out.put(t, select(c, "select * from " + t + " where run_id = ?", runId));
        }
        out.put("assessment_run", select(c, "select * from assessment_run where id = ?", runId));
        return out;
    }

    private static List<String> select(Connection c, String sql, long runId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String col = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        if (!VOLATILE.contains(col)) {
                            int type = md.getColumnType(i);
                            boolean binary = type == java.sql.Types.BLOB || type == java.sql.Types.BINARY
                                    || type == java.sql.Types.VARBINARY || type == java.sql.Types.LONGVARBINARY;
                            byte[] bytes = binary ? rs.getBytes(i) : null;
                            String v = binary ? (bytes == null ? "null" : java.util.HexFormat.of().formatHex(bytes))
                                    : type == java.sql.Types.CLOB || type == java.sql.Types.NCLOB ? rs.getString(i)
                                    : String.valueOf(rs.getObject(i));
                            sb.append(col).append('=').append(v).append(';');
                        }
                    }
                    rows.add(sb.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
