package cn.gov.assess.issuance;

import cn.gov.assess.correction.Correction;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.correction.Exclusions;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Rows;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.workorder.Assignment;
import cn.gov.assess.workorder.WorkOrder;
import org.hibernate.StatelessSession;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 申诉：单位就本期自己的转办提出（只在本期通报核对中、截止日之前），经办同意或不同意并写明理由。同意时在同一个事务里
 * 产生申诉类型的效果所对应的更正（改派、办理时限、办结时间）或核减，每条都记着来自哪份申诉。谁能提出、谁能决定由
 * 调用者（网页、命令行）按账号角色检查；这里检查与账号无关的一切：单位、期、转办、通报状态、类型、理由、附件。
 */
public final class Appeals {
    public static final int MAX_REASON = 2000;
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Database db;

    public Appeals(Database db) {
        this.db = db;
    }

    /**
     * 一份要提出的申诉。assignmentIds 是本单位本期的转办；value 是改派的新单位或新的时间（核减不用填）；
     * attachment 可以为 null；by 是提出的账号（办公室代单位登记纸质申诉时是经办的账号）。
     */
    public record Filing(String period, long unitId, List<Long> assignmentIds, String kind, String value, String reason,
                         AppealFiles.Attachment attachment, String by) {
    }

    public static String show(LocalDateTime t) {
        return t == null ? "" : t.format(SHOW);
    }

    /** 提出一份申诉；有任何问题就抛出 InputException（中文说明），什么也不写。 */
    public Appeal file(Map<String, AppealKinds.Kind> kinds, Filing f, LocalDate today) {
        Period period = period(f.period());
        Notice notice = new Notices(db).noticeOf(period.code()).orElseThrow(() ->
                new InputException(period.code() + " 还没有通报，不能申诉（通报开放核对后才能申诉）"));
        if (!notice.acceptsAppeals(today)) {
            throw new InputException(closedReason(notice, today));
        }
        AppealKinds.Kind kind = kinds.get(f.kind() == null ? "" : f.kind().strip());
        if (kind == null) {
            throw new InputException(kinds.isEmpty() ? "规则目录里没有申诉类型表（rules/" + AppealKinds.FILE + "），不能申诉"
                    : "未知申诉类型“" + f.kind() + "”，可选：" + String.join("、", kinds.keySet()));
        }
        String reason = f.reason() == null ? "" : f.reason().strip();
        if (reason.isEmpty()) {
            throw new InputException("请写明申诉理由");
        }
        if (reason.length() > MAX_REASON) {
            throw new InputException("申诉理由太长（" + reason.length() + " 字），最多 " + MAX_REASON + " 字");
        }
        String value = f.value() == null ? "" : f.value().strip();
        if (kind.needsValue() && value.isEmpty()) {
            throw new InputException("申诉类型“" + kind.name() + "”须写明" + valueName(kind.effect()));
        }
        if (value.length() > 100) {
            throw new InputException(valueName(kind.effect()) + "太长（最多 100 字）");
        }
        if (kind.evidenceRequired() && f.attachment() == null) {
            throw new InputException("申诉类型“" + kind.name() + "”须附证明材料（PDF 或图片，不超过 "
                    + AppealFiles.MAX_BYTES / 1048576 + " MB）");
        }
        if (f.attachment() != null) {
            AppealFiles.check(f.attachment());
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(f.assignmentIds() == null ? List.of() : f.assignmentIds()));
        if (ids.isEmpty()) {
            throw new InputException("请选择要申诉的工单（至少一件）");
        }
        return db.sessions().fromStatelessTransaction(s -> {
            Unit unit = s.get(Unit.class, f.unitId());
            if (unit == null) {
                throw new InputException("没有编号为 " + f.unitId() + " 的单位");
            }
            Map<Long, Corrections.Effective> current = new Corrections(db).overrides(s).byAssignment();
            List<AppealItem> items = new ArrayList<>();
            LocalDateTime from = period.start().atStartOfDay();
            LocalDateTime to = period.end().plusDays(1).atStartOfDay();
            for (long id : ids) {
                Assignment a = s.get(Assignment.class, id);
                WorkOrder o = a == null ? null : s.get(WorkOrder.class, a.getOrderId());
                Corrections.Effective e = a == null ? null : current.get(id);
                long owner = a == null ? -1 : e != null ? e.unitId() : a.getUnitId();
                if (a == null || owner != unit.getId()) {
                    // 不是本单位的转办：不说它派给了谁
                    throw new InputException("转办 #" + id + " 不是" + unit.getName() + "的转办，只能就本单位的工单申诉");
                }
                if (o.getReceivedAt().isBefore(from) || !o.getReceivedAt().isBefore(to)) {
                    throw new InputException("工单 " + o.getOrderNo() + " 不是 " + period.code() + " 受理的，只能就本期的工单申诉");
                }
                Long open = openAppeal(s, id);
                if (open != null) {
                    throw new InputException("工单 " + o.getOrderNo() + " 已有申诉 #" + open + "（待审核或已同意），不能重复申诉");
                }
                items.add(new AppealItem(0, id, o.getChannel(), o.getOrderNo()));
            }
            Appeal appeal = new Appeal(period.code(), notice.getId(), unit.getId(), unit.getName(), kind.name(), kind.effect(),
                    value, reason, f.by(), LocalDateTime.now().withNano(0));
            if (f.attachment() != null) {
                appeal.attach(AppealFiles.safeName(f.attachment().name()), AppealFiles.type(f.attachment().bytes()),
                        f.attachment().bytes().length);
            }
            s.insert(appeal);
            for (AppealItem i : items) {
                s.insert(new AppealItem(appeal.getId(), i.getAssignmentId(), i.getChannel(), i.getOrderNo()));
            }
            if (f.attachment() != null) {
                AppealFiles.store(s, appeal.getId(), f.attachment().bytes());
            }
            return appeal;
        });
    }

