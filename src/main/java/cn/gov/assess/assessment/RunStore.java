package cn.gov.assess.assessment;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.rules.RuleSet;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** 保存与读取考核运行。一次运行连同它的汇总、名单、否决与规则快照在一个事务里写入，只增不改。 */
public final class RunStore {
    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /** 读回的一次运行。 */
    public record StoredRun(AssessmentRun run, List<RunTally> tallies, List<RunListEntry> lists,
                            List<RunDisqualification> disqualifications, List<RunCheckResult> checks,
                            List<RunNote> notes, Map<String, String> meta, Map<String, String> ruleFiles) {
        public RuleSet rules() {
            return RuleSet.fromSnapshot("运行 " + run.getId() + " 的规则快照", ruleFiles);
        }
    }

    public long save(Assessor.Result r) {
        return db.inTransaction(s -> {
            AssessmentRun run = new AssessmentRun(r.period(), r.cutoff(), LocalDateTime.now(), r.rules().fingerprint(),
                    r.dataFingerprint(), r.orderCount(), r.assignmentCount());
            s.persist(run);
            s.flush();
            Long id = run.getId();
            for (Map.Entry<String, String> f : r.rules().files().entrySet()) {
                String sha = RuleSet.sha256(f.getValue());
                if (s.find(RuleBlob.class, sha) == null) {
                    s.persist(new RuleBlob(sha, f.getValue()));
                }
                s.persist(new RunRuleFile(id, f.getKey(), sha));
            }
            for (Tally t : r.tallies()) {
                s.persist(new RunTally(id, t, r.label(t.getChannel(), t.getUnitId()),
                        t.getUnitId() == null ? Integer.MAX_VALUE : r.units().get(t.getUnitId()).getSortOrder()));
            }
            Map<String, List<ListEntry>> byList = new TreeMap<>();
            for (ListEntry e : r.lists()) {
                byList.computeIfAbsent(e.getChannel() + '\u0001' + e.getList(), k -> new ArrayList<>()).add(e);
            }
            for (List<ListEntry> entries : byList.values()) {
                entries.sort(LIST_ORDER);
                int pos = 1;
                for (ListEntry e : entries) {
                    s.persist(new RunListEntry(id, e, r.label(e.getChannel(), e.getUnitId()), pos++));
                }
            }
            List<Disqualification> disq = new ArrayList<>(r.disqualifications());
            disq.sort(Comparator.comparing(Disqualification::getUnitId).thenComparing(Disqualification::getChannel));
            for (Disqualification d : disq) {
                s.persist(new RunDisqualification(id, d));
            }
            r.meta().forEach((k, v) -> s.persist(new RunMeta(id, k, v)));
            for (RunCheckResult c : r.checkRows()) {
                s.persist(c.withRun(id));
            }
            List<Note> notes = new ArrayList<>(r.notes());
            notes.sort(Comparator.comparing(Note::getScope).thenComparing(Note::getKey).thenComparing(Note::getReason));
            for (Note n : notes) {
                s.persist(new RunNote(id, n));
            }
            return id;
        });
    }

    /** 名单内顺序：镇街在前、部门在后；同组按名次、实办数从多到少、官方排序。 */
    static final Comparator<ListEntry> LIST_ORDER = Comparator
            .comparingInt((ListEntry e) -> groupOrder(e.getGroup()))
            .thenComparingInt(e -> e.getRank() == 0 ? 0 : e.getRank())
            .thenComparing(Comparator.comparingInt(ListEntry::getVolume).reversed())
            .thenComparingInt(ListEntry::getSortOrder)
            .thenComparingLong(ListEntry::getUnitId);

    static int groupOrder(String group) {
        return switch (group == null ? "" : group) {
            case "镇街" -> 0;
            case "部门" -> 1;
            default -> 2;
        };
    }

    public Long latestRunId() {
        return db.inTransaction(s -> s.createSelectionQuery("select max(r.id) from AssessmentRun r", Long.class)
                .getSingleResult());
    }

    public List<AssessmentRun> runs() {
        return db.inTransaction(s -> s.createSelectionQuery("from AssessmentRun r order by r.id", AssessmentRun.class)
                .getResultList());
    }

    public StoredRun load(Long runId) {
        Long id = runId == null ? latestRunId() : runId;
        if (id == null) {
            throw new InputException("数据库中还没有考核运行，请先执行 assess run --period 年份-Q季度");
        }
        return db.inTransaction(s -> {
            AssessmentRun run = s.find(AssessmentRun.class, id);
            if (run == null) {
                throw new InputException("没有编号为 " + id + " 的考核运行");
            }
            List<RunTally> tallies = s.createSelectionQuery("from RunTally t where t.runId = :id order by t.id", RunTally.class)
                    .setParameter("id", id).getResultList();
            List<RunListEntry> lists = s.createSelectionQuery(
                            "from RunListEntry e where e.runId = :id order by e.channel, e.listName, e.position", RunListEntry.class)
                    .setParameter("id", id).getResultList();
            List<RunDisqualification> disq = s.createSelectionQuery(
                            "from RunDisqualification d where d.runId = :id order by d.id", RunDisqualification.class)
                    .setParameter("id", id).getResultList();
            List<RunCheckResult> checks = s.createSelectionQuery(
                            "from RunCheckResult c where c.runId = :id order by c.kind desc, c.seq", RunCheckResult.class)
                    .setParameter("id", id).getResultList();
            List<RunNote> notes = s.createSelectionQuery("from RunNote n where n.runId = :id order by n.id", RunNote.class)
                    .setParameter("id", id).getResultList();
            Map<String, String> meta = new LinkedHashMap<>();
            for (RunMeta m : s.createSelectionQuery("from RunMeta m where m.runId = :id order by m.field", RunMeta.class)
                    .setParameter("id", id).getResultList()) {
                meta.put(m.getField(), m.getContent());
            }
            Map<String, String> files = new LinkedHashMap<>();
            Map<String, String> blobs = new HashMap<>();
            for (Object[] f : s.createSelectionQuery(
                            "select f.path, b.content from RunRuleFile f join RuleBlob b on b.sha256 = f.sha256 "
                                    + "where f.runId = :id order by f.path", Object[].class)
                    .setParameter("id", id).getResultList()) {
                files.put((String) f[0], (String) f[1]);
            }
            blobs.clear();
            return new StoredRun(run, tallies, lists, disq, checks, notes, meta, files);
        });
    }
}
