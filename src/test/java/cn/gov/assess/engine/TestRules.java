package cn.gov.assess.engine;

import cn.gov.assess.TestSupport;
import cn.gov.assess.policy.RuleSet;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 真实 rules/ 目录改一个参数（或加一行参数）后的规则，给规则测试的“差一点”用。 */
final class TestRules {
    private TestRules() { }

    /** 参数表 thresholds.csv 里不分渠道的参数 name 改为 value；没有这个参数时加一行列表参数。 */
    static RuleSet withParameter(String name, String value) {
        RuleSet base = TestSupport.rules();
        Map<String, String> files = new TreeMap<>(base.files());
        String table = files.get("thresholds.csv");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ",,[^,]*,").matcher(table);
        String changed = m.find()
                ? table.substring(0, m.start()) + name + ",," + value + "," + table.substring(m.end())
                : (table.endsWith("\n") ? table : table + "\n") + name + ",," + value + ",列表,测试加的参数\n";
        files.put("thresholds.csv", changed);
        return RuleSet.fromSnapshot("rules（" + name + " 改为 " + value + "）", files);
    }
}
