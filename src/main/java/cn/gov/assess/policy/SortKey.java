package cn.gov.assess.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * 规则表里“排序”“附件行序”一格的一项：`综合得分 从高到低`、`按期办结率 从低到高`（不写方向为从低到高）或 `官方顺序`。
 * 附件表、渠道附件与名次共用这一种写法与比较：无从计算的取值（比率的分母为 0）算最低。
 */
public record SortKey(String field, boolean descending) {
    public static final String OFFICIAL = "官方顺序";

    public static SortKey parse(String text) {
        String t = text.strip();
        boolean desc = t.endsWith("从高到低");
        String field = t.replaceAll("\\s*(从高到低|从低到高)$", "").strip();
        return new SortKey(field, desc);
    }

    public static List<SortKey> parse(List<String> texts) {
        List<SortKey> out = new ArrayList<>();
        texts.forEach(t -> out.add(parse(t)));
        return out;
    }

    public boolean official() {
        return field.equals(OFFICIAL);
    }

    /** 两个取值的先后（null 算最低）。 */
    public int compare(BigDecimal x, BigDecimal y) {
        int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
        return descending ? -c : c;
    }

    /** 按各项依次比较（“官方顺序”一项不参与，由调用者最后接上官方顺序）。 */
    public static <T> Comparator<T> comparator(List<SortKey> keys, BiFunction<T, String, BigDecimal> value) {
        Comparator<T> c = (a, b) -> 0;
        for (SortKey k : keys) {
            if (!k.official()) {
                c = c.thenComparing((a, b) -> k.compare(value.apply(a, k.field()), value.apply(b, k.field())));
            }
        }
        return c;
    }
}
