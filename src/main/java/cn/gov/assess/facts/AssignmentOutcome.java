package cn.gov.assess.facts;

/**
 * 一条转办的分类结果：分类规则（10-转办分类.drl）判定后插入一次，之后不再改动。汇总、工单分类等后续规则看它，
 * 而不看转办事实上的 status，这样分类不必 modify 转办事实、也不会让看转办的规则重新计算。
 */
public final class AssignmentOutcome {
    private final AssignmentFact assignment;

    /** 记下分类（写到转办事实上，审计记录与报告从那里读），作为新事实交给 insert。 */
    public static AssignmentOutcome of(AssignmentFact a, AssignmentStatus status, int daysLate) {
        a.classify(status, daysLate);
        return new AssignmentOutcome(a);
    }

    private AssignmentOutcome(AssignmentFact assignment) {
        this.assignment = assignment;
    }

    public AssignmentFact getAssignment() { return assignment; }
    public long getOrderId() { return assignment.getOrderId(); }
    public long getUnitId() { return assignment.getUnitId(); }
    public String getChannel() { return assignment.getChannel(); }
    public AssignmentStatus getStatus() { return assignment.getStatus(); }
    public int getDaysLate() { return assignment.getDaysLate(); }
    /** 计入应办（不是“不计入本期”）。 */
    public boolean isCounted() { return assignment.getStatus().isCounted(); }
    /** 单位×渠道：这条转办计入哪张单位汇总（汇总规则按它一次建齐本块的汇总）。 */
    public TallyKey getTallyKey() { return new TallyKey(assignment.getChannel(), assignment.getUnitId()); }
    /** 经申诉核减时的说明，没有核减为 null。 */
    public String getExcluded() { return assignment.getExcluded(); }
}
