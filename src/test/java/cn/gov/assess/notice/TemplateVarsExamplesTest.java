package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules vars 的写法示例取自规则目录自己的名单，程序里不写名单名。 */
class TemplateVarsExamplesTest {
    private static String examples(RuleSet rules) {
        return String.join("\n", TemplateVars.examples(rules).stream().map(TemplateVars.Var::name).toList());
    }

    @Test
    void theShippedFolderExamplesNameItsFirstRankedList() {
        String e = examples(TestSupport.rules());
        assertTrue(e.contains("名单[\"按期办结且办理较好\"].成员"), e);
        assertTrue(e.contains("全部渠道[\"县长信箱\"]"), e);
    }

    @Test
    void aFolderWhoseListIsCalledOtherwiseGetsItsOwnName() {
        Map<String, String> files = new TreeMap<>();
        TestSupport.rules().files().forEach((k, v) -> files.put(k, v.replace("按期办结且办理较好", "表扬名单甲")));
        String e = examples(RuleSet.fromSnapshot("改了名单名的规则", files));
        assertTrue(e.contains("名单[\"表扬名单甲\"].各组"), e);
        assertFalse(e.contains("按期办结且办理较好"), e);
    }
}