    private static Period period(String code) {
        try {
            return Period.parse(code);
        } catch (cn.gov.assess.facts.InvalidValueException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** 通报为什么此刻不接受申诉（中文，给单位看）。 */
    public static String closedReason(Notice n, LocalDate today) {
        return switch (n.getState()) {
            case 草稿 -> n.getPeriod() + " 的通报还在起草，尚未开放核对，不能申诉";
            case 核对中 -> n.getOpenUntil() == null ? n.getPeriod() + " 的通报没有设核对截止日，不能申诉"
                    : n.getPeriod() + " 的通报核对截止日（" + n.getOpenUntil() + "）已过，不能再申诉；如需延长请联系办公室";
            case 待签发 -> n.getPeriod() + " 的通报已核对完毕、等待签发，不能再申诉";
            case 已签发 -> n.getPeriod() + " 的通报已签发，不能再申诉";
            case 已作废 -> n.getPeriod() + " 的这份通报已作废，不能申诉；请等办公室重新起草并开放核对";
        };
    }

    private static String valueName(String effect) {
        return switch (effect) {
            case AppealKinds.REASSIGN -> "应派给的单位";
            case AppealKinds.DEADLINE -> "批准后的办理时限";
            case AppealKinds.COMPLETED -> "实际办结时间";
            default -> "新值";
        };
    }

    /** 这次转办上待审核或已同意的申诉编号；没有时 null。 */
    private static Long openAppeal(StatelessSession s, long assignmentId) {
        List<Long> ids = s.createSelectionQuery("select a.id from Appeal a, AppealItem i where i.appealId = a.id "
                        + "and i.assignmentId = :id and a.state <> :rejected order by a.id", Long.class)
                .setParameter("id", assignmentId).setParameter("rejected", AppealState.未同意.name()).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * 经办的决定：同意（accept）或不同意，理由给单位看。同意时按申诉类型的效果逐件登记更正或核减（value 非空时代替单位
     * 提出的新值）；任何一件不能更正就整个不记（申诉仍待审核）。
     */
    public Decision decide(long id, boolean accept, String reason, String value, String by) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InputException("请写明" + (accept ? "同意" : "不同意") + "的理由（单位会看到）");
        }
        if (why.length() > MAX_REASON) {
            throw new InputException("理由太长（" + why.length() + " 字），最多 " + MAX_REASON + " 字");
        }
        return db.sessions().fromStatelessTransaction(s -> {
            // 同一份申诉同时被决定两次时排队：后一个看到前一个的决定
            s.createNativeQuery("select id from appeal where id = :id for update", Long.class).setParameter("id", id).getResultList();
            Appeal a = s.get(Appeal.class, id);
            if (a == null) {
                throw new InputException("没有编号为 " + id + " 的申诉");
            }
            if (a.isDecided()) {
                throw new InputException("申诉 #" + id + " 已经" + (a.getState() == AppealState.已同意 ? "同意" : "不同意")
                        + "（" + a.getDecidedBy() + "，" + a.decidedText() + "），不能再改");
            }
            LocalDateTime now = LocalDateTime.now().withNano(0);
            a.decide(accept, by, now, why);
            List<Correction> made = new ArrayList<>();
            if (accept) {
                String v = value == null || value.isBlank() ? a.getProposedValue() : value.strip();
                for (AppealItem i : items(s, id)) {
                    made.add(effect(s, a, i, v, by, now));
                }
            }
            s.update(a);
            return new Decision(a, made);
        });
    }

    /** 决定的结果：申诉（已改状态）与同意时产生的更正或核减。 */
    public record Decision(Appeal appeal, List<Correction> corrections) {
    }

    private static Correction effect(StatelessSession s, Appeal a, AppealItem i, String value, String by, LocalDateTime now) {
        String text = a.acceptedText();
        if (AppealKinds.EXCLUDE.equals(a.getEffect())) {
            return Exclusions.record(s, i.getAssignmentId(), text, by, a.getId(), now);
        }
        String field = switch (a.getEffect()) {
            case AppealKinds.REASSIGN -> Correction.UNIT;
            case AppealKinds.DEADLINE -> Correction.DEADLINE;
            case AppealKinds.COMPLETED -> Correction.COMPLETED;
            default -> throw new InputException("申诉 #" + a.getId() + " 的效果“" + a.getEffect() + "”无法执行");
        };
        try {
            return new Corrections(null).record(s, new Corrections.Request(i.getChannel(), i.getOrderNo(), a.getUnitName(), field,
                    value, text, by), "申诉 #" + a.getId(), a.getId());
        } catch (Corrections.Rejected e) {
            throw new InputException("申诉 #" + a.getId() + " 不能按“" + a.getEffect() + "”更正工单 " + i.getOrderNo() + "："
                    + String.join("；", e.problems()) + "（没有记录决定，可改填新值后再同意）");
        }
    }

    /** 一期（为 null 时全部）的申诉，可按状态与单位筛选，新的在前。 */
    public List<Appeal> list(String period, AppealState state, Long unitId) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (period != null) {
            where.append(" and period = ?");
            params.add(period(period).code());
        }
        if (state != null) {
            where.append(" and state = ?");
            params.add(state.name());
        }
        if (unitId != null) {
            where.append(" and unit_id = ?");
            params.add(unitId);
        }
        return db.read(c -> Rows.list(c, Appeal.class, where + " order by id desc", params.toArray()));
    }

