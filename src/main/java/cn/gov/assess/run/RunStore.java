package cn.gov.assess.run;


import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.Firing;
import cn.gov.assess.facts.AssignmentStatus;
import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Rows;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;

import java.time.LocalDateTime;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.hibernate.StatelessSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                            List<RunNote> notes, Map<String, String> meta, Map<String, String> ruleFiles,
                            List<cn.gov.assess.facts.IndicatorValue> indicators, RuleSet rules) {
        /** 报告用的规则只列出这次运行产生的附件与章节（{@link RuleSet#producing}），号码按它们依次编。 */
        public StoredRun {
            if (rules != null) {
                rules = rules.producing(absent(tallies, lists, checks, rules));
            }
        }

        /** 规则快照只建一次（参数表、渠道表在第一次用到时解析并留在这个对象里）：报告的各部分共用，不再各解析一遍。 */
        public StoredRun(AssessmentRun run, List<RunTally> tallies, List<RunListEntry> lists,
                         List<RunDisqualification> disqualifications, List<RunCheckResult> checks,
                         List<RunNote> notes, Map<String, String> meta, Map<String, String> ruleFiles,
                         List<cn.gov.assess.facts.IndicatorValue> indicators) {
            this(run, tallies, lists, disqualifications, checks, notes, meta, ruleFiles, indicators,
                    RuleSet.fromSnapshot("运行 " + (run == null || run.getId() == null ? "" : run.getId() + " ") + "的规则快照",
                            ruleFiles));
        }
    }

    /**
     * 这次运行没有产生的附件与章节：没有监测数据（没有监测结果、也没有在线访谈名单）时的政府网站、政务新媒体附件与“监测”
     * 一节；渠道表里“无工单时省略”为“是”、本期没有工单的渠道。规则表读不了时（检查会报出）一律照常列出。
     */
    static Set<String> absent(List<RunTally> tallies, List<RunListEntry> lists, List<RunCheckResult> checks, RuleSet rules) {
        Set<String> out = new java.util.LinkedHashSet<>();
        try {
            String interviews = cn.gov.assess.policy.MonitoringNames.of(rules.parameters()).interviews();
            if (checks.isEmpty() && lists.stream().noneMatch(e -> e.getChannel().equals(interviews))) {
                out.add(cn.gov.assess.policy.Numbering.WEBSITE);
                out.add(cn.gov.assess.policy.Numbering.MEDIA);
                out.add(cn.gov.assess.policy.Numbering.MONITORING);
            }
            for (String channel : rules.omittedWhenEmpty()) {
                if (tallies.stream().noneMatch(t -> t.getChannel().equals(channel) && t.getUnitId() == null
                        && t.toTally().getDue() > 0)) {
                    out.add(cn.gov.assess.policy.Numbering.channelKey(channel));
                }
            }
        } catch (cn.gov.assess.io.InputException e) {
            return Set.of();
        }
        return out;
    }

    /** 一次考核（不保存）：每块分类完的转办交给 trail，最后给出全部结论。 */
    @FunctionalInterface
    public interface Assessment {
        AssessmentResult assess(java.util.function.Consumer<List<AssignmentFact>> trail);
    }

    /**
     * 考核并保存（同一期的锁由调用者持有）。百万行级的审计记录不能放进一个事务（H2 要为未提交的事务保留全部撤销记录），
     * 所以：先提交一行 pending 的运行；审计记录由单独的线程分批写入、每 10 万行提交一次；最后在一个小事务里写入汇总、
     * 名单等全部结论并把运行改为 done。任何一步失败都删掉这次运行已写的行；进程被杀则由下次打开库时删除
     * （{@link cn.gov.assess.db.Staging}）。所以运行要么完整存在，要么不存在。
     */
    public AssessmentResult save(Period period, LocalDateTime cutoff, RuleSet rules, Assessment assessment) {
        AssessmentRun run = new AssessmentRun(period, cutoff, LocalDateTime.now(), rules.fingerprint(), "-".repeat(64), 0, 0);
        run.markPending();
        db.sessions().inStatelessTransaction(ss -> ss.insert(run));
        Long id = run.getId();
        try {
            AssessmentResult r;
            try (java.sql.Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement(
                         "insert into run_trail (run_id, seq, row_count, payload, unit_ids) values (?, ?, ?, ?, ?)")) {
                // 审计记录由单独的线程写（这个连接只归它用），与读取、规则执行重叠；队列有界，内存有上限
                TrailWriter writer = new TrailWriter(c, ps, id);
                writer.start();
                try {
                    r = assessment.assess(writer::put);
                } catch (RuntimeException e) {
                    writer.abort();
                    throw e;
                }
                writer.finish();
            } catch (SQLException e) {
                throw new IllegalStateException("写入审计记录失败：" + e.getMessage(), e);
            }
            AssessmentResult done = r;
            long t0 = System.nanoTime();
            AssessmentResult saved = db.sessions().fromStatelessTransaction(ss -> {
                run.complete(done.dataFingerprint(), done.orderCount(), done.assignmentCount(), done.lastCorrection());
                ss.update(run);
                recordRulesVersion(ss, id, run.getRulesFingerprint());
                saveConclusions(ss, id, done, rules);
                return done.withRunId(id);
            });
            if (Boolean.getBoolean("assess.timing")) {
                System.err.printf("保存结论 %.2f 秒%n", (System.nanoTime() - t0) / 1e9);
            }
            return saved;
        } catch (RuntimeException e) {
            try (java.sql.Connection c = db.connect()) {
                cn.gov.assess.db.Staging.discardRun(c, id);
            } catch (SQLException | RuntimeException cleanup) {
                e.addSuppressed(cleanup); // 下次打开库时会再次清除
            }
            throw e;
        }
    }

    /** 一次运行的全部审计记录，逐条交给 sink（V10 之前的运行从 run_assignment 读）。 */
    public void trail(Long runId, java.util.function.Consumer<TrailCodec.Row> sink) {
        trail(runId, null, sink);
    }

    /** 同上，只要某个单位的（unitId 为 null 时全部）：只解开含有这个单位的块。 */
    public void trail(Long runId, Long unitId, java.util.function.Consumer<TrailCodec.Row> sink) {
        java.util.function.Consumer<TrailCodec.Row> filtered = unitId == null ? sink : r -> {
            if (r.unitId() == unitId) {
                sink.accept(r);
            }
        };
        db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select assignment_id, channel, order_no, unit_id, received_at, "
                    + "deadline, completed_at, status, days_late, rule_name from run_assignment where run_id = ?"
                    + (unitId == null ? "" : " and unit_id = ?"))) {
                ps.setLong(1, runId);
                if (unitId != null) {
                    ps.setLong(2, unitId);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new TrailCodec.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
                                rs.getObject(7, LocalDateTime.class), AssignmentStatus.valueOf(rs.getString(8)), rs.getInt(9),
                                rs.getString(10), "")); // 旧运行（run_assignment 表）早于核减
                    }
                }
            }
            List<Integer> blocks = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("select seq, unit_ids from run_trail where run_id = ? order by seq")) {
                ps.setLong(1, runId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ids = rs.getString(2);
                        if (unitId == null || ids == null || TrailCodec.containsUnit(ids, unitId)) {
                            blocks.add(rs.getInt(1));
                        }
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("select payload from run_trail where run_id = ? and seq = ?")) {
                ps.setLong(1, runId);
                for (int seq : blocks) {
                    ps.setInt(2, seq);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            TrailCodec.decode(rs.getBytes(1), filtered);
                        }
                    }
                }
            }
            return null;
        });
    }

    /**
     * 记下运行所用的规则版本（表 rules_version，迁移 V18）：内容与规则相同的已发布版本中版本号最大的一个——网页上开始的运行用的
     * 是当前发布版，就是它；命令行按目录运行时目录与某个已发布版本一字不差才记，否则为空（“规则目录，未登记为版本”）。
     */
    private static void recordRulesVersion(StatelessSession s, Long id, String fingerprint) {
        s.createNativeMutationQuery("update assessment_run set rules_version_id = (select v.id from rules_version v where v.number = "
                        + "(select max(w.number) from rules_version w where w.fingerprint = :fp and w.state = :published)) where id = :id")
                .setParameter("fp", fingerprint).setParameter("published", "已发布").setParameter("id", id).executeUpdate();
    }

    private void saveConclusions(StatelessSession s, Long id, AssessmentResult r, RuleSet rules) {
        for (Map.Entry<String, String> f : rules.files().entrySet()) {
            String sha = RuleSet.sha256(f.getValue());
            if (s.get(RuleBlob.class, sha) == null) {
                s.insert(new RuleBlob(sha, f.getValue()));
            }
            s.insert(new RunRuleFile(id, f.getKey(), sha));
        }
        StoredRun rows = rows(id, null, r, rules);
        rows.tallies().forEach(s::insert);
        rows.lists().forEach(s::insert);
        rows.disqualifications().forEach(s::insert);
        r.meta().forEach((k, v) -> s.insert(new RunMeta(id, k, v)));
        rows.checks().forEach(s::insert);
        rows.notes().forEach(s::insert);
        for (Firing f : r.firings()) {
            s.insert(new RunFiring(id, f));
        }
        s.doWork(conn -> Justifications.save(conn, id, r.evaluations(), r.placings(), r.indicators()));
        s.doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into run_monitoring (run_id, seq, kind, payload) values (?, ?, ?, ?)")) {
                int seq = 0;
                for (Object fact : r.monitoringFacts()) {
                    ps.setLong(1, id);
                    ps.setInt(2, ++seq);
                    ps.setString(3, fact.getClass().getSimpleName());
                    ps.setString(4, MonitoringFacts.encode(fact));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** 运行时记下的逐项比较与排名；V13 之前的运行返回 recorded() 为假的空记录。 */
    public Justifications justifications(Long runId) {
        return justifications(runId, null, null);
    }

    /** 只读一个单位（unitId）或一个名单（list）的理由；为 null 的条件不限。 */
    public Justifications justifications(Long runId, Long unitId, String list) {
        return db.read(conn -> Justifications.load(conn, runId, unitId, list));
    }

    /** 运行时保存的监测记录；没有保存（V8 之前的运行）时返回 null。 */
    public List<Object> monitoringFacts(Long runId) {
        return db.read(conn -> {
            List<Object> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("select kind, payload from run_monitoring where run_id = ? order by seq")) {
                ps.setLong(1, runId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(MonitoringFacts.decode(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** 不保存的预演：与保存后读回的运行同一形状，供“假如”比较。 */
    public static StoredRun preview(AssessmentResult r, RuleSet rules) {
        AssessmentRun run = new AssessmentRun(r.period(), r.cutoff(), LocalDateTime.now(), rules.fingerprint(),
                r.dataFingerprint(), r.orderCount(), r.assignmentCount());
        run.complete(r.dataFingerprint(), r.orderCount(), r.assignmentCount(), r.lastCorrection());
        return rows(null, run, r, rules);
    }

    private static StoredRun rows(Long id, AssessmentRun run, AssessmentResult r, RuleSet rules) {
        List<RunTally> tallies = new ArrayList<>();
        for (Tally t : r.tallies()) {
            tallies.add(new RunTally(id, t, r.label(t.getChannel(), t.getUnitId()),
                    t.getUnitId() == null ? Integer.MAX_VALUE : r.units().get(t.getUnitId()).getSortOrder()));
        }
        Map<String, List<ListEntry>> byList = new TreeMap<>();
        for (ListEntry e : r.lists()) {
            byList.computeIfAbsent(e.getChannel() + '\u0001' + e.getList(), k -> new ArrayList<>()).add(e);
        }
        List<RunListEntry> lists = new ArrayList<>();
        for (List<ListEntry> entries : byList.values()) {
            cn.gov.assess.policy.PolicyTables.ListDef def = rules.tables().list(entries.get(0).getList());
            // 规则表里“排名范围”为“全体”的名单（如黑榜）按名次排，不先分组
            entries.sort(def != null && def.ranked() && !def.perGroup() ? listOrder(List.of(), rules.parameters())
                    : listOrder(rules.parameters().list("名单分组顺序"), rules.parameters()));
            int pos = 1;
            for (ListEntry e : entries) {
                lists.add(new RunListEntry(id, e, r.label(e.getChannel(), e.getUnitId()), pos++));
            }
        }
        List<Disqualification> disq = new ArrayList<>(r.disqualifications());
        disq.sort(Comparator.comparing(Disqualification::getUnitId).thenComparing(Disqualification::getChannel));
        List<RunDisqualification> ds = new ArrayList<>();
        disq.forEach(d -> ds.add(new RunDisqualification(id, d)));
        List<RunCheckResult> checks = new ArrayList<>();
        r.checkRows().forEach(c -> checks.add(RunCheckResult.of(id, c)));
        List<Note> notes = new ArrayList<>(r.notes());
        notes.sort(Comparator.comparing(Note::getScope).thenComparing(Note::getKey).thenComparing(Note::getReason));
        List<RunNote> ns = new ArrayList<>();
        notes.forEach(n -> ns.add(new RunNote(id, n)));
        return new StoredRun(run, tallies, lists, ds, checks, ns, new LinkedHashMap<>(r.meta()), rules.files(),
                List.copyOf(r.indicators()), rules);
    }

    /** 名单内顺序：按参数“名单分组顺序”（默认镇街在前、部门在后），同组按名次、实办数从多到少、官方排序（见 ListOrder）。 */
    public static Comparator<ListEntry> listOrder(List<String> groups) {
        return cn.gov.assess.policy.ListOrder.comparator(groups, cn.gov.assess.policy.ListOrder.STANDARD);
    }

    /** 名单内顺序：比较项取自参数“名单成员顺序”（见 ListOrder）。 */
    public static Comparator<ListEntry> listOrder(List<String> groups, cn.gov.assess.facts.Parameters parameters) {
        return cn.gov.assess.policy.ListOrder.comparator(groups, cn.gov.assess.policy.ListOrder.keys(parameters));
    }

    /** 默认运行：最近一次（未作废的）运行的编号；没有时为 null。 */
    public Long latestRunId() {
        return latestRunId(null);
    }

    /** 某一考核期（为 null 时不限）最近一次未作废的运行的编号；没有时为 null。 */
    public Long latestRunId(Period period) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select max(id) from assessment_run where state = 'done' "
                    + "and retired_at is null" + (period == null ? "" : " and period = ?"))) {
                if (period != null) {
                    ps.setString(1, period.code());
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
                }
            }
        });
    }

    /** 同上，整行；没有时为 null。 */
    public AssessmentRun latestRun(Period period) {
        Long id = latestRunId(period);
        return id == null ? null : db.read(c -> Rows.list(c, AssessmentRun.class, "where id = ?", id)).get(0);
    }

    public List<AssessmentRun> runs() {
        return db.read(c -> Rows.list(c, AssessmentRun.class, "where state = 'done' order by id"));
    }

    /** 把一次运行标为作废（不删除）：以后不再作为 explain、report、diff 等的默认运行。 */
    public AssessmentRun retire(long runId, String by, String reason) {
        return db.inTransaction(s -> {
            AssessmentRun run = s.find(AssessmentRun.class, runId);
            if (run == null || !"done".equals(run.getState())) {
                throw new InputException("没有编号为 " + runId + " 的考核运行");
            }
            if (run.isRetired()) {
                throw new InputException("运行 #" + runId + " 已于 " + run.getRetiredAt().withNano(0).toString().replace('T', ' ')
                        + " 由 " + run.getRetiredBy() + " 作废（" + run.getRetiredReason() + "），无需再作废");
            }
            run.retire(LocalDateTime.now(), by, reason);
            return run;
        });
    }

    /** 读一次已保存的运行（只用 JDBC，不启动 Hibernate：explain、report 等只读命令因此快一到两秒）。 */
    public StoredRun load(Long runId) {
        Long id = runId == null ? latestRunId() : runId;
        if (id == null) {
            boolean any = !runs().isEmpty();
            throw new InputException(any ? "数据库中的考核运行都已作废，请重新执行 assess run --period 考核期（如 2026-Q1、2026-03），或用 --run 编号 指定一次运行"
                    : "数据库中还没有考核运行，请先执行 assess run --period 考核期（如 2026-Q1、2026-03）");
        }
        return db.read(c -> {
            List<AssessmentRun> found = Rows.list(c, AssessmentRun.class, "where id = ?", id);
            if (found.isEmpty() || !"done".equals(found.get(0).getState())) {
                throw new InputException("没有编号为 " + id + " 的考核运行");
            }
            List<RunTally> tallies = Rows.list(c, RunTally.class, "where run_id = ? order by id", id);
            List<RunListEntry> lists = Rows.list(c, RunListEntry.class, "where run_id = ? order by channel, list_name, position", id);
            List<RunDisqualification> disq = Rows.list(c, RunDisqualification.class, "where run_id = ? order by id", id);
            List<RunCheckResult> checks = Rows.list(c, RunCheckResult.class, "where run_id = ? order by kind desc, seq", id);
            List<RunNote> notes = Rows.list(c, RunNote.class, "where run_id = ? order by id", id);
            Map<String, String> meta = new LinkedHashMap<>();
            for (RunMeta m : Rows.list(c, RunMeta.class, "where run_id = ? order by field", id)) {
                meta.put(m.getField(), m.getContent());
            }
            Map<String, String> files = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select f.path, b.content from run_rule_file f join rule_blob b "
                    + "on b.sha256 = f.sha256 where f.run_id = ? order by f.path")) {
                ps.setLong(1, id);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            List<cn.gov.assess.facts.IndicatorValue> indicators = Justifications.indicators(c, id);
            return new StoredRun(found.get(0), tallies, lists, disq, checks, notes, meta, files, indicators);
        });
    }
}
