package cn.gov.assess.io;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DateTimesTest {
    @Test
    void canonicalAndOtherWritingsGiveTheSameTimes() {
        assertEquals(LocalDateTime.of(2021, 10, 5, 14, 30, 7), DateTimes.parse("2021-10-05 14:30:07", false));
        assertEquals(LocalDateTime.of(2021, 10, 5, 14, 30, 7), DateTimes.parse("2021/10/5 14:30:07", false));
        assertEquals(LocalDateTime.of(2021, 10, 5, 14, 30), DateTimes.parse("2021-10-05 14:30", true));
        assertEquals(LocalDateTime.of(2021, 10, 5, 14, 30), DateTimes.parse("2021-10-05T14:30", true));
        assertEquals(LocalDateTime.of(2021, 10, 5, 0, 0), DateTimes.parse("2021-10-05", false));
        assertEquals(LocalDateTime.of(2021, 10, 5, 23, 59, 59), DateTimes.parse("2021-10-05", true));
        assertEquals(LocalDateTime.of(2021, 10, 5, 23, 59, 59), DateTimes.parse("2021年10月5日", true));
        assertEquals(LocalDateTime.of(2021, 10, 5, 9, 0), DateTimes.parse(" 2021-10-05 09:00 ", false));
    }

    @Test
    void impossibleOrUnknownValuesAreRejected() {
        assertNull(DateTimes.parse("2021-13-05 10:00:00", false));
        assertNull(DateTimes.parse("2021-02-30", false));
        assertNull(DateTimes.parse("2021-10-05 24:00:00", false));
        assertNull(DateTimes.parse("2021-10-0a", false));
        assertNull(DateTimes.parse("下周一", false));
        assertNull(DateTimes.parse("", false));
    }
}
