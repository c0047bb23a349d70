package cn.gov.assess.monitoring;

import jakarta.persistence.*;

/** 政府网站上的单位栏目登记：附件4列哪些单位、按什么顺序、名称怎么写。 */
@Entity
@Table(name = "website_column")
public class WebsiteColumn {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "website_column_seq")
    @SequenceGenerator(name = "website_column_seq", sequenceName = "website_column_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false) private int seq;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(name = "name_written", nullable = false, length = 100) private String nameWritten;

    protected WebsiteColumn() {
    }

    public WebsiteColumn(int seq, Long unitId, String nameWritten) {
        this.seq = seq;
        this.unitId = unitId;
        this.nameWritten = nameWritten;
    }

    public void update(int seq, String nameWritten) {
        this.seq = seq;
        this.nameWritten = nameWritten;
    }

    public Long getId() { return id; }
    public int getSeq() { return seq; }
    public Long getUnitId() { return unitId; }
    public String getNameWritten() { return nameWritten; }
}
