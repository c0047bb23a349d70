package cn.gov.assess.unit;

import jakarta.persistence.*;

/** 办理单位：名称唯一，带类型与官方排序。 */
@Entity
@Table(name = "unit")
public class Unit {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_seq")
    @SequenceGenerator(name = "unit_seq", sequenceName = "unit_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected Unit() {
    }

    public Unit(String name, String kind, int sortOrder) {
        this.name = name;
        this.kind = kind;
        this.sortOrder = sortOrder;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public int getSortOrder() { return sortOrder; }

    public void update(String kind, int sortOrder) {
        this.kind = kind;
        this.sortOrder = sortOrder;
    }
}
