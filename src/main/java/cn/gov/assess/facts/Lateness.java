package cn.gov.assess.facts;


import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** 逾期天数：从办理时限所在日到办结（或截止）所在日的日历天数，不少于规则给出的最少天数（参数“逾期天数.最少”）。 */
public final class Lateness {
    private Lateness() {
    }

    public static int days(LocalDateTime deadline, LocalDateTime at, int minimum) {
        long d = ChronoUnit.DAYS.between(deadline.toLocalDate(), at.toLocalDate());
        return (int) Math.max(minimum, d);
    }
}
