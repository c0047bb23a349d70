package cn.gov.assess.issuance;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 通报的一步：谁、何时、做了什么。只增不改。 */
@Entity
@Table(name = "notice_event")
public class NoticeEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "notice_id", nullable = false) private long noticeId;
    @Column(nullable = false) private LocalDateTime at;
    @Column(nullable = false, length = 100) private String account;
    @Column(nullable = false, length = 20) private String action;
    @Column(nullable = false, length = 2000) private String detail;

    protected NoticeEvent() {
    }

    public NoticeEvent(long noticeId, LocalDateTime at, String account, String action, String detail) {
        this.noticeId = noticeId;
        this.at = at;
        this.account = account;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() { return id; }
    public long getNoticeId() { return noticeId; }
    public LocalDateTime getAt() { return at; }
    public String getAccount() { return account; }
    public String getAction() { return action; }
    public String getDetail() { return detail; }
}
