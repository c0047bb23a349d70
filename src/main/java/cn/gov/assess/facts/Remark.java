package cn.gov.assess.facts;


/** 结论：附件备注，挂在某单位的行上（如“微博账号“扶风住建”仍未完成注销”）。 */
public class Remark {
    private final String kind;
    private final long unitId;
    private final String text;
    private final String ruleName;

    public Remark(String kind, long unitId, String text, String ruleName) {
        this.kind = kind;
        this.unitId = unitId;
        this.text = text;
        this.ruleName = ruleName;
    }

    public String getKind() { return kind; }
    public long getUnitId() { return unitId; }
    public String getText() { return text; }
    public String getRuleName() { return ruleName; }
}
