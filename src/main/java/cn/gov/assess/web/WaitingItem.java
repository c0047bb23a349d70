package cn.gov.assess.web;

import java.util.List;

/**
 * 首页“待办”框里的一件事：说什么、链接到哪里。各功能各提供自己的待办（{@link Provider}），在 {@link WebServer#waiting}
 * 里登记一行即可（规则草稿见 {@link RuleDraftWaiting}；通报、申诉等新功能照此加入）。
 */
public record WaitingItem(String kind, String text, String href) {

    /** 一个功能给这个账号的待办；没有时返回空表。只列这个账号的角色能处理的事。 */
    @FunctionalInterface
    public interface Provider {
        List<WaitingItem> waiting(Accounts.Account me);
    }
}
