package cn.gov.assess.run;

import cn.gov.assess.facts.Note;

import jakarta.persistence.*;

/** 运行结果中的正文提示句（措辞在模板，条件在规则），带规则名与理由。 */
@Entity
@Table(name = "run_note")
public class RunNote {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_note_seq")
    @SequenceGenerator(name = "run_note_seq", sequenceName = "run_note_seq", allocationSize = 50)
    private Long id;
    @Column(name = "run_id", nullable = false) private Long runId;
    @Column(nullable = false, length = 50) private String scope;
    @Column(name = "note_key", nullable = false, length = 100) private String key;
    @Column(nullable = false, length = 1000) private String text;
    @Column(name = "rule_name", nullable = false, length = 200) private String ruleName;
    @Column(nullable = false, length = 1000) private String reason;

    protected RunNote() {
    }

    public RunNote(Long runId, Note n) {
        this.runId = runId;
        this.scope = n.getScope();
        this.key = n.getKey();
        this.text = n.getKey();
        this.ruleName = n.getRuleName();
        this.reason = RunTally.truncate(n.getReason(), 1000);
    }

    public String getScope() { return scope; }
    public String getKey() { return key; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
}
