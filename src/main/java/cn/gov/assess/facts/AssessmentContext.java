package cn.gov.assess.facts;


import java.time.LocalDateTime;

/** 本次考核的期间与截止时点。 */
public record AssessmentContext(Period period, LocalDateTime cutoff) {
    public LocalDateTime getCutoff() { return cutoff; }
    public Period getPeriod() { return period; }
}
