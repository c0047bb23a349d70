package cn.gov.assess.workorder;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 派单导出里的可选列（签收、回访满意度、退回次数、重办）的取值校验。只存类别与计数。 */
final class OptionalFields {
    /** 满意度的四个类别；空表示导出里这一条没有回访数据。 */
    static final List<String> SATISFACTION = List.of("满意", "基本满意", "不满意", "未回访");

    private OptionalFields() {
    }

    static String satisfaction(String v, java.util.function.Supplier<cn.gov.assess.io.Place> where, List<cn.gov.assess.io.Problem> problems) {
        if (v.isEmpty()) {
            return null;
        }
        if (SATISFACTION.contains(v)) {
            return v;
        }
        problems.add(where.get().value(v).problem("满意度“" + v + "”无法识别，可填：" + String.join("、", SATISFACTION) + "（或留空）"));
        return null;
    }

    static Integer count(String v, java.util.function.Supplier<cn.gov.assess.io.Place> where, List<cn.gov.assess.io.Problem> problems) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // 下面报错
        }
        problems.add(where.get().value(v).problem("“" + v + "”不是非负整数"));
        return null;
    }

    static Boolean yesNo(String v, java.util.function.Supplier<cn.gov.assess.io.Place> where, List<cn.gov.assess.io.Problem> problems) {
        return switch (v.toUpperCase()) {
            case "" -> null;
            case "是", "Y", "1", "TRUE", "重办" -> true;
            case "否", "N", "0", "FALSE" -> false;
            default -> {
                problems.add(where.get().value(v).problem("“" + v + "”应为“是”或“否”"));
                yield null;
            }
        };
    }

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** 冲突信息里的值：日期时间写成 2021-10-05 14:30:00，空写成“（空）”。 */
    static String show(Object v) {
        if (v == null) {
            return "（空）";
        }
        if (v instanceof LocalDateTime t) {
            return t.format(SHOW);
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return v.toString();
    }
}
