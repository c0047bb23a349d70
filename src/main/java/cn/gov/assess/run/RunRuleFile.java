package cn.gov.assess.run;


import jakarta.persistence.*;
import java.io.Serializable;
import java.util.Objects;

/** 一次运行所用规则目录中的一个文件。 */
@Entity
@Table(name = "run_rule_file")
@IdClass(RunRuleFile.Key.class)
public class RunRuleFile {
    @Id @Column(name = "run_id") private Long runId;
    @Id @Column(length = 300) private String path;
    @Column(nullable = false, length = 64, columnDefinition = "char(64)") private String sha256;

    protected RunRuleFile() {
    }

    public RunRuleFile(Long runId, String path, String sha256) {
        this.runId = runId;
        this.path = path;
        this.sha256 = sha256;
    }

    public String getPath() { return path; }
    public String getSha256() { return sha256; }

    public static class Key implements Serializable {
        private Long runId;
        private String path;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() { return Objects.hash(runId, path); }
    }
}
