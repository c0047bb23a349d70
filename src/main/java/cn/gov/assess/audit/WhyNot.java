package cn.gov.assess.audit;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.Placing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * 一个单位为什么不在一个名单（某范围）上，取自运行记下的理由：不成立的逐项比较、排名类名单上名额之外的名次（及该组最后入选的），
 * 以及该单位的一票否决。解释（{@link Explainer}）与预览（名单上离开的单位）都从这里取，各用自己的写法。
 *
 * @param evaluations 该单位在这个名单、范围上的逐项比较
 * @param placing     该单位的名次（不是排名类名单或不是候选时为 null）
 * @param lastSelected 同组最后入选的（placing 在名额之外时；否则为 null）
 * @param vetoes      该单位的一票否决理由
 */
public record WhyNot(List<Evaluation> evaluations, Placing placing, Placing lastSelected, List<String> vetoes) {
    /**
     * @param evaluations 运行记下的逐项比较（可以是全部的，这里按名单、范围、单位筛选）
     * @param placings    运行记下的排名（同上）
     */
    public static WhyNot of(List<Evaluation> evaluations, List<Placing> placings, String list, String scope, long unitId,
                            List<String> vetoes) {
        List<Evaluation> evs = evaluations.stream().filter(e -> e.getList().equals(list) && Objects.equals(e.getChannel(), scope)
                && e.getUnitId() == unitId).toList();
        List<Placing> inList = placings.stream().filter(p -> p.getList().equals(list) && Objects.equals(p.getChannel(), scope))
                .toList();
        Placing mine = inList.stream().filter(p -> p.getUnitId() == unitId).findFirst().orElse(null);
        Placing last = mine == null || mine.isSelected() ? null : inList.stream()
                .filter(p -> p.isSelected() && Objects.equals(p.getGroup(), mine.getGroup())).reduce((a, b) -> b).orElse(null);
        return new WhyNot(evs, mine, last, List.copyOf(vetoes));
    }

    /** 不成立的比较（按规则先后）。 */
    public List<Evaluation.Check> failed() {
        List<Evaluation.Check> out = new ArrayList<>();
        evaluations.forEach(e -> out.addAll(e.getFailed()));
        return out;
    }

    /** 一句话（预览用）：不成立的比较；都成立时是名额之外的名次；再没有是一票否决；都没有时为 fallback。 */
    public String brief(String fallback) {
        List<String> why = new ArrayList<>();
        failed().forEach(f -> why.add(f.text()));
        if (why.isEmpty() && placing != null) {
            why.add(placing.text() + "，在名额之外");
        }
        if (why.isEmpty() && !vetoes.isEmpty()) {
            why.add("一票否决：" + vetoes.get(0));
        }
        return why.isEmpty() ? fallback : String.join("；", why);
    }

    /** 逐条（解释用）：每项不成立的比较及其规则与工单；因名额未入选的名次与该组最后入选的；比较全部成立时如实说明。 */
    public List<String> detail(String list, LongFunction<String> names) {
        List<String> why = new ArrayList<>();
        for (Evaluation e : evaluations) {
            for (Evaluation.Check c : e.getFailed()) {
                why.add("规则“" + e.getRule() + "”：" + c.text() + "，不成立"
                        + (c.orderNos().isEmpty() ? "" : "（工单 " + String.join("、", c.orderNos()) + "）"));
            }
        }
        if (placing != null && !placing.isSelected()) {
            StringBuilder s = new StringBuilder("规则“" + placing.getRule() + "”：条件全部成立，是候选；" + placing.text() + "，因名额未入选");
            if (lastSelected != null) {
                s.append("；").append(lastSelected.getGroup() == null ? "" : lastSelected.getGroup())
                        .append("最后入选的是 ").append(names.apply(lastSelected.getUnitId()))
                        .append("（第 ").append(lastSelected.getPlace()).append(" 名，").append(lastSelected.getKey()).append(" ")
                        .append(lastSelected.getValueText()).append("）");
            }
            why.add(s.toString());
        }
        if (why.isEmpty()) {
            // 比较全部成立却不在名单上：规则的其他部分（如名单规则本身的条件）没有成立，如实说明
            evaluations.forEach(e -> why.add("规则“" + e.getRule() + "”记下的比较全部成立（" + e.summary() + "），但没有规则把该单位列入名单；"
                    + "请查看产生名单“" + list + "”的规则"));
        }
        return why;
    }
}
