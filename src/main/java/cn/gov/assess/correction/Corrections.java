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
            e = switch (c.getField()) {
                case Correction.UNIT -> new Effective(unitIds.get(c.getNewValue()), e.deadline(), e.completed());
                case Correction.DEADLINE -> new Effective(e.unitId(), DateTimes.parse(c.getNewValue(), true), e.completed());
                case Correction.COMPLETED -> new Effective(e.unitId(), e.deadline(),
                        c.getNewValue().isEmpty() ? null : DateTimes.parse(c.getNewValue(), false));
                default -> e;
            };
            out.put(c.getAssignmentId(), e);
        }
        return new Overrides(out, all.get(all.size() - 1).getId(), unitNames);
    }

    /** 登记一个更正文件：全部正确才写入，否则列出每一行的错误。 */
    public List<Correction> record(Path file) {
        CsvTable t;
        try {
            t = CsvTable.read(file);
        } catch (IOException e) {
            throw new InputException(file + "：无法读取：" + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!t.has(c)) {
                problems.add(t.fileName() + " 第 1 行：缺少列“" + c + "”（更正文件的表头：" + String.join(",", COLUMNS) + "）");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return db.sessions().fromStatelessTransaction(s -> {
            UnitDirectory units = directory(s);
            Overrides current = overrides(s);
            Map<Long, Effective> pending = new HashMap<>(current.byAssignment());
            List<Correction> out = new ArrayList<>();
            LocalDateTime now = LocalDateTime.now();
            for (CsvTable.Row r : t.rows()) {
                Cells c = new Cells(t, r, problems);
                int before = problems.size();
                String channel = c.text("渠道");
                String orderNo = c.text("工单编号");
                String unitText = c.text("办理单位");
                String field = c.text("更正项目");
                String value = t.get(r, "新值");
                String reason = c.text("原因");
                String by = c.text("提出人");
                if (channel == null || orderNo == null || unitText == null || field == null) {
                    continue; // 缺了定位转办的列，其余无从检查
                }
                // 先把这一行能独立检查的都查一遍（每处错误都报，不是每行只报第一处），再查相互依赖的
                boolean fieldOk = FIELDS.contains(field);
                if (!fieldOk) {
                    c.error("更正项目", "未知更正项目“" + field + "”，可更正：" + String.join("、", FIELDS));
                }
                WorkOrder order = s.createSelectionQuery("from WorkOrder o where o.channel = :c and o.orderNo = :n", WorkOrder.class)
                        .setParameter("c", channel).setParameter("n", orderNo).uniqueResult();
                if (order == null) {
                    c.error("工单编号", "渠道 " + channel + " 中没有工单“" + orderNo + "”");
                }
                UnitDirectory.Ref unit = units.find(unitText);
                if (unit == null) {
                    c.error("办理单位", "未知单位“" + unitText + "”，最接近的已知单位是“" + units.closest(unitText) + "”");
                }
                UnitDirectory.Ref to = null;
                LocalDateTime date = null;
                if (Correction.UNIT.equals(field)) {
                    to = value.isEmpty() ? null : units.find(value);
                    if (to == null) {
                        c.error("新值", value.isEmpty() ? "改派的新值（新的办理单位）为空"
                                : "未知单位“" + value + "”，最接近的已知单位是“" + units.closest(value) + "”");
                    }
                } else if (Correction.DEADLINE.equals(field)) {
                    date = DateTimes.parse(value, true);
                    if (date == null) {
                        c.error("新值", value.isEmpty() ? "办理时限的新值为空" : "无法识别的日期“" + value + "”");
                    }
                } else if (Correction.COMPLETED.equals(field)) {
                    date = value.isEmpty() ? null : DateTimes.parse(value, false);
                    if (!value.isEmpty() && date == null) {
                        c.error("新值", "无法识别的日期“" + value + "”（留空表示未办结）");
                    }
                }
                if (problems.size() > before) {
                    continue;
                }
                List<Assignment> assignments = s.createSelectionQuery("from Assignment a where a.orderId = :o", Assignment.class)
                        .setParameter("o", order.getId()).getResultList();
                Assignment target = null;
                List<String> now_ = new ArrayList<>();
                for (Assignment a : assignments) {
                    Effective e = pending.getOrDefault(a.getId(), new Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt()));
                    if (e.unitId() == unit.id()) {
                        target = a;
                    }
                    now_.add(current.unitNames().getOrDefault(e.unitId(), unitName(s, e.unitId())));
                }
                if (target == null) {
                    c.error("办理单位", "工单 " + orderNo + " 没有派给“" + unit.name() + "”，现在派给："
                            + String.join("、", now_.stream().sorted().toList())
                            + "（“办理单位”列写转办当前的单位；改派经过见 assess history " + orderNo + "）");
                    continue;
                }
                Effective e = pending.getOrDefault(target.getId(),
                        new Effective(target.getUnitId(), target.getDeadline(), target.getCompletedAt()));
                String oldValue;
                String newValue;
                Effective next;
                switch (field) {
                    case Correction.UNIT -> {
                        boolean taken = false;
                        for (Assignment a : assignments) {
                            Effective ea = pending.getOrDefault(a.getId(), new Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt()));
                            taken |= a != target && ea.unitId() == to.id();
                        }
                        if (taken || to.id() == e.unitId()) {
                            c.error("新值", "工单 " + orderNo + " 已派给“" + to.name() + "”（办理单位：现为 " + unit.name()
                                    + "，新值为 " + to.name() + "）");
                            continue;
                        }
                        oldValue = unit.name();
                        newValue = to.name();
                        next = new Effective(to.id(), e.deadline(), e.completed());
                    }
                    case Correction.DEADLINE -> {
                        if (date.isBefore(order.getReceivedAt())) {
                            c.error("新值", "办理时限 " + value + " 早于受理时间 " + show(order.getReceivedAt()));
                            continue;
                        }
                        if (date.equals(e.deadline())) {
                            c.error("新值", "与现有记录相同，无需更正（办理时限：现为 " + show(e.deadline()) + "，新值为 " + show(date) + "）");
                            continue;
                        }
                        oldValue = show(e.deadline());
                        newValue = show(date);
                        next = new Effective(e.unitId(), date, e.completed());
                    }
                    default -> {
                        if (date != null && date.isBefore(order.getReceivedAt())) {
                            c.error("新值", "办结时间 " + value + " 早于受理时间 " + show(order.getReceivedAt()));
                            continue;
                        }
                        if (java.util.Objects.equals(date, e.completed())) {
                            c.error("新值", "与现有记录相同，无需更正（办结时间：现为 " + (e.completed() == null ? "未办结" : show(e.completed()))
                                    + "，新值为 " + (date == null ? "未办结" : show(date)) + "）");
                            continue;
                        }
                        oldValue = show(e.completed());
                        newValue = show(date);
                        next = new Effective(e.unitId(), e.deadline(), date);
                    }
                }
                pending.put(target.getId(), next);
                out.add(new Correction(now, target.getId(), channel, orderNo, unit.name(), field, oldValue, newValue,
                        reason, by, null, t.fileName()));
            }
            if (!problems.isEmpty()) {
                throw new InputException(problems);
            }
            if (out.isEmpty()) {
                throw new InputException(t.fileName() + "：没有更正行");
            }
            out.forEach(s::insert);
            return out;
        });
    }

    private static String unitName(StatelessSession s, long id) {
        Unit u = s.get(Unit.class, id);
        return u == null ? "#" + id : u.getName();
    }

    /** 撤回一条更正（撤回本身也记录下来）。 */
    public Correction withdraw(long id, String reason, String by) {
        return db.sessions().fromStatelessTransaction(s -> {
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

    /** 编号在 (after, upTo] 之间的更正与撤回。 */
    public List<Correction> between(long after, long upTo) {
        return db.inTransaction(s -> s.createSelectionQuery("from Correction c where c.id > :a and c.id <= :b order by c.id",
                Correction.class).setParameter("a", after).setParameter("b", upTo).getResultList());
    }

    private static UnitDirectory directory(StatelessSession s) {
        return UnitDirectory.load(s);
    }
}
