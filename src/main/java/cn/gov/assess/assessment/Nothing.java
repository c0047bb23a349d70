package cn.gov.assess.assessment;

import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;

import java.util.List;
import java.util.Map;

/**
 * 与“无”比较：还没有保存过运行（例如新方案的第一个月）时，预览与 --dry-run 拿一次什么结论都没有的运行来比，
 * 于是预演的全部结果都显示为新增。这次“运行”与预演同一考核期、同一批数据、同一份规则（所以规则文件不列差异），
 * 只是没有汇总、名单、否决、指标，通报全文为空。
 */
public final class Nothing {
    /** 预览与假如里“无”的称呼。 */
    public static final String NAME = "无（没有保存的运行，全部结果显示为新增）";

    private Nothing() {
    }

    /** 与 r 同一考核期、同一数据、同一批单位，但没有任何结论的考核结果。 */
    public static AssessmentResult like(AssessmentResult r) {
        return new AssessmentResult(r.period(), r.cutoff(), r.dataFingerprint(), 0, 0, List.of(), Map.of(), List.of(),
                List.of(), r.units(), List.of(), List.of(), Map.of(), List.of(), null, r.lastCorrection(), List.of(),
                List.of(), List.of(), List.of());
    }

    /** 按 rules 保存前的样子（不写库）。 */
    public static RunStore.StoredRun stored(AssessmentResult r, RuleSet rules) {
        return RunStore.preview(like(r), rules);
    }
}
