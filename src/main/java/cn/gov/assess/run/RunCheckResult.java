package cn.gov.assess.run;


import jakarta.persistence.*;

/** 运行结果中附件4、5的一行：网站栏目单位或新媒体账号的合格/不合格、存在的问题与备注。 */
@Entity
@Table(name = "run_check_result")
public class RunCheckResult {
    public static final String WEBSITE = cn.gov.assess.facts.CheckResult.WEBSITE;
    public static final String MEDIA = cn.gov.assess.facts.CheckResult.MEDIA;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_check_result_seq")
    @SequenceGenerator(name = "run_check_result_seq", sequenceName = "run_check_result_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(nullable = false, length = 20) private String kind;
    @Column(nullable = false) private int seq;
    @Column(length = 30) private String platform;
    @Column(nullable = false, length = 100) private String subject;
    @Column(name = "owner_label", nullable = false, length = 100) private String ownerLabel;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(nullable = false, length = 20) private String result;
    @Column(nullable = false, length = 2000) private String problems;
    @Column(nullable = false, length = 1000) private String remark;

    protected RunCheckResult() {
    }

    public RunCheckResult(Long runId, String kind, int seq, String platform, String subject, String ownerLabel,
                          Long unitId, String result, String problems, String remark) {
        this.runId = runId;
        this.kind = kind;
        this.seq = seq;
        this.platform = platform;
        this.subject = subject;
        this.ownerLabel = ownerLabel;
        this.unitId = unitId;
        this.result = result;
        this.problems = RunTally.truncate(problems, 2000);
        this.remark = RunTally.truncate(remark, 1000);
    }

    public static RunCheckResult of(Long run, cn.gov.assess.facts.CheckResult c) {
        return new RunCheckResult(run, c.kind(), c.seq(), c.platform(), c.subject(), c.ownerLabel(), c.unitId(), c.result(),
                c.problems(), c.remark());
    }

    public RunCheckResult withRun(Long run) {
        return new RunCheckResult(run, kind, seq, platform, subject, ownerLabel, unitId, result, problems, remark);
    }

    public String getKind() { return kind; }
    public int getSeq() { return seq; }
    public String getPlatform() { return platform; }
    public String getSubject() { return subject; }
    public String getOwnerLabel() { return ownerLabel; }
    public Long getUnitId() { return unitId; }
    public String getResult() { return result; }
    public String getProblems() { return problems; }
    public String getRemark() { return remark; }
}
