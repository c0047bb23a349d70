package cn.gov.assess.policy;

import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Parameters;

import java.util.Comparator;
import java.util.List;

/**
 * 名单内成员的先后，取自参数“名单成员顺序”：依次按 分组（参数“名单分组顺序”里的先后，不在其中的殿后）、名次（小的在前）、
 * 数量（多的在前）、官方顺序（单位表的排序）比较，写几项比几项。没有这一参数的规则目录（本参数之前的规则与运行快照）按
 * {@link #STANDARD}，即当时写在程序里的四项全比，旧运行的名单顺序因此不变。最后总按单位编号，使顺序唯一。
 */
public final class ListOrder {
    public static final String PARAMETER = "名单成员顺序";
    public static final List<String> STANDARD = List.of("分组", "名次", "数量", "官方顺序");
    /** 可用的比较项。 */
    public static final List<String> KEYS = STANDARD;

    private ListOrder() {
    }

    /** 参数表写的比较项（没有这一参数时为 {@link #STANDARD}）。 */
    public static List<String> keys(Parameters p) {
        return p != null && p.has(PARAMETER) && !p.list(PARAMETER).isEmpty() ? p.list(PARAMETER) : STANDARD;
    }

    /** 按 keys 依次比较；groups 为单位分组的先后（不分组排名的名单给空表，分组一项就不起作用）。 */
    public static Comparator<ListEntry> comparator(List<String> groups, List<String> keys) {
        Comparator<ListEntry> c = (a, b) -> 0;
        for (String k : keys) {
            c = switch (k) {
                case "分组" -> c.thenComparingInt(e -> {
                    int i = groups.indexOf(e.getGroup());
                    return i < 0 ? groups.size() : i;
                });
                case "名次" -> c.thenComparingInt(ListEntry::getRank);
                case "数量" -> c.thenComparing(Comparator.comparingInt(ListEntry::getVolume).reversed());
                case "官方顺序" -> c.thenComparingInt(ListEntry::getSortOrder);
                default -> throw new cn.gov.assess.facts.InvalidValueException("参数“" + PARAMETER + "”里的“" + k + "”不认识，可用："
                        + String.join("、", KEYS));
            };
        }
        return c.thenComparingLong(ListEntry::getUnitId);
    }
}
