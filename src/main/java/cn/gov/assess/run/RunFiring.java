package cn.gov.assess.run;

import cn.gov.assess.facts.Firing;

import jakarta.persistence.*;

/** 运行的审计记录：第二步的一次规则触发。 */
@Entity
@Table(name = "run_firing")
public class RunFiring {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_firing_seq")
    @SequenceGenerator(name = "run_firing_seq", sequenceName = "run_firing_seq", allocationSize = 100)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(nullable = false) private int seq;
    @Column(name = "rule_name", nullable = false, length = 200) private String ruleName;
    @Column(name = "unit_id") private Long unitId;
    @Column(length = 50) private String channel;
    @Column(nullable = false, length = 2000) private String facts;
    @Column(name = "vals", nullable = false, length = 2000) private String values;

    protected RunFiring() {
    }

    public RunFiring(Long runId, Firing f) {
        this.runId = runId;
        this.seq = f.seq();
        this.ruleName = f.ruleName();
        this.unitId = f.unitId();
        this.channel = f.channel();
        this.facts = RunTally.truncate(f.facts(), 2000);
        this.values = RunTally.truncate(f.values(), 2000);
    }

    public int getSeq() { return seq; }
    public String getRuleName() { return ruleName; }
    public Long getUnitId() { return unitId; }
    public String getChannel() { return channel; }
    public String getFacts() { return facts; }
    public String getValues() { return values; }
}
