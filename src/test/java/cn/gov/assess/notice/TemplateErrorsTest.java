package cn.gov.assess.notice;

import cn.gov.assess.assessment.ScenarioRunner;

import cn.gov.assess.TestSupport;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 模板出错时的中文提示（文件、行、列、名称）与 rules check 的模板检查。 */
class TemplateErrorsTest {
    private static final Pattern ENGLISH = Pattern.compile(
            "FreeMarker|evaluated|Encountered|Expected|expecting|Tip:|\\btemplate\\b|Can't|Unexpected|Lexical|directive");

    static String error(String template, Map<String, Object> model) {
        RuleSet rules = RuleSet.fromSnapshot("运行 3 的规则快照", Map.of("templates/t.ftl", template));
        InputException e = assertThrows(InputException.class, () -> Templates.render(Templates.configuration(rules), rules,
                "templates/t.ftl", "模板", new HashMap<>(model)));
        String msg = String.join("；", e.problems());
        assertFalse(ENGLISH.matcher(msg).find(), "不应有英文原文：" + msg);
        return msg;
    }

    @Test
    void unknownVariableNamesFileLineColumnAndWhatExists() {
        String msg = error("第一行\n共 ${orders} 件，${foo} 件", Map.of("orders", 3, "handled", 2));
        assertEquals("模板 运行 3 的规则快照中的 templates/t.ftl 第 2 行第 17 列：没有变量“foo”，可用的有：handled、orders", msg);
    }

    @Test
    void unknownKeyInAHashNamesTheHashAndItsKeys() {
        Map<String, Object> model = Map.of("单位", Map.of("县人社局", Map.of("数字", Map.of("办结率", "96%", "实办数", "24"))));
        assertEquals("模板 运行 3 的规则快照中的 templates/t.ftl 第 1 行第 3 列：“单位[\"县人社局\"].数字”中没有“满意度”，可用的有：办结率、实办数",
                error("${单位[\"县人社局\"].数字[\"满意度\"]}", model));
        assertTrue(error("${单位[\"县人保局\"].数字[\"办结率\"]}", model).endsWith("：“单位”中没有“县人保局”，可用的有：县人社局"));
        assertTrue(error("<#list xs as u>${u.名称}${u.名字}</#list>", Map.of("xs", List.of(Map.of("名称", "甲"))))
                .endsWith("第 1 行第 25 列：“u”中没有“名字”"), "循环变量：说出哪一项没有");
    }

    @Test
    void syntaxErrorsAreChineseWithLineAndColumn() {
        assertEquals("模板 运行 3 的规则快照中的 templates/t.ftl 第 2 行第 10 列：语法错误：到模板末尾，“<#if”还没有结束（缺少对应的“</#if>”）",
                error("一\n甲乙<#if x>丙", Map.of()));
        assertContains(error("${x +}", Map.of()), "第 1 行第 6 列：语法错误：此处不应出现“}”");
        assertContains(error("<#lst xs as x></#lst>", Map.of()), "没有指令“<#lst>”");
        assertContains(error("${a?join(\"、\")", Map.of()), "“${”还没有结束（缺少对应的“}”）");
        assertContains(error("<#if a>\n</#list>", Map.of()), "第 2 行第 1 列：语法错误：结束标记“</#list>”与前面还没结束的“<#if>”不配对");
        assertContains(error("${\u3000x}", Map.of()), "全角空格");
        assertContains(error("<#list sections as s\n${s}\n</#list>", Map.of()), "缺少结尾的“>”");
    }

