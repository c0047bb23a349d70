package cn.gov.assess.monitoring;

import jakarta.persistence.*;
import java.time.LocalDate;

/** 政务新媒体账号登记：平台、名称、责任主体（按登记册写法）、状态。 */
@Entity
@Table(name = "media_account")
public class MediaAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_account_seq")
    @SequenceGenerator(name = "media_account_seq", sequenceName = "media_account_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false) private int seq;
    @Column(nullable = false, length = 30) private String platform;
    @Column(nullable = false, length = 100) private String name;
    @Column(name = "owner_spelling", nullable = false, length = 100) private String ownerSpelling;
    @Column(name = "owner_unit_id", nullable = false) private Long ownerUnitId;
    @Column(nullable = false, length = 20) private String status;
    @Column(name = "cancel_deadline") private LocalDate cancelDeadline;

    protected MediaAccount() {
    }

    public MediaAccount(int seq, String platform, String name, String ownerSpelling, Long ownerUnitId, String status,
                        LocalDate cancelDeadline) {
        this.seq = seq;
        this.platform = platform;
        this.name = name;
        this.ownerSpelling = ownerSpelling;
        this.ownerUnitId = ownerUnitId;
        this.status = status;
        this.cancelDeadline = cancelDeadline;
    }

    public void update(MediaAccount o) {
        this.seq = o.seq;
        this.ownerSpelling = o.ownerSpelling;
        this.ownerUnitId = o.ownerUnitId;
        this.status = o.status;
        this.cancelDeadline = o.cancelDeadline;
    }

    public Long getId() { return id; }
    public int getSeq() { return seq; }
    public String getPlatform() { return platform; }
    public String getName() { return name; }
    public String getOwnerSpelling() { return ownerSpelling; }
    public Long getOwnerUnitId() { return ownerUnitId; }
    public String getStatus() { return status; }
    public LocalDate getCancelDeadline() { return cancelDeadline; }
}
