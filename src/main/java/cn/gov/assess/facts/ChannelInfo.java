package cn.gov.assess.facts;


/** 规则看到的渠道（来自 rules/channels.csv）。 */
public record ChannelInfo(String name, int annexNo) {
    public String getName() { return name; }
    public int getAnnexNo() { return annexNo; }
}
