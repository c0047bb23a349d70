package cn.gov.assess.correction;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Rows;
import cn.gov.assess.io.Cells;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.workorder.Assignment;
import cn.gov.assess.workorder.WorkOrder;
import org.hibernate.StatelessSession;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 登记、撤回与应用更正。原始记录从不修改；运行看到的事实 = 原始记录按编号顺序应用全部未撤回的更正。
 */
public final class Corrections {
    public static final List<String> COLUMNS = List.of("渠道", "工单编号", "办理单位", "更正项目", "新值", "原因", "提出人");
    public static final List<String> FIELDS = List.of(Correction.UNIT, Correction.DEADLINE, Correction.COMPLETED);
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database db;

    public Corrections(Database db) {
        this.db = db;
    }

    /** 一次转办应用更正后的值。 */
    public record Effective(long unitId, LocalDateTime deadline, LocalDateTime completed) {
    }

    /** 运行用：全部未撤回更正按顺序应用后的覆盖值，以及看到的最后一条更正编号。 */
    public record Overrides(Map<Long, Effective> byAssignment, long lastCorrection, Map<Long, String> unitNames) {
        public static final Overrides NONE = new Overrides(Map.of(), 0, Map.of());
    }

    public static String show(LocalDateTime t) {
        return t == null ? "" : t.format(SHOW);
    }

