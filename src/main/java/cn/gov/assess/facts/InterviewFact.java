package cn.gov.assess.facts;


import java.time.LocalDate;

/** 规则看到的一次在线访谈。 */
public class InterviewFact {
    private final LocalDate date;
    private final long unitId;
    private final String topic;

    public InterviewFact(LocalDate date, long unitId, String topic) {
        this.date = date;
        this.unitId = unitId;
        this.topic = topic;
    }

    public LocalDate getDate() { return date; }
    public long getUnitId() { return unitId; }
    public String getTopic() { return topic; }
}
