package cn.gov.assess.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** 按列读一行中的值；读不出时把“文件 第 N 行第 M 列（列名）：…”记入错误清单并返回 null。 */
public final class Cells {
    private final CsvTable table;
    private final CsvTable.Row row;
    private final List<Problem> problems;

    public Cells(CsvTable table, CsvTable.Row row, List<Problem> problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    public String where(String col) {
        return table.fileName() + " 第 " + row.line() + " 行第 " + table.columnNumber(col) + " 列（" + col + "）";
    }

    /** 这一格的位置，带上格里的值。 */
    public Place at(String col) {
        return table.at(row, col);
    }

    public Place whereRow() {
        return table.at(row.line());
    }

    public void error(String col, String message) {
        problems.add(at(col).problem(message));
    }

    public String text(String col) {
        String v = table.get(row, col);
        if (v.isEmpty()) {
            error(col, col + "为空");
            return null;
        }
        return v;
    }

    public String optional(String col) {
        return table.has(col) ? table.get(row, col) : "";
    }

    public Integer count(String col) {
        String v = table.get(row, col);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // 下面统一报错
        }
        error(col, "“" + v + "”不是非负整数");
        return null;
    }

    public Boolean yesNo(String col) {
        String v = table.get(row, col);
        return switch (v) {
            case "是", "Y", "y", "1" -> true;
            case "否", "N", "n", "0" -> false;
            default -> {
                error(col, "“" + v + "”应为“是”或“否”");
                yield null;
            }
        };
    }

    public LocalDate date(String col, boolean required) {
        String v = table.get(row, col);
        if (v.isEmpty()) {
            if (required) {
                error(col, col + "为空");
            }
            return null;
        }
        LocalDateTime d = DateTimes.parse(v, false);
        if (d == null) {
            error(col, "无法识别的日期“" + v + "”（例如 2021-10-05 或 2021/10/5）");
            return null;
        }
        return d.toLocalDate();
    }
}
