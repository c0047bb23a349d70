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

    /**
     * 不建对象的纪元秒与 java.time 自己算的结果逐个相同（parse 对这三种写法也走 epochSecond，所以对照的是 LocalDateTime.of，
     * 不是 parse）：合法的与不合法的（月末、闰年、24 点、60 分）都对照。
     */
    @Test
    void epochSecondsAgreeWithParseOnEveryCanonicalValue() {
        java.util.Random random = new java.util.Random(7);
        int checked = 0;
        for (int k = 0; k < 200_000; k++) {
            int y = random.nextInt(3) == 0 ? 1600 + random.nextInt(900) : 1999 + random.nextInt(30);
            int mo = random.nextInt(14);
            int d = random.nextInt(33);
            int h = random.nextInt(25);
            int mi = random.nextInt(61);
            int sec = random.nextInt(61);
            String text = String.format("%04d-%02d-%02d", y, mo, d);
            int form = random.nextInt(3);
            if (form > 0) {
                text += String.format("%s%02d:%02d", random.nextBoolean() ? " " : "T", h, mi);
            }
            if (form > 1) {
                text += String.format(":%02d", sec);
            }
            for (boolean endOfDay : new boolean[]{false, true}) {
                LocalDateTime slow;
                try {
                    slow = form == 0 ? (endOfDay ? LocalDateTime.of(y, mo, d, 23, 59, 59) : LocalDateTime.of(y, mo, d, 0, 0))
                            : LocalDateTime.of(y, mo, d, h, mi, form > 1 ? sec : 0);
                } catch (java.time.DateTimeException e) {
                    slow = null;
                }
                long fast = DateTimes.epochSecond(text, endOfDay);
                if (slow == null) {
                    assertEquals(DateTimes.NOT_CANONICAL, fast, text);
                    assertNull(DateTimes.parse(text, endOfDay), text);
                } else {
                    assertEquals(slow.toEpochSecond(java.time.ZoneOffset.UTC), fast, text);
                    assertEquals(slow, DateTimes.parse(text, endOfDay), text);
                    checked++;
                }
            }
        }
        assertEquals(DateTimes.epochSecond("2024-02-29", true), LocalDateTime.of(2024, 2, 29, 23, 59, 59)
                .toEpochSecond(java.time.ZoneOffset.UTC));
        assertEquals(DateTimes.NOT_CANONICAL, DateTimes.epochSecond("2023-02-29", false));
        assertEquals(DateTimes.NOT_CANONICAL, DateTimes.epochSecond("2021/10/5 14:30:07", false));
        assertEquals(DateTimes.NOT_CANONICAL, DateTimes.epochSecond("2021-10-05 14:30:07.5", false));
        org.junit.jupiter.api.Assertions.assertTrue(checked > 50_000, "合法值太少：" + checked);
    }
}
