package cn.gov.assess.issuance;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunMeta;
import org.hibernate.Session;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 通报的流程（网页与命令行共用，检查与中文说明只此一处）：经办起草（草稿）、开放核对到某日（核对中，可延长）、结束核对
 * （待签发）、换用同期更新的运行、作废未签发的通报；另一位审核账号签发（文号、成文日期）。已签发的通报不再修改，
 * 签发后的改动另起一份更正通报（{@link #correct}）。每一步记入 notice_event。
 */
public final class NoticeFlow {
    /** 做这一步的账号：名字，以及它的角色能否起草（经办）、能否签发（审核）。角色由网页会话或命令行 --by 查得。 */
    public record Actor(String name, boolean prepares, boolean signs) {
    }

    private final Database db;
    private final Clock clock;

    public NoticeFlow(Database db) {
        this(db, Clock.systemDefaultZone());
    }

    public NoticeFlow(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** 由一次运行起草这一期的通报。一期只有一份通报；作废的可以重起。 */
    public Notice draft(long runId, Actor by) {
        requirePreparer(by, "起草通报");
        return db.inTransaction(s -> {
            AssessmentRun run = usableRun(s, runId);
            String period = run.getPeriod().code();
            for (Notice n : ofPeriod(s, period)) {
                if (!Notice.NOTICE.equals(n.getKind()) || n.getState() == NoticeState.已作废) {
                    continue;
                }
                if (n.isSigned()) {
                    throw new InputException(period + " 的通报 #" + n.getId() + " 已签发（" + n.getDocNumber()
                            + "），不能再起草；签发后的改动请出更正通报");
                }
                throw new InputException(period + " 已有通报 #" + n.getId() + "（" + n.getState() + "，运行 #" + n.getRunId()
                        + "），一期只有一份通报；要用新的运行请“换用运行”，或先作废它");
            }
            Notice n = new Notice(period, Notice.NOTICE, null, runId, by.name(), now());
            s.persist(n);
            s.flush();
            event(s, n, by, "起草", "由运行 #" + runId + " 起草 " + period + " 的通报");
            return n;
        });
    }

    /** 签发后的改动：由同期更新的运行起草更正通报，它更正本期最后一份已签发的通报。 */
    public Notice correct(long runId, Actor by) {
        requirePreparer(by, "起草更正通报");
        return db.inTransaction(s -> {
            AssessmentRun run = usableRun(s, runId);
            String period = run.getPeriod().code();
            List<Notice> all = ofPeriod(s, period);
            Notice official = all.stream().filter(Notice::isSigned).reduce((a, b) -> b)
                    .orElseThrow(() -> new InputException(period + " 还没有已签发的通报，没有可更正的；请先签发本期通报"));
            for (Notice n : all) {
                if (n.getState() != NoticeState.已签发 && n.getState() != NoticeState.已作废) {
                    throw new InputException(period + " 已有未签发的" + n.getKind() + " #" + n.getId() + "（" + n.getState()
                            + "，运行 #" + n.getRunId() + "）；请换用运行或先作废它");
                }
            }
            if (runId <= official.getRunId()) {
                throw new InputException("运行 #" + runId + " 不比已签发的" + official.getKind() + " #" + official.getId()
                        + " 所用的运行 #" + official.getRunId() + " 新；更正通报须用签发之后重新考核的运行");
            }
            Notice n = new Notice(period, Notice.CORRECTION, official.getId(), runId, by.name(), now());
            s.persist(n);
            s.flush();
            event(s, n, by, "起草", "由运行 #" + runId + " 起草更正通报，更正已签发的" + official.getKind() + " #" + official.getId()
                    + "（" + official.getDocNumber() + "，运行 #" + official.getRunId() + "）");
            return n;
        });
    }

    /** 开放核对到某日（含当日），单位在此之前可以核对与申诉；已在核对中或待签发时即为延长（重新开放）截止日。 */
    public Notice open(long noticeId, LocalDate until, Actor by) {
        requirePreparer(by, "开放核对");
        if (until == null) {
            throw new InputException("请给出核对截止日期，如 2022-01-10");
        }
        LocalDate today = LocalDate.now(clock);
        if (until.isBefore(today)) {
            throw new InputException("核对截止日期 " + until + " 早于今天（" + today + "），单位已无法核对；请给出今天或以后的日期");
        }
        return change(noticeId, by, (s, n) -> {
            if (!Notice.NOTICE.equals(n.getKind())) {
                throw new InputException("更正通报 #" + n.getId() + " 不开放核对，可直接签发");
            }
            String action = n.getState() == NoticeState.草稿 ? "开放核对" : "延长核对";
            String detail = n.getState() == NoticeState.草稿 ? "单位可核对、申诉至 " + until + "（含当日）"
                    : "核对截止日 " + n.getOpenUntil() + " → " + until + (n.getState() == NoticeState.待签发 ? "（重新开放核对）" : "");
            n.setOpenUntil(until);
            n.setState(NoticeState.核对中);
            return new String[]{action, detail};
        });
    }

    /** 结束核对：核对中 → 待签发，单位不能再申诉。 */
    public Notice close(long noticeId, Actor by) {
        requirePreparer(by, "结束核对");
        return change(noticeId, by, (s, n) -> {
            if (n.getState() != NoticeState.核对中) {
                throw new InputException(label(n) + "现在是“" + n.getState() + "”，不在核对中，无需结束核对");
            }
            n.setState(NoticeState.待签发);
            return new String[]{"结束核对", "单位不能再申诉，等待签发"};
        });
    }

    /** 换用同期更新的运行（更正或申诉决定之后重新考核的）；状态不变。 */
    public Notice replaceRun(long noticeId, long runId, Actor by) {
        requirePreparer(by, "换用运行");
        return change(noticeId, by, (s, n) -> {
            AssessmentRun run = usableRun(s, runId);
            if (!run.getPeriod().code().equals(n.getPeriod())) {
                throw new InputException("运行 #" + runId + " 是 " + run.getPeriod().code() + " 的，不是 " + n.getPeriod()
                        + " 的；只能换用同一考核期的运行");
            }
            if (runId == n.getRunId()) {
                throw new InputException(label(n) + "用的已经是运行 #" + runId);
            }
            long old = n.getRunId();
            n.setRunId(runId);
            return new String[]{"换用运行", "运行 #" + old + " → #" + runId};
        });
    }

    /** 作废未签发的通报（记下原因）；之后本期可以重新起草。 */
    public Notice retire(long noticeId, String reason, Actor by) {
        requirePreparer(by, "作废通报");
        if (reason == null || reason.isBlank()) {
            throw new InputException("请写明作废原因");
        }
        return change(noticeId, by, (s, n) -> {
            n.setState(NoticeState.已作废);
            return new String[]{"作废", reason.strip()};
        });
    }

    /**
     * 签发：审核账号，且不是起草人。文号与成文日期没有给出时取运行的通报信息（文号、成文日期）；那里也没有就拒绝。
     * 通报须已结束核对（待签发）；更正通报在草稿或待签发时都可签发。所用运行须是本期最新的未作废运行。
     */
    public Notice sign(long noticeId, String number, LocalDate date, Actor by) {
        return change(noticeId, by, (s, n) -> {
            if (by.name().equals(n.getPreparedBy())) {
                throw new InputException(label(n) + "由 " + n.getPreparedBy() + " 起草，起草人不能签发；须由另一位审核账号签发");
            }
            if (!by.signs()) {
                throw new InputException("账号“" + by.name() + "”不能签发通报：只有审核账号可以签发");
            }
            boolean ready = n.getState() == NoticeState.待签发
                    || Notice.CORRECTION.equals(n.getKind()) && n.getState() == NoticeState.草稿;
            if (!ready) {
                throw new InputException(label(n) + "现在是“" + n.getState() + "”，" + (n.getState() == NoticeState.核对中
                        ? "请先结束核对（截至 " + n.getOpenUntil() + "）再签发" : "还不能签发"));
            }
            Long newer = s.createQuery("select max(r.id) from AssessmentRun r where r.period = :p and r.state = 'done' "
                    + "and r.retiredAt is null", Long.class).setParameter("p", n.getPeriod()).getSingleResult();
            if (newer != null && newer > n.getRunId()) {
                throw new InputException(n.getPeriod() + " 有比" + label(n) + "所用运行 #" + n.getRunId() + " 更新的运行 #" + newer
                        + "；请先换用运行（或作废那次运行）再签发，免得漏掉之后的更正与申诉决定");
            }
            String no = blankToNull(number) != null ? number.strip() : meta(s, n.getRunId(), "文号");
            if (no == null) {
                throw new InputException("请填写文号，如 扶政办函〔2022〕2号（运行的通报信息里没有文号）");
            }
            LocalDate d = date;
            if (d == null) {
                String m = meta(s, n.getRunId(), "成文日期");
                LocalDateTime t = m == null ? null : DateTimes.parse(m, false);
                if (t == null) {
                    throw new InputException("请填写成文日期，如 2022-01-14（运行的通报信息里没有成文日期）");
                }
                d = t.toLocalDate();
            }
            n.setDocNumber(no);
            n.setDocDate(d);
            n.setSignedBy(by.name());
            n.setSignedAt(now());
            n.setState(NoticeState.已签发);
            return new String[]{"签发", "文号 " + no + "，成文日期 " + d + "，运行 #" + n.getRunId() + " 成为 " + n.getPeriod()
                    + " 的正式结果"};
        });
    }

    private interface Step {
        String[] apply(Session s, Notice n);
    }

    /** 读出通报、拒绝改动已签发或已作废的，做这一步并记一条事件。 */
    private Notice change(long noticeId, Actor by, Step step) {
        return db.inTransaction(s -> {
            Notice n = s.find(Notice.class, noticeId);
            if (n == null) {
                throw new InputException("没有编号为 " + noticeId + " 的通报");
            }
            if (n.isSigned()) {
                throw new InputException(label(n) + "已签发（" + n.getDocNumber() + "，" + n.getSignedBy() + "），不能再修改；"
                        + "签发后的改动请出更正通报");
            }
            if (n.getState() == NoticeState.已作废) {
                throw new InputException(label(n) + "已作废，不能再修改；请重新起草");
            }
            String[] done = step.apply(s, n);
            event(s, n, by, done[0], done[1]);
            return n;
        });
    }

    private static void requirePreparer(Actor by, String what) {
        if (!by.prepares()) {
            throw new InputException("账号“" + by.name() + "”不能" + what + "：只有经办账号可以" + what);
        }
    }

    static String label(Notice n) {
        return n.getPeriod() + " 的" + n.getKind() + " #" + n.getId();
    }

    private AssessmentRun usableRun(Session s, long runId) {
        AssessmentRun run = s.find(AssessmentRun.class, runId);
        if (run == null || !"done".equals(run.getState())) {
            throw new InputException("没有编号为 " + runId + " 的考核运行");
        }
        if (run.isRetired()) {
            throw new InputException("运行 #" + runId + " 已作废（" + run.getRetiredReason() + "），不能用来出通报");
        }
        return run;
    }

    private static List<Notice> ofPeriod(Session s, String period) {
        return s.createQuery("from Notice where period = :p order by id", Notice.class).setParameter("p", period).getResultList();
    }

    private static String meta(Session s, long runId, String field) {
        List<RunMeta> m = s.createQuery("from RunMeta where runId = :r and field = :f", RunMeta.class)
                .setParameter("r", runId).setParameter("f", field).getResultList();
        return m.isEmpty() ? null : blankToNull(m.get(0).getContent());
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void event(Session s, Notice n, Actor by, String action, String detail) {
        s.persist(new NoticeEvent(n.getId(), now(), by.name(), action, detail));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
