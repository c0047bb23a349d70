package cn.gov.assess.rules;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 事实类是规则的公开接口：规则目录和旧运行保存的规则快照按全名引用它们。事实类曾在 cn.gov.assess.assessment 包中，
 * 后分到 facts（规则看到的事实）与 engine 两个包；这里把旧全名改写为新全名，使旧快照和工作人员手里的旧规则副本照常编译。
 */
public final class FactNames {
    private static final Pattern OLD = Pattern.compile("cn\\.gov\\.assess\\.assessment\\.(\\w+)");
    private static final Set<String> ENGINE = Set.of("Assessor", "Firing", "Monitoring");

    private FactNames() {
    }

    public static String upgrade(String drl) {
        if (!drl.contains("cn.gov.assess.assessment.")) {
            return drl;
        }
        Matcher m = OLD.matcher(drl);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String pkg = ENGINE.contains(m.group(1)) ? "engine" : "facts";
            m.appendReplacement(out, "cn.gov.assess." + pkg + "." + m.group(1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
