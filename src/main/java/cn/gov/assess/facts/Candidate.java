package cn.gov.assess.facts;


/** 排名类名单的候选单位：已满足条件，尚待按办理量排名。 */
public class Candidate {
    private final String list;
    private final String channel;
    private final UnitInfo unit;
    private final int volume;
    private final String reason;

    public Candidate(String list, String channel, UnitInfo unit, int volume, String reason) {
        this.list = list;
        this.channel = channel;
        this.unit = unit;
        this.volume = volume;
        this.reason = reason;
    }

    public String getList() { return list; }
    public String getChannel() { return channel; }
    public UnitInfo getUnit() { return unit; }
    public long getUnitId() { return unit.getId(); }
    public String getGroup() { return unit.getGroup(); }
    public int getVolume() { return volume; }
    public String getReason() { return reason; }
}
