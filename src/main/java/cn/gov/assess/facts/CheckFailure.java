package cn.gov.assess.facts;


import java.time.LocalDate;

/** 结论：一次监测不合格（网站栏目或新媒体账号），带规则名与“存在的问题”文字。 */
public class CheckFailure {
    private final String kind;
    private final long unitId;
    private final long accountId;
    private final LocalDate date;
    private final String ruleName;
    private final String problem;

    public CheckFailure(String kind, long unitId, long accountId, LocalDate date, String ruleName, String problem) {
        this.kind = kind;
        this.unitId = unitId;
        this.accountId = accountId;
        this.date = date;
        this.ruleName = ruleName;
        this.problem = problem;
    }

    public String getKind() { return kind; }
    public long getUnitId() { return unitId; }
    /** 新媒体账号编号；网站栏目为 0。 */
    public long getAccountId() { return accountId; }
    public LocalDate getDate() { return date; }
    public String getRuleName() { return ruleName; }
    public String getProblem() { return problem; }
}
