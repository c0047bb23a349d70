package cn.gov.assess.correction;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 一条更正（或一条撤回）：哪次转办的哪一项，原值、新值、原因、提出人、时间。只增不改。 */
@Entity
@Table(name = "correction")
public class Correction {
    public static final String UNIT = "办理单位";
    public static final String DEADLINE = "办理时限";
    public static final String COMPLETED = "办结时间";
    public static final String WITHDRAW = "撤回";
    /** 核减：这次转办不计入考核（原始记录不变），只由办公室同意的申诉产生（issue 24）。 */
    public static final String EXCLUDE = "核减";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "correction_seq")
    @SequenceGenerator(name = "correction_seq", sequenceName = "correction_seq", allocationSize = 1)
    private Long id;
    @Column(name = "created_at", nullable = false) private LocalDateTime createdAt;
    @Column(name = "assignment_id") private Long assignmentId;
    @Column(nullable = false, length = 50) private String channel;
    @Column(name = "order_no", nullable = false, length = 100) private String orderNo;
    @Column(name = "unit_name", nullable = false, length = 100) private String unitName;
    @Column(nullable = false, length = 20) private String field;
    @Column(name = "old_value", nullable = false, length = 100) private String oldValue;
    @Column(name = "new_value", nullable = false, length = 100) private String newValue;
    @Column(nullable = false, length = 1000) private String reason;
    @Column(name = "requested_by", nullable = false, length = 100) private String requestedBy;
    @Column(name = "withdraws_id") private Long withdrawsId;
    @Column(name = "file_name", nullable = false, length = 500) private String fileName;
    /** 来自哪份申诉（申诉同意时产生的更正与核减）；直接登记的更正为 null。 */
    @Column(name = "appeal_id") private Long appealId;

    protected Correction() {
    }

    public Correction(LocalDateTime createdAt, Long assignmentId, String channel, String orderNo, String unitName,
                      String field, String oldValue, String newValue, String reason, String requestedBy,
                      Long withdrawsId, String fileName) {
        this.createdAt = createdAt;
        this.assignmentId = assignmentId;
        this.channel = channel;
        this.orderNo = orderNo;
        this.unitName = unitName;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.withdrawsId = withdrawsId;
        this.fileName = fileName;
    }

    public Long getId() { return id; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public Long getAssignmentId() { return assignmentId; }
    public String getChannel() { return channel; }
    public String getOrderNo() { return orderNo; }
    public String getUnitName() { return unitName; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getReason() { return reason; }
    public String getRequestedBy() { return requestedBy; }
    public Long getWithdrawsId() { return withdrawsId; }
    public Long getAppealId() { return appealId; }

    /** 记下这条更正来自的申诉（保存之前）。 */
    public Correction fromAppeal(Long appealId) {
        this.appealId = appealId;
        return this;
    }
    /** 登记时间，写成“2021-12-01 09:30:00”。 */
    public String createdText() { return Corrections.show(createdAt.withNano(0)); }

    /** 一行可读的描述。 */
    public String describe() {
        if (withdrawsId != null) {
            return "更正 #" + id + "：撤回更正 #" + withdrawsId + "（" + reason + "，" + requestedBy + "，" + createdAt.toLocalDate() + "）";
        }
        if (EXCLUDE.equals(field)) {
            return "更正 #" + id + "：核减 " + channel + " 工单 " + orderNo + " 派给 " + unitName + " 的转办，不计入考核（" + reason
                    + "；" + createdAt.toLocalDate() + "）";
        }
        return "更正 #" + id + "：" + channel + " 工单 " + orderNo + " 派给 " + unitName + " 的" + field + "由“" + oldValue
                + "”改为“" + newValue + "”（原因：" + reason + "；提出：" + requestedBy + "；" + createdAt.toLocalDate() + "）";
    }
}
