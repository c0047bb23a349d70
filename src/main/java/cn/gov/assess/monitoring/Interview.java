package cn.gov.assess.monitoring;

import jakarta.persistence.*;
import java.time.LocalDate;

/** 政府网站“在线访谈”：日期、单位、主题。 */
@Entity
@Table(name = "interview")
public class Interview {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interview_seq")
    @SequenceGenerator(name = "interview_seq", sequenceName = "interview_seq", allocationSize = 50)
    private Long id;
    @Column(name = "interview_date", nullable = false) private LocalDate interviewDate;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(name = "unit_spelling", nullable = false, length = 100) private String unitSpelling;
    @Column(nullable = false, length = 500) private String topic;

    protected Interview() {
    }

    public Interview(LocalDate interviewDate, Long unitId, String unitSpelling, String topic) {
        this.interviewDate = interviewDate;
        this.unitId = unitId;
        this.unitSpelling = unitSpelling;
        this.topic = topic;
    }

    public LocalDate getInterviewDate() { return interviewDate; }
    public Long getUnitId() { return unitId; }
    public String getUnitSpelling() { return unitSpelling; }
    public String getTopic() { return topic; }
}
