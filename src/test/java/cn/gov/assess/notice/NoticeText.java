package cn.gov.assess.notice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 把 notice.txt（制表符分列）或 通报.md 化成可比较的行：去掉 Markdown 标记与全部空白，回行（以“，”结尾）接回上一行，
 * 表格行写成“表|格|格…”，分页重复的表头只留第一个。
 */
final class NoticeText {
    static final String ROW = "表|";

    private NoticeText() {
    }

    static List<String> canonical(String text) {
        List<String> out = new ArrayList<>();
        List<String> header = null;
        boolean inTable = false;
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.matches("-{3,}")) {
                continue;
            }
            List<String> cells = null;
            if (line.startsWith("|") && line.endsWith("|")) {
                if (line.matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
                    continue;
                }
                cells = Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1))
                        .map(NoticeText::unescape).toList();
            } else if (raw.contains("\t")) {
                cells = List.of(raw.split("\t", -1));
            }
            if (cells != null) {
                List<String> norm = cells.stream().map(NoticeText::squash).toList();
                if (inTable && norm.equals(header)) {
                    continue;
                }
                if (!inTable) {
                    header = norm;
                    inTable = true;
                }
                out.add(ROW + String.join("|", norm));
                continue;
            }
            inTable = false;
            String s = squash(unmark(line));
            if (s.isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && !out.get(last).startsWith(ROW) && out.get(last).endsWith("，")) {
                out.set(last, out.get(last) + s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** 只要文字行（不含表格行）。 */
    static List<String> textLines(List<String> canonical) {
        return canonical.stream().filter(l -> !l.startsWith(ROW)).toList();
    }

    static String unmark(String line) {
        String s = line.replaceFirst("^#{1,6}\\s+", "").replaceFirst("^[-*+]\\s+", "");
        if (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1);
        }
        return unescape(s);
    }

    static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    static String squash(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    /** 把 from 换成 to，且 from 必须恰好出现在一行里一次：已发布文本变了时立刻失败。 */
    static void replaceOnce(List<String> lines, String from, String to) {
        int hits = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int at = l.indexOf(from);
            if (at >= 0) {
                hits += l.indexOf(from, at + 1) >= 0 ? 2 : 1;
                lines.set(i, l.replace(from, to));
            }
        }
        assertEquals(1, hits, "应恰好出现一次：" + from);
    }

    /** 某个附件表（标签如“附件2”）除表头与“合计”行外按第一格排序，用于只比较行内容、不比较行序。 */
    static void sortAnnexRows(List<String> lines, String label) {
        int at = lines.indexOf(label);
        if (at < 0) {
            fail("没有“" + label + "”");
        }
        int header = at;
        while (header < lines.size() && !lines.get(header).startsWith(ROW)) {
            header++;
        }
        int end = header + 1;
        while (end < lines.size() && lines.get(end).startsWith(ROW) && !lines.get(end).startsWith(ROW + "合计|")) {
            end++;
        }
        lines.subList(header + 1, end).sort(Comparator.naturalOrder());
    }

    /** 逐行比较，失败时指出第一处不同及其前后文。 */
    static void assertSameLines(List<String> expected, List<String> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(what + "：第 " + (i + 1) + " 行不同\n  应为：" + expected.get(i) + "\n  实为：" + actual.get(i)
                        + "\n  前一行：" + (i > 0 ? expected.get(i - 1) : "（无）"));
            }
        }
        assertEquals(expected.size(), actual.size(), what + "：行数不同；多出的行："
                + (expected.size() > n ? expected.subList(n, expected.size()) : actual.subList(n, actual.size())));
    }
}
