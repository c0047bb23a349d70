package cn.gov.assess.io;

import java.util.regex.Pattern;

/**
 * 写给人看的表格单元格（CSV、Markdown 表格、Word 表格）防公式注入，按 OWASP “CSV Injection” 的建议：
 * 以 = + - @ 制表符 回车 开头的单元格前加一个单引号，Excel、WPS 打开时当作文字，不会当作公式执行。
 *
 * <p>整格是一个数（如 -3、-1.5、-12.5%）的不加：它不是公式，Excel 读作数值；只有这样的写法才放过，
 * “-1+cmd|…”之类仍会加引号。读回自己写的文件时用 {@link #plain(String)} 去掉加上的单引号。
 */
public final class SafeCell {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?");

    private SafeCell() {
    }

    /** 是否会被电子表格当作公式的开头。 */
    public static boolean dangerous(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        char c = v.charAt(0);
        if (c == '=' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        if (c == '+' || c == '-') {
            return !NUMBER.matcher(v).matches();
        }
        return false;
    }

    /** 写出时用：危险的开头前加单引号。 */
    public static String inert(String v) {
        return dangerous(v) ? "'" + v : v;
    }

    /** 读回时用：去掉 {@link #inert(String)} 加上的单引号。 */
    public static String plain(String v) {
        if (v != null && v.length() > 1 && v.charAt(0) == '\'' && dangerous(v.substring(1))) {
            return v.substring(1);
        }
        return v;
    }
}