    @Test
    void wrongTypesAreExplainedInChinese() {
        assertContains(error("${m}", Map.of("m", Map.of("k", 1))), "“m”不是文字或数，不能直接印出（它是表");
        assertContains(error("${m?join(\"、\")}", Map.of("m", Map.of("k", 1))), "“m”不是名单（列表）");
        assertContains(error("<#if n>x</#if>", Map.of("n", 3)), "“n”不是“是/否”");
        assertContains(error("${s - 1}", Map.of("s", "a")), "不是数");
        assertContains(error("${s.k}", Map.of("s", "a")), "“s”不是可以用");
        assertContains(error("${1 / n}", Map.of("n", 0)), "除数为 0");
        assertContains(error("${(s > 1)?c}", Map.of("s", "a")), "不能比较");
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), message);
    }


    @Test
    void shippedTemplatesPassTheCheck() {
        TemplateCheck.Result r = TemplateCheck.check(TestSupport.rules());
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(5, r.templates(), "三个渠道模板、正文“四”、全文");
    }

    @Test
    void checkFindsAnUnknownVariableInASectionTemplate(@TempDir Path tmp) throws IOException {
        int column = Files.readAllLines(TestSupport.rulesDir().resolve("templates/12345市民热线.ftl")).get(2).indexOf("${handled}") + 3;
        Path copy = TestSupport.broken(tmp, "templates/12345市民热线.ftl", "实办${handled}件", "实办${handeld}件");
        TemplateCheck.Result r = TemplateCheck.check(RuleSet.load(copy));
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("模板 " + copy + "/templates/12345市民热线.ftl 第 3 行第 " + column + " 列：没有变量“handeld”，可用的有："),
                r.errors().get(0));
        assertTrue(r.errors().get(0).contains("handled"), r.errors().get(0));
    }

    @Test
    void checkFindsErrorsOnlyReachedInOneBranchAndInTheFullNotice(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "templates/市长信箱.ftl", "逾期办结工单 ${late} 件",
                "逾期办结工单 ${late} 件<#if 名单[\"按期办结且办理较好\"].人数 == 0>${没有的变量}</#if>");
        Path notice = copy.resolve("templates/通报全文.ftl");
        Files.writeString(notice, Files.readString(notice).replace("<#list sections as s>", "<#list sections as s"));
        List<String> errors = TemplateCheck.check(RuleSet.load(copy)).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("模板 " + copy + "/templates/市长信箱.ftl 第 3 行")
                && e.contains("没有变量“没有的变量”")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("模板 " + copy + "/templates/通报全文.ftl 第 24 行第 1 列：语法错误")),
                errors.toString());
    }

    @Test
    void everyExampleInRulesVarsRendersAgainstTheSample() {
        RuleSet rules = TestSupport.rules();
        for (boolean full : new boolean[]{true, false}) {
            Map<String, Object> m = TemplateModel.of(TemplateCheck.sample(rules, full)).forChannel("12345市民热线");
            for (TemplateVars.Var v : TemplateVars.examples(rules)) {
                TemplateModelTest.render(v.name(), m);
            }
        }
    }

    /** 规则表里加了指标（指南示例“综合得分”），模板里取它能通过检查，rules vars 列出它。 */
    @Test
    void indicatorsFromTheTablesAreInTheSampleAndInRulesVars(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path extra;
        try (var dirs = Files.list(TestSupport.root().resolve("fixtures/scenarios"))) {
            extra = dirs.filter(d -> d.getFileName().toString().startsWith("24-")).findFirst().orElseThrow().resolve("规则");
        }
        try (var files = Files.list(extra)) {
            for (Path f : files.toList()) {
                List<String> rows = Files.readAllLines(f);
                Path target = copy.resolve(f.getFileName().toString());
                if (Files.exists(target)) { // 与 ScenarioRunner 一样：场景的行接在规则目录同名表的末尾
                    Files.writeString(target, String.join("\n", rows.subList(1, rows.size())) + "\n",
                            java.nio.file.StandardOpenOption.APPEND);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path t = copy.resolve("templates/12345市民热线.ftl");
        Files.writeString(t, Files.readString(t) + "\n<#list 全部指标[\"综合得分\"] as v>${v.单位}${v.文字}<#sep>、</#sep></#list>"
                + "<#list 单位 as 名称, u><#if (u.指标[\"综合得分\"].值)?? && u.指标[\"综合得分\"].值 gt 60>${名称}</#if></#list>\n");
        RuleSet rules = RuleSet.load(copy);
        TemplateCheck.Result r = TemplateCheck.check(rules);
        assertTrue(r.ok(), r.errors().toString());
        Map<String, Object> m = TemplateModel.of(TemplateCheck.sample(rules, true)).forChannel("12345市民热线");
        assertEquals("示例镇街单位1 88.5", TemplateModelTest.render(
                "${全部指标[\"综合得分\"][0].单位} ${单位[\"示例镇街单位1\"].指标[\"综合得分\"].文字}", m));
        assertTrue(String.join("\n", TemplateVars.describe(rules)).contains("指标 综合得分：各渠道各算，按期办结率*60 + 办结率*40 - 扣分"),
                String.join("\n", TemplateVars.describe(rules)));
        Files.writeString(t, Files.readString(t) + "${单位[\"示例镇街单位1\"].指标[\"总分\"].文字}\n");
        List<String> errors = TemplateCheck.check(RuleSet.load(copy)).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("“单位[\"示例镇街单位1\"].指标”中没有“总分”，可用的有："), errors.get(0));
        assertTrue(errors.get(0).contains("综合得分"), errors.get(0));
    }
}
