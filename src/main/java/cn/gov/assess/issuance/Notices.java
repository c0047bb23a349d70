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
