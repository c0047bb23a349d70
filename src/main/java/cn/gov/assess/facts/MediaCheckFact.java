package cn.gov.assess.facts;


import java.time.LocalDate;

/** 规则看到的一次政务新媒体监测。 */
public class MediaCheckFact {
    private final LocalDate date;
    private final long accountId;
    private final long ownerUnitId;
    private final String platform;
    private final String accountName;
    private final int daysSincePost;
    private final int posts;
    private final boolean forwarded;
    private final int reminders;

    public MediaCheckFact(LocalDate date, long accountId, long ownerUnitId, String platform, String accountName,
                          int daysSincePost, int posts, boolean forwarded, int reminders) {
        this.date = date;
        this.accountId = accountId;
        this.ownerUnitId = ownerUnitId;
        this.platform = platform;
        this.accountName = accountName;
        this.daysSincePost = daysSincePost;
        this.posts = posts;
        this.forwarded = forwarded;
        this.reminders = reminders;
    }

    public LocalDate getDate() { return date; }
    public long getAccountId() { return accountId; }
    public long getOwnerUnitId() { return ownerUnitId; }
    public String getPlatform() { return platform; }
    public String getAccountName() { return accountName; }
    public int getDaysSincePost() { return daysSincePost; }
    public int getPosts() { return posts; }
    public boolean isForwarded() { return forwarded; }
    public int getReminders() { return reminders; }
    public String getDay() { return date.getMonthValue() + "月" + date.getDayOfMonth() + "日"; }
}
