package cn.gov.assess.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** 比较符：规则表、DRL 与理由里的 =、≠、≥、>、≤、<（及其别的写法）与中文读法，全程序只此一处。 */
public enum Comparison {
    EQUAL("=", "等于", "=="),
    NOT_EQUAL("≠", "不等于", "!=", "<>"),
    AT_LEAST("≥", "不低于", ">="),
    ABOVE(">", "高于"),
    AT_MOST("≤", "不高于", "<="),
    BELOW("<", "低于");

    private final String symbol;
    private final String word;
    private final List<String> spellings;

    Comparison(String symbol, String word, String... aliases) {
        this.symbol = symbol;
        this.word = word;
        this.spellings = java.util.stream.Stream.concat(java.util.stream.Stream.of(symbol), Arrays.stream(aliases)).toList();
    }

    /** 规范写法（理由与报告里印的）。 */
    public String symbol() { return symbol; }

    /** 中文读法，如“不低于”。 */
    public String word() { return word; }

    /** 可用的比较符，供报错：“=、≠、≥、>、≤、<”。 */
    public static String symbols() {
        return String.join("、", Arrays.stream(values()).map(Comparison::symbol).toList());
    }

    /** 是否认得这个写法（不去空白，与表格单元格原样比）。 */
    public static boolean known(String op) {
        return op != null && Arrays.stream(values()).anyMatch(c -> c.spellings.contains(op));
    }

    /** 按写法取比较符（前后空白不计）；不认识时 IllegalArgumentException。 */
    public static Comparison parse(String op) {
        String s = op.strip();
        for (Comparison c : values()) {
            if (c.spellings.contains(s)) {
                return c;
            }
        }
        throw new InvalidValueException("未知的比较符“" + op + "”，可用 " + symbols());
    }

    /** compareTo 的结果是否满足比较。 */
    public boolean holds(int c) {
        return switch (this) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case AT_LEAST -> c >= 0;
            case ABOVE -> c > 0;
            case AT_MOST -> c <= 0;
            case BELOW -> c < 0;
        };
    }

    /** 十进制比较；任一边无值时不成立。 */
    public boolean test(BigDecimal value, BigDecimal threshold) {
        return value != null && threshold != null && holds(value.compareTo(threshold));
    }
}
