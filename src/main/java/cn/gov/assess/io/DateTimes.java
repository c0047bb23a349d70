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

    /**
     * 导出里最常见的写法 2021-10-05 14:30:00、2021-10-05 14:30、2021-10-05 按位置直接取数字（导入千万行时正则占读取线程的四分之一）；
     * 其他写法或不合法的值返回 null，交给正则。
     */
    private static LocalDateTime canonical(String t, boolean endOfDay) {
        long s = epochSecond(t, endOfDay);
        return s == NOT_CANONICAL ? null : LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC);
    }

    /** {@link #epochSecond} 的返回值：不是最常见的三种写法之一（或不是合法的日期时间），请改用 {@link #parse}。 */
    public static final long NOT_CANONICAL = Long.MIN_VALUE + 1;
    private static final long DAYS_0000_TO_1970 = 719_528L;

    /**
     * 与 {@link #parse} 对最常见的三种写法（2021-10-05 14:30:00、2021-10-05 14:30、2021-10-05）结果相同，但直接给出
     * UTC 纪元秒，不建对象（导入千万行时每行三到五个时间）。其他写法与不合法的值返回 {@link #NOT_CANONICAL}。
     */
    public static long epochSecond(String t, boolean endOfDay) {
        int n = t.length();
        if ((n != 10 && n != 16 && n != 19) || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return NOT_CANONICAL;
        }
        int y = digits(t, 0, 4);
        int mo = digits(t, 5, 2);
        int d = digits(t, 8, 2);
        int h = 0;
        int mi = 0;
        int sec = 0;
        if (n > 10) {
            char sep = t.charAt(10);
            if ((sep != ' ' && sep != 'T') || t.charAt(13) != ':' || (n == 19 && t.charAt(16) != ':')) {
                return NOT_CANONICAL;
            }
            h = digits(t, 11, 2);
            mi = digits(t, 14, 2);
            sec = n == 19 ? digits(t, 17, 2) : 0;
        } else if (endOfDay) {
            h = 23;
            mi = 59;
            sec = 59;
        }
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > lengthOfMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59
                || sec < 0 || sec > 59) {
            return NOT_CANONICAL;
        }
        return epochDay(y, mo, d) * 86_400L + h * 3600L + mi * 60L + sec;
    }

    private static boolean leap(long y) {
        return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> leap(y) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** 与 LocalDate.toEpochDay 相同的算法（年份 0–9999）。 */
    private static long epochDay(long y, long m, long d) {
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400 + (367 * m - 362) / 12 + d - 1;
        if (m > 2) {
            total--;
            if (!leap(y)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int digits(String t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 解析失败返回 null。 */
    public static LocalDateTime parse(String text, boolean endOfDayIfDateOnly) {
        LocalDateTime fast = canonical(text, endOfDayIfDateOnly);
        if (fast != null) {
            return fast;
        }
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

    /**
     * Excel 的日期序号（1900 日期系统）：导出成 CSV 或单元格不是日期格式时，日期会变成 44470.3903 这样的数。
     * 只认 1990 年到 2100 年之间的序号（32874–73051），工单号之类的大数不会被当成日期。只有整数时按日期处理。
     */
    public static LocalDateTime excelSerial(String text, boolean endOfDayIfDateOnly) {
        String t = text.strip();
        if (t.isEmpty() || !t.matches("\\d{5}(\\.\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        if (d < 32874 || d > 73051) {
            return null;
        }
        LocalDateTime dt = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(d, false, true);
        if (d == Math.floor(d) && endOfDayIfDateOnly) {
            return dt.withHour(23).withMinute(59).withSecond(59);
        }
        return dt;
    }
}
