package cn.gov.assess.monitoring;

import jakarta.persistence.*;
import java.time.LocalDate;

/** 一次政务新媒体监测中一个账号的情况。 */
@Entity
@Table(name = "media_check")
public class MediaCheck {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_check_seq")
    @SequenceGenerator(name = "media_check_seq", sequenceName = "media_check_seq", allocationSize = 50)
    private Long id;
    @Column(name = "check_date", nullable = false) private LocalDate checkDate;
    @Column(name = "account_id", nullable = false) private Long accountId;
    @Column(name = "days_since_post", nullable = false) private int daysSincePost;
    @Column(nullable = false) private int posts;
    @Column(nullable = false) private boolean forwarded;
    @Column(nullable = false) private int reminders;

    protected MediaCheck() {
    }

    public MediaCheck(LocalDate checkDate, Long accountId, int daysSincePost, int posts, boolean forwarded, int reminders) {
        this.checkDate = checkDate;
        this.accountId = accountId;
        this.daysSincePost = daysSincePost;
        this.posts = posts;
        this.forwarded = forwarded;
        this.reminders = reminders;
    }

    public boolean sameValues(MediaCheck o) {
        return daysSincePost == o.daysSincePost && posts == o.posts && forwarded == o.forwarded && reminders == o.reminders;
    }

    public LocalDate getCheckDate() { return checkDate; }
    public Long getAccountId() { return accountId; }
    public int getDaysSincePost() { return daysSincePost; }
    public int getPosts() { return posts; }
    public boolean isForwarded() { return forwarded; }
    public int getReminders() { return reminders; }
}
