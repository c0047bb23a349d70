package cn.gov.assess.run;

import cn.gov.assess.facts.Period;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 一次考核运行；写入后不再修改。 */
@Entity
@Table(name = "assessment_run")
public class AssessmentRun {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_run_seq")
    @SequenceGenerator(name = "assessment_run_seq", sequenceName = "assessment_run_seq", allocationSize = 1)
    private Long id;
    @Column(nullable = false, length = 10)
    private String period;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Column(nullable = false)
    private LocalDateTime cutoff;
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;
    @Column(name = "rules_fingerprint", nullable = false, length = 64, columnDefinition = "char(64)")
    private String rulesFingerprint;
    @Column(name = "data_fingerprint", nullable = false, length = 64, columnDefinition = "char(64)")
    private String dataFingerprint;
    @Column(name = "order_count", nullable = false)
    private int orderCount;
    @Column(name = "assignment_count", nullable = false)
    private int assignmentCount;
    @Column(name = "correction_seq", nullable = false)
    private long correctionSeq;
    /** pending：审计记录正在分批写入；done：已完成。未完成的运行在下次打开库时删除，读者只看 done。 */
    @Column(nullable = false, length = 10)
    private String state = "done";
    /** 作废（V14_1）：何时、谁、为什么；作废的运行不删除，只是不再作为默认运行。 */
    @Column(name = "retired_at")
    private LocalDateTime retiredAt;
    @Column(name = "retired_by", length = 100)
    private String retiredBy;
    @Column(name = "retired_reason", length = 500)
    private String retiredReason;

    protected AssessmentRun() {
    }

    public AssessmentRun(Period period, LocalDateTime cutoff, LocalDateTime createdAt, String rulesFingerprint,
                         String dataFingerprint, int orderCount, int assignmentCount) {
        this.period = period.code();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.cutoff = cutoff;
        this.createdAt = createdAt;
        this.rulesFingerprint = rulesFingerprint;
        this.dataFingerprint = dataFingerprint;
        this.orderCount = orderCount;
        this.assignmentCount = assignmentCount;
    }

    /** 同一事务内补上运行结束时才知道的数据指纹与计数。 */
    public void complete(String dataFingerprint, int orderCount, int assignmentCount, long correctionSeq) {
        this.correctionSeq = correctionSeq;
        this.state = "done";
        this.dataFingerprint = dataFingerprint;
        this.orderCount = orderCount;
        this.assignmentCount = assignmentCount;
    }

    /** 登记为未完成：先提交这一行，再分批写审计记录。 */
    public void markPending() { this.state = "pending"; }

    public void retire(LocalDateTime at, String by, String reason) {
        this.retiredAt = at;
        this.retiredBy = by;
        this.retiredReason = reason;
    }

    public boolean isRetired() { return retiredAt != null; }
    public LocalDateTime getRetiredAt() { return retiredAt; }
    public String getRetiredBy() { return retiredBy; }
    public String getRetiredReason() { return retiredReason; }

    public Long getId() { return id; }
    public String getState() { return state; }
    public Period getPeriod() { return Period.parse(period); }
    public LocalDateTime getCutoff() { return cutoff; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getRulesFingerprint() { return rulesFingerprint; }
    public String getDataFingerprint() { return dataFingerprint; }
    public int getOrderCount() { return orderCount; }
    public int getAssignmentCount() { return assignmentCount; }
    /** 这次运行看到的最后一条更正的编号。 */
    public long getCorrectionSeq() { return correctionSeq; }
}
