package cn.gov.assess.ruleversions;

import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 草稿的检查结果按规则指纹留在内存里（最多 32 份）：起草、恢复、重做得到的文件常与已有版本一字不差，不必再编译一遍（每次约 2–5 秒）。
 * 结果只取决于文件内容与本程序（程序里只有一种全部检查，见 {@link RulesVersions.Check}），所以各实例共用，但不存库里跨程序版本复用。
 */
final class CheckCache {
    private static final Map<String, List<Problem>> CHECKED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Problem>> eldest) {
                    return size() > 32;
                }
            });

    private final RulesVersions.Check check;

    CheckCache(RulesVersions.Check check) {
        this.check = check;
    }

    /** 与 {@code assess rules check} 相同的检查（调用方给的 {@link RulesVersions.Check}）的错误，已去重；检查本身出错也记成一条错误。 */
    List<String> check(RuleSet rules) {
        return located(rules).stream().map(Problem::message).toList();
    }

    /** 同 {@link #check}，每处是 {@link Problem}（规则表的错带文件、行、列）。 */
    List<Problem> located(RuleSet rules) {
        String key = rules.fingerprint();
        List<Problem> known = CHECKED.get(key);
        if (known != null) {
            return known;
        }
        List<Problem> result = uncachedCheck(rules);
        CHECKED.put(key, result);
        return result;
    }

    private List<Problem> uncachedCheck(RuleSet rules) {
        List<Problem> errors = new ArrayList<>();
        try {
            errors.addAll(check.problems(rules));
        } catch (InputException e) {
            errors.addAll(e.located());
        } catch (RuntimeException e) {
            errors.add(Problem.of("检查时出错：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        return errors.stream().filter(p -> seen.add(p.message())).toList();
    }
}
