package cn.gov.assess.facts;


import java.time.LocalDate;

/** 规则看到的政务新媒体账号。 */
public class MediaAccountFact {
    private final long id;
    private final int seq;
    private final String platform;
    private final String name;
    private final long ownerUnitId;
    private final String ownerSpelling;
    private final String status;
    private final LocalDate cancelDeadline;

    public MediaAccountFact(long id, int seq, String platform, String name, long ownerUnitId, String ownerSpelling,
                            String status, LocalDate cancelDeadline) {
        this.id = id;
        this.seq = seq;
        this.platform = platform;
        this.name = name;
        this.ownerUnitId = ownerUnitId;
        this.ownerSpelling = ownerSpelling;
        this.status = status;
        this.cancelDeadline = cancelDeadline;
    }

    public long getId() { return id; }
    public int getSeq() { return seq; }
    public String getPlatform() { return platform; }
    public String getName() { return name; }
    public long getOwnerUnitId() { return ownerUnitId; }
    public String getOwnerSpelling() { return ownerSpelling; }
    public String getStatus() { return status; }
    public LocalDate getCancelDeadline() { return cancelDeadline; }
}
