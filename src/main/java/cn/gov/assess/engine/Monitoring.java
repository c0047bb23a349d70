package cn.gov.assess.engine;

import cn.gov.assess.facts.CheckResult;

import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Remark;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import cn.gov.assess.facts.Parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** 政府网站与政务新媒体监测、在线访谈：把本期事实与规则结论整理成附件4、5的行。 */
public final class Monitoring {
    final List<WebsiteColumnFact> columns = new ArrayList<>();
    final List<WebsiteCheckFact> websiteChecks = new ArrayList<>();
    final List<MediaAccountFact> accounts = new ArrayList<>();
    final List<MediaCheckFact> mediaChecks = new ArrayList<>();
    final List<InterviewFact> interviews = new ArrayList<>();

    /** 按类分开（各类内保持给出的顺序）。 */
    static Monitoring of(List<Object> facts) {
        Monitoring m = new Monitoring();
        for (Object f : facts) {
            if (f instanceof WebsiteColumnFact c) {
                m.columns.add(c);
            } else if (f instanceof WebsiteCheckFact k) {
                m.websiteChecks.add(k);
            } else if (f instanceof MediaAccountFact a) {
                m.accounts.add(a);
            } else if (f instanceof MediaCheckFact k) {
                m.mediaChecks.add(k);
            } else if (f instanceof InterviewFact i) {
                m.interviews.add(i);
            }
        }
        return m;
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
