package cn.gov.assess.assessment;

import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;
import cn.gov.assess.monitoring.Interview;
import cn.gov.assess.monitoring.MediaAccount;
import cn.gov.assess.monitoring.MediaCheck;
import cn.gov.assess.monitoring.WebsiteCheck;
import cn.gov.assess.monitoring.WebsiteColumn;
import org.hibernate.StatelessSession;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 政府网站与政务新媒体监测、在线访谈：从库里读出本期记录，变成规则的事实。 */
final class MonitoringReader {
    /**
     * 本期的监测事实（按栏目、网站监测、账号、新媒体监测、访谈的顺序）与各单位在记录中的写法
     * （范围：政府网站 / 政务新媒体 / 在线访谈 + '\u0001' + 单位）。
     */
    record Read(List<Object> facts, Map<String, String> labels) {
    }

    private MonitoringReader() {
    }

    static Read load(StatelessSession s, Period period, LocalDateTime cutoff) {
        List<Object> columns = new ArrayList<>();
        List<Object> websiteChecks = new ArrayList<>();
        List<Object> accounts = new ArrayList<>();
        List<Object> mediaChecks = new ArrayList<>();
        List<Object> interviews = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        LocalDate from = period.start();
        LocalDate to = period.end().isBefore(cutoff.toLocalDate()) ? period.end() : cutoff.toLocalDate();
        for (WebsiteColumn c : s.createSelectionQuery("from WebsiteColumn c order by c.seq, c.id", WebsiteColumn.class).getResultList()) {
            columns.add(new WebsiteColumnFact(c.getSeq(), c.getUnitId(), c.getNameWritten()));
            labels.put("政府网站\u0001" + c.getUnitId(), c.getNameWritten());
        }
        for (WebsiteCheck k : s.createSelectionQuery(
                "from WebsiteCheck k where k.checkDate >= :f and k.checkDate <= :t order by k.checkDate, k.unitId", WebsiteCheck.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            websiteChecks.add(new WebsiteCheckFact(k.getCheckDate(), k.getUnitId(), k.getStaleDays(), k.getEmptyColumns(),
                    k.getUnansweredMessages(), k.isReachable(), k.getPublished()));
        }
        Map<Long, MediaAccountFact> byId = new HashMap<>();
        Map<Long, Map<String, Integer>> ownerSpellings = new HashMap<>();
        for (MediaAccount a : s.createSelectionQuery("from MediaAccount a order by a.seq, a.id", MediaAccount.class).getResultList()) {
            MediaAccountFact f = new MediaAccountFact(a.getId(), a.getSeq(), a.getPlatform(), a.getName(), a.getOwnerUnitId(),
                    a.getOwnerSpelling(), a.getStatus(), a.getCancelDeadline());
            accounts.add(f);
            byId.put(a.getId(), f);
            ownerSpellings.computeIfAbsent(a.getOwnerUnitId(), k -> new HashMap<>()).merge(a.getOwnerSpelling(), 1, Integer::sum);
        }
        ownerSpellings.forEach((unit, counts) -> labels.put("政务新媒体\u0001" + unit, counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey()));
        for (MediaCheck k : s.createSelectionQuery(
                "from MediaCheck k where k.checkDate >= :f and k.checkDate <= :t order by k.checkDate, k.accountId", MediaCheck.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            MediaAccountFact a = byId.get(k.getAccountId());
            mediaChecks.add(new MediaCheckFact(k.getCheckDate(), a.getId(), a.getOwnerUnitId(), a.getPlatform(), a.getName(),
                    k.getDaysSincePost(), k.getPosts(), k.isForwarded(), k.getReminders()));
        }
        for (Interview i : s.createSelectionQuery(
                "from Interview i where i.interviewDate >= :f and i.interviewDate <= :t order by i.interviewDate, i.unitId", Interview.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            interviews.add(new InterviewFact(i.getInterviewDate(), i.getUnitId(), i.getTopic()));
            labels.putIfAbsent("在线访谈\u0001" + i.getUnitId(), i.getUnitSpelling());
        }
        List<Object> all = new ArrayList<>();
        all.addAll(columns);
        all.addAll(websiteChecks);
        all.addAll(accounts);
        all.addAll(mediaChecks);
        all.addAll(interviews);
        return new Read(all, labels);
    }
}
