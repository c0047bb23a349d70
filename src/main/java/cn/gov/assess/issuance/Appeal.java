package cn.gov.assess.issuance;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/**
 * 一个单位就本期一次或几次转办提出的申诉（涉及的转办见 {@link AppealItem}）：类型与效果（取自 rules/申诉类型.csv，
 * 提出时记下，规则表以后改了也不影响）、理由、可选的附件，以及经办的决定（谁、何时、同意与否、理由）。
 */
@Entity
@Table(name = "appeal")
public class Appeal {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appeal_seq")
    @SequenceGenerator(name = "appeal_seq", sequenceName = "appeal_seq", allocationSize = 1)
    private Long id;
    @Column(nullable = false, length = 10) private String period;
    @Column(name = "notice_id") private Long noticeId;
    @Column(name = "unit_id", nullable = false) private long unitId;
    @Column(name = "unit_name", nullable = false, length = 100) private String unitName;
    @Column(nullable = false, length = 50) private String kind;
    @Column(nullable = false, length = 20) private String effect;
    /** 改派的新单位、批准后的办理时限或实际办结时间（单位提出时写）；核减时为空串。 */
    @Column(name = "proposed_value", nullable = false, length = 100) private String proposedValue;
    @Column(nullable = false, length = 2000) private String reason;
    @Column(nullable = false, length = 10) private String state;
    @Column(name = "filed_by", nullable = false, length = 100) private String filedBy;
    @Column(name = "filed_at", nullable = false) private LocalDateTime filedAt;
    @Column(name = "decided_by", length = 100) private String decidedBy;
    @Column(name = "decided_at") private LocalDateTime decidedAt;
    @Column(name = "decision_reason", length = 2000) private String decisionReason;
    @Column(name = "attachment_name", length = 200) private String attachmentName;
    @Column(name = "attachment_type", length = 50) private String attachmentType;
    @Column(name = "attachment_size") private Integer attachmentSize;

    protected Appeal() {
    }

    public Appeal(String period, Long noticeId, long unitId, String unitName, String kind, String effect, String proposedValue,
                  String reason, String filedBy, LocalDateTime filedAt) {
        this.period = period;
        this.noticeId = noticeId;
        this.unitId = unitId;
        this.unitName = unitName;
        this.kind = kind;
        this.effect = effect;
        this.proposedValue = proposedValue;
        this.reason = reason;
        this.state = AppealState.待审核.name();
        this.filedBy = filedBy;
        this.filedAt = filedAt;
    }

    public Long getId() { return id; }
    public String getPeriod() { return period; }
    public Long getNoticeId() { return noticeId; }
    public long getUnitId() { return unitId; }
    public String getUnitName() { return unitName; }
    public String getKind() { return kind; }
    public String getEffect() { return effect; }
    public String getProposedValue() { return proposedValue; }
    public String getReason() { return reason; }
    public AppealState getState() { return AppealState.valueOf(state); }
    public String getFiledBy() { return filedBy; }
    public LocalDateTime getFiledAt() { return filedAt; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public String getAttachmentName() { return attachmentName; }
    public String getAttachmentType() { return attachmentType; }
    public Integer getAttachmentSize() { return attachmentSize; }
    public boolean hasAttachment() { return attachmentName != null; }
    public boolean isDecided() { return getState() != AppealState.待审核; }
    public String filedText() { return Appeals.show(filedAt); }
    public String decidedText() { return Appeals.show(decidedAt); }

    /** 同意后记在核减上、解释里印出的一句，如“申诉 #7，非本单位职责，张经办 于 2022-01-08 同意”。 */
    public String acceptedText() {
        return "申诉 #" + id + "，" + kind + "，" + decidedBy + " 于 " + (decidedAt == null ? "" : decidedAt.toLocalDate()) + " 同意";
    }

    void attach(String name, String type, int size) {
        this.attachmentName = name;
        this.attachmentType = type;
        this.attachmentSize = size;
    }

    void decide(boolean accept, String by, LocalDateTime at, String reason) {
        this.state = (accept ? AppealState.已同意 : AppealState.未同意).name();
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
    }
}
