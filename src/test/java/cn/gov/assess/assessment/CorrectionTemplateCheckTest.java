package cn.gov.assess.assessment;

import cn.gov.assess.TestSupport;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RulesChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules check 也以示例差异渲染更正通报模板（rules/templates/更正通报.ftl）：出错时中文说明文件与行，随规则检查一起报出。 */
class CorrectionTemplateCheckTest {
    @Test
    void theShippedTemplateRendersAgainstTheSampleDiff() {
        assertEquals(List.of(), CorrectionNotice.checkTemplate(TestSupport.rules()));
        assertTrue(RulesCheck.report(TestSupport.rules()).ok());
    }

    @Test
    void anUnknownVariableIsReportedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, "templates/更正通报.ftl", "${i.figure}由", "${i.figur}由");
        List<String> errors = CorrectionNotice.checkTemplate(RuleSet.load(copy));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("模板 " + copy + "/templates/更正通报.ftl 第 "), errors.get(0));
        assertTrue(errors.get(0).contains("“i”中没有“figur”"), errors.get(0));
        RulesChecker.Report report = RulesCheck.report(RuleSet.load(copy));
        assertTrue(!report.ok() && report.errors().contains(errors.get(0)), report.errors().toString());
        assertEquals(errors, RulesCheck.errors(RuleSet.load(copy)));
    }

    @Test
    void aSyntaxErrorIsChineseWithTheLine(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path file = copy.resolve("templates/更正通报.ftl");
        Files.writeString(file, Files.readString(file).replace("</#list>", ""));
        List<String> errors = CorrectionNotice.checkTemplate(RuleSet.load(copy));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("模板 " + copy + "/templates/更正通报.ftl 第 "), errors.get(0));
        assertTrue(errors.get(0).contains("语法错误") && errors.get(0).contains("<#list"), errors.get(0));
    }
}
