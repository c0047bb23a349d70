package cn.gov.assess.run;


import jakarta.persistence.*;
import java.io.Serializable;
import java.util.Objects;

/** 运行时的通报文头文尾信息快照。 */
@Entity
@Table(name = "run_meta")
@IdClass(RunMeta.Key.class)
public class RunMeta {
    @Id @Column(name = "run_id") private Long runId;
    @Id @Column(length = 50) private String field;
    @Column(nullable = false, length = 2000) private String content;

    protected RunMeta() {
    }

    public RunMeta(Long runId, String field, String content) {
        this.runId = runId;
        this.field = field;
        this.content = content;
    }

    public String getField() { return field; }
    public String getContent() { return content; }

    public static class Key implements Serializable {
        private Long runId;
        private String field;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(field, k.field);
        }

        @Override
        public int hashCode() { return Objects.hash(runId, field); }
    }
}
