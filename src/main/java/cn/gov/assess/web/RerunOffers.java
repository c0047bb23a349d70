package cn.gov.assess.web;

import cn.gov.assess.correction.Corrections;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.NoticeState;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.run.AssessmentRun;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 更正或申诉决定之后“重新考核”哪一期：列出包含这些工单的每一个考核期（月、季、半年、全年都算），本期通报在核对中或已签发的在前，
 * 由经办自己选，不按最近一次运行去猜。每期沿用它的通报所用的运行（没有通报时是该期最近一次未作废的运行）的截至时间。
 */
final class RerunOffers {
    /** 一个可选的考核期：沿用的运行（run）、它的截至时间（cutoff）与本期通报的状态（notice，没有通报时为空串）。 */

    private RerunOffers() {
    }

    static List<Map<String, Object>> of(WebServer web, io.javalin.http.Context ctx, List<Corrections.OrderView> orders) {
        Map<String, AssessmentRun> latest = new LinkedHashMap<>();
        Map<Long, AssessmentRun> byId = new LinkedHashMap<>();
        for (AssessmentRun r : web.results(ctx).runs()) {
            byId.put(r.getId(), r);
            if (!r.isRetired() && contains(r, orders)) {
                latest.put(r.getPeriod().code(), r); // 按编号，后面的覆盖前面的：最近一次
            }
        }
        Notices notices = new Notices(web.db(ctx));
        record Ranked(int rank, AssessmentRun base, String notice) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (AssessmentRun r : latest.values()) {
            String period = r.getPeriod().code();
            Notice n = notices.pendingOf(period).or(() -> notices.officialOf(period)).orElse(null);
            AssessmentRun base = r;
            if (n != null && byId.containsKey(n.getRunId()) && !byId.get(n.getRunId()).isRetired()) {
                base = byId.get(n.getRunId());
            }
            boolean open = n != null && (n.getState() == NoticeState.核对中 || n.isSigned());
            String text = n == null ? "" : n.getKind() + " #" + n.getId() + " " + n.getState()
                    + (n.getState() == NoticeState.核对中 ? "（截至 " + n.getOpenUntil() + "）" : "");
            ranked.add(new Ranked(open ? 0 : n != null ? 1 : 2, base, text));
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(x -> -x.base().getId()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ranked x : ranked) {
            out.add(Map.of("run", x.base().getId(), "period", x.base().getPeriod().code(), "cutoff", Corrections.show(x.base().getCutoff()),
                    "notice", x.notice()));
        }
        return out;
    }

    private static boolean contains(AssessmentRun run, List<Corrections.OrderView> orders) {
        for (Corrections.OrderView o : orders) {
            LocalDate d = o.receivedDate();
            if (!d.isBefore(run.getPeriod().start()) && !d.isAfter(run.getPeriod().end()) && !d.isAfter(run.getCutoff().toLocalDate())) {
                return true;
            }
        }
        return false;
    }
}
