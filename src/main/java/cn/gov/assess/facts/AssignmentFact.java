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
