package cn.gov.assess.engine;

import java.time.LocalDateTime;

/** 一条转办连同它的工单，已应用更正：引擎的输入，由它建立转办与工单事实。excluded 是核减的说明（没有核减为 null）。 */
public record AssignmentRow(long assignmentId, long orderId, String channel, String orderNo, LocalDateTime receivedAt,
                            long unitId, String unitSpelling, LocalDateTime deadline, LocalDateTime completedAt,
                            LocalDateTime signedAt, LocalDateTime signDeadline, String satisfaction, Integer returnCount,
                            Boolean reopened, String excluded) {
}
