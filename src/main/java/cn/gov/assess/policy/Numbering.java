package cn.gov.assess.policy;

import cn.gov.assess.facts.Parameters;

import cn.gov.assess.io.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 附件序号与正文章节：渠道配置、参数表（政府网站、政务新媒体附件与“监测”章节）与附件表里写了的照写（“钉住”），
 * 留空的按顺序（先渠道、后附件表）取最小的空号。两处钉在同一个号上是错，报出两处。
 * 一次运行没有产生的附件与章节（没有监测数据时的政府网站、政务新媒体附件与“监测”一节，设了“无工单时省略”而本期没有
 * 工单的渠道）不占号：其余的按上面的结果依次前移，号码连续（{@link #of(String, Map, Parameters, List, Set)}）。
 */
public record Numbering(Map<String, Integer> annexes, Map<String, String> sections) {
    public static final String WEBSITE = "网站";
    public static final String MEDIA = "新媒体";
    public static final String MONITORING = "监测";

    public static String channelKey(String channel) {
        return "渠道:" + channel;
    }

    public static String annexKey(String annex) {
        return "附件:" + annex;
    }

    public int annex(String key) {
        Integer n = annexes.get(key);
        return n == null ? 0 : n;
    }

    public String section(String key) {
        return sections.getOrDefault(key, "");
    }

    static Numbering of(String folder, Map<String, ChannelConfig> channels, Parameters parameters,
                        List<PolicyTables.Annex> tableAnnexes) {
        return of(folder, channels, parameters, tableAnnexes, Set.of());
    }

    /**
     * 同上，absent 里的键（{@link #channelKey}、{@link #WEBSITE}、{@link #MEDIA}、{@link #MONITORING}）是这次运行没有产生的
     * 附件与章节：先照常编号（撞号照样报错），再去掉它们，其余按号码先后重新编为 1、2、3……与一、二、三……
     * absent 为空时与不去掉时完全相同（写了的号照写，包括中间留空的号）。
     */
    static Numbering of(String folder, Map<String, ChannelConfig> channels, Parameters parameters,
                        List<PolicyTables.Annex> tableAnnexes, Set<String> absent) {
        Numbering all = assign(folder, channels, parameters, tableAnnexes);
        if (absent.isEmpty()) {
            return all;
        }
        Map<String, Integer> annexes = new LinkedHashMap<>();
        all.annexes().entrySet().stream().filter(e -> !absent.contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue()).forEach(e -> annexes.put(e.getKey(), annexes.size() + 1));
        Map<String, String> sections = new LinkedHashMap<>();
        all.sections().entrySet().stream().filter(e -> !absent.contains(e.getKey()))
                .sorted(java.util.Comparator.comparingInt(e -> value(e.getValue())))
                .forEach(e -> sections.put(e.getKey(), numeral(sections.size() + 1)));
        return new Numbering(annexes, sections);
    }

    private static Numbering assign(String folder, Map<String, ChannelConfig> channels, Parameters parameters,
                                    List<PolicyTables.Annex> tableAnnexes) {
        String f = folder.endsWith("/") ? folder : folder + "/";
        List<String> problems = new ArrayList<>();
        Map<Integer, String> annexOwner = new LinkedHashMap<>();
        Map<String, Integer> annexes = new LinkedHashMap<>();
        List<String> unpinned = new ArrayList<>();
        for (ChannelConfig c : channels.values()) {
            pin(annexOwner, annexes, unpinned, channelKey(c.name()), c.annexNo(),
                    f + ChannelConfig.FILE + " 渠道“" + c.name() + "”的附件序号", problems);
        }
        if (parameters != null) {
            for (String[] m : new String[][]{{WEBSITE, "网站.附件序号"}, {MEDIA, "新媒体.附件序号"}}) {
                if (parameters.has(m[1])) {
                    pin(annexOwner, annexes, unpinned, m[0], parameters.number(m[1]),
                            f + Parameters.FILE + " 参数“" + m[1] + "”", problems);
                }
            }
        }
        for (PolicyTables.Annex a : tableAnnexes) {
            pin(annexOwner, annexes, unpinned, annexKey(a.name()), a.no(),
                    f + PolicyTables.ANNEXES + " 第 " + a.line() + " 行附件“" + a.name() + "”的序号", problems);
        }
        int next = 1;
        for (String key : unpinned) {
            while (annexOwner.containsKey(next)) {
                next++;
            }
            annexOwner.put(next, key);
            annexes.put(key, next);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        Map<Integer, String> sectionOwner = new LinkedHashMap<>();
        List<String> openSections = new ArrayList<>();
        for (ChannelConfig c : channels.values()) {
            pinSection(sectionOwner, sections, openSections, channelKey(c.name()), c.section(),
                    f + ChannelConfig.FILE + " 渠道“" + c.name() + "”的正文章节", problems);
        }
        if (parameters != null && parameters.has("监测.正文章节")) {
            pinSection(sectionOwner, sections, openSections, MONITORING, parameters.text("监测.正文章节", null),
                    f + Parameters.FILE + " 参数“监测.正文章节”", problems);
        }
        int nextSection = 1;
        for (String key : openSections) {
            while (sectionOwner.containsKey(nextSection)) {
                nextSection++;
            }
            sectionOwner.put(nextSection, key);
            sections.put(key, numeral(nextSection));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Numbering(annexes, sections);
    }

    private static void pin(Map<Integer, String> owner, Map<String, Integer> out, List<String> unpinned, String key, int no,
                            String where, List<String> problems) {
        if (no <= 0) {
            unpinned.add(key);
            return;
        }
        String prev = owner.putIfAbsent(no, where);
        if (prev != null) {
            problems.add(where + "：附件 " + no + " 已由" + prev + "使用；两个附件不能同号。留空可自动编号");
            return;
        }
        out.put(key, no);
    }

    private static void pinSection(Map<Integer, String> owner, Map<String, String> out, List<String> open, String key,
                                   String word, String where, List<String> problems) {
        if (word == null || word.isBlank()) {
            open.add(key);
            return;
        }
        int n = value(word.strip());
        if (n <= 0) {
            problems.add(where + "：“" + word + "”不是中文序数（一、二、三……），或留空自动编号");
            return;
        }
        String prev = owner.putIfAbsent(n, where);
        if (prev != null) {
            problems.add(where + "：正文章节“" + word.strip() + "、”已由" + prev + "使用；两节不能同号。留空可自动编号");
            return;
        }
        out.put(key, word.strip());
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /** 1 → 一，10 → 十，11 → 十一，20 → 二十，99 → 九十九。 */
    public static String numeral(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }

    /** 中文序数的值；不是序数为 0。 */
    public static int value(String word) {
        for (int i = 1; i < 100; i++) {
            if (numeral(i).equals(word)) {
                return i;
            }
        }
        return 0;
    }
}
