package cn.gov.assess.issuance;

/**
 * 通报的状态。只能向前走：草稿 → 核对中 → 待签发 → 已签发；已签发的通报不再修改。未签发的通报可以作废（已作废），
 * 之后本期可以重新起草。
 */
public enum NoticeState {
    草稿, 核对中, 待签发, 已签发, 已作废;

    /** 单位能否看到这一状态的通报（核对中与已签发）。 */
    public boolean visibleToUnits() { return this == 核对中 || this == 已签发; }
}
