package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules vars、rules check 的模板检查，以及 run 拒绝模板有错的规则目录（什么都不保存）。 */
class TemplateCliTest {
    @Test
    void rulesVarsPrintsEveryFigureWithItsMeaningAndTheFoldersListsAndChannels() {
        CliTest.Outcome o = CliTest.exec("rules", "vars");
        assertEquals(0, o.code(), o.err());
        String out = o.out();
        assertTrue(out.contains("办结率") && out.contains("实办数 ÷ 应办件数"), out);
        assertTrue(out.contains("按期办结率") && out.contains("按期办结件数 ÷ 实办数"), out);
        assertTrue(out.contains("逾期未办件数") && out.contains("超过办理时限仍未办结的转办件数"), out);
        assertTrue(out.contains("单位[\"单位名\"].数字[\"数字名\"]"), out);
        assertTrue(out.contains("名单 按期办结且办理较好：12345市民热线、县长信箱") && out.contains("名单 信息保障好：政府网站、政务新媒体"), out);
        assertTrue(out.contains("渠道 县长信箱：附件 3"), out);
        assertTrue(out.contains("${合计.数字[\"办结率\"]}"), "写法示例");
    }

    @Test
    void rulesVarsReadsTheFolderGivenWithRules(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("规则副本"));
        Path channels = copy.resolve("channels.csv");
        Files.writeString(channels, Files.readString(channels).replace(",三,templates/县长信箱.ftl", ",五,templates/县长信箱.ftl"));
        CliTest.Outcome o = CliTest.exec("rules", "vars", "--rules", copy.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("规则目录 " + copy + "）") && o.out().contains("渠道 县长信箱：附件 3，正文“五”"), o.out());
    }

    @Test
    void rulesCheckReportsATemplateErrorNamingTheFolderChecked(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path t = copy.resolve("templates/12345市民热线.ftl");
        // 列号指向名字本身（“${” 之后）；由模板第 3 行算出，模板文字改了也不必改这里
        int column = Files.readAllLines(t).get(2).indexOf("${handled}") + 3;
        Files.writeString(t, Files.readString(t).replace("实办${handled}件", "实办${foo}件"));
        CliTest.Outcome o = CliTest.exec("rules", "check", copy.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("模板 " + copy + "/templates/12345市民热线.ftl 第 3 行第 " + column + " 列：没有变量“foo”，可用的有："), o.err());
        CliTest.Outcome ok = CliTest.exec("rules", "check");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("模板 5 个（已用示例运行渲染）"), ok.out());
    }

    @Test
    void runRefusesAFolderWithABrokenTemplateAndSavesNothing(@TempDir Path tmp) throws IOException {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, CliTest.exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path t = copy.resolve("templates/通报全文.ftl");
        Files.writeString(t, Files.readString(t).replace("${docNo}", "${文号}"));
        CliTest.Outcome o = CliTest.exec("--db", db, "--rules", copy.toString(), "run", "--period", "2021-Q4");
        assertEquals(1, o.code(), o.out());
        assertTrue(o.err().contains("规则目录 " + copy + " 未通过检查，本次不运行"), o.err());
        assertTrue(o.err().contains("模板 " + copy + "/templates/通报全文.ftl 第 8 行第 9 列：没有变量“文号”，可用的有：addressees"), o.err());
        assertFalse(o.err().matches("(?s).*(FreeMarker|Exception|evaluated).*"), o.err());
        CliTest.Outcome runs = CliTest.exec("--db", db, "runs");
        assertFalse(runs.out().contains("2021-Q4"), "不应保存任何运行：" + runs.out());
        CliTest.Outcome report = CliTest.exec("--db", db, "report", "--out", tmp.resolve("out").toString());
        assertEquals(1, report.code());
        assertTrue(report.err().contains("还没有考核运行"), report.err());
    }
}
