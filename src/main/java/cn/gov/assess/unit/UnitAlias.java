package cn.gov.assess.unit;

import jakarta.persistence.*;

/** 单位的别名（导出数据中的其他写法）。 */
@Entity
@Table(name = "unit_alias")
public class UnitAlias {
    @Id
    @Column(length = 100)
    private String alias;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    protected UnitAlias() {
    }

    public UnitAlias(String alias, Long unitId) {
        this.alias = alias;
        this.unitId = unitId;
    }

    public String getAlias() { return alias; }
    public Long getUnitId() { return unitId; }
}
