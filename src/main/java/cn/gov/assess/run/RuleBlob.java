package cn.gov.assess.run;


import jakarta.persistence.*;

/** 规则文件内容，按 SHA-256 寻址。 */
@Entity
@Table(name = "rule_blob")
public class RuleBlob {
    @Id
    @Column(length = 64, columnDefinition = "char(64)")
    private String sha256;
    @Lob
    @Column(nullable = false)
    private String content;

    protected RuleBlob() {
    }

    public RuleBlob(String sha256, String content) {
        this.sha256 = sha256;
        this.content = content;
    }

    public String getSha256() { return sha256; }
    public String getContent() { return content; }
}
