package cn.gov.assess.correction;

import cn.gov.assess.io.InputException;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.workorder.Assignment;
import cn.gov.assess.workorder.WorkOrder;
import org.hibernate.StatelessSession;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 核减：经办同意申诉后，一次转办不计入考核。它是一种更正（field = 核减），与其他更正一样只增不改、可以撤回；
 * 运行读本期转办时把未撤回的核减记在转办事实上，由规则决定不计入。
 */
public final class Exclusions {
    private Exclusions() {
    }

    /** 未撤回的核减：转办编号 → 说明（如“申诉 #7，非本单位职责，张经办 于 2022-01-08 同意”）。 */
    public static Map<Long, String> active(StatelessSession s) {
        List<Correction> rows = s.createSelectionQuery("from Correction c where c.field = :f order by c.id", Correction.class)
                .setParameter("f", Correction.EXCLUDE).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<Long> withdrawn = new HashSet<>(s.createSelectionQuery(
                "select c.withdrawsId from Correction c where c.withdrawsId is not null", Long.class).getResultList());
        Map<Long, String> out = new HashMap<>();
        for (Correction c : rows) {
            if (!withdrawn.contains(c.getId())) {
                out.put(c.getAssignmentId(), c.getReason());
            }
        }
        return out;
    }

    /** 在调用者的事务里登记一条核减；这次转办已有未撤回的核减时拒绝。text 是印在解释里的说明。 */
    public static Correction record(StatelessSession s, long assignmentId, String text, String by, long appealId, LocalDateTime now) {
        Assignment a = s.get(Assignment.class, assignmentId);
        if (a == null) {
            throw new InputException("没有编号为 " + assignmentId + " 的转办");
        }
        WorkOrder o = s.get(WorkOrder.class, a.getOrderId());
        if (active(s).containsKey(assignmentId)) {
            throw new InputException("工单 " + o.getOrderNo() + " 的这次转办已经核减过，不再重复核减");
        }
        Corrections.Effective e = new Corrections(null).overrides(s).byAssignment().get(assignmentId);
        Unit u = s.get(Unit.class, e == null ? a.getUnitId() : e.unitId());
        Correction c = new Correction(now, assignmentId, o.getChannel(), o.getOrderNo(), u.getName(), Correction.EXCLUDE,
                "计入考核", "不计入考核", text, by, null, "申诉 #" + appealId).fromAppeal(appealId);
        s.insert(c);
        return c;
    }
}
