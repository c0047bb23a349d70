package cn.gov.assess.policy;

import cn.gov.assess.TestSupport;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/申诉类型.csv：随附的五种申诉；写错的表由 rules check 报出文件、行、列；没有这个表的旧目录照常通过检查。 */
class AppealKindsTest {

    @Test
    void shippedTableHasTheFiveKindsOfTheIssue() {
        Map<String, AppealKinds.Kind> kinds = AppealKinds.of(TestSupport.rules());
        assertEquals(List.of("非本单位职责", "诉求不合理/恶意投诉", "重复件", "已批准延期", "办结时间录入有误"), List.copyOf(kinds.keySet()));
        assertEquals(AppealKinds.EXCLUDE, kinds.get("非本单位职责").effect());
        assertEquals(AppealKinds.DEADLINE, kinds.get("已批准延期").effect());
        assertTrue(kinds.get("已批准延期").evidenceRequired());
        assertTrue(!kinds.get("重复件").needsValue() && kinds.get("办结时间录入有误").needsValue());
    }

    @Test
    void badTableIsReportedWithFileLineAndColumn(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, AppealKinds.FILE, "重复件,不计入考核,否,", "重复件,不算了,也许,");
        RulesChecker.Report r = RulesChecker.check(RuleSet.load(copy));
        String where = copy + "/" + AppealKinds.FILE + " 第 4 行";
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(where + "第 2 列（效果）") && e.contains("未知效果“不算了”")
                && e.contains("不计入考核、改派、办理时限改为、办结时间改为")), r.errors().toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(where + "第 3 列（是否需要证明）") && e.contains("应填“是”或“否”")),
                r.errors().toString());
    }

    @Test
    void missingColumnAndDuplicateKind(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.broken(tmp, AppealKinds.FILE, "申诉类型,效果,是否需要证明,说明", "类型,效果,是否需要证明,说明");
        InputException e = assertThrows(InputException.class, () -> AppealKinds.of(RuleSet.load(copy)));
        assertTrue(e.getMessage().contains("缺少列“申诉类型”"), e.getMessage());
        Path dup = TestSupport.broken(tmp.resolve("b"), AppealKinds.FILE, "重复件,不计入考核", "非本单位职责,不计入考核");
        RulesChecker.Report r = RulesChecker.check(RuleSet.load(dup));
        assertTrue(r.errors().stream().anyMatch(x -> x.contains("申诉类型“非本单位职责”重复")), r.errors().toString());
    }

    @Test
    void oldRulesFolderWithoutTheTableStillPasses(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Files.delete(copy.resolve(AppealKinds.FILE));
        RuleSet rules = RuleSet.load(copy);
        assertTrue(RulesChecker.check(rules).ok(), RulesChecker.check(rules).errors().toString());
        assertTrue(AppealKinds.of(rules).isEmpty());
    }
}
