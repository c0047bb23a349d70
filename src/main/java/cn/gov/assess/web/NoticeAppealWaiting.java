package cn.gov.assess.web;

import cn.gov.assess.issuance.Appeal;
import cn.gov.assess.issuance.AppealState;
import cn.gov.assess.issuance.Appeals;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.db.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * 首页待办里的通报与申诉：经办看草稿待开放核对、核对中待结束核对的通报和待审核的申诉；审核看待签发、不是自己起草的通报
 * （更正通报的草稿直接签发）。只列这个角色能办的事，与通报页、申诉页的按钮一致。
 */
final class NoticeAppealWaiting implements WaitingItem.Provider {
    private final Database db;

    NoticeAppealWaiting(Database db) {
        this.db = db;
    }

    @Override
    public List<WaitingItem> waiting(Accounts.Account me) {
        List<WaitingItem> out = new ArrayList<>();
        if (!me.role().operates() && !me.role().approves()) {
            return out;
        }
        for (Notice n : new Notices(db).all()) {
            String title = n.getPeriod() + " " + (Notice.CORRECTION.equals(n.getKind()) ? "更正通报" : "通报") + " #" + n.getId();
            String href = "/notices/" + n.getId();
            boolean correction = Notice.CORRECTION.equals(n.getKind());
            switch (n.getState()) {
                case 草稿 -> {
                    if (me.role().operates() && !correction) {
                        out.add(new WaitingItem("通报", title + "是草稿，待开放核对", href));
                    } else if (me.role().approves() && correction && !me.name().equals(n.getPreparedBy())) {
                        out.add(new WaitingItem("通报", title + "待签发（" + n.getPreparedBy() + " 起草）", href));
                    }
                }
                case 核对中 -> {
                    if (me.role().operates()) {
                        out.add(new WaitingItem("通报", title + "核对中" + (n.getOpenUntil() == null ? ""
                                : "，截至 " + n.getOpenUntil()) + "，核对结束后请结束核对", href));
                    }
                }
                case 待签发 -> {
                    if (me.role().approves() && !me.name().equals(n.getPreparedBy())) {
                        out.add(new WaitingItem("通报", title + "待签发（" + n.getPreparedBy() + " 起草）", href));
                    }
                }
                default -> { }
            }
        }
        if (me.role().operates()) {
            for (Appeal a : new Appeals(db).list(null, AppealState.待审核, null)) {
                out.add(new WaitingItem("申诉", a.getPeriod() + " " + a.getUnitName() + "的申诉 #" + a.getId() + "（"
                        + a.getKind() + "）待审核", "/appeals/" + a.getId()));
            }
        }
        return out;
    }
}
