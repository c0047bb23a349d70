package cn.gov.assess.io;

/**
 * 文件里的一个位置（行、列不知道时为 null）与它给人看的写法 where，如“a.csv 第 3 行第 2 列（受理时间）”；
 * value 是这一格的取值（有时）。{@link #problem} 在这里记一处错误；{@link #toString()} 是 where，可以照旧拼进句子。
 */
public record Place(String file, Integer row, Integer column, String columnName, String value, String where) {
    /** 整行。 */
    public static Place row(String file, int row, String where) {
        return new Place(file, row, null, null, null, where);
    }

    /** 同一格，带上取值。 */
    public Place value(String v) {
        return new Place(file, row, column, columnName, v, where);
    }

    public Problem problem(String text) {
        return new Problem(file, row, column, null, text, columnName, value, where);
    }

    @Override
    public String toString() {
        return where;
    }
}
