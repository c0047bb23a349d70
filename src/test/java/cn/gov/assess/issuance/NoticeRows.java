package cn.gov.assess.issuance;

import cn.gov.assess.db.Database;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** 测试用：直接写一份通报记录（核对中、截止日），或改它的状态，不经通报流程（那是 h2 的 NoticeFlow）。 */
public final class NoticeRows {
    private NoticeRows() {
    }

    /** 一期的通报，核对中，截至 openUntil（当天仍可申诉）。 */
    public static long open(Database db, String period, long runId, LocalDate openUntil) {
        return db.sessions().fromStatelessTransaction(s -> {
            Notice n = new Notice(period, Notice.NOTICE, null, runId, "测试经办", LocalDateTime.now().withNano(0));
            n.setState(NoticeState.核对中);
            n.setOpenUntil(openUntil);
            s.insert(n);
            return n.getId();
        });
    }

    public static void state(Database db, long noticeId, NoticeState state) {
        db.sessions().inStatelessTransaction(s -> {
            Notice n = s.get(Notice.class, noticeId);
            n.setState(state);
            s.update(n);
        });
    }

    /** 改核对截止日（模拟截止日已过或延长）。 */
    public static void until(Database db, long noticeId, LocalDate openUntil) {
        db.sessions().inStatelessTransaction(s -> {
            Notice n = s.get(Notice.class, noticeId);
            n.setOpenUntil(openUntil);
            s.update(n);
        });
    }
}
