package cn.gov.assess.workorder;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 转办：一个工单派给一个单位，有自己的办理时限和办结时间。 */
@Entity
@Table(name = "assignment")
public class Assignment {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_seq")
    @SequenceGenerator(name = "assignment_seq", sequenceName = "assignment_seq", allocationSize = 1000)
    private Long id;
    @Column(name = "order_id", nullable = false)
    private Long orderId;
    @Column(name = "unit_id", nullable = false)
    private Long unitId;
    @Column(name = "unit_spelling", nullable = false, length = 100)
    private String unitSpelling;
    @Column(nullable = false)
    private LocalDateTime deadline;
    @Column(name = "completed_at")
    private LocalDateTime completedAt;
    @Column(name = "batch_id", nullable = false)
    private Long batchId;
    @Column(name = "signed_at")
    private LocalDateTime signedAt;
    @Column(name = "sign_deadline")
    private LocalDateTime signDeadline;
    @Column(length = 8)
    private String satisfaction;
    @Column(name = "return_count")
    private Integer returnCount;
    private Boolean reopened;

    protected Assignment() {
    }

    public Assignment(Long orderId, Long unitId, String unitSpelling, LocalDateTime deadline, LocalDateTime completedAt, Long batchId) {
        if (completedAt != null && deadline == null) {
            throw new IllegalArgumentException("转办缺少办理时限");
        }
        this.orderId = orderId;
        this.unitId = unitId;
        this.unitSpelling = unitSpelling;
        this.deadline = deadline;
        this.completedAt = completedAt;
        this.batchId = batchId;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getUnitId() { return unitId; }
    public String getUnitSpelling() { return unitSpelling; }
    public LocalDateTime getDeadline() { return deadline; }
    public LocalDateTime getCompletedAt() { return completedAt; }
    /** 以下是导出里有才有的可选字段（V14），没有时为 null。 */
    public LocalDateTime getSignedAt() { return signedAt; }
    public LocalDateTime getSignDeadline() { return signDeadline; }
    public String getSatisfaction() { return satisfaction; }
    public Integer getReturnCount() { return returnCount; }
    public Boolean getReopened() { return reopened; }
}
