package cn.gov.assess.facts;


/** 结论：某单位进入某渠道的某名单，带规则名与可读理由。 */
public class ListEntry {
    private final String list;
    private final String channel;
    private final long unitId;
    private final String group;
    private final int sortOrder;
    private final int volume;
    private final int rank;
    private final String ruleName;
    private final String reason;

    public ListEntry(String list, String channel, UnitInfo unit, int volume, int rank, String ruleName, String reason) {
        this.list = list;
        this.channel = channel;
        this.unitId = unit.getId();
        this.group = unit.getGroup();
        this.sortOrder = unit.getSortOrder();
        this.volume = volume;
        this.rank = rank;
        this.ruleName = ruleName;
        this.reason = reason;
    }

    public String getList() { return list; }
    public String getChannel() { return channel; }
    public long getUnitId() { return unitId; }
    public String getGroup() { return group; }
    public int getSortOrder() { return sortOrder; }
    public int getVolume() { return volume; }
    public int getRank() { return rank; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
}
