package cn.gov.assess.facts;


/** 规则看到的网站单位栏目登记。 */
public class WebsiteColumnFact {
    private final int seq;
    private final long unitId;
    private final String nameWritten;

    public WebsiteColumnFact(int seq, long unitId, String nameWritten) {
        this.seq = seq;
        this.unitId = unitId;
        this.nameWritten = nameWritten;
    }

    public int getSeq() { return seq; }
    public long getUnitId() { return unitId; }
    public String getNameWritten() { return nameWritten; }
}
