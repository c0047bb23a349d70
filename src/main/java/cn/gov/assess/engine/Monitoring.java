package cn.gov.assess.engine;

import cn.gov.assess.facts.CheckResult;

import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Remark;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import cn.gov.assess.monitoring.Interview;
import cn.gov.assess.monitoring.MediaAccount;
import cn.gov.assess.monitoring.MediaCheck;
import cn.gov.assess.monitoring.WebsiteCheck;
import cn.gov.assess.monitoring.WebsiteColumn;
import cn.gov.assess.facts.Parameters;
import org.hibernate.StatelessSession;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** 政府网站与政务新媒体监测、在线访谈：装载本期事实，并把规则结论整理成附件4、5的行。 */
public final class Monitoring {
    final List<WebsiteColumnFact> columns = new ArrayList<>();
    final List<WebsiteCheckFact> websiteChecks = new ArrayList<>();
    final List<MediaAccountFact> accounts = new ArrayList<>();
    final List<MediaCheckFact> mediaChecks = new ArrayList<>();
    final List<InterviewFact> interviews = new ArrayList<>();
    /** 范围（政府网站 / 政务新媒体 / 在线访谈）+ 单位 → 记录中的写法。 */
    final Map<String, String> labels = new HashMap<>();

    public static Monitoring load(StatelessSession s, Period period, LocalDateTime cutoff) {
        Monitoring m = new Monitoring();
        LocalDate from = period.start();
        LocalDate to = period.end().isBefore(cutoff.toLocalDate()) ? period.end() : cutoff.toLocalDate();
        for (WebsiteColumn c : s.createSelectionQuery("from WebsiteColumn c order by c.seq, c.id", WebsiteColumn.class).getResultList()) {
            m.columns.add(new WebsiteColumnFact(c.getSeq(), c.getUnitId(), c.getNameWritten()));
            m.labels.put("政府网站\u0001" + c.getUnitId(), c.getNameWritten());
        }
        for (WebsiteCheck k : s.createSelectionQuery(
                "from WebsiteCheck k where k.checkDate >= :f and k.checkDate <= :t order by k.checkDate, k.unitId", WebsiteCheck.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            m.websiteChecks.add(new WebsiteCheckFact(k.getCheckDate(), k.getUnitId(), k.getStaleDays(), k.getEmptyColumns(),
                    k.getUnansweredMessages(), k.isReachable(), k.getPublished()));
        }
        Map<Long, MediaAccountFact> byId = new HashMap<>();
        Map<Long, Map<String, Integer>> ownerSpellings = new HashMap<>();
        for (MediaAccount a : s.createSelectionQuery("from MediaAccount a order by a.seq, a.id", MediaAccount.class).getResultList()) {
            MediaAccountFact f = new MediaAccountFact(a.getId(), a.getSeq(), a.getPlatform(), a.getName(), a.getOwnerUnitId(),
                    a.getOwnerSpelling(), a.getStatus(), a.getCancelDeadline());
            m.accounts.add(f);
            byId.put(a.getId(), f);
            ownerSpellings.computeIfAbsent(a.getOwnerUnitId(), k -> new HashMap<>()).merge(a.getOwnerSpelling(), 1, Integer::sum);
        }
        ownerSpellings.forEach((unit, counts) -> m.labels.put("政务新媒体\u0001" + unit, counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey()));
        for (MediaCheck k : s.createSelectionQuery(
                "from MediaCheck k where k.checkDate >= :f and k.checkDate <= :t order by k.checkDate, k.accountId", MediaCheck.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            MediaAccountFact a = byId.get(k.getAccountId());
            m.mediaChecks.add(new MediaCheckFact(k.getCheckDate(), a.getId(), a.getOwnerUnitId(), a.getPlatform(), a.getName(),
                    k.getDaysSincePost(), k.getPosts(), k.isForwarded(), k.getReminders()));
        }
        for (Interview i : s.createSelectionQuery(
                "from Interview i where i.interviewDate >= :f and i.interviewDate <= :t order by i.interviewDate, i.unitId", Interview.class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            m.interviews.add(new InterviewFact(i.getInterviewDate(), i.getUnitId(), i.getTopic()));
            m.labels.putIfAbsent("在线访谈\u0001" + i.getUnitId(), i.getUnitSpelling());
        }
        return m;
    }

    public List<Object> facts() {
        List<Object> all = new ArrayList<>();
        all.addAll(columns);
        all.addAll(websiteChecks);
        all.addAll(accounts);
        all.addAll(mediaChecks);
        all.addAll(interviews);
        return all;
    }

    /** 附件4、5的行（runId 待保存时填）。 */
    List<CheckResult> rows(List<CheckFailure> failures, List<Remark> remarks, Parameters parameters,
                              Map<Long, UnitInfo> units) {
        List<CheckResult> out = new ArrayList<>();
        Map<String, List<CheckFailure>> bySubject = failures.stream()
                .sorted(Comparator.comparing(CheckFailure::getDate).thenComparing(CheckFailure::getProblem))
                .collect(Collectors.groupingBy(f -> f.getKind() + "\u0001" + (f.getAccountId() == 0 ? f.getUnitId() : f.getAccountId()),
                        LinkedHashMap::new, Collectors.toList()));
        Set<Long> checkedUnits = new HashSet<>();
        websiteChecks.forEach(k -> checkedUnits.add(k.getUnitId()));
        cn.gov.assess.policy.MonitoringNames names = cn.gov.assess.policy.MonitoringNames.of(parameters);
        int seq = 1;
        for (WebsiteColumnFact c : columns) {
            List<CheckFailure> f = bySubject.getOrDefault(CheckResult.WEBSITE + "\u0001" + c.getUnitId(), List.of());
            out.add(new CheckResult(CheckResult.WEBSITE, seq++, null, c.getNameWritten(), c.getNameWritten(),
                    c.getUnitId(), names.result(!f.isEmpty(), checkedUnits.contains(c.getUnitId())), problems(f),
                    remarkText(remarks, CheckResult.WEBSITE, c.getUnitId())));
        }
        Set<Long> checkedAccounts = new HashSet<>();
        mediaChecks.forEach(k -> checkedAccounts.add(k.getAccountId()));
        List<String> listed = parameters.list("新媒体.附件列出状态");
        Set<Long> remarked = new HashSet<>();
        seq = 1;
        for (MediaAccountFact a : accounts) {
            if (!listed.contains(a.getStatus())) {
                continue;
            }
            List<CheckFailure> f = bySubject.getOrDefault(CheckResult.MEDIA + "\u0001" + a.getId(), List.of());
            String remark = remarked.add(a.getOwnerUnitId()) ? remarkText(remarks, CheckResult.MEDIA, a.getOwnerUnitId()) : "";
            out.add(new CheckResult(CheckResult.MEDIA, seq++, a.getPlatform(), a.getName(), a.getOwnerSpelling(),
                    a.getOwnerUnitId(), names.result(!f.isEmpty(), checkedAccounts.contains(a.getId())), problems(f), remark));
        }
        // 责任主体没有列入附件的账号时，备注挂在该账号自己的一行上（状态作结果），不让备注丢失
        for (Remark r : remarks) {
            if (r.getKind().equals(CheckResult.MEDIA) && !remarked.contains(r.getUnitId())) {
                remarked.add(r.getUnitId());
                MediaAccountFact a = accounts.stream().filter(x -> x.getOwnerUnitId() == r.getUnitId()).findFirst().orElse(null);
                if (a != null) {
                    out.add(new CheckResult(CheckResult.MEDIA, seq++, a.getPlatform(), a.getName(), a.getOwnerSpelling(),
                            a.getOwnerUnitId(), a.getStatus(), "", remarkText(remarks, CheckResult.MEDIA, a.getOwnerUnitId())));
                }
            }
        }
        return out;
    }

    private static String problems(List<CheckFailure> failures) {
        return failures.stream().map(CheckFailure::getProblem).distinct().collect(Collectors.joining("；"));
    }

    private static String remarkText(List<Remark> remarks, String kind, long unitId) {
        return remarks.stream().filter(r -> r.getKind().equals(kind) && r.getUnitId() == unitId).map(Remark::getText)
                .sorted().distinct().collect(Collectors.joining("；"));
    }
}
