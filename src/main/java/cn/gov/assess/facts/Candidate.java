package cn.gov.assess.facts;


/** 排名类名单的候选单位：已满足条件，尚待按办理量排名。 */
public class Candidate {
    private final String list;
    private final String channel;
    private final UnitInfo unit;
    private final int volume;
    private final String reason;
    /** 排名依据的取值（规则表做的名单可按指标等小数排名）；按办理量排名时等于 volume。 */
    private final java.math.BigDecimal key;

    public Candidate(String list, String channel, UnitInfo unit, int volume, String reason) {
        this(list, channel, unit, volume, reason, java.math.BigDecimal.valueOf(volume));
    }

    public Candidate(String list, String channel, UnitInfo unit, int volume, String reason, java.math.BigDecimal key) {
        this.list = list;
        this.channel = channel;
        this.unit = unit;
        this.volume = volume;
        this.reason = reason;
        this.key = key;
    }

    public java.math.BigDecimal getKey() { return key; }

    public String getList() { return list; }
    public String getChannel() { return channel; }
    public UnitInfo getUnit() { return unit; }
    public long getUnitId() { return unit.getId(); }
    public String getGroup() { return unit.getGroup(); }
    public int getVolume() { return volume; }
    public String getReason() { return reason; }
}
