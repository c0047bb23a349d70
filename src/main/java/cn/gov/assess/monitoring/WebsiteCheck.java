package cn.gov.assess.monitoring;

import jakarta.persistence.*;
import java.time.LocalDate;

/** 一次政府网站监测中一个单位栏目的情况（国办秘函〔2019〕19号的单项否决指标所需数据）。 */
@Entity
@Table(name = "website_check")
public class WebsiteCheck {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "website_check_seq")
    @SequenceGenerator(name = "website_check_seq", sequenceName = "website_check_seq", allocationSize = 50)
    private Long id;
    @Column(name = "check_date", nullable = false) private LocalDate checkDate;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(name = "unit_spelling", nullable = false, length = 100) private String unitSpelling;
    @Column(name = "stale_days", nullable = false) private int staleDays;
    @Column(name = "empty_columns", nullable = false) private int emptyColumns;
    @Column(name = "unanswered_messages", nullable = false) private int unansweredMessages;
    @Column(nullable = false) private boolean reachable;
    @Column(nullable = false) private int published;

    protected WebsiteCheck() {
    }

    public WebsiteCheck(LocalDate checkDate, Long unitId, String unitSpelling, int staleDays, int emptyColumns,
                        int unansweredMessages, boolean reachable, int published) {
        this.checkDate = checkDate;
        this.unitId = unitId;
        this.unitSpelling = unitSpelling;
        this.staleDays = staleDays;
        this.emptyColumns = emptyColumns;
        this.unansweredMessages = unansweredMessages;
        this.reachable = reachable;
        this.published = published;
    }

    public boolean sameValues(WebsiteCheck o) {
        return staleDays == o.staleDays && emptyColumns == o.emptyColumns && unansweredMessages == o.unansweredMessages
                && reachable == o.reachable && published == o.published;
    }

    public LocalDate getCheckDate() { return checkDate; }
    public Long getUnitId() { return unitId; }
    public String getUnitSpelling() { return unitSpelling; }
    public int getStaleDays() { return staleDays; }
    public int getEmptyColumns() { return emptyColumns; }
    public int getUnansweredMessages() { return unansweredMessages; }
    public boolean isReachable() { return reachable; }
    public int getPublished() { return published; }
}
