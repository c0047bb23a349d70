package cn.gov.assess.workorder;

import jakarta.persistence.*;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** 通报的文头文尾信息，一个考核期一组“项目—内容”。 */
@Entity
@Table(name = "notice_meta")
@IdClass(NoticeMeta.Key.class)
public class NoticeMeta {
    /** 可填的项目。 */
    public static final List<String> FIELDS = cn.gov.assess.facts.NoticeInfo.FIELDS;

    @Id @Column(length = 10) private String period;
    @Id @Column(length = 50) private String field;
    @Column(nullable = false, length = 2000) private String content;

    protected NoticeMeta() {
    }

    public NoticeMeta(String period, String field, String content) {
        this.period = period;
        this.field = field;
        this.content = content;
    }

    public String getPeriod() { return period; }
    public String getField() { return field; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }

    public static class Key implements Serializable {
        private String period;
        private String field;

        public Key() {
        }

        public Key(String period, String field) {
            this.period = period;
            this.field = field;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(period, k.period) && Objects.equals(field, k.field);
        }

        @Override
        public int hashCode() { return Objects.hash(period, field); }
    }
}
