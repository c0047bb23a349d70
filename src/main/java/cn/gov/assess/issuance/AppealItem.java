package cn.gov.assess.issuance;

import jakarta.persistence.*;

/** 申诉涉及的一次转办（渠道与工单编号随之记下，列表与通知不必再查工单）。 */
@Entity
@Table(name = "appeal_item")
public class AppealItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "appeal_id", nullable = false) private long appealId;
    @Column(name = "assignment_id", nullable = false) private long assignmentId;
    @Column(nullable = false, length = 50) private String channel;
    @Column(name = "order_no", nullable = false, length = 100) private String orderNo;

    protected AppealItem() {
    }

    public AppealItem(long appealId, long assignmentId, String channel, String orderNo) {
        this.appealId = appealId;
        this.assignmentId = assignmentId;
        this.channel = channel;
        this.orderNo = orderNo;
    }

    public Long getId() { return id; }
    public long getAppealId() { return appealId; }
    public long getAssignmentId() { return assignmentId; }
    public String getChannel() { return channel; }
    public String getOrderNo() { return orderNo; }
}
