package cn.gov.assess.facts;


import java.time.LocalDate;

/** 规则看到的一次网站栏目监测。 */
public class WebsiteCheckFact {
    private final LocalDate date;
    private final long unitId;
    private final int staleDays;
    private final int emptyColumns;
    private final int unansweredMessages;
    private final boolean reachable;
    private final int published;

    public WebsiteCheckFact(LocalDate date, long unitId, int staleDays, int emptyColumns, int unansweredMessages,
                            boolean reachable, int published) {
        this.date = date;
        this.unitId = unitId;
        this.staleDays = staleDays;
        this.emptyColumns = emptyColumns;
        this.unansweredMessages = unansweredMessages;
        this.reachable = reachable;
        this.published = published;
    }

    public LocalDate getDate() { return date; }
    public long getUnitId() { return unitId; }
    public int getStaleDays() { return staleDays; }
    public int getEmptyColumns() { return emptyColumns; }
    public int getUnansweredMessages() { return unansweredMessages; }
    public boolean isReachable() { return reachable; }
    public int getPublished() { return published; }
    /** 如“10月20日”。 */
    public String getDay() { return date.getMonthValue() + "月" + date.getDayOfMonth() + "日"; }
}
