package cn.gov.assess.web;

import cn.gov.assess.ruleversions.RulesVersions;

import java.util.ArrayList;
import java.util.List;

/** 首页待办里的规则草稿：审核看别人起草、检查通过、等发布的；规则管理看自己还没发布的。 */
final class RuleDraftWaiting implements WaitingItem.Provider {
    private final RulesVersions versions;

    RuleDraftWaiting(RulesVersions versions) {
        this.versions = versions;
    }

    @Override
    public List<WaitingItem> waiting(Accounts.Account me) {
        List<WaitingItem> out = new ArrayList<>();
        if (!me.role().approves() && !me.role().editsRules()) {
            return out;
        }
        for (RulesVersions.Version v : versions.all()) {
            if (!v.draft()) {
                continue;
            }
            boolean mine = me.name().equals(v.author());
            if (me.role().approves() && !mine) {
                out.add(new WaitingItem("规则草稿", "审核发布规则草稿" + v.label() + "（" + v.author() + " 起草"
                        + (v.checkOk() ? "" : "，检查未通过") + "）", "/rules/drafts/" + v.id()));
            } else if (me.role().editsRules() && mine) {
                out.add(new WaitingItem("规则草稿", "您起草的规则草稿" + v.label() + "还没有发布"
                        + (v.checkOk() ? "，等审核" : "，检查未通过，请修改"), "/rules/drafts/" + v.id()));
            }
        }
        return out;
    }
}
