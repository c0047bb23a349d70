package cn.gov.assess.facts;

import java.util.Collection;
import java.util.EnumSet;

/**
 * 一个工单全部转办的分类结果，一次汇集（20-工单分类.drl 的“汇集转办”）：出现过哪些状态、最大逾期天数。
 * 工单分类规则只看这一个事实，不再对每个工单逐条 not/exists 扫它的转办。
 */
public final class OrderAssignments {
    private final OrderFact order;
    private final EnumSet<AssignmentStatus> statuses = EnumSet.noneOf(AssignmentStatus.class);
    private final int count;
    private int maxDaysLate;
    private int unexcluded;

    public OrderAssignments(OrderFact order, Collection<?> outcomes) {
        this.order = order;
        this.count = outcomes.size();
        for (Object o : outcomes) {
            AssignmentOutcome a = (AssignmentOutcome) o;
            statuses.add(a.getStatus());
            maxDaysLate = Math.max(maxDaysLate, a.getDaysLate());
            if (a.getExcluded() == null) {
                unexcluded++;
            }
        }
    }

    public OrderFact getOrder() { return order; }
    public String getChannel() { return order.getChannel(); }
    /** 转办件数。 */
    public int getCount() { return count; }
    /** 没有经申诉核减的转办件数。 */
    public int getUnexcluded() { return unexcluded; }
    /** 所有转办中最大的逾期天数（没有逾期为 0）。 */
    public int getMaxDaysLate() { return maxDaysLate; }

    /** 至少一个转办是这一状态。 */
    public boolean has(AssignmentStatus status) { return statuses.contains(status); }

    /** 每个转办都是所列状态之一。 */
    public boolean onlyOf(AssignmentStatus... allowed) {
        EnumSet<AssignmentStatus> rest = EnumSet.copyOf(statuses);
        for (AssignmentStatus s : allowed) {
            rest.remove(s);
        }
        return rest.isEmpty();
    }
}
