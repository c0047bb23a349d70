package cn.gov.assess.policy;


import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 事实类是规则的公开接口：规则目录和旧运行保存的规则快照按全名引用它们。这里把旧全名改写为新全名，
 * 使旧快照和工作人员手里的旧规则副本照常编译：事实类曾在 cn.gov.assess.assessment 包中（后分到 facts 与 engine；
 * 审计记录 Firing 现也在 facts），
 * 规则读数用的 Parameters、Policy、Formula 曾在 cn.gov.assess.rules 包中（现都在 facts）。
 */
public final class FactNames {
    private static final Pattern OLD = Pattern.compile("cn\\.gov\\.assess\\.(assessment|rules)\\.(\\w+)");
    private static final Set<String> ENGINE = Set.of("Assessor", "Monitoring");

    private FactNames() {
    }

    public static String upgrade(String drl) {
        if (!drl.contains("cn.gov.assess.assessment.") && !drl.contains("cn.gov.assess.rules.")) {
            return drl;
        }
        Matcher m = OLD.matcher(drl);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String pkg = m.group(1).equals("assessment") && ENGINE.contains(name) ? "engine"
                    : m.group(1).equals("rules") && !Set.of("Parameters", "Policy", "Formula").contains(name) ? "policy"
                    : "facts";
            m.appendReplacement(out, "cn.gov.assess." + pkg + "." + name);
        }
        m.appendTail(out);
        return out.toString();
    }
}
