package cn.gov.assess.facts;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * 一次考核的全部结论（引擎的输出），尚未保存时 runId 为 null。所用的规则不在这里：保存与预演时由调用者一并给出。
 */
public record AssessmentResult(Period period, LocalDateTime cutoff, String dataFingerprint,
                               int orderCount, int assignmentCount, List<Tally> tallies,
                               Map<String, String> labels, List<ListEntry> lists,
                               List<Disqualification> disqualifications, Map<Long, UnitInfo> units,
                               List<CheckResult> checkRows, List<Note> notes, Map<String, String> meta,
                               List<Firing> firings, Long runId, long lastCorrection, List<Object> monitoringFacts,
                               List<Evaluation> evaluations, List<Placing> placings,
                               List<IndicatorValue> indicators) {

    /** 附件中单位的写法：该渠道记录里最常用的写法。 */
    public String label(String channel, Long unitId) {
        if (unitId == null) {
            return "合计";
        }
        String l = labels.get(channel + '\u0001' + unitId);
        return l != null ? l : units.get(unitId).getName();
    }

    /** 同一结论，记上保存后的运行编号。 */
    public AssessmentResult withRunId(Long id) {
        return new AssessmentResult(period, cutoff, dataFingerprint, orderCount, assignmentCount, tallies, labels, lists,
                disqualifications, units, checkRows, notes, meta, firings, id, lastCorrection, monitoringFacts,
                evaluations, placings, indicators);
    }
}
