package cn.gov.assess.facts;


/** 转办或工单在截止日的状态，由分类规则判定。 */
public enum AssignmentStatus {
    ON_TIME("按期办结", true),
    OVERDUE_COMPLETED("逾期办结", true),
    OVERDUE_UNHANDLED("逾期未办", true),
    OPEN("在办", true),
    NOT_COUNTED("不计入本期", false);

    private final String label;
    private final boolean counted;

    AssignmentStatus(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    public String label() { return label; }
    public boolean isCounted() { return counted; }
    public boolean isCompleted() { return this == ON_TIME || this == OVERDUE_COMPLETED; }
    public boolean isLate() { return this == OVERDUE_COMPLETED || this == OVERDUE_UNHANDLED; }
}
