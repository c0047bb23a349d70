package cn.gov.assess.assessment;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.facts.Period;
import cn.gov.assess.intake.Importer;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 28：一个市、两个县在一个库里。两个县都导入 2021-Q4 的扶风样例；岐山县发布了“按期办结且办理较好”名额改小的规则版本。
 * run-all（{@link AssessAll}，并行）之后：扶风县的通报文件与单独一个库里考核的逐字节相同，岐山县只有名单与正文不同，
 * 且只差名额；岐山县单独再考核一次与并行时相同；市没有工单，不保存空运行。H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class JurisdictionsRunTest {
    @Parameter
    Engine engine;

    static final Period Q4 = Period.parse("2021-Q4");
    static Database registry;
    static Jurisdictions all;
    static List<AssessAll.Outcome> outcomes;
    static Map<String, byte[]> alone;

    @BeforeParameterizedClassInvocation
    static void setUp(Engine engine) {
        registry = engine.open();
        all = new Jurisdictions(registry);
        all.rename(all.home().name(), "宝鸡市", "市");
        all.add("扶风县", "县", "宝鸡市");
        all.add("岐山县", "县", "宝鸡市");
        for (String county : List.of("扶风县", "岐山县")) {
            try (Database db = all.open(all.require(county))) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
                new RulesVersions(db, RulesCheck::problems).ensureInitial(TestSupport.rulesDir());
            }
        }
        try (Database db = all.open(all.require("岐山县"))) {
            RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
            var draft = versions.createDraft("规则甲", "名额改为各 2 名");
            String lists = versions.files(draft.id()).get("名单.csv");
            assertTrue(lists.contains("镇街 3、部门 3"));
            versions.saveFile(draft.id(), "规则甲", "名单.csv", lists.replace("镇街 3、部门 3", "镇街 2、部门 2"));
            versions.publish(draft.id(), "审核乙", "岐山县名额");
        }
        outcomes = new AssessAll(all, TestSupport.rulesDir(), 2).run(Q4, Q4.defaultCutoff());
        try (Database db = engine.open()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            long id = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), TestSupport.rules()).runId();
            alone = new ReportWriter().render(new RunStore(db).load(id)).files();
        }
    }

    @AfterParameterizedClassInvocation
    static void close() {
        registry.close();
    }

    static AssessAll.Outcome outcome(String name) {
        return outcomes.stream().filter(o -> o.jurisdiction().name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, byte[]> report(String county, long runId) {
        try (Database db = all.open(all.require(county))) {
            return new ReportWriter().render(new RunStore(db).load(runId)).files();
        }
    }

    @Test
    void theCityHasNoOrdersAndSavesNoEmptyRun() {
        assertEquals(List.of("宝鸡市", "扶风县", "岐山县"), outcomes.stream().map(o -> o.jurisdiction().name()).toList());
        assertFalse(outcome("宝鸡市").ok());
        assertTrue(outcome("宝鸡市").empty(), outcome("宝鸡市").problem());
        assertTrue(outcome("扶风县").ok(), outcome("扶风县").problem());
        assertTrue(outcome("岐山县").ok(), outcome("岐山县").problem());
        assertEquals("规则第 1 版", outcome("扶风县").rulesLabel());
        assertEquals("规则第 2 版", outcome("岐山县").rulesLabel());
    }

    @Test
    void fufengReproducesTheSingleOfficeRunByteForByte() {
        Map<String, byte[]> files = report("扶风县", outcome("扶风县").result().runId());
        assertEquals(new TreeSet<>(alone.keySet()), new TreeSet<>(files.keySet()));
        for (String name : alone.keySet()) {
            if (name.endsWith(".csv") || name.endsWith(".md")) {
                assertArrayEquals(alone.get(name), files.get(name), name);
            }
        }
    }

    @Test
    void qishanDiffersOnlyInTheQuotaOfItsOwnRules() {
        Map<String, byte[]> files = report("岐山县", outcome("岐山县").result().runId());
        List<String> differing = new ArrayList<>();
        for (String name : new TreeSet<>(alone.keySet())) {
            if ((name.endsWith(".csv") || name.endsWith(".md")) && !java.util.Arrays.equals(alone.get(name), files.get(name))) {
                differing.add(name);
            }
        }
        assertEquals(List.of("lists.csv", "sections.md", "通报.md"), differing); // 名单、正文与通报全文
        Map<String, String> before = listRows(alone.get("lists.csv"));
        Map<String, String> after = listRows(files.get("lists.csv"));
        for (String key : before.keySet()) {
            if (key.contains("按期办结且办理较好")) {
                assertNotEquals(before.get(key), after.get(key), key);
                List<String> fewer = List.of(after.get(key).split("、"));
                assertTrue(List.of(before.get(key).split("、")).containsAll(fewer), key + "：名额小了，名单是原名单的一部分");
            } else {
                assertEquals(before.get(key), after.get(key), key);
            }
        }
        assertEquals("绛帐镇、杏林镇、县市场监管局、县城管执法局", after.get("一、12345市民热线|按期办结且办理较好的镇街和部门"));
    }

    @Test
    void qishanAssessedAloneGivesTheSameAsInParallel() {
        RuleSet rules;
        long id;
        try (Database db = all.open(all.require("岐山县"))) {
            RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
            rules = versions.current().rules();
            id = new AssessPeriod(db).assessAndSave(Q4, Q4.defaultCutoff(), rules).runId();
        }
        Map<String, byte[]> parallel = report("岐山县", outcome("岐山县").result().runId());
        Map<String, byte[]> single = report("岐山县", id);
        for (String name : parallel.keySet()) {
            if (name.endsWith(".csv") || name.endsWith(".md")) {
                assertArrayEquals(parallel.get(name), single.get(name), name);
            }
        }
    }

    @Test
    void unitsLiveInTheirJurisdiction() {
        // 单位名只在辖区内唯一：两个县各有“县住建局”，市里没有
        for (String county : List.of("扶风县", "岐山县")) {
            try (Database db = all.open(all.require(county))) {
                assertEquals(1L, TestSupport.scalar(db, "select count(*) from unit where name = '县住建局'"));
            }
        }
        assertEquals(0L, TestSupport.scalar(registry, "select count(*) from unit"));
    }

    static Map<String, String> listRows(byte[] csv) {
        Map<String, String> rows = new TreeMap<>();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (String line : text.split("\r?\n")) {
            List<String> cells = List.of(line.split(",", -1));
            if (cells.size() >= 3) {
                rows.put(cells.get(0) + "|" + cells.get(1), String.join(",", cells.subList(2, cells.size())));
            }
        }
        return rows;
    }
}