    public Overrides overrides(StatelessSession s) {
        List<Correction> all = s.createSelectionQuery("from Correction c order by c.id", Correction.class).getResultList();
        if (all.isEmpty()) {
            return Overrides.NONE;
        }
        Set<Long> withdrawn = new HashSet<>();
        for (Correction c : all) {
            if (c.getWithdrawsId() != null) {
                withdrawn.add(c.getWithdrawsId());
            }
        }
        Map<String, Long> unitIds = new HashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
            unitIds.put(u.getName(), u.getId());
            unitNames.put(u.getId(), u.getName());
        }
        Map<Long, Effective> out = new HashMap<>();
        for (Correction c : all) {
            if (c.getWithdrawsId() != null || withdrawn.contains(c.getId())) {
                continue;
            }
            Effective e = out.get(c.getAssignmentId());
            if (e == null) {
                Assignment a = s.get(Assignment.class, c.getAssignmentId());
                e = new Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt());
            }
            out.put(c.getAssignmentId(), apply(e, c, unitIds));
        }
        return new Overrides(out, all.get(all.size() - 1).getId(), unitNames);
    }

    /** 一条（未撤回的）更正应用到转办当前的值上。 */
    private static Effective apply(Effective e, Correction c, Map<String, Long> unitIds) {
        return switch (c.getField()) {
            case Correction.UNIT -> new Effective(unitIds.get(c.getNewValue()), e.deadline(), e.completed());
            case Correction.DEADLINE -> new Effective(e.unitId(), DateTimes.parse(c.getNewValue(), true), e.completed());
            case Correction.COMPLETED -> new Effective(e.unitId(), e.deadline(),
                    c.getNewValue().isEmpty() ? null : DateTimes.parse(c.getNewValue(), false));
            default -> e;
        };
    }

    /** 登记一个更正文件：全部正确才写入，否则列出每一行的错误。 */
    public List<Correction> record(Path file) {
        CsvTable t;
        try {
            t = CsvTable.read(file);
        } catch (IOException e) {
            throw new InputException(file + "：无法读取：" + e.getMessage());
        }
        List<cn.gov.assess.io.Problem> problems = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!t.has(c)) {
                problems.add(cn.gov.assess.io.Place.row(t.fileName(), 1, t.fileName() + " 第 1 行")
                        .problem("缺少列“" + c + "”（更正文件的表头：" + String.join(",", COLUMNS) + "）"));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return db.sessions().fromStatelessTransaction(s -> {
            UnitDirectory units = directory(s);
            Overrides current = overrides(s);
            Map<Long, Effective> pending = new HashMap<>(current.byAssignment());
            List<Correction> out = new ArrayList<>();
            LocalDateTime now = LocalDateTime.now();
            for (CsvTable.Row r : t.rows()) {
                Cells c = new Cells(t, r, problems);
                Request request = new Request(t.get(r, "渠道"), t.get(r, "工单编号"), t.get(r, "办理单位"), t.get(r, "更正项目"),
                        t.get(r, "新值"), t.get(r, "原因"), t.get(r, "提出人"));
                Correction x = CorrectionCheck.check(s, units, current, pending, request, c::error, t.fileName(), now);
                if (x != null) {
                    out.add(x);
                }
            }
            if (!problems.isEmpty()) {
                throw InputException.of(problems);
            }
            if (out.isEmpty()) {
                throw new InputException(cn.gov.assess.io.Problem.inFile(t.fileName(), "没有更正行"));
            }
            out.forEach(s::insert);
            return out;
        });
    }

    /**
     * 一条要登记的更正：更正文件的一行，或网页上的一个表单。unit 写转办当前的办理单位（名称或别名）；
     * 日期的写法与导入、更正文件相同（{@link DateTimes#parse}）。
     */
    public record Request(String channel, String orderNo, String unit, String field, String value, String reason, String by) {
        public Request {
            channel = strip(channel);
            orderNo = strip(orderNo);
            unit = strip(unit);
            field = strip(field);
            value = strip(value);
            reason = strip(reason);
            by = strip(by);
        }

        private static String strip(String v) {
            return v == null ? "" : v.strip();
        }
    }

    /** 检查时发现的一处问题：列（更正文件的列名）与说明。 */
    @FunctionalInterface
    public interface Problems {
        void error(String column, String message);
    }

    /** 一条更正没有通过检查：每处问题连同它所在的列（网页把说明显示在对应的输入框旁）。 */
    public static final class Rejected extends InputException {
        private final List<Map.Entry<String, String>> errors;

        Rejected(List<Map.Entry<String, String>> errors) {
            super(errors.stream().map(e -> e.getKey() + "：" + e.getValue()).toList());
            this.errors = List.copyOf(errors);
        }

        public List<Map.Entry<String, String>> errors() { return errors; }
    }

    /** 网页上登记的更正在 file_name 列记的来源。 */
    public static final String WEB_SOURCE = "网页";

    /**
     * 登记一条更正（网页用）：与更正文件的每一行同样检查、同样保存；有任何问题就抛出 {@link Rejected}，什么也不写。
     * 同一工单的两条更正同时登记时排队（锁住工单行），后一条看到前一条的结果，原值不会错。
     */
    public Correction record(Request request) {
        // H2 等锁最多 2 秒：同一工单正有别人在登记（极少见，且很快）时再试两次
        for (int attempt = 1; ; attempt++) {
            try {
                return recordOnce(request);
            } catch (org.hibernate.exception.LockAcquisitionException e) {
                if (attempt == 3) {
                    throw new InputException("工单 " + request.orderNo() + " 正有别人在登记更正，请稍后再提交一次（这次没有登记）");
                }
            }
        }
    }

    private Correction recordOnce(Request request) {
        return db.sessions().fromStatelessTransaction(s -> record(s, request, WEB_SOURCE, null));
    }

    /** 同 {@link #record(Request)}，在调用者的事务里登记；appealId 是它来自的申诉（申诉同意时），source 记在 file_name。 */
    public Correction record(StatelessSession s, Request request, String source, Long appealId) {
        List<Map.Entry<String, String>> errors = new ArrayList<>();
        lockOrder(s, request.channel(), request.orderNo());
        Overrides current = overrides(s);
        Correction c = CorrectionCheck.check(s, directory(s), current, new HashMap<>(current.byAssignment()), request,
                (column, message) -> errors.add(Map.entry(column, message)), source, LocalDateTime.now());
        if (!errors.isEmpty() || c == null) {
            throw new Rejected(errors);
        }
        s.insert(c.fromAppeal(appealId));
        return c;
    }

    private static void lockOrder(StatelessSession s, String channel, String orderNo) {
        s.createNativeQuery("select id from work_order where channel = :c and order_no = :n for update", Long.class)
                .setParameter("c", channel).setParameter("n", orderNo).getResultList();
    }

    /** 撤回一条更正（撤回本身也记录下来）。 */
    public Correction withdraw(long id, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("撤回更正须写明原因");
        }
        if (reason.strip().length() > 1000) {
            throw new InputException("撤回原因太长（" + reason.strip().length() + " 字），最多 1000 字");
        }
        return db.sessions().fromStatelessTransaction(s -> {
            // 同一条更正同时被撤回两次时排队：后一个看到前一个的撤回
            s.createNativeQuery("select id from correction where id = :id for update", Long.class).setParameter("id", id).getResultList();
            Correction c = s.get(Correction.class, id);
            if (c == null || c.getWithdrawsId() != null) {
                throw new InputException("没有编号为 " + id + " 的更正");
            }
            Long already = s.createSelectionQuery("select count(*) from Correction c where c.withdrawsId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (already > 0) {
                throw new InputException("更正 #" + id + " 已经撤回过");
            }
            Correction w = new Correction(LocalDateTime.now(), c.getAssignmentId(), c.getChannel(), c.getOrderNo(),
                    c.getUnitName(), Correction.WITHDRAW, "", "", reason, by, id, "");
            s.insert(w);
            return w;
        });
    }

    /** 工单的原始记录与全部更正（含撤回），供 history 显示。 */
    public List<String> history(String orderNo, String channel) {
        return history(orderNo, channel, List.of());
    }

    /**
     * 同上；channels 是已配置的渠道：先按（渠道, 编号）唯一索引在这些渠道里逐个查（千万个工单时也是瞬间），
     * 都没有再只按编号查（要扫全表）。
     */
    public List<String> history(String orderNo, String channel, java.util.Collection<String> channels) {
        // 只读：用 JDBC（cn.gov.assess.db.Rows），不启动 Hibernate
        return db.read(c -> {
            List<WorkOrder> orders = orders(c, orderNo, channel, channels);
            Map<Long, String> names = new HashMap<>();
            for (Unit u : Rows.list(c, Unit.class, "")) {
                names.put(u.getId(), u.getName());
            }
            List<String> lines = new ArrayList<>();
            for (WorkOrder o : orders) {
                lines.add(o.getChannel() + " 工单 " + o.getOrderNo() + "，受理时间 " + show(o.getReceivedAt()));
                for (Assignment a : Rows.list(c, Assignment.class, "where order_id = ? order by id", o.getId())) {
                    lines.add("  原始：派给 " + names.get(a.getUnitId()) + "（记录写作“" + a.getUnitSpelling() + "”），办理时限 "
                            + show(a.getDeadline()) + "，办结时间 " + (a.getCompletedAt() == null ? "未办结" : show(a.getCompletedAt())));
                    List<Correction> cs = Rows.list(c, Correction.class, "where assignment_id = ? order by id", a.getId());
                    Set<Long> withdrawn = new HashSet<>();
                    cs.stream().filter(x -> x.getWithdrawsId() != null).forEach(x -> withdrawn.add(x.getWithdrawsId()));
                    for (Correction x : cs) {
                        lines.add("  " + x.describe() + (withdrawn.contains(x.getId()) ? "【已撤回】" : ""));
                    }
                }
            }
            return lines;
        });
    }

    private static List<WorkOrder> orders(java.sql.Connection c, String orderNo, String channel, java.util.Collection<String> channels)
            throws java.sql.SQLException {
        List<WorkOrder> orders = new ArrayList<>();
        for (String ch : channel != null ? List.of(channel) : channels) {
            orders.addAll(Rows.list(c, WorkOrder.class, "where channel = ? and order_no = ?", ch, orderNo));
        }
        if (orders.isEmpty() && channel == null) {
            orders = Rows.list(c, WorkOrder.class, "where order_no = ? order by channel", orderNo);
        }
        if (orders.isEmpty()) {
            throw new InputException("没有工单“" + orderNo + "”" + (channel == null ? "" : "（渠道 " + channel + "）"));
        }
        return orders;
    }

    /** 一条更正，及撤回它的那条记录（未撤回时为 null）。 */
    public record Entry(Correction correction, Correction withdrawal) {
        public boolean withdrawn() { return withdrawal != null; }
    }

    /**
     * 一次转办：原始记录、按全部未撤回更正算出的当前值（运行将看到的值），以及它的全部更正（含已撤回的）。
     * 时间已按 {@link #show} 写成文字，空串表示没有（办结时间为空即未办结）。
     */
    public record AssignmentView(long id, long originalUnitId, String originalUnit, String spelling, String originalDeadline,
                                 String originalCompleted, long unitId, String unit, String deadline, String completed,
                                 List<Entry> corrections) {
    }

    /** 一个工单及其全部转办。 */
    public record OrderView(long id, String channel, String orderNo, String receivedAt, java.time.LocalDate receivedDate,
                            List<AssignmentView> assignments) {
    }

    /** 找工单（与 history 同样的找法：给了渠道只在该渠道找），连同每次转办的原值、当前值与更正。 */
    public List<OrderView> find(String orderNo, String channel, java.util.Collection<String> channels) {
        return db.read(c -> {
            List<WorkOrder> orders = orders(c, orderNo, channel, channels);
            Map<Long, String> names = new HashMap<>();
            Map<String, Long> ids = new HashMap<>();
            for (Unit u : Rows.list(c, Unit.class, "")) {
                names.put(u.getId(), u.getName());
                ids.put(u.getName(), u.getId());
            }
            List<OrderView> out = new ArrayList<>();
            for (WorkOrder o : orders) {
                List<AssignmentView> views = new ArrayList<>();
                for (Assignment a : Rows.list(c, Assignment.class, "where order_id = ? order by id", o.getId())) {
                    List<Entry> entries = entries(Rows.list(c, Correction.class, "where assignment_id = ? order by id", a.getId()));
                    Effective e = new Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt());
                    for (Entry x : entries) {
                        if (!x.withdrawn()) {
                            e = apply(e, x.correction(), ids);
                        }
                    }
                    views.add(new AssignmentView(a.getId(), a.getUnitId(), names.get(a.getUnitId()), a.getUnitSpelling(),
                            show(a.getDeadline()), show(a.getCompletedAt()), e.unitId(), names.get(e.unitId()),
                            show(e.deadline()), show(e.completed()), entries));
                }
                out.add(new OrderView(o.getId(), o.getChannel(), o.getOrderNo(), show(o.getReceivedAt()),
                        o.getReceivedAt().toLocalDate(), views));
            }
            return out;
        });
    }

    /** 最近登记的 limit 条更正（新的在前，不含撤回记录本身），各带撤回它的记录。 */
    public List<Entry> recent(int limit) {
        return db.read(c -> {
            List<Correction> latest = Rows.list(c, Correction.class,
                    "where withdraws_id is null order by id desc offset 0 rows fetch next ? rows only", limit);
            if (latest.isEmpty()) {
                return List.of();
            }
            long from = latest.get(latest.size() - 1).getId();
            List<Correction> all = new ArrayList<>(latest);
            all.addAll(Rows.list(c, Correction.class, "where withdraws_id >= ? order by id", from));
            List<Entry> entries = entries(all);
            entries.sort(java.util.Comparator.comparing((Entry x) -> x.correction().getId()).reversed());
            return entries;
        });
    }

    /** 把更正与撤回配对：每条更正一个 Entry（按编号），撤回记录不单列。 */
    private static List<Entry> entries(List<Correction> rows) {
        Map<Long, Correction> withdrawals = new HashMap<>();
        for (Correction x : rows) {
            if (x.getWithdrawsId() != null) {
                withdrawals.put(x.getWithdrawsId(), x);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Correction x : rows) {
            if (x.getWithdrawsId() == null) {
                out.add(new Entry(x, withdrawals.get(x.getId())));
            }
        }
        out.sort(java.util.Comparator.comparing(x -> x.correction().getId()));
        return out;
    }

    /** 一条更正（不是撤回记录）；没有时 null。 */
    public Correction get(long id) {
        return db.read(c -> Rows.list(c, Correction.class, "where id = ? and withdraws_id is null", id)).stream().findFirst().orElse(null);
    }

    /** 编号在 (after, upTo] 之间的更正与撤回。 */
    public List<Correction> between(long after, long upTo) {
        return db.inTransaction(s -> s.createSelectionQuery("from Correction c where c.id > :a and c.id <= :b order by c.id",
                Correction.class).setParameter("a", after).setParameter("b", upTo).getResultList());
    }

    private static UnitDirectory directory(StatelessSession s) {
        return UnitDirectory.load(s);
    }
}
