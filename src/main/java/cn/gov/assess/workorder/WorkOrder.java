package cn.gov.assess.workorder;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 工单/来信：渠道内编号唯一，合计按它去重。 */
@Entity
@Table(name = "work_order")
public class WorkOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_seq")
    @SequenceGenerator(name = "work_order_seq", sequenceName = "work_order_seq", allocationSize = 1000)
    private Long id;
    @Column(nullable = false, length = 50)
    private String channel;
    @Column(name = "order_no", nullable = false, length = 100)
    private String orderNo;
    @Column(name = "received_at", nullable = false)
    private LocalDateTime receivedAt;
    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    protected WorkOrder() {
    }

    public WorkOrder(String channel, String orderNo, LocalDateTime receivedAt, Long batchId) {
        this.channel = channel;
        this.orderNo = orderNo;
        this.receivedAt = receivedAt;
        this.batchId = batchId;
    }

    public Long getId() { return id; }
    public String getChannel() { return channel; }
    public String getOrderNo() { return orderNo; }
    public LocalDateTime getReceivedAt() { return receivedAt; }
}
