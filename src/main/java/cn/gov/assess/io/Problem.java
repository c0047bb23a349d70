package cn.gov.assess.io;

/**
 * 一处错误，位置是数据：文件、行、列号（从 1 起）与列名（不知道时为 null；Excel 的工作表名只写在 where 里），出在规则里时 rule 写明规则文件或规则名；
 * value 是出错的取值（有时）；text 是说明。{@link #message()} 是给人看的整句：where（位置的写法，各来源自有格式，
 * 如“a.csv 第 3 行第 2 列（受理时间）”或“b.xlsx 工作表“明细” 第 3 行 F 列（承办单位）”）加“：”加说明。
 */
public record Problem(String file, Integer row, Integer column, String rule, String text, String columnName, String value,
                      String where) {
    public Problem {
        text = text == null ? "" : text;
        where = where == null ? "" : where;
    }

    /** 没有位置的一句话。 */
    public static Problem of(String message) {
        return new Problem(null, null, null, null, message, null, null, "");
    }

    /** 整个文件的问题：“文件：说明”。 */
    public static Problem inFile(String file, String text) {
        return new Problem(file, null, null, null, text, null, null, file);
    }

    /** 文件里某处（行、列不知道时为 null）的问题；where 是这个位置的写法。 */
    public static Problem at(String file, Integer row, Integer column, String where, String text) {
        return new Problem(file, row, column, null, text, null, null, where);
    }

    /** 规则目录里的问题：rule 是规则文件或规则名；行、列不知道时为 null。 */
    public static Problem inRule(String rule, Integer row, Integer column, String where, String text) {
        return new Problem(rule, row, column, rule, text, null, null, where);
    }

    /** 同一处，标明出在规则里（rule 为规则文件或规则名）。 */
    public Problem inRule(String rule) {
        return new Problem(file, row, column, rule, text, columnName, value, where);
    }

    /** 文件名里的一段换成另一段（如网页上传时服务器上的临时目录去掉），文件、位置写法与说明里都换。 */
    public Problem renamed(String from, String to) {
        return new Problem(file == null ? null : file.replace(from, to), row, column, rule, text.replace(from, to),
                columnName, value, where.replace(from, to));
    }

    /** 给人看的整句：位置“：”说明；没有位置时只有说明。 */
    public String message() {
        return where.isEmpty() ? text : where + "：" + text;
    }

    @Override
    public String toString() {
        return message();
    }
}
