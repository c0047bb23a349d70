package cn.gov.assess.audit;

import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RuleTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 给单位看的说法：名单为什么在或不在，用规则表自己的“说明”（名单条件.csv 每个条件一句）说成句子，不写规则文件名与规则名。
 * 说明取自这次运行的规则快照；快照里没有对应的说明时（如 DRL 写的名单）只说取值与要求。审计用的原文仍是 {@link Explainer} 的 why。
 */
public final class PlainWords {
    static final String CONDITIONS = "名单条件.csv";
    /** 名单规则在“一票否决”为“是”时加的一项比较的字段名（facts/Policy 写下的）。 */
    static final String VETO = "一票否决";

    private final Map<String, String> conditions;

    private PlainWords(Map<String, String> conditions) {
        this.conditions = conditions;
    }

    public static PlainWords of(RuleSet rules) {
        Map<String, String> m = new HashMap<>();
        String text = rules == null ? null : rules.files().get(CONDITIONS);
        if (text != null) {
            try {
                RuleTable t = RuleTable.parse(text);
                int list = t.header().indexOf("名单");
                int field = t.header().indexOf("字段");
                int note = t.header().indexOf("说明");
                if (list >= 0 && field >= 0 && note >= 0) {
                    for (RuleTable.Row r : t.rows()) {
                        m.putIfAbsent(r.cell(list) + '\u0001' + r.cell(field), r.cell(note));
                    }
                }
            } catch (RuntimeException e) {
                // 读不成的表不给说明，句子只说取值与要求
            }
        }
        return new PlainWords(m);
    }

    /** 名单条件表里这个名单这一字段的条件的“说明”；没有时为空串（如 DRL 写的名单）。 */
    public String note(String list, String field) {
        String note = conditions.get(list + '\u0001' + field);
        return note == null ? "" : note;
    }

    /** 差一点入选（只差一项）的一句话：引条件自己的说明，“只差一项：未达到“实办数不少于 50 件”，本单位实办数 32，要求 ≥ 50”。 */
    public String nearMiss(String list, Evaluation.Check c) {
        String note = note(list, c.field());
        return "只差一项：" + (note.isEmpty() ? "" : "未达到“" + note + "”，本单位") + c.text();
    }

    /** 一个单位在一个名单上的判定，说成几句话。 */
    public List<String> why(Explainer.ListVerdict v) {
        List<String> out = new ArrayList<>();
        if (v.on()) {
            out.add("列在第 " + v.position() + " 位" + (v.rank() != null && v.rank() > 0 ? "（名次 " + v.rank() + "）" : "")
                    + (v.reason() == null || v.reason().isEmpty() ? "" : "：" + v.reason()));
            return out;
        }
        for (Evaluation.Check c : v.checks()) {
            if (c.passed()) {
                continue;
            }
            String orders = c.orderNos().isEmpty() ? "" : "（工单 " + String.join("、", c.orderNos()) + "）";
            if (VETO.equals(c.field())) {
                out.add("本期有一票否决，不能列入" + orders);
                continue;
            }
            String note = conditions.get(v.list() + '\u0001' + c.field());
            out.add((note == null || note.isEmpty() ? "未达到要求" : "未达到“" + note + "”") + "：本单位" + c.text() + orders);
        }
        for (String w : v.why()) {
            if (w.contains("因名额未入选")) {
                out.add(w.replaceFirst("^规则“[^”]*”：", "").replace("是候选；", "是候选，"));
            }
        }
        if (out.isEmpty()) {
            v.why().forEach(w -> out.add(w.replaceFirst("^规则“[^”]*”：", "")));
        }
        return out;
    }
}
