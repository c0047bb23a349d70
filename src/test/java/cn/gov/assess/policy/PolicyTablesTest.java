package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.assessment.ScenarioRunner;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 规则表：每类填错都给出文件、行、列与可用的写法；表做的名单与指标照样解释。 */
class PolicyTablesTest {
    private static List<String> errors(Path tmp, String file, String append) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path f = copy.resolve(file);
        String old = Files.exists(f) ? Files.readString(f) : "";
        Files.writeString(f, (old.endsWith("\n") || old.isEmpty() ? old : old + "\n") + append);
        return RulesChecker.check(RuleSet.load(copy)).errors();
    }

    /** 导入场景目录里的输入文件，考核并读回这次运行。 */
    private static RunStore.StoredRun assess(Database db, RuleSet rules, Path scenario, Period period) {
        try (Stream<Path> files = Files.list(scenario)) {
            new Importer(db, rules).importPaths(files.filter(p -> p.toString().endsWith(".csv")
                    && !p.getFileName().toString().equals(ScenarioRunner.EXPECTED)).sorted().toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        RunStore store = new RunStore(db);
        return store.load(new AssessPeriod(db, 1).assessAndSave(period, period.defaultCutoff(), rules).runId());
    }

    private static void assertOne(List<String> errors, String... parts) {
        assertTrue(errors.stream().anyMatch(e -> Stream.of(parts).allMatch(e::contains)), errors.toString());
    }

    @Test
    void unknownFieldInAListConditionNamesTheRowAndTheFieldsThatExist(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "名单条件.csv", "办结工单较多,实办件数,≥,50,\n");
        assertOne(e, "名单条件.csv 第 6 行", "没有叫“实办件数”的数字或指标", "可用的数字：应办件数、实办数");
    }

    @Test
    void formulaSyntaxErrorPointsAtTheCharacter(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "指标.csv", "综合得分,,,按期办结率*60 + (办结率*40,2,四舍五入,不计,\n");
        assertOne(e, "指标.csv 第 2 行第 4 列（公式）", "第 12 个字的左括号没有对应的右括号", "左括号没有对应的右括号");
    }

    @Test
    void unknownNameInAFormulaListsTheNamesThatExist(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "指标.csv", "综合得分,,,按期办结率*60 + 满意度*40,2,四舍五入,不计,\n");
        assertOne(e, "指标.csv 第 2 行第 4 列（公式）", "“满意度”不是数字、指标或扣分的名字", "满意率");
    }

    @Test
    void aFormulaWithARateMustSayWhatAZeroDenominatorGives(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "指标.csv", "综合得分,,,按期办结率*60 + 办结率*40,2,四舍五入,,\n");
        assertOne(e, "指标.csv 第 2 行第 7 列（分母为零）", "应办件数（分母）为 0 的单位该怎么算", "不计");
        List<String> ok = errors(tmp.resolve("b"), "指标.csv", "总件数,,,实办数 + 未办件数,0,四舍五入,,\n");
        assertTrue(ok.isEmpty(), "没有比率、没有除法的公式不必填：" + ok);
    }

    @Test
    void indicatorsThatReferToEachOtherInACircleAreRefused(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "指标.csv", "甲,,,乙 + 1,0,,,\n乙,,,甲 + 1,0,,,\n");
        assertOne(e, "指标.csv", "互相引用成环", "甲 → 乙 → 甲");
    }

    @Test
    void twoAnnexesOnOneNumberAreAClashNamingBothPlaces(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "附件.csv", "附件,序号,标题,渠道,列,排序,合计行,说明\n排名表,4,{季度}排名表,12345市民热线,办理单位、实办数,实办数 从高到低,否,\n");
        assertOne(e, "附件.csv 第 2 行附件“排名表”的序号", "附件 4 已由", "参数“网站.附件序号”");
        List<String> sections = errors(tmp.resolve("b"), "channels.csv",
                "政务服务便民热线,,{季度}便民热线统计表,办理单位、应办件数,{月}月逾期{件}件,其中未办{件}件,四,templates/市长信箱.ftl\n");
        assertOne(sections, "渠道“政务服务便民热线”的正文章节", "已由", "监测.正文章节");
    }

    @Test
    void badCellsInTheListTableAreEachNamed(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "名单.csv",
                "约谈,约谈单位,12345热线,镇街、县直,逾期办结件数,从大到小,前三名,各组,是,表格,否,,\n");
        assertOne(e, "名单.csv 第 7 行第 3 列（渠道）", "没有渠道“12345热线”");
        assertOne(e, "第 4 列（考核范围）", "没有单位分组“县直”");
        assertOne(e, "第 6 列（排名方向）", "“从大到小”不认识");
        assertOne(e, "第 7 列（名额）", "“前三名”看不懂");
    }

    @Test
    void badPenaltyRowsAreNamed(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "否决与扣分.csv", "超期扣分,,逾期未办件数,,,罚款,五,\n");
        assertOne(e, "否决与扣分.csv 第 3 行第 6 列（处理）", "“罚款”不认识");
    }

    @Test
    void aRunWithTableListsAndIndicatorsIsExplainedFromWhatWasRecorded() {
        Path scenario = TestSupport.root().resolve("fixtures/scenarios/25-规则表-榆林式综合考评");
        RuleSet rules = ScenarioRunner.withChanges(TestSupport.rules(), scenario);
        try (Database db = TestSupport.memoryDb()) {
            RunStore.StoredRun run = assess(db, rules, scenario, Period.parse("2021-10")); // 榆林式综合考评按月
            Explainer e = cn.gov.assess.assessment.StoredRuns.explainer(db);

            Explainer.UnitExplanation u = e.explainUnit(run, "己街道", null, false);
            String score = u.indicators().stream().filter(s -> s.startsWith("综合考评得分")).findFirst().orElseThrow();
            assertTrue(score.startsWith("综合考评得分（全部渠道）= 71.73：公式 若无(按时办结率，0)*40 + 若无(办结率，0)*30 + "
                    + "若无(满意率，1)*20 + 若无(及时签收率，1)*10 - 扣分"), score);
            // 每一项得了几分（按指标的小数位写，与附件相同）
            assertTrue(score.contains("各项得分：按时办结率 54.55% × 40 = 21.82，办结率 86.36% × 30 = 25.91，"
                    + "（满意率 无从计算，按 100% 计） × 20 = 20.00，（及时签收率 无从计算，按 100% 计） × 10 = 10.00，−扣分 6 = −6.00"), score);
            Explainer.ListVerdict red = u.lists().stream().filter(v -> v.list().equals("红榜")).findFirst().orElseThrow();
            assertFalse(red.on());
            assertTrue(red.placing() != null && red.placing().getPlace() == 6 && red.placing().getQuota() == 5, red.toString());
            Explainer.ListVerdict black = u.lists().stream().filter(v -> v.list().equals("黑榜")).findFirst().orElseThrow();
            assertTrue(black.on() && black.rank() == 1, black.toString());

            Explainer.ListExplanation l = e.explainList(run, "红榜", "全部渠道");
            assertEquals(List.of("甲镇", "丙镇", "乙镇", "戊镇", "丁镇", "县交通局", "县水利局", "县教育局"),
                    l.members().stream().map(m -> m.get("单位")).toList());
            Map<String, String> cut = l.nearMisses().stream().filter(m -> m.get("单位").equals("己街道")).findFirst().orElseThrow();
            assertEquals("6", cut.get("名次"));
            assertTrue(l.members().stream().allMatch(m -> !m.get("理由").startsWith("；")), "没有条件的名单理由不以“；”开头：" + l.members());
            assertEquals("镇街第 1 名，取前 5 名（综合考评得分 100.00）", l.members().get(0).get("理由"), "得分照附件写 100.00");

            // 排名范围“全体”：名次是全体的名次，不是单位所在组的
            Explainer.ListExplanation blackList = e.explainList(run, "黑榜", "全部渠道");
            assertTrue(blackList.members().stream().allMatch(m -> m.get("排名组").equals("全体")), blackList.members().toString());
            assertEquals("全体第 2 名，取前 5 名（综合考评得分 76.00）", blackList.members().get(1).get("理由"));
        }
    }

    @Test
    void aTableSavedAsAnExcelWorkbookWorksAndErrorsNameTheWorkbookRow(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        List<String> csv = Files.readAllLines(copy.resolve("名单条件.csv"));
        Files.delete(copy.resolve("名单条件.csv"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("名单条件");
            int r = 0;
            for (String line : csv) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                String[] cells = line.replace("办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,80,").split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            org.apache.poi.ss.usermodel.Row bad = sheet.createRow(r + 1); // 空一行，再写一个坏行：行号照 Excel 算
            bad.createCell(0).setCellValue("办结工单较多");
            bad.createCell(1).setCellValue("实办件数");
            bad.createCell(2).setCellValue("≥");
            bad.createCell(3).setCellValue(1);
            try (java.io.OutputStream out = Files.newOutputStream(copy.resolve("名单条件.xlsx"))) {
                wb.write(out);
            }
        }
        List<String> e = RulesChecker.check(RuleSet.load(copy)).errors();
        assertOne(e, "名单条件.xlsx 第 " + (csv.size() + 2) + " 行", "没有叫“实办件数”的数字或指标");

        // 去掉坏行后照常运行：门槛 80 从工作簿里读到
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(copy.resolve("名单条件.xlsx")))) {
            wb.getSheetAt(0).removeRow(wb.getSheetAt(0).getRow(csv.size() + 1));
            try (java.io.OutputStream out = Files.newOutputStream(copy.resolve("名单条件.xlsx"))) {
                wb.write(out);
            }
        }
        RuleSet rules = RuleSet.load(copy);
        assertTrue(RulesChecker.check(rules).ok(), RulesChecker.check(rules).errors().toString());
        PolicyTables.ListDef many = rules.tables().list("办结工单较多");
        assertEquals("80", many.conditions().get(0).value());
        Files.writeString(copy.resolve("名单条件.csv"), String.join("\n", csv) + "\n");
        assertOne(RulesChecker.check(RuleSet.load(copy)).errors(), "名单条件.csv 与 名单条件.xlsx 同时存在");
    }

    @Test
    void aNewUnitGroupNeedsOnlyTwoParameterRowsAndAListRow(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path params = copy.resolve("thresholds.csv");
        Files.writeString(params, Files.readString(params).replace("名单分组顺序,,镇街、部门,", "名单分组顺序,,镇街、部门、园区,")
                + "\n园区类型,,开发区,列表,开发区、园区管委会\n");
        Files.writeString(copy.resolve("名单.csv"), Files.readString(copy.resolve("名单.csv"))
                + "园区服务好,园区服务好的单位,12345市民热线,园区,,,,,否,表格,否,,\n");
        Files.writeString(copy.resolve("名单条件.csv"), Files.readString(copy.resolve("名单条件.csv")) + "园区服务好,实办数,≥,2,\n");
        RuleSet rules = RuleSet.load(copy);
        assertTrue(RulesChecker.check(rules).ok(), RulesChecker.check(rules).errors().toString());
        Path scenario = tmp.resolve("园区");
        Files.createDirectories(scenario);
        Files.writeString(scenario.resolve("units.csv"), "单位名称,类型,排序,别名\n绛帐镇,镇,1,\n高新区,开发区,2,\n物流园,开发区,3,\n");
        StringBuilder rows = new StringBuilder("渠道,工单编号,受理时间,办理单位,办理时限,办结时间\n");
        String[][] units = {{"绛帐镇", "3"}, {"高新区", "2"}, {"物流园", "1"}};
        int n = 0;
        for (String[] u : units) {
            for (int i = 0; i < Integer.parseInt(u[1]); i++) {
                rows.append("12345市民热线,YQ").append(++n).append(",2021-10-05 09:00,").append(u[0])
                        .append(",2021-10-10 18:00,2021-10-08 10:00\n");
            }
        }
        Files.writeString(scenario.resolve("派单.csv"), rows.toString());
        Files.writeString(scenario.resolve("expected.csv"), "检查,渠道,对象,期望\n期间,,,2021-Q4\n名单:园区服务好,12345市民热线,,高新区\n");
        ScenarioRunner.Outcome o = new ScenarioRunner(rules).run(scenario);
        assertTrue(o.passed(), o.differences().toString());
    }

    @Test
    void satisfactionAndSigningCountsAreStoredWithTheRunForTemplatesAndAnnexes() throws IOException {
        Path scenario = TestSupport.root().resolve("fixtures/scenarios/22-回访满意与签收");
        RuleSet rules = TestSupport.rules();
        try (Database db = TestSupport.memoryDb()) {
            RunStore.StoredRun run = assess(db, rules, scenario, Period.parse("2021-Q4"));
            cn.gov.assess.facts.Tally t = run.tallies().stream().filter(x -> "法门镇".equals(x.getUnitLabel())
                    && x.getChannel().equals("12345市民热线")).findFirst().orElseThrow().toTally();
            assertTrue(t.getSurveyed() > 0 && t.getSignDue() > 0, t.encodeOptional());
            assertTrue(cn.gov.assess.facts.Figures.value(t, "满意率") != null, "满意率应能从保存的运行算出");
        }
    }

    @Test
    void theChannelAnnexRowOrderIsAColumnOfTheChannelTable(@TempDir Path tmp) throws IOException {
        List<String> e = errors(tmp, "channels.csv", "");
        assertTrue(e.isEmpty(), e.toString());
        Path copy = TestSupport.copyRules(tmp.resolve("r2"));
        Path channels = copy.resolve("channels.csv");
        Files.writeString(channels, Files.readString(channels).replaceFirst(",按期办结率 从低到高、官方顺序,", ",实办数 从高到低,"));
        RuleSet rules = RuleSet.load(copy);
        assertEquals(List.of("实办数 从高到低"), rules.channels().get("12345市民热线").order());
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, rules).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            Period q4 = Period.parse("2021-Q4");
            RunStore store = new RunStore(db);
            RunStore.StoredRun run = store.load(new AssessPeriod(db, 1).assessAndSave(q4, q4.defaultCutoff(), rules).runId());
            cn.gov.assess.notice.AnnexTable table = cn.gov.assess.notice.AnnexTable.build(rules.channels().get("12345市民热线"),
                    "四季度", run.tallies());
            int handled = table.header().indexOf("实办数");
            List<Integer> values = table.rows().subList(0, table.rows().size() - 1).stream()
                    .map(r -> Integer.parseInt(r.get(handled))).toList();
            assertEquals("县住建局", table.rows().get(0).get(0));
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i - 1) >= values.get(i), values.toString());
            }
        }
        Files.writeString(channels, Files.readString(channels).replace(",实办数 从高到低,", ",办结快慢,"));
        assertOne(RulesChecker.check(RuleSet.load(copy)).errors(), "channels.csv 第 2 行第 9 列（附件行序）", "“办结快慢”看不懂");
    }
}
