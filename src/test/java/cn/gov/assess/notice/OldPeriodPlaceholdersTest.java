package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 旧运行保存的规则快照里，模板写的是 ${quarter}，附件标题写的是 {季度}。这样的规则目录仍然可用：季度考核的输出与
 * 现在的默认规则（${periodWord}、{期}）逐字节相同；月度考核时旧写法同样印“三月份”。
 */
class OldPeriodPlaceholdersTest {
    static final List<String> TEXT_FILES = List.of("sections.md", "通报.md", "annex-1.csv", "annex-2.csv", "annex-3.csv",
            "annex-4.csv", "annex-5.csv", "lists.csv", "totals.csv");

    /** 规则目录的副本，改回旧写法。 */
    static Path oldStyleRules(Path target) throws IOException {
        Path rules = TestSupport.copyRules(target);
        int changed = 0;
        try (Stream<Path> files = Files.list(rules.resolve("templates"))) {
            for (Path t : files.toList()) {
                changed += replace(t, "${periodWord}", "${quarter}");
            }
        }
        changed += replace(rules.resolve("channels.csv"), "{期}", "{季度}");
        changed += replace(rules.resolve("thresholds.csv"), "{期}", "{季度}");
        assertTrue(changed >= 5, "默认规则里应有新写法可改回：" + changed);
        return rules;
    }

    private static int replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (!s.contains(from)) {
            return 0;
        }
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
        return 1;
    }

    @Test
    void quarterRunWithOldPlaceholdersIsByteIdentical(@TempDir Path tmp) throws IOException {
        Path rules = oldStyleRules(tmp.resolve("rules"));
        assertFalse(Files.readString(rules.resolve("templates/通报全文.ftl")).contains("periodWord"));
        Period q4 = Period.parse("2021-Q4");
        Path out = tmp.resolve("out");
        try (Database db = TestSupport.memoryDb()) {
            RuleSet old = RuleSet.load(rules);
            new Importer(db, old).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore store = new RunStore(db);
            new ReportWriter().write(store.load(new AssessPeriod(db).assessAndSave(q4, q4.defaultCutoff(), old).runId()), out);
        }
        Path current = NoticeFixture.out();
        for (String f : TEXT_FILES) {
            assertEquals(Files.readString(current.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("通报.md")).contains("关于2021年四季度12345市民热线工单"));
    }

    /** rules/README.md“考核期的变量”一节的写法，照抄进模板都能用。 */
    @Test
    void documentedPeriodVariablesRender(@TempDir Path tmp) throws IOException {
        Path rules = TestSupport.copyRules(tmp.resolve("rules"));
        Path template = rules.resolve("templates/12345市民热线.ftl");
        Files.writeString(template, Files.readString(template).replace("${section}、${channel}\n",
                "${section}、${channel}\n\n期：${periodKind}|${periodCode}|${year?c}|${periodStart.monthValue}月${periodStart.dayOfMonth}日—"
                        + "${periodEnd.monthValue}月${periodEnd.dayOfMonth}日|${periodMonths?join(\"、\")}月|"
                        + "<#if periodKind == \"月\">本月<#else>${periodWord}</#if>|${quarter}\n"));
        RuleSet changed = RuleSet.load(rules);
        Path data = TestSupport.fixture("scenarios/27-月度考核");
        for (String code : List.of("2026-03", "2026-Q1", "2026")) {
            Period p = Period.parse(code);
            Path out = tmp.resolve("out-" + code);
            try (Database db = TestSupport.memoryDb()) {
                new Importer(db, changed).importPaths(List.of(data.resolve("units.csv"), data.resolve("12345市民热线.csv")));
                RunStore store = new RunStore(db);
                new ReportWriter().write(store.load(new AssessPeriod(db).assessAndSave(p, p.defaultCutoff(), changed)
                        .runId()), out);
            }
            String sections = Files.readString(out.resolve("sections.md"));
            String want = switch (code) {
                case "2026-03" -> "期：月|2026-03|2026|3月1日—3月31日|3月|本月|三月份";
                case "2026-Q1" -> "期：季度|2026-Q1|2026|1月1日—3月31日|1、2、3月|一季度|一季度";
                default -> "期：年|2026|2026|1月1日—12月31日|1、2、3、4、5、6、7、8、9、10、11、12月|全年|全年";
            };
            assertTrue(sections.contains(want), code + "：" + sections);
        }
    }

    @Test
    void monthRunWithOldPlaceholdersReadsTheSameAsWithNewOnes(@TempDir Path tmp) throws IOException {
        Path data = TestSupport.fixture("scenarios/27-月度考核");
        List<Path> inputs = List.of(data.resolve("units.csv"), data.resolve("12345市民热线.csv"), data.resolve("县长信箱.csv"),
                data.resolve("通报信息.csv"));
        Period march = Period.parse("2026-03");
        String[] notices = new String[2];
        RuleSet[] rules = {TestSupport.rules(), RuleSet.load(oldStyleRules(tmp.resolve("rules")))};
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("out" + i);
            try (Database db = TestSupport.memoryDb()) {
                new Importer(db, rules[i]).importPaths(inputs);
                RunStore store = new RunStore(db);
                new ReportWriter().write(store.load(new AssessPeriod(db).assessAndSave(march, march.defaultCutoff(),
                        rules[i]).runId()), out);
            }
            notices[i] = Files.readString(out.resolve("通报.md"));
        }
        assertEquals(notices[0], notices[1]);
        assertTrue(notices[1].contains("关于2026年三月份12345市民热线工单") && notices[1].contains("1. 三月份 12345 市民热线工单办理情况统计表"),
                notices[1]);
    }
}
