package cn.gov.assess.facts;


/** 规则看到的单位：名称、类型、官方排序，以及由规则判定的名单分组（镇街 / 部门）。 */
public class UnitInfo {
    private final long id;
    private final String name;
    private final String kind;
    private final int sortOrder;
    private String group;

    public UnitInfo(long id, String name, String kind, int sortOrder) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.sortOrder = sortOrder;
    }

    public long getId() { return id; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public int getSortOrder() { return sortOrder; }
    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
}
