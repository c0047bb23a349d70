package cn.gov.assess.facts;


import java.time.LocalDateTime;
import java.time.YearMonth;

/** 规则看到的一条转办：由数据库记录投影而来，不含任何群众个人信息。 */
public class AssignmentFact {
    private final long id;
    private final long orderId;
    private final String channel;
    private final String orderNo;
    private final long unitId;
    private final LocalDateTime receivedAt;
    private final LocalDateTime deadline;
    private final LocalDateTime completedAt;
    private AssignmentStatus status;
    private int daysLate;
    private String classifiedBy;
    // 导出里有才有的可选字段（issue 16）：签收、回访满意度、退回次数、重办；没有时为 null
    private LocalDateTime signedAt;
    private LocalDateTime signDeadline;
    private String satisfaction;
    private Integer returnCount;
    private Boolean reopened;
    // 核减（issue 24）：经办同意申诉、这次转办不计入考核时的说明（如“申诉 #7，非本单位职责，张经办 于 2022-01-08 同意”）；没有核减为 null
    private String excluded;

    public AssignmentFact(long id, long orderId, String channel, String orderNo, long unitId, LocalDateTime receivedAt,
                          LocalDateTime deadline, LocalDateTime completedAt) {
        this.id = id;
        this.orderId = orderId;
        this.channel = channel;
        this.orderNo = orderNo;
        this.unitId = unitId;
        this.receivedAt = receivedAt;
        this.deadline = deadline;
        this.completedAt = completedAt;
    }

    /** 设置可选字段（导出里没有的为 null）。 */
    public AssignmentFact withOptional(LocalDateTime signedAt, LocalDateTime signDeadline, String satisfaction,
                                       Integer returnCount, Boolean reopened) {
        this.signedAt = signedAt;
        this.signDeadline = signDeadline;
        this.satisfaction = satisfaction;
        this.returnCount = returnCount;
        this.reopened = reopened;
        return this;
    }

    /** 记下核减（运行读转办时，按未撤回的核减更正）。 */
    public AssignmentFact exclude(String reason) {
        this.excluded = reason;
        return this;
    }

    /** 核减的说明：这次转办经申诉核减、不计入考核时非空（由规则决定不计入）。 */
    public String getExcluded() { return excluded; }
    /** 签收时间（导出有“签收时间”列时）。 */
    public LocalDateTime getSignedAt() { return signedAt; }
    /** 签收时限（导出有“签收时限”列时）。 */
    public LocalDateTime getSignDeadline() { return signDeadline; }
    /** 回访满意度：满意、基本满意、不满意、未回访；导出没有时为 null。 */
    public String getSatisfaction() { return satisfaction; }
    /** 退回热线中心的次数；导出没有时为 null。 */
    public Integer getReturnCount() { return returnCount; }
    /** 是否重办；导出没有时为 null。 */
    public Boolean getReopened() { return reopened; }
    /** 有签收时限的转办：在时限内签收为 true，超过时限才签收或未签收为 false；没有签收时限为 null。 */
    public Boolean getSignedOnTime() {
        if (signDeadline == null) {
            return null;
        }
        return signedAt != null && !signedAt.isAfter(signDeadline);
    }

    /** 截止时点前是否已办结。 */
    public boolean completedBy(LocalDateTime cutoff) {
        return completedAt != null && !completedAt.isAfter(cutoff);
    }

    public void classify(AssignmentStatus status, int daysLate) {
        this.status = status;
        this.daysLate = daysLate;
    }

    /** 逾期所属月份：办理时限所在月。 */
    public YearMonth getOverdueMonth() { return YearMonth.from(deadline); }

    public long getId() { return id; }
    public long getOrderId() { return orderId; }
    public String getChannel() { return channel; }
    public String getOrderNo() { return orderNo; }
    public long getUnitId() { return unitId; }
    public LocalDateTime getReceivedAt() { return receivedAt; }
    public LocalDateTime getDeadline() { return deadline; }
    public LocalDateTime getCompletedAt() { return completedAt; }
    public AssignmentStatus getStatus() { return status; }
    /** 给它分类的规则名（审计用，由监听器记下）。 */
    public String getClassifiedBy() { return classifiedBy; }
    public void setClassifiedBy(String ruleName) { this.classifiedBy = ruleName; }
    public int getDaysLate() { return daysLate; }
}
