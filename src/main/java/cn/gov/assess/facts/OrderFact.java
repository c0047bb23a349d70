package cn.gov.assess.facts;


/** 规则看到的一个工单（渠道内去重的单位），状态由它的全部转办决定。 */
public class OrderFact {
    private final long id;
    private final String channel;
    private final String orderNo;
    private AssignmentStatus status;
    private int daysLate;

    public OrderFact(long id, String channel, String orderNo) {
        this.id = id;
        this.channel = channel;
        this.orderNo = orderNo;
    }

    public void classify(AssignmentStatus status, int daysLate) {
        this.status = status;
        this.daysLate = daysLate;
    }

    public long getId() { return id; }
    public String getChannel() { return channel; }
    public String getOrderNo() { return orderNo; }
    public AssignmentStatus getStatus() { return status; }
    public int getDaysLate() { return daysLate; }
}
