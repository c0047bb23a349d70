package cn.gov.assess.issuance;

/** 通报的状态。只能向前走：草稿 → 核对中 → 待签发 → 已签发；已签发的通报不再修改。 */
public enum NoticeState {
    草稿, 核对中, 待签发, 已签发;

    /** 单位能否看到这一状态的通报（核对中与已签发）。 */
    public boolean visibleToUnits() { return this == 核对中 || this == 已签发; }
}
