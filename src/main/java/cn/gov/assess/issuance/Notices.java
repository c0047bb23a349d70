package cn.gov.assess.issuance;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Rows;

import java.util.List;
import java.util.Optional;

/**
 * 读通报记录。一期可以有多份（草稿被作废重起、更正通报），本期的“通报”是 kind = 通报 中编号最大的那份；
 * 本期的正式结果是已签发的通报（及其后已签发的更正通报）所用的运行。
 */
public final class Notices {
    private final Database db;

    public Notices(Database db) {
        this.db = db;
    }

    /** 一期的全部通报与更正通报，按编号。 */
    public List<Notice> ofPeriod(String period) {
        return db.read(c -> Rows.list(c, Notice.class, "where period = ? order by id", period));
    }

    /** 一期的通报（不含更正通报）；没有时为空。 */
    public Optional<Notice> noticeOf(String period) {
        List<Notice> all = ofPeriod(period);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (Notice.NOTICE.equals(all.get(i).getKind())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** 一份通报（或更正通报）；没有时为空。 */
    public Optional<Notice> get(long id) {
        List<Notice> found = db.read(c -> Rows.list(c, Notice.class, "where id = ?", id));
        return found.stream().findFirst();
    }

    /** 全部通报与更正通报，新的考核期在前。 */
    public List<Notice> all() {
        return db.read(c -> Rows.list(c, Notice.class, "order by period desc, id"));
    }

    /** 一份通报的每一步，按时间先后。 */
    public List<NoticeEvent> events(long noticeId) {
        return db.read(c -> Rows.list(c, NoticeEvent.class, "where notice_id = ? order by id", noticeId));
    }

    /** 一期还在进行（未签发、未作废）的通报或更正通报；没有时为空。 */
    public Optional<Notice> pendingOf(String period) {
        return ofPeriod(period).stream().filter(n -> n.getState() != NoticeState.已签发 && n.getState() != NoticeState.已作废)
                .reduce((a, b) -> b);
    }

    /** 一期最后一份已签发的通报或更正通报（正式结果所在的那份）；没有时为空。 */
    public Optional<Notice> officialOf(String period) {
        return ofPeriod(period).stream().filter(Notice::isSigned).reduce((a, b) -> b);
    }

    /** 一期的正式结果所用的运行：最后一份已签发的通报或更正通报的运行；还没有签发时为空。 */
    public Optional<Long> officialRunId(String period) {
        List<Notice> all = ofPeriod(period);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).isSigned()) {
                return Optional.of(all.get(i).getRunId());
            }
        }
        return Optional.empty();
    }
}
