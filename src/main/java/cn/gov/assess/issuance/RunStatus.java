package cn.gov.assess.issuance;

import cn.gov.assess.db.Database;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;

import java.util.List;
import java.util.Optional;

/**
 * 一次运行在它那一期的地位，每个页面、动词与下载都照它说明：本期已签发通报的运行（正式结果）、被取代的运行（写明正式结果是哪次）、
 * 本期通报（未签发）所用的运行，或工作运行。单位账号只能看核对中与已签发的通报所用的运行（{@link #visibleToUnits}）。
 */
public record RunStatus(Kind kind, long runId, String period, Notice notice, Notice official) {
    public enum Kind { 正式结果, 已被取代, 通报所用, 工作运行 }

    /** 由这一期的全部通报（按编号）判断。 */
    public static RunStatus of(long runId, String period, List<Notice> ofPeriod) {
        Notice official = ofPeriod.stream().filter(Notice::isSigned).reduce((a, b) -> b).orElse(null);
        Notice own = null;
        for (Notice n : ofPeriod) {
            if (n.getRunId() == runId && n.getState() != NoticeState.已作废) {
                own = n;
            }
        }
        Kind kind;
        if (official != null && official.getRunId() == runId) {
            kind = Kind.正式结果;
        } else if (own != null && !own.isSigned()) {
            kind = Kind.通报所用;
        } else if (official != null && runId < official.getRunId()) {
            kind = Kind.已被取代;
        } else {
            kind = Kind.工作运行;
        }
        return new RunStatus(kind, runId, period, own, official);
    }

    public static RunStatus of(Database db, long runId, String period) {
        return of(runId, period, new Notices(db).ofPeriod(period));
    }

    public static RunStatus of(Database db, AssessmentRun run) {
        return of(db, run.getId(), run.getPeriod().code());
    }

    /**
     * 没有指定运行时（explain、report、reconcile）用哪一次：最近一次未作废运行那一期的正式结果；那一期还没有签发时就是
     * 最近一次运行本身（工作运行）。没有运行时为 null。
     */
    public static Long defaultRunId(Database db) {
        RunStore store = new RunStore(db);
        Long latest = store.latestRunId();
        if (latest == null) {
            return null;
        }
        String period = store.runs().stream().filter(r -> r.getId().equals(latest)).findFirst().orElseThrow().getPeriod().code();
        Optional<Long> official = new Notices(db).officialRunId(period);
        return official.orElse(latest);
    }

    /** 单位账号能否看这次运行：它是本期核对中或已签发的通报（含更正通报）所用的运行。 */
    public static boolean visibleToUnits(long runId, List<Notice> ofPeriod) {
        return ofPeriod.stream().anyMatch(n -> n.getRunId() == runId && n.getState().visibleToUnits());
    }

    public boolean visibleToUnits(List<Notice> ofPeriod) {
        return visibleToUnits(runId, ofPeriod);
    }

    /** 一句话说明，如“运行 #3 是 2021-Q4 的正式结果：已签发的通报 #1（扶政办函〔2022〕2号）”。 */
    public String text() {
        String run = "运行 #" + runId;
        return switch (kind) {
            case 正式结果 -> run + " 是 " + period + " 的正式结果：" + signed(official);
            case 已被取代 -> run + " 已被取代：" + period + " 的正式结果是运行 #" + official.getRunId() + "（" + signed(official) + "）";
            case 通报所用 -> run + " 是 " + period + " " + notice.getKind() + " #" + notice.getId() + "（" + state(notice) + "）所用的运行，尚未签发"
                    + (official == null ? "" : "；本期的正式结果仍是运行 #" + official.getRunId());
            case 工作运行 -> run + " 是工作运行，不是正式结果：" + (official != null
                    ? period + " 的正式结果是运行 #" + official.getRunId() + "（" + signed(official) + "）"
                    : period + " 还没有签发的通报");
        };
    }

    private static String signed(Notice n) {
        return "已签发的" + n.getKind() + " #" + n.getId() + "，" + n.getDocNumber() + "，" + n.getDocDate() + "，" + n.getSignedBy() + " 签发";
    }

    static String state(Notice n) {
        return n.getState() == NoticeState.核对中 ? "核对中，截至 " + n.getOpenUntil() : n.getState().name();
    }
}
