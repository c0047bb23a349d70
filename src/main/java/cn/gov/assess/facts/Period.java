package cn.gov.assess.facts;


import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 考核期：一个月（2026-03）、一个季度（2021-Q4）、半年（2026-H1）或全年（2026）。
 * {@link #code()} 是保存在数据库里的写法（最长 7 个字符）；{@link #word()} 是通报正文的用语（三月份、四季度、上半年、全年）。
 * 自然顺序按结束日期，结束日期相同的短的在前（2026-03、2026-Q1，…、2026-12、2026-Q4、2026-H2、2026）。
 */
public record Period(int year, Kind kind, int number) implements Comparable<Period> {

    /** 考核期的种类：正文里的“期”字写法、所含月数、number 的上限。 */
    public enum Kind {
        MONTH("月", 1), QUARTER("季度", 3), HALF_YEAR("半年", 6), YEAR("年", 12);

        private final String label;
        private final int months;

        Kind(String label, int months) {
            this.label = label;
            this.months = months;
        }

        /** 月、季度、半年、年。 */
        public String label() { return label; }
        public int months() { return months; }
        int count() { return 12 / months; }
    }

    /** 可用的写法，出错时原样告诉工作人员。 */
    public static final String ACCEPTED_FORMS =
            "月 2026-03（或 2026年3月、2026年三月份）、季度 2026-Q1（或 2026年一季度）、半年 2026-H1 / 2026-H2（或 2026上半年、2026下半年）、全年 2026（或 2026年、2026全年）";

    private static final String[] MONTH_WORDS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final String[] QUARTER_WORDS = {"一季度", "二季度", "三季度", "四季度"};
    private static final String[] HALF_WORDS = {"上半年", "下半年"};

    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年|年度|年?全年)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[-/.]?[Qq](\\d+)");
    private static final Pattern QUARTER_CN = Pattern.compile("(\\d{4})年?第?([一二三四1-4])季度");
    private static final Pattern HALF = Pattern.compile("(\\d{4})[-/.]?[Hh](\\d+)");
    private static final Pattern HALF_CN = Pattern.compile("(\\d{4})年?([上下])半年");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern MONTH_CN = Pattern.compile("(\\d{4})年(\\d{1,2})月份?");
    private static final Pattern MONTH_CN_WORD = Pattern.compile("(\\d{4})年?(十一|十二|[一二三四五六七八九十])月份?");

    /** 先按结束日期，再按开始日期从晚到早（同一天结束时短的考核期在前）。 */
    private static final Comparator<Period> ORDER = Comparator.comparing(Period::end)
            .thenComparing(Period::start, Comparator.reverseOrder());

    public Period {
        if (kind == null) {
            throw new InvalidValueException("考核期种类为空");
        }
        if (number < 1 || number > kind.count()) {
            throw new InvalidValueException("考核期“" + year + "”的" + kind.label() + "序号 " + number + " 超出范围");
        }
    }

    /** 旧写法：一个季度。 */
    public Period(int year, int quarter) {
        this(year, Kind.QUARTER, quarter);
    }

    public static Period month(int year, int month) { return new Period(year, Kind.MONTH, month); }
    public static Period quarter(int year, int quarter) { return new Period(year, Kind.QUARTER, quarter); }
    public static Period halfYear(int year, int half) { return new Period(year, Kind.HALF_YEAR, half); }
    public static Period ofYear(int year) { return new Period(year, Kind.YEAR, 1); }

    /**
     * 读考核期的写法（见 {@link #ACCEPTED_FORMS}）；全角数字与字母、首尾与中间的空格都可以。
     * 写错时抛出 IllegalArgumentException，信息是中文：哪里不对，以及可用的写法。
     */
    public static Period parse(String code) {
        String raw = code == null ? "" : code;
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        if (s.isEmpty()) {
            throw bad(raw, "没有填写考核期");
        }
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.YEAR, 1);
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.QUARTER, inRange(raw, m.group(2), 4, "季度应为 Q1–Q4"));
        }
        if ((m = QUARTER_CN.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.QUARTER, "一二三四1234".indexOf(m.group(2)) % 4 + 1);
        }
        if ((m = HALF.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.HALF_YEAR,
                    inRange(raw, m.group(2), 2, "半年应为 H1（上半年）或 H2（下半年）"));
        }
        if ((m = HALF_CN.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.HALF_YEAR, m.group(2).equals("上") ? 1 : 2);
        }
        if ((m = MONTH.matcher(s)).matches() || (m = MONTH_CN.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.MONTH, inRange(raw, m.group(2), 12, "月份应为 01–12"));
        }
        if ((m = MONTH_CN_WORD.matcher(s)).matches()) {
            return new Period(year(raw, m.group(1)), Kind.MONTH, List.of(MONTH_WORDS).indexOf(m.group(2)) + 1);
        }
        throw bad(raw, "无法识别");
    }

    private static int year(String raw, String digits) {
        int y = Integer.parseInt(digits);
        if (y < 1990 || y > 2100) {
            throw bad(raw, "年份应在 1990–2100 之间");
        }
        return y;
    }

    private static int inRange(String raw, String digits, int max, String rule) {
        int n = digits.length() > 3 ? -1 : Integer.parseInt(digits);
        if (n < 1 || n > max) {
            throw bad(raw, rule);
        }
        return n;
    }

    private static IllegalArgumentException bad(String raw, String why) {
        return new InvalidValueException("考核期“" + raw + "”" + (why.startsWith("没有") ? "：" + why : "写得不对：" + why)
                + "。可用的写法：" + ACCEPTED_FORMS);
    }

    /** 保存与显示用的写法：2026-03、2021-Q4、2026-H1、2026。 */
    public String code() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, number);
            case QUARTER -> year + "-Q" + number;
            case HALF_YEAR -> year + "-H" + number;
            case YEAR -> String.valueOf(year);
        };
    }

    public LocalDate start() { return LocalDate.of(year, (number - 1) * kind.months() + 1, 1); }
    public LocalDate end() { return start().plusMonths(kind.months()).minusDays(1); }

    /** 默认的截至时点：考核期最后一天 23:59:59。 */
    public LocalDateTime defaultCutoff() { return end().atTime(23, 59, 59); }

    /** 本期受理的上界（不含）：考核期结束，或更早的截至时点（截至之后受理的工单不计入）。 */
    public LocalDateTime receivedBefore(LocalDateTime cutoff) {
        LocalDateTime end = end().plusDays(1).atStartOfDay();
        LocalDateTime afterCutoff = cutoff.plusSeconds(1);
        return afterCutoff.isBefore(end) ? afterCutoff : end;
    }

    /** 考核期包含的各月，按先后。 */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start()); !m.atDay(1).isAfter(end()); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** 正文用语：三月份、四季度、上半年、下半年、全年。 */
    public String word() {
        return switch (kind) {
            case MONTH -> MONTH_WORDS[number - 1] + "月份";
            case QUARTER -> QUARTER_WORDS[number - 1];
            case HALF_YEAR -> HALF_WORDS[number - 1];
            case YEAR -> "全年";
        };
    }

    /** 带年份的称呼：2026年三月份、2021年四季度、2026年上半年、2026年全年。 */
    public String title() {
        return year + "年" + word();
    }

    /**
     * 附件标题等文字中的占位：{期} 与旧写法 {季度} 都换成正文用语（三月份、四季度…）。
     * 旧的规则快照只写 {季度}，季度考核的结果与以前逐字相同。
     */
    public static String fill(String text, String word) {
        return text == null ? null : text.replace("{期}", word).replace("{季度}", word);
    }

    public String fill(String text) {
        return fill(text, word());
    }

    /**
     * 正文与全文模板里与考核期有关的变量。{@code quarter} 是旧模板用的名字（旧运行的规则快照里还在用），
     * 内容与 {@code periodWord} 相同，季度考核时就是“四季度”这样的写法，与以前逐字相同。
     */
    public Map<String, Object> templateVariables() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("quarter", word());
        m.put("periodWord", word());
        m.put("periodKind", kind.label());
        m.put("periodCode", code());
        m.put("periodStart", start());
        m.put("periodEnd", end());
        m.put("periodMonths", months().stream().map(YearMonth::getMonthValue).toList());
        return m;
    }

    @Override
    public int compareTo(Period o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return code();
    }
}
