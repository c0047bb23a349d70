package cn.gov.assess.run;

import cn.gov.assess.facts.ListEntry;

import jakarta.persistence.*;

/** 运行结果中的名单成员，带产生它的规则名与理由。 */
@Entity
@Table(name = "run_list_entry")
public class RunListEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_list_entry_seq")
    @SequenceGenerator(name = "run_list_entry_seq", sequenceName = "run_list_entry_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(name = "list_name", nullable = false, length = 100) private String listName;
    @Column(nullable = false, length = 50) private String channel;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(name = "unit_label", nullable = false, length = 100) private String unitLabel;
    @Column(name = "unit_group", nullable = false, length = 20) private String unitGroup;
    @Column(nullable = false) private int position;
    @Column(name = "rank_no", nullable = false) private int rank;
    @Column(nullable = false) private int volume;
    @Column(name = "rule_name", nullable = false, length = 200) private String ruleName;
    @Column(nullable = false, length = 1000) private String reason;

    protected RunListEntry() {
    }

    public RunListEntry(Long runId, ListEntry e, String unitLabel, int position) {
        this.runId = runId;
        this.listName = e.getList();
        this.channel = e.getChannel();
        this.unitId = e.getUnitId();
        this.unitLabel = unitLabel;
        this.unitGroup = e.getGroup() == null ? "其他" : e.getGroup(); // 不属于名单分组的单位（考核范围含“其他”或“全部”的名单）
        this.position = position;
        this.rank = e.getRank();
        this.volume = e.getVolume();
        this.ruleName = e.getRuleName();
        this.reason = RunTally.truncate(e.getReason(), 1000);
    }

    public String getListName() { return listName; }
    public String getChannel() { return channel; }
    public Long getUnitId() { return unitId; }
    public String getUnitLabel() { return unitLabel; }
    public String getUnitGroup() { return unitGroup; }
    public int getPosition() { return position; }
    public int getRank() { return rank; }
    public int getVolume() { return volume; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
}
