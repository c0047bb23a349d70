package cn.gov.assess.engine;

import cn.gov.assess.facts.CheckResult;

import cn.gov.assess.facts.AssessmentContext;
import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.ChannelInfo;
import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.OrderFact;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Remark;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.unit.Unit;
import org.hibernate.StatelessSession;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.ClassObjectFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 考核：从数据库按工单顺序流式读取本期转办，分块交给规则引擎分类与汇总（块之间可并行，部分汇总相加合并），
 * 再把合并后的汇总交给规则引擎判定一票否决与各名单。Java 只负责装载、合并与保存，判定全在规则里。
 */
public final class Assessor {
    /** 每块的转办数上限：块内规则会话的内存有上界，块在工单边界处切分。 */
    /**
     * 每块的转办数（按整工单切分）。块小，规则会话的节点内存小、留在 CPU 缓存里：100 万条转办，2 万一块 48.6 秒，
     * 5000 一块 38.9 秒，2000 一块 23.4 秒，1000 一块 23.2 秒。系统属性 assess.chunk 可改。
     */
    static final int CHUNK = Integer.getInteger("assess.chunk", 2_000);
    /** 读取时每页的转办数（H2 在内存中保留的结果行数上限默认 4 万，超过会写临时文件）。 */
    static final int PAGE = 20_000;

    private final Database db;
    private final int threads;
    private cn.gov.assess.io.Progress progress;
    private cn.gov.assess.io.Progress.Sink sink;
    /** 计时（纳秒）：读取、规则（各块会话时间之和与第二步）、审计记录写入。 */
    private final java.util.concurrent.atomic.AtomicLong loadNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rulesNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong trailNanos = new java.util.concurrent.atomic.AtomicLong();

    public long loadNanos() { return loadNanos.get(); }
    public long rulesNanos() { return rulesNanos.get(); }
    public long trailNanos() { return trailNanos.get(); }