    public Optional<Appeal> get(long id) {
        return db.read(c -> Rows.list(c, Appeal.class, "where id = ?", id)).stream().findFirst();
    }

    /** 申诉涉及的转办（按编号）。 */
    public List<AppealItem> items(long appealId) {
        return db.read(c -> Rows.list(c, AppealItem.class, "where appeal_id = ? order by id", appealId));
    }

    private static List<AppealItem> items(StatelessSession s, long appealId) {
        return s.createSelectionQuery("from AppealItem i where i.appealId = :a order by i.id", AppealItem.class)
                .setParameter("a", appealId).getResultList();
    }

    /** 申诉的附件；没有附件时为空。 */
    public Optional<AppealFiles.Attachment> attachment(long appealId) {
        Appeal a = get(appealId).orElse(null);
        if (a == null || !a.hasAttachment()) {
            return Optional.empty();
        }
        byte[] bytes = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select content from appeal_attachment where appeal_id = ?")) {
                ps.setLong(1, appealId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        return bytes == null ? Optional.empty() : Optional.of(new AppealFiles.Attachment(a.getAttachmentName(), bytes));
    }

    /**
     * 一个单位本期某工单（编号；channel 为 null 时任何渠道）现在派给它的转办编号，供办公室代单位登记纸质申诉；
     * 没有时说明原因。
     */
    public List<Long> assignmentsOf(long unitId, String orderNo, String channel) {
        return db.sessions().fromStatelessTransaction(s -> {
            var q = s.createSelectionQuery("from WorkOrder o where o.orderNo = :n"
                    + (channel == null ? "" : " and o.channel = :c"), WorkOrder.class).setParameter("n", orderNo);
            List<WorkOrder> orders = (channel == null ? q : q.setParameter("c", channel)).getResultList();
            Map<Long, Corrections.Effective> current = new Corrections(db).overrides(s).byAssignment();
            List<Long> out = new ArrayList<>();
            for (WorkOrder o : orders) {
                for (Assignment a : s.createSelectionQuery("from Assignment a where a.orderId = :o", Assignment.class)
                        .setParameter("o", o.getId()).getResultList()) {
                    Corrections.Effective e = current.get(a.getId());
                    if ((e != null ? e.unitId() : a.getUnitId()) == unitId) {
                        out.add(a.getId());
                    }
                }
            }
            if (out.isEmpty()) {
                throw new InputException(orders.isEmpty() ? "没有工单“" + orderNo + "”" : "工单 " + orderNo + " 现在没有派给这个单位");
            }
            return out;
        });
    }
}
