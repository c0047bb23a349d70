package cn.gov.assess.engine;

import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.UnitInfo;

import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * 一次考核的输入（引擎不读库）：单位、监测事实（按栏目、网站监测、账号、新媒体监测、访谈的顺序）及其写法、通报信息、
 * 最后一条更正，以及按工单编号顺序流式给出的转办（一页一页地读，不全部放进内存）。
 *
 * @param monitoringLabels 范围（政府网站 / 政务新媒体 / 在线访谈）+ '\u0001' + 单位 → 记录中的写法
 * @param assignmentTotal  本期转办数（只在要显示进度时才数，要多扫一遍）
 * @param pages            各页转办，同一工单的转办相邻，工单编号不减
 */
public record PeriodInput(Period period, LocalDateTime cutoff, Map<Long, UnitInfo> units, List<Object> monitoringFacts,
                          Map<String, String> monitoringLabels, Map<String, String> meta, long lastCorrection,
                          LongSupplier assignmentTotal, Iterator<List<AssignmentRow>> pages) {
}
