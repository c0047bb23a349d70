package cn.gov.assess.rules;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 参数表 rules/thresholds.csv：每行一个参数（参数, 渠道, 值, 说明）。
 * 渠道为空的行是所有渠道的默认值，填了渠道的行只对该渠道生效。规则通过本类读数。
 */
public final class Parameters {
    public static final String FILE = "thresholds.csv";
    private static final String ALL = "";

    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    public static Parameters parse(byte[] bytes) {
        CsvTable t = CsvTable.parse("rules/" + FILE, bytes);
        List<String> problems = new ArrayList<>();
        for (String col : List.of("参数", "渠道", "值")) {
            if (!t.has(col)) {
                problems.add("rules/" + FILE + " 第 1 行：缺少列“" + col + "”");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        Parameters p = new Parameters();
        for (CsvTable.Row row : t.rows()) {
            String key = t.get(row, "参数");
            String channel = t.get(row, "渠道");
            String value = t.get(row, "值");
            if (key.isEmpty()) {
                problems.add("rules/" + FILE + " 第 " + row.line() + " 行第 " + t.columnNumber("参数") + " 列（参数）：参数名为空");
                continue;
            }
            String prev = p.values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(channel, value);
            if (prev != null) {
                problems.add("rules/" + FILE + " 第 " + row.line() + " 行：参数“" + key + "”"
                        + (channel.isEmpty() ? "" : "（渠道 " + channel + "）") + "重复");
            }
            if (t.has("说明")) {
                p.descriptions.putIfAbsent(key, t.get(row, "说明"));
            }
            if (t.has("类型")) {
                String type = t.get(row, "类型");
                String where = "rules/" + FILE + " 第 " + row.line() + " 行第 " + t.columnNumber("值") + " 列（值）";
                switch (type) {
                    case "整数" -> {
                        try {
                            Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            problems.add(where + "：“" + value + "”不是整数（参数“" + key + "”的类型是整数）");
                        }
                    }
                    case "是否" -> {
                        if (!value.equals("是") && !value.equals("否")) {
                            problems.add(where + "：“" + value + "”应为“是”或“否”（参数“" + key + "”）");
                        }
                    }
                    case "文本", "列表", "" -> {
                        // 任意文字
                    }
                    default -> problems.add("rules/" + FILE + " 第 " + row.line() + " 行第 " + t.columnNumber("类型")
                            + " 列（类型）：未知类型“" + type + "”，应为 整数、是否、文本 或 列表");
                }
                p.types.putIfAbsent(key, type);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return p;
    }

    public String text(String key, String channel) {
        Map<String, String> byChannel = values.get(key);
        if (byChannel == null) {
            throw new IllegalStateException("参数表 rules/" + FILE + " 中没有参数“" + key + "”，请添加一行：" + key + ",," + "值,说明");
        }
        String v = channel == null ? null : byChannel.get(channel);
        if (v == null) {
            v = byChannel.get(ALL);
        }
        if (v == null) {
            throw new IllegalStateException("参数表 rules/" + FILE + " 中参数“" + key + "”没有渠道“" + channel
                    + "”的值，也没有渠道为空的默认值");
        }
        return v;
    }

    public int number(String key) { return number(key, null); }

    public int number(String key, String channel) {
        String v = text(key, channel);
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("参数表 rules/" + FILE + " 中参数“" + key + "”的值“" + v + "”不是整数");
        }
    }

    public boolean flag(String key) { return flag(key, null); }

    public boolean flag(String key, String channel) {
        String v = text(key, channel).strip();
        return switch (v) {
            case "是", "true", "TRUE", "1", "Y", "y" -> true;
            case "否", "false", "FALSE", "0", "N", "n", "" -> false;
            default -> throw new IllegalStateException("参数表 rules/" + FILE + " 中参数“" + key + "”的值“" + v + "”应为“是”或“否”");
        };
    }

    /** 以“、”或“;”分隔的取值列表。 */
    public List<String> list(String key) {
        return Arrays.stream(text(key, null).split("[、;；,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean contains(String key, String value) { return list(key).contains(value); }

    public Map<String, Map<String, String>> all() { return values; }

    public String description(String key) { return descriptions.getOrDefault(key, ""); }

    public String type(String key) { return types.getOrDefault(key, ""); }

    public boolean has(String key) { return values.containsKey(key); }
}
