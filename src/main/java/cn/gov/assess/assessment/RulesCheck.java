package cn.gov.assess.assessment;

import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import cn.gov.assess.notice.TemplateCheck;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RulesChecker;

import java.util.ArrayList;
import java.util.List;

/**
 * 规则目录的全部检查，只此一处：规则与参数表（{@link RulesChecker}），再用示例运行渲染每个模板（{@link TemplateCheck}），
 * 以示例差异渲染更正通报模板（{@link CorrectionNotice#checkTemplate}）。
 * 命令行 rules check、run 开始前、网页开始考核前、规则草稿每次保存（规则版本拿到的就是 {@link #errors}）、预览草稿都用它。
 */
public final class RulesCheck {
    private RulesCheck() {
    }

    /** 完整的检查报告（带规则、名单、参数、渠道、模板的个数，rules check 打印它的摘要）。 */
    public static RulesChecker.Report report(RuleSet rules) {
        RulesChecker.Report r = RulesChecker.check(rules);
        TemplateCheck.Result t = TemplateCheck.check(rules);
        List<Problem> errors = new ArrayList<>(r.problems());
        t.errors().forEach(e -> errors.add(Problem.of(e)));
        CorrectionNotice.checkTemplate(rules).forEach(e -> errors.add(Problem.of(e)));
        return new RulesChecker.Report(errors, r.drlFiles(), r.rules(), r.lists(), r.parameters(),
                r.channels(), t.templates());
    }

    /** 只要错误：检查本身读不下去时（{@link InputException}）它的各条说明也算错误，前面已查出的照样保留。 */
    public static List<String> errors(RuleSet rules) {
        return problems(rules).stream().map(Problem::message).toList();
    }

    /** 同 {@link #errors}，每处是 {@link Problem}（规则表的错带文件、行、列；规则版本的编辑页据此标红出错的格）。 */
    public static List<Problem> problems(RuleSet rules) {
        List<Problem> errors = new ArrayList<>();
        try {
            errors.addAll(RulesChecker.check(rules).problems());
            TemplateCheck.check(rules).errors().forEach(e -> errors.add(Problem.of(e)));
            CorrectionNotice.checkTemplate(rules).forEach(e -> errors.add(Problem.of(e)));
        } catch (InputException e) {
            errors.addAll(e.located());
        }
        return errors;
    }
}
