package cn.gov.assess.facts;

/** 一个工单的分类结果：工单分类规则判定后插入一次；渠道合计按它计数。 */
public final class OrderOutcome {
    private final OrderFact order;

    /** 记下分类（写到工单事实上），作为新事实交给 insert。 */
    public static OrderOutcome of(OrderFact o, AssignmentStatus status, int daysLate) {
        o.classify(status, daysLate);
        return new OrderOutcome(o);
    }

    private OrderOutcome(OrderFact order) {
        this.order = order;
    }

    public OrderFact getOrder() { return order; }
    public String getChannel() { return order.getChannel(); }
    public AssignmentStatus getStatus() { return order.getStatus(); }
    public boolean isCounted() { return order.getStatus().isCounted(); }
}
