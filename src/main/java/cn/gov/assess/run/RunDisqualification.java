package cn.gov.assess.run;

import cn.gov.assess.facts.Disqualification;

import jakarta.persistence.*;

/** 运行结果中的一票否决，带规则名、理由和导致否决的工单编号。 */
@Entity
@Table(name = "run_disqualification")
public class RunDisqualification {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_disqualification_seq")
    @SequenceGenerator(name = "run_disqualification_seq", sequenceName = "run_disqualification_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(name = "unit_id", nullable = false) private Long unitId;
    @Column(nullable = false, length = 50) private String channel;
    @Column(name = "rule_name", nullable = false, length = 200) private String ruleName;
    @Column(nullable = false, length = 1000) private String reason;
    @Column(name = "order_nos", nullable = false, length = 2000) private String orderNos;

    protected RunDisqualification() {
    }

    public RunDisqualification(Long runId, Disqualification d) {
        this.runId = runId;
        this.unitId = d.getUnitId();
        this.channel = d.getChannel();
        this.ruleName = d.getRuleName();
        this.reason = RunTally.truncate(d.getReason(), 1000);
        this.orderNos = RunTally.truncate(String.join(";", d.getOrderNos()), 2000);
    }

    public Long getUnitId() { return unitId; }
    public String getChannel() { return channel; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
    public String getOrderNos() { return orderNos; }
}
