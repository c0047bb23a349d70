package cn.gov.assess.issuance;

/** 申诉的状态：单位提出后待审核，经办同意或不同意（写明理由）后不再改变。 */
public enum AppealState {
    待审核, 已同意, 未同意
}
