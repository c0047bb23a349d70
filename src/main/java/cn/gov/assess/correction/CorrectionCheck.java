package cn.gov.assess.correction;

import cn.gov.assess.io.DateTimes;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.workorder.Assignment;
import cn.gov.assess.workorder.WorkOrder;
import org.hibernate.StatelessSession;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 检查一条更正（更正文件的一行或网页的一个表单）：定位转办、新值是否可用、与现有记录是否相同。 */
final class CorrectionCheck {
    private CorrectionCheck() {
    }

    /**
     * 检查一条更正（更正文件的一行或网页的一个表单），全部正确时返回要保存的更正并把结果记入 pending（同一文件后面的行
     * 看到前面的更正），否则经 problems 报告每一处问题并返回 null。
     */
    static Correction check(StatelessSession s, UnitDirectory units, Corrections.Overrides current, Map<Long, Corrections.Effective> pending,
                            Corrections.Request r, Corrections.Problems reported, String source, LocalDateTime now) {
        int[] count = {0};
        Corrections.Problems p = (column, message) -> {
            count[0]++;
            reported.error(column, message);
        };
        String channel = required(p, "渠道", r.channel());
        String orderNo = required(p, "工单编号", r.orderNo());
        String unitText = required(p, "办理单位", r.unit());
        String field = required(p, "更正项目", r.field());
        String value = r.value();
        String reason = required(p, "原因", r.reason());
        String by = required(p, "提出人", r.by());
        if (reason != null && reason.length() > 1000) {
            p.error("原因", "原因太长（" + reason.length() + " 字），最多 1000 字");
        }
        if (channel == null || orderNo == null || unitText == null || field == null) {
            return null; // 缺了定位转办的列，其余无从检查
        }
        // 先把这一行能独立检查的都查一遍（每处错误都报，不是每行只报第一处），再查相互依赖的
        boolean fieldOk = Corrections.FIELDS.contains(field);
        if (!fieldOk) {
            p.error("更正项目", "未知更正项目“" + field + "”，可更正：" + String.join("、", Corrections.FIELDS));
        }
        WorkOrder order = s.createSelectionQuery("from WorkOrder o where o.channel = :c and o.orderNo = :n", WorkOrder.class)
                .setParameter("c", channel).setParameter("n", orderNo).uniqueResult();
        if (order == null) {
            p.error("工单编号", "渠道 " + channel + " 中没有工单“" + orderNo + "”");
        }
        UnitDirectory.Ref unit = units.find(unitText);
        if (unit == null) {
            p.error("办理单位", "未知单位“" + unitText + "”，最接近的已知单位是“" + units.closest(unitText) + "”");
        }
        UnitDirectory.Ref to = null;
        LocalDateTime date = null;
        if (Correction.UNIT.equals(field)) {
            to = value.isEmpty() ? null : units.find(value);
            if (to == null) {
                p.error("新值", value.isEmpty() ? "改派的新值（新的办理单位）为空"
                        : "未知单位“" + value + "”，最接近的已知单位是“" + units.closest(value) + "”");
            }
        } else if (Correction.DEADLINE.equals(field)) {
            date = DateTimes.parse(value, true);
            if (date == null) {
                p.error("新值", value.isEmpty() ? "办理时限的新值为空" : "无法识别的日期“" + value + "”");
            }
        } else if (Correction.COMPLETED.equals(field)) {
            date = value.isEmpty() ? null : DateTimes.parse(value, false);
            if (!value.isEmpty() && date == null) {
                p.error("新值", "无法识别的日期“" + value + "”（留空表示未办结）");
            }
        }
        if (count[0] > 0) {
            return null; // 含原因、提出人为空
        }
        List<Assignment> assignments = s.createSelectionQuery("from Assignment a where a.orderId = :o", Assignment.class)
                .setParameter("o", order.getId()).getResultList();
        Assignment target = null;
        List<String> now_ = new ArrayList<>();
        for (Assignment a : assignments) {
            Corrections.Effective e = pending.getOrDefault(a.getId(), new Corrections.Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt()));
            if (e.unitId() == unit.id()) {
                target = a;
            }
            now_.add(current.unitNames().getOrDefault(e.unitId(), unitName(s, e.unitId())));
        }
        if (target == null) {
            p.error("办理单位", "工单 " + orderNo + " 没有派给“" + unit.name() + "”，现在派给："
                    + String.join("、", now_.stream().sorted().toList())
                    + "（“办理单位”列写转办当前的单位；改派经过见 assess history " + orderNo + "）");
            return null;
        }
        Corrections.Effective e = pending.getOrDefault(target.getId(),
                new Corrections.Effective(target.getUnitId(), target.getDeadline(), target.getCompletedAt()));
        String oldValue;
        String newValue;
        Corrections.Effective next;
        switch (field) {
            case Correction.UNIT -> {
                boolean taken = false;
                for (Assignment a : assignments) {
                    Corrections.Effective ea = pending.getOrDefault(a.getId(), new Corrections.Effective(a.getUnitId(), a.getDeadline(), a.getCompletedAt()));
                    taken |= a != target && ea.unitId() == to.id();
                }
                if (taken || to.id() == e.unitId()) {
                    p.error("新值", "工单 " + orderNo + " 已派给“" + to.name() + "”（办理单位：现为 " + unit.name()
                            + "，新值为 " + to.name() + "）");
                    return null;
                }
                oldValue = unit.name();
                newValue = to.name();
                next = new Corrections.Effective(to.id(), e.deadline(), e.completed());
            }
            case Correction.DEADLINE -> {
                if (date.isBefore(order.getReceivedAt())) {
                    p.error("新值", "办理时限 " + value + " 早于受理时间 " + Corrections.show(order.getReceivedAt()));
                    return null;
                }
                if (date.equals(e.deadline())) {
                    p.error("新值", "与现有记录相同，无需更正（办理时限：现为 " + Corrections.show(e.deadline()) + "，新值为 " + Corrections.show(date) + "）");
                    return null;
                }
                oldValue = Corrections.show(e.deadline());
                newValue = Corrections.show(date);
                next = new Corrections.Effective(e.unitId(), date, e.completed());
            }
            default -> {
                if (date != null && date.isBefore(order.getReceivedAt())) {
                    p.error("新值", "办结时间 " + value + " 早于受理时间 " + Corrections.show(order.getReceivedAt()));
                    return null;
                }
                if (java.util.Objects.equals(date, e.completed())) {
                    p.error("新值", "与现有记录相同，无需更正（办结时间：现为 " + (e.completed() == null ? "未办结" : Corrections.show(e.completed()))
                            + "，新值为 " + (date == null ? "未办结" : Corrections.show(date)) + "）");
                    return null;
                }
                oldValue = Corrections.show(e.completed());
                newValue = Corrections.show(date);
                next = new Corrections.Effective(e.unitId(), e.deadline(), date);
            }
        }
        pending.put(target.getId(), next);
        return new Correction(now, target.getId(), channel, orderNo, unit.name(), field, oldValue, newValue, reason, by, null, source);
    }

    private static String required(Corrections.Problems p, String column, String value) {
        if (value == null || value.isEmpty()) {
            p.error(column, column + "为空");
            return null;
        }
        return value;
    }

    private static String unitName(StatelessSession s, long id) {
        Unit u = s.get(Unit.class, id);
        return u == null ? "#" + id : u.getName();
    }
}
