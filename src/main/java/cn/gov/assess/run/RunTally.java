package cn.gov.assess.run;

import cn.gov.assess.facts.Tally;

import jakarta.persistence.*;

/** 运行结果中的一行汇总：单位×渠道；unitId 为空时是渠道合计（按不重复工单）。 */
@Entity
@Table(name = "run_tally")
public class RunTally {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_tally_seq")
    @SequenceGenerator(name = "run_tally_seq", sequenceName = "run_tally_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(nullable = false, length = 50) private String channel;
    @Column(name = "unit_id") private Long unitId;
    @Column(name = "unit_label", nullable = false, length = 100) private String unitLabel;
    @Column(name = "unit_sort_order", nullable = false) private int unitSortOrder;
    @Column(nullable = false) private int due;
    @Column(nullable = false) private int handled;
    @Column(nullable = false) private int unhandled;
    @Column(name = "overdue_completed", nullable = false) private int overdueCompleted;
    @Column(name = "overdue_unhandled", nullable = false) private int overdueUnhandled;
    @Column(name = "open_count", nullable = false) private int openCount;
    @Column(name = "overdue_days", nullable = false) private long overdueDays;
    @Column(name = "monthly_overdue", nullable = false, length = 500) private String monthlyOverdue;
    @Column(name = "overdue_unhandled_orders", nullable = false, length = 2000) private String overdueUnhandledOrders;
    @Column(nullable = false, length = 2000) private String extras;
    /** 签收、回访、回退、重办的计数（V17_1 起保存；更早的运行为 null）。 */
    @Column(name = "optional_counts", length = 300) private String optionalCounts;

    protected RunTally() {
    }

    public RunTally(Long runId, Tally t, String unitLabel, int unitSortOrder) {
        this.runId = runId;
        this.unitSortOrder = unitSortOrder;
        this.channel = t.getChannel();
        this.unitId = t.getUnitId();
        this.unitLabel = unitLabel;
        this.due = t.getDue();
        this.handled = t.getHandled();
        this.unhandled = t.getUnhandled();
        this.overdueCompleted = t.getOverdueCompleted();
        this.overdueUnhandled = t.getOverdueUnhandled();
        this.openCount = t.getOpen();
        this.overdueDays = t.getOverdueDays();
        this.monthlyOverdue = t.encodeMonthly();
        this.overdueUnhandledOrders = truncate(String.join(";", t.getOverdueUnhandledOrderNos()), 2000);
        this.extras = truncate(t.encodeExtras(), 2000);
        this.optionalCounts = t.encodeOptional();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Tally toTally() {
        Tally t = new Tally(channel, unitId);
        t.restore(due, handled, unhandled, overdueCompleted, overdueUnhandled, openCount, overdueDays, monthlyOverdue,
                overdueUnhandledOrders);
        t.restoreExtras(extras);
        t.restoreOptional(optionalCounts);
        return t;
    }

    public Long getRunId() { return runId; }
    public String getChannel() { return channel; }
    public Long getUnitId() { return unitId; }
    public String getUnitLabel() { return unitLabel; }
    public int getUnitSortOrder() { return unitSortOrder; }
}