    public Assessor(Database db) {
        this(db, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public Assessor(Database db, int threads) {
        this.db = db;
        this.threads = threads;
    }

    /** 把进度（阶段与已分类的转办数）交给 sink，不论是否在终端（网页的后台考核用它）。 */
    public Assessor withProgress(cn.gov.assess.io.Progress.Sink sink) {
        this.sink = sink;
        return this;
    }

    /** 一次考核的全部结论，尚未保存。 */
    public record Result(Period period, LocalDateTime cutoff, RuleSet rules, String dataFingerprint,
                         int orderCount, int assignmentCount, List<Tally> tallies,
                         Map<String, String> labels, List<ListEntry> lists,
                         List<Disqualification> disqualifications, Map<Long, UnitInfo> units,
                         List<CheckResult> checkRows, List<Note> notes, Map<String, String> meta,
                         List<Firing> firings, Long runId, long lastCorrection, List<Object> monitoringFacts,
                         List<Evaluation> evaluations, List<Placing> placings,
                         List<cn.gov.assess.facts.IndicatorValue> indicators) {

        /** 附件中单位的写法：该渠道记录里最常用的写法。 */
        public String label(String channel, Long unitId) {
            if (unitId == null) {
                return "合计";
            }
            String l = labels.get(channel + '\u0001' + unitId);
            return l != null ? l : units.get(unitId).getName();
        }
    }

    public Result assess(Period period, LocalDateTime cutoff, RuleSet rules) {
        return assess(period, cutoff, rules, facts -> { });
    }

    /**
     * 考核；每块转办分类完成后交给 trail（在调用线程上按块依次调用），以便与运行在同一事务中流式写入审计记录。
     */
    public Result assess(Period period, LocalDateTime cutoff, RuleSet rules,
                         java.util.function.Consumer<List<AssignmentFact>> trail) {
        long started = System.nanoTime();
        KieBase kieBase = rules.compile();
        Parameters parameters = rules.parameters();
        Map<String, ChannelConfig> channels = rules.channels();
        AssessmentContext context = new AssessmentContext(period, cutoff);

        Map<Long, UnitInfo> units = new HashMap<>();
        Map<String, Tally> merged = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        java.math.BigInteger[] fingerprint = {java.math.BigInteger.ZERO};
        int orders = 0;
        int assignments = 0;
        Monitoring monitoring;
        cn.gov.assess.correction.Corrections.Overrides overrides;
        Map<String, String> meta = new TreeMap<>();

        // PostgreSQL：刚导入一大批时先让规划器知道表有多大，否则分页读取每一页都是全表扫描（见 PlannerStatistics）
        cn.gov.assess.db.PlannerStatistics.refreshIfStale(db);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "assess-rules");
            t.setDaemon(true);
            return t;
        });
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
                units.put(u.getId(), new UnitInfo(u.getId(), u.getName(), u.getKind(), u.getSortOrder()));
            }
            monitoring = Monitoring.load(s, period, cutoff);
            overrides = new cn.gov.assess.correction.Corrections(db).overrides(s);
            for (cn.gov.assess.workorder.NoticeMeta m : s.createSelectionQuery("from NoticeMeta m where m.period = :p",
                    cn.gov.assess.workorder.NoticeMeta.class).setParameter("p", period.code()).getResultList()) {
                meta.put(m.getField(), m.getContent());
            }
            if (System.console() != null || sink != null) {
                // 进度条的总数要多扫一遍，只在有人看进度时才数
                long total = s.createSelectionQuery("select count(*) from Assignment a join WorkOrder o on o.id = a.orderId "
                        + "where o.receivedAt >= :from and o.receivedAt < :to", Long.class)
                        .setParameter("from", period.start().atStartOfDay())
                        .setParameter("to", receivedBefore(period, cutoff)).getSingleResult();
                progress = sink != null ? cn.gov.assess.io.Progress.to(sink, "读取工单并按规则分类", total)
                        : cn.gov.assess.io.Progress.onTerminal("考核", total, 100_000);
            }
            List<Future<Chunk>> pending = new ArrayList<>();
            List<Object[]> chunk = new ArrayList<>();
            long lastOrder = Long.MIN_VALUE;
            long readStart = System.nanoTime();
            // 直接用 JDBC 读：Hibernate 的无状态会话逐行滚动时每行都要清空一次持久化上下文（百万行时占读取时间的四分之一）。
            // 按工单主键分页（键集分页）：每页是一个短查询，H2 按主键定位到上一页末尾接着扫描，不排序，同一工单的转办相邻。
            // 不用一个跨越整个考核的长查询：千万行时它要读十几分钟，期间审计记录在另一个连接上提交，H2 会回收长查询
            // 还在用的旧数据块（实测 1000 万行时报 “Chunk not found”）。
            try (java.sql.Connection conn = db.connectForReading();
                 java.sql.PreparedStatement ps = conn.prepareStatement(
                         "select a.id, o.id, o.channel, o.order_no, o.received_at, a.unit_id, a.unit_spelling, a.deadline, "
                                 + "a.completed_at, a.signed_at, a.sign_deadline, a.satisfaction, a.return_count, a.reopened "
                                 + "from work_order o join assignment a on a.order_id = o.id "
                                 + "where o.received_at >= ? and o.received_at < ? and o.id > ? and a.order_id > ? order by o.id "
                                 + "fetch first ? rows only")) {
                // “a.order_id > ?” 与 “o.id > ?” 等价（连接条件），但要写出来：PostgreSQL 用归并连接时不会自己推出它，
                // 转办表的索引扫描每页都从头开始，1000 万行时读取线程从几十秒变成 969 秒（每页 7 秒以上，越往后越慢）。
                ps.setObject(1, period.start().atStartOfDay());
                ps.setObject(2, receivedBefore(period, cutoff));
                int pageSize = PAGE;
                long after = Long.MIN_VALUE;
                List<Object[]> page = new ArrayList<>(pageSize);
                while (true) {
                    page.clear();
                    ps.setLong(3, after);
                    ps.setLong(4, after);
                    ps.setInt(5, pageSize);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            page.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getObject(5, LocalDateTime.class), rs.getLong(6), rs.getString(7),
                                    rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class),
                                    rs.getObject(10, LocalDateTime.class), rs.getObject(11, LocalDateTime.class), rs.getString(12),
                                    rs.getObject(13, Integer.class), rs.getObject(14, Boolean.class)});
                        }
                    }
                    boolean lastPage = page.size() < pageSize;
                    int end = page.size();
                    if (!lastPage) {
                        // 页尾的工单可能只读到一部分转办：留到下一页
                        long tail = (Long) page.get(end - 1)[1];
                        while (end > 0 && (Long) page.get(end - 1)[1] == tail) {
                            end--;
                        }
                        if (end == 0) {
                            pageSize *= 2; // 一个工单的转办比一页还多
                            continue;
                        }
                        after = (Long) page.get(end - 1)[1];
                    }
                    for (Object[] r : page.subList(0, end)) {
                        cn.gov.assess.correction.Corrections.Effective fix = overrides.byAssignment().get((Long) r[0]);
                        if (fix != null) {
                            // 应用更正：改派的单位以单位表名称记写法
                            if (fix.unitId() != (Long) r[5]) {
                                r[6] = overrides.unitNames().get(fix.unitId());
                            }
                            r[5] = fix.unitId();
                            r[7] = fix.deadline();
                            r[8] = fix.completed();
                        }
                        String channel = (String) r[2];
                        if (!channels.containsKey(channel)) {
                            throw new InputException("数据中有渠道“" + channel + "”，但规则目录的 channels.csv 没有配置它；"
                                    + "请在 " + rules.origin() + "/channels.csv 中为它加一行");
                        }
                        long orderId = (Long) r[1];
                        if (orderId < lastOrder) {
                            // 分块要求同一工单的转办相邻：查询按工单编号排序，这里再核对一次
                            throw new IllegalStateException("读取转办时工单编号没有按顺序（" + orderId + " 在 " + lastOrder
                                    + " 之后），考核中止，未保存");
                        }
                        if (orderId != lastOrder) {
                            orders++;
                            if (chunk.size() >= CHUNK) {
                                List<Object[]> work = chunk;
                                pending.add(pool.submit(() -> timed(() -> classifyAndTally(kieBase, parameters, context, work))));
                                chunk = new ArrayList<>();
                                long t0 = System.nanoTime();
                                drainDone(pending, merged, spellings, fingerprint, timedTrail(trail), false);
                                loadNanos.addAndGet(-(System.nanoTime() - t0));
                            }
                            lastOrder = orderId;
                        }
                        chunk.add(r);
                        assignments++;
                    }
                    if (lastPage) {
                        break;
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("读取转办失败：" + e.getMessage(), e);
            }
            loadNanos.addAndGet(System.nanoTime() - readStart);
            if (!chunk.isEmpty()) {
                List<Object[]> work = chunk;
                pending.add(pool.submit(() -> timed(() -> classifyAndTally(kieBase, parameters, context, work))));
            }
            drainDone(pending, merged, spellings, fingerprint, timedTrail(trail), true);
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> labels = new HashMap<>(monitoring.labels);
        spellings.forEach((key, counts) -> {
            long unitId = Long.parseLong(key.substring(key.indexOf('\u0001') + 1));
            String canonical = units.get(unitId).getName();
            String best = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> e.getKey().equals(canonical))
                            .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            labels.put(key, best);
        });

        List<Tally> tallies = new ArrayList<>(merged.values());
        if (progress != null) {
            progress.finish();
        }
        if (sink != null) {
            sink.phase("汇总、评比、排名单并保存", 0);
        }
        long stage2 = System.nanoTime();
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("读取与分类 %.2f 秒（读取线程 %.2f 秒，规则 %.2f 秒 CPU，审计 %.2f 秒）%n",
                    (stage2 - started) / 1e9, loadNanos.get() / 1e9, rulesNanos.get() / 1e9, trailNanos.get() / 1e9);
        }
        Firing.Recorder recorder = new Firing.Recorder(units);
        Conclusions c = conclude(kieBase, parameters, context, channels.values(), units.values(), tallies,
                monitoring.facts(), recorder);
        rulesNanos.addAndGet(System.nanoTime() - stage2);
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("第二步 %.2f 秒%n", (System.nanoTime() - stage2) / 1e9);
        }
        List<CheckResult> rows = monitoring.rows(c.failures(), c.remarks(), parameters, units);
        String dataFingerprint = String.format("%064x", fingerprint[0].mod(java.math.BigInteger.ONE.shiftLeft(256)));
        return new Result(period, cutoff, rules, dataFingerprint, orders, assignments,
                tallies, labels, c.lists(), c.disqualifications(), units, rows, c.notes(), meta, recorder.firings(), null, overrides.lastCorrection(), monitoring.facts(),
                c.evaluations(), c.placings(), c.indicators());
    }

    /** 第二步的结论：名单成员、一票否决、监测不合格、备注、正文提示句。 */
    public record Conclusions(List<ListEntry> lists, List<Disqualification> disqualifications,
                              List<CheckFailure> failures, List<Remark> remarks, List<Note> notes,
                              List<Evaluation> evaluations, List<Placing> placings,
                              List<cn.gov.assess.facts.IndicatorValue> indicators) {
    }

    public static Conclusions conclude(KieBase kieBase, Parameters parameters, AssessmentContext context,
                                       java.util.Collection<ChannelConfig> channels, java.util.Collection<UnitInfo> units,
                                       List<Tally> tallies) {
        return conclude(kieBase, parameters, context, channels, units, tallies, List.of(), null);
    }

    public static Conclusions conclude(KieBase kieBase, Parameters parameters, AssessmentContext context,
                                       java.util.Collection<ChannelConfig> channels, java.util.Collection<UnitInfo> units,
                                       List<Tally> tallies, List<Object> otherFacts) {
        return conclude(kieBase, parameters, context, channels, units, tallies, otherFacts, null);
    }

    /** 第二步：合并后的汇总、单位、渠道交给规则，判定一票否决与各名单。 */
    public static Conclusions conclude(KieBase kieBase, Parameters parameters, AssessmentContext context,
                                       java.util.Collection<ChannelConfig> channels, java.util.Collection<UnitInfo> units,
                                       List<Tally> tallies, List<Object> otherFacts,
                                       org.kie.api.event.rule.AgendaEventListener listener) {
        KieSession session = kieBase.newKieSession();
        if (listener != null) {
            session.addEventListener(listener);
        }
        try {
            session.insert(parameters);
            session.insert(context);
            channels.forEach(c -> session.insert(new ChannelInfo(c.name(), c.annexNo())));
            units.forEach(session::insert);
            tallies.forEach(session::insert);
            otherFacts.forEach(session::insert);
            session.fireAllRules();
            return new Conclusions(objects(session, ListEntry.class), objects(session, Disqualification.class),
                    objects(session, CheckFailure.class), objects(session, Remark.class), objects(session, Note.class),
                    objects(session, Evaluation.class), objects(session, Placing.class),
                    objects(session, cn.gov.assess.facts.IndicatorValue.class));
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ruleFailure(e);
        } finally {
            session.dispose();
        }
    }

    private Chunk timed(java.util.concurrent.Callable<Chunk> work) throws Exception {
        long t0 = System.nanoTime();
        Chunk c = work.call();
        rulesNanos.addAndGet(System.nanoTime() - t0);
        if (progress != null) {
            progress.advance(c.facts().size());
        }
        return c;
    }

    private java.util.function.Consumer<List<AssignmentFact>> timedTrail(java.util.function.Consumer<List<AssignmentFact>> trail) {
        return facts -> {
            long t0 = System.nanoTime();
            trail.accept(facts);
            trailNanos.addAndGet(System.nanoTime() - t0);
        };
    }

    /** 本期受理的上界：季度结束，或更早的截至时点（截至之后受理的工单不计入）。 */
    static LocalDateTime receivedBefore(Period period, LocalDateTime cutoff) {
        LocalDateTime end = period.end().plusDays(1).atStartOfDay();
        LocalDateTime afterCutoff = cutoff.plusSeconds(1);
        return afterCutoff.isBefore(end) ? afterCutoff : end;
    }

    /**
     * 一块的结果：部分汇总、已分类的转办，以及这块数据的指纹（各行摘要之和）与各单位写法的次数。
     * 指纹与写法在工作线程上算，读取线程只管读。
     */
    public record Chunk(List<Tally> tallies, List<AssignmentFact> facts, java.math.BigInteger fingerprint,
                        Map<String, Map<String, Integer>> spellings) {
        Chunk(List<Tally> tallies, List<AssignmentFact> facts) {
            this(tallies, facts, java.math.BigInteger.ZERO, Map.of());
        }
    }

    private static void drainDone(List<Future<Chunk>> pending, Map<String, Tally> merged,
                                  Map<String, Map<String, Integer>> spellings, java.math.BigInteger[] fingerprint,
                                  java.util.function.Consumer<List<AssignmentFact>> trail, boolean all) {
        while (!pending.isEmpty() && (all || pending.size() > 2 || pending.get(0).isDone())) {
            try {
                Chunk chunk = pending.remove(0).get();
                trail.accept(chunk.facts());
                fingerprint[0] = fingerprint[0].add(chunk.fingerprint());
                chunk.spellings().forEach((key, counts) -> {
                    Map<String, Integer> into = spellings.computeIfAbsent(key, k -> new HashMap<>());
                    counts.forEach((sp, n) -> into.merge(sp, n, Integer::sum));
                });
                for (Tally t : chunk.tallies()) {
                    merged.computeIfAbsent(t.getChannel() + '\u0001' + (t.getUnitId() == null ? "" : t.getUnitId()),
                            k -> new Tally(t.getChannel(), t.getUnitId())).merge(t);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("考核被中断", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    /** 一块工单：由数据库行建立转办与工单事实，交给规则分类与汇总。 */
    public static Chunk classifyAndTally(KieBase kieBase, Parameters parameters, AssessmentContext context,
                                         List<Object[]> rows) {
        List<OrderFact> orders = new ArrayList<>();
        List<AssignmentFact> facts = new ArrayList<>(rows.size());
        MessageDigest digest = sha256();
        java.math.BigInteger fingerprint = java.math.BigInteger.ZERO;
        Map<String, Map<Long, Map<String, Integer>>> byChannel = new HashMap<>();
        long lastOrder = Long.MIN_VALUE;
        for (Object[] r : rows) {
            long orderId = (Long) r[1];
            if (orderId != lastOrder) {
                orders.add(new OrderFact(orderId, (String) r[2], (String) r[3]));
                lastOrder = orderId;
            }
            AssignmentFact fact = new AssignmentFact((Long) r[0], orderId, (String) r[2], (String) r[3], (Long) r[5],
                    (LocalDateTime) r[4], (LocalDateTime) r[7], (LocalDateTime) r[8]);
            if (r.length > 13) {
                fact.withOptional((LocalDateTime) r[9], (LocalDateTime) r[10], (String) r[11], (Integer) r[12], (Boolean) r[13]);
            }
            facts.add(fact);
            byChannel.computeIfAbsent((String) r[2], k -> new HashMap<>()).computeIfAbsent((Long) r[5], k -> new HashMap<>())
                    .merge((String) r[6], 1, Integer::sum);
            // 数据指纹：各行摘要相加（与行的先后、分块无关）
            fingerprint = fingerprint.add(new java.math.BigInteger(1, digest.digest(
                    (r[2] + "|" + r[3] + '|' + r[4] + '|' + r[5] + '|' + r[6] + '|' + r[7] + '|' + r[8])
                            .getBytes(StandardCharsets.UTF_8))));
        }
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        byChannel.forEach((channel, perUnit) -> perUnit.forEach((unit, counts) -> spellings.put(channel + '\u0001' + unit, counts)));
        return new Chunk(classifyAndTally(kieBase, parameters, context, orders, facts), facts, fingerprint, spellings);
    }

    /** 插入转办与工单事实，触发分类与汇总规则，取回（部分）汇总；事实上的分类结果留给调用者查看。 */
    public static List<Tally> classifyAndTally(KieBase kieBase, Parameters parameters, AssessmentContext context,
                                               List<OrderFact> orders, List<AssignmentFact> facts) {
        KieSession session = kieBase.newKieSession();
        session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof AssignmentFact a && a.getClassifiedBy() == null && a.getStatus() != null) {
                        a.setClassifiedBy(event.getMatch().getRule().getName());
                    }
                }
            }
        });
        try {
            session.insert(parameters);
            session.insert(context);
            orders.forEach(session::insert);
            facts.forEach(session::insert);
            session.fireAllRules();
            for (AssignmentFact a : facts) {
                if (a.getStatus() == null) {
                    throw new InputException("规则没有给转办分类：渠道 " + a.getChannel() + " 工单 " + a.getOrderNo()
                            + "（办理时限 " + a.getDeadline() + "，办结时间 " + a.getCompletedAt()
                            + "）不符合任何“转办分类”规则，请检查规则目录中的分类规则");
                }
            }
            return objects(session, Tally.class);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ruleFailure(e);
        } finally {
            session.dispose();
        }
    }

    private static RuntimeException ruleFailure(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof cn.gov.assess.facts.InvalidValueException bad) {
            return new InputException(cn.gov.assess.io.Problem.inRule(bad.source(), null, null, "", bad.getMessage()));
        }
        return new InputException("规则执行出错：" + root.getMessage());
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> objects(KieSession session, Class<T> type) {
        return (List<T>) new ArrayList<>(session.getObjects(new ClassObjectFilter(type)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
