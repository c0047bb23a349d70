package cn.gov.assess.policy;

import cn.gov.assess.facts.Parameters;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 读参数表 rules/thresholds.csv 并逐格检查（列齐全、参数名不空不重、值合其类型）。 */
public final class ParameterTable {
    private ParameterTable() {
    }

    public static Parameters parse(byte[] bytes) {
        CsvTable t = CsvTable.parse("rules/" + Parameters.FILE, bytes);
        List<Problem> problems = new ArrayList<>();
        for (String col : List.of("参数", "渠道", "值")) {
            if (!t.has(col)) {
                problems.add(rule(t.at(1), "缺少列“" + col + "”"));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            String key = t.get(row, "参数");
            String channel = t.get(row, "渠道");
            String value = t.get(row, "值");
            if (key.isEmpty()) {
                problems.add(rule(t.at(row, "参数"), "参数名为空"));
                continue;
            }
            String prev = values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(channel, value);
            if (prev != null) {
                problems.add(rule(t.at(row.line()), "参数“" + key + "”"
                        + (channel.isEmpty() ? "" : "（渠道 " + channel + "）") + "重复"));
            }
            if (key.equals(Tally.SATISFIED_PARAMETER)) {
                listOf(problems, t, row, value, Tally.SURVEY_ANSWERS, "不是回访结果");
            }
            if (key.equals(ListOrder.PARAMETER)) {
                listOf(problems, t, row, value, ListOrder.KEYS, "不是名单成员的比较项");
            }
            if (t.has("说明")) {
                descriptions.putIfAbsent(key, t.get(row, "说明"));
            }
            if (t.has("类型")) {
                String type = t.get(row, "类型");
                Place where = t.at(row, "值");
                switch (type) {
                    case "整数" -> {
                        try {
                            Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            problems.add(rule(where, "“" + value + "”不是整数（参数“" + key + "”的类型是整数）"));
                        }
                    }
                    case "是否" -> {
                        if (!value.equals("是") && !value.equals("否")) {
                            problems.add(rule(where, "“" + value + "”应为“是”或“否”（参数“" + key + "”）"));
                        }
                    }
                    case "文本", "列表", "" -> {
                        // 任意文字
                    }
                    default -> problems.add(rule(t.at(row, "类型"), "未知类型“" + type + "”，应为 整数、是否、文本 或 列表"));
                }
                types.putIfAbsent(key, type);
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return Parameters.of(values, descriptions, types);
    }

    /** 列表型参数的每一项须是 allowed 之一。 */
    private static void listOf(List<Problem> problems, CsvTable t, CsvTable.Row row, String value, List<String> allowed,
                               String what) {
        for (String a : value.split("[、;；,，]")) {
            if (!a.isBlank() && !allowed.contains(a.strip())) {
                problems.add(rule(t.at(row, "值"), "“" + a.strip() + "”" + what + "，可填 " + String.join("、", allowed)));
            }
        }
    }

    private static Problem rule(Place at, String text) {
        return at.problem(text).inRule("rules/" + Parameters.FILE);
    }
}
