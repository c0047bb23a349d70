package cn.gov.assess.facts;


import java.util.List;

/** 结论：一票否决，取消单位本期所有表扬名单资格，带规则名、理由和导致否决的工单编号。 */
public class Disqualification {
    private final long unitId;
    private final String channel;
    private final String ruleName;
    private final String reason;
    private final List<String> orderNos;

    public Disqualification(long unitId, String channel, String ruleName, String reason, List<String> orderNos) {
        this.unitId = unitId;
        this.channel = channel;
        this.ruleName = ruleName;
        this.reason = reason;
        this.orderNos = List.copyOf(orderNos);
    }

    public long getUnitId() { return unitId; }
    public String getChannel() { return channel; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
    public List<String> getOrderNos() { return orderNos; }
}
