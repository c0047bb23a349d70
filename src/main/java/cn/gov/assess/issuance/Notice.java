package cn.gov.assess.issuance;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 一期的一份通报（或一份更正通报），由一次运行生成。状态见 {@link NoticeState}；已签发后各列不再修改。
 * 每一步另记在 notice_event（{@link NoticeEvent}）。
 */
@Entity
@Table(name = "notice")
public class Notice {
    public static final String NOTICE = "通报";
    public static final String CORRECTION = "更正通报";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 1)
    private Long id;
    @Column(nullable = false, length = 10) private String period;
    @Column(nullable = false, length = 10) private String kind;
    @Column(name = "corrects_id") private Long correctsId;
    @Column(name = "run_id", nullable = false) private long runId;
    /** {@link NoticeState} 的名字（存成文字，db.Rows 也能直接读）。 */
    @Column(nullable = false, length = 10) private String state;
    @Column(name = "prepared_by", nullable = false, length = 100) private String preparedBy;
    @Column(name = "prepared_at", nullable = false) private LocalDateTime preparedAt;
    @Column(name = "open_until") private LocalDate openUntil;
    @Column(name = "doc_number", length = 100) private String docNumber;
    @Column(name = "doc_date") private LocalDate docDate;
    @Column(name = "signed_by", length = 100) private String signedBy;
    @Column(name = "signed_at") private LocalDateTime signedAt;

    protected Notice() {
    }

    public Notice(String period, String kind, Long correctsId, long runId, String preparedBy, LocalDateTime preparedAt) {
        this.period = period;
        this.kind = kind;
        this.correctsId = correctsId;
        this.runId = runId;
        this.state = NoticeState.草稿.name();
        this.preparedBy = preparedBy;
        this.preparedAt = preparedAt;
    }

    public Long getId() { return id; }
    public String getPeriod() { return period; }
    public String getKind() { return kind; }
    public Long getCorrectsId() { return correctsId; }
    public long getRunId() { return runId; }
    public NoticeState getState() { return NoticeState.valueOf(state); }
    public String getPreparedBy() { return preparedBy; }
    public LocalDateTime getPreparedAt() { return preparedAt; }
    public LocalDate getOpenUntil() { return openUntil; }
    public String getDocNumber() { return docNumber; }
    public LocalDate getDocDate() { return docDate; }
    public String getSignedBy() { return signedBy; }
    public LocalDateTime getSignedAt() { return signedAt; }

    public boolean isSigned() { return getState() == NoticeState.已签发; }

    /** 单位此刻能否就这份通报提出申诉：核对中且未过截止日（截止日当天仍可）。 */
    public boolean acceptsAppeals(LocalDate today) {
        return getState() == NoticeState.核对中 && openUntil != null && !today.isAfter(openUntil);
    }

    void setState(NoticeState state) { this.state = state.name(); }
    void setRunId(long runId) { this.runId = runId; }
    void setOpenUntil(LocalDate openUntil) { this.openUntil = openUntil; }
    void setDocNumber(String docNumber) { this.docNumber = docNumber; }
    void setDocDate(LocalDate docDate) { this.docDate = docDate; }
    void setSignedBy(String signedBy) { this.signedBy = signedBy; }
    void setSignedAt(LocalDateTime signedAt) { this.signedAt = signedAt; }
}
