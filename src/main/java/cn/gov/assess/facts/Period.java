package cn.gov.assess.facts;


import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 考核期：一个季度，如 2021-Q4。 */
public record Period(int year, int quarter) {
    private static final Pattern CODE = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final String[] QUARTER_WORDS = {"一季度", "二季度", "三季度", "四季度"};

    public static Period parse(String code) {
        Matcher m = CODE.matcher(code.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("考核期格式应为 年份-Q季度，如 2021-Q4，实际为：" + code);
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public String code() { return year + "-Q" + quarter; }
    public LocalDate start() { return LocalDate.of(year, quarter * 3 - 2, 1); }
    public LocalDate end() { return start().plusMonths(3).minusDays(1); }
    /** 正文用语，如“四季度”。 */
    public String word() { return QUARTER_WORDS[quarter - 1]; }
}
