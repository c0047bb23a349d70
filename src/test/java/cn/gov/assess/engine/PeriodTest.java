package cn.gov.assess.engine;

import cn.gov.assess.facts.Period;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 考核期与截至时点：截至早于季末时，截至之后受理的工单不计入本期。 */
class PeriodTest {
    @Test
    void quarterBoundsAndWords() {
        Period p = Period.parse("2026-Q1");
        assertEquals("2026-01-01", p.start().toString());
        assertEquals("2026-03-31", p.end().toString());
        assertEquals("一季度", p.word());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2021-Q5"));
    }

    @Test
    void earlyCutoffLimitsWhichOrdersBelongToThePeriod() {
        Period q4 = Period.parse("2021-Q4");
        assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0), Assessor.receivedBefore(q4, LocalDateTime.of(2021, 12, 31, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2021, 12, 26, 0, 0), Assessor.receivedBefore(q4, LocalDateTime.of(2021, 12, 25, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0), Assessor.receivedBefore(q4, LocalDateTime.of(2022, 1, 10, 23, 59, 59)));
    }
}
