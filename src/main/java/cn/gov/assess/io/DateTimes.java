package cn.gov.assess.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 导出数据中的日期时间：2021-10-05、2021-10-05 14:30、2021-10-05 14:30:00、2021/10/5、2021/10/5 14:30 等。
 * 只有日期时，按用途取当天开始（受理、办结）或当天结束（办理时限）。
 */
public final class DateTimes {
    private static final Pattern P = Pattern.compile(
            "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?)?");

    private DateTimes() {
    }

    /** 解析失败返回 null。 */
    public static LocalDateTime parse(String text, boolean endOfDayIfDateOnly) {
        Matcher m = P.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            if (m.group(4) == null) {
                return endOfDayIfDateOnly ? LocalDateTime.of(y, mo, d, 23, 59, 59) : LocalDateTime.of(y, mo, d, 0, 0);
            }
            int s = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            return LocalDateTime.of(y, mo, d, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), s);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
