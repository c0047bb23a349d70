package cn.gov.assess.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 表格编辑页的列说明：取自这一版规则目录自己的 README.md（标题里写着 `表名.csv` 的那一节）——“| 列 | 填什么 |”表里每列一句，
 * 以及那一节开头的一段话。说明跟着规则版本走，Java 里不写任何列的意思。
 */
final class ColumnHelp {
    /** columns：列名 → 说明；intro：那一节的第一段（没有时为空）。 */
    record Help(Map<String, String> columns, String intro) {
    }

    private ColumnHelp() {
    }

    static Help of(String readme, String path) {
        Map<String, String> columns = new LinkedHashMap<>();
        StringBuilder intro = new StringBuilder();
        if (readme == null) {
            return new Help(columns, "");
        }
        String name = "`" + path.substring(path.lastIndexOf('/') + 1) + "`";
        boolean in = false;
        boolean table = false;
        boolean code = false;
        boolean introDone = false;
        for (String raw : readme.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                in = line.contains(name);
                table = false;
                continue;
            }
            if (!in) {
                continue;
            }
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (cells.size() >= 2 && cells.get(0).equals("列")) {
                    table = true;
                } else if (table && cells.size() >= 2 && !cells.get(0).matches("-+")) {
                    for (String col : cells.get(0).split("、")) {
                        columns.putIfAbsent(plain(col).replace("`", ""), plain(cells.get(1)));
                    }
                }
                introDone = true;
                continue;
            }
            table = false;
            if (!introDone) {
                if (line.isEmpty()) {
                    introDone = intro.length() > 0;
                } else {
                    intro.append(plain(line));
                }
            }
        }
        return new Help(columns, intro.toString());
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.replaceAll("^\\|", "").replaceAll("\\|$", "").split("\\|")) {
            out.add(c.strip());
        }
        return out;
    }

    /** 去掉 Markdown 的 ** 记号；` 留着，页面把其间的字按代码显示（悬停提示里去掉）。 */
    private static String plain(String s) {
        return s.replace("**", "").strip();
    }

    /** 每列文本框的宽度样式：按这一列最长的格（短列窄、长列如“说明”宽）。 */
    static List<String> widths(List<String> header, List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int max = header.get(c).length();
            for (List<String> r : rows) {
                if (c < r.size()) {
                    max = Math.max(max, r.get(c).length());
                }
            }
            out.add(max <= 4 ? "cell-s" : max <= 14 ? "cell-m" : max <= 40 ? "cell-l" : "cell-xl");
        }
        return out;
    }

    /** 一行大约放几个字（与 app.css 里 cell-* 的宽度相配），模板按它算文本框的行数，长的格一眼看全。 */
    static List<Integer> perLine(List<String> widths) {
        return widths.stream().map(w -> switch (w) {
            case "cell-s" -> 3;
            case "cell-m" -> 6;
            case "cell-l" -> 10;
            default -> 16;
        }).toList();
    }
}
