package cn.gov.assess.io;

import java.nio.charset.CharacterCodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 把 Apache Commons CSV 的英文错误译成中文，并指出真正出错的那一行（未闭合的引号从哪一行开始）。 */
final class CsvErrors {
    private static final Pattern EOF_IN_QUOTES = Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before encapsulated token finished");
    private static final Pattern BAD_CHAR = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: ([\\d,]+), position: ([\\d,]+)");
    private static final Pattern EOF_IN_ESCAPE = Pattern.compile("EOF while processing escape sequence");

    private CsvErrors() {
    }

    /** fallbackLine：解析器当时所在的行（从 1 起），消息里没有行号时用。 */
    static InputException translate(String fileName, Throwable e, long fallbackLine, String encoding) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return at(fileName, fallbackLine, " 行附近", "有不合 " + encoding + " 编码的字节，请把整个文件另存为“CSV UTF-8”");
            }
            String m = String.valueOf(t.getMessage());
            // Commons CSV 只在英文消息里给出行号与位置（没有取行号的方法）：按它的固定句式取出数字
            Matcher eof = EOF_IN_QUOTES.matcher(m);
            if (eof.find()) {
                return at(fileName, number(eof.group(1)), " 行", "这一行有一个英文双引号 \" 开始的单元格，"
                        + "到文件末尾都没有配对的结束引号。请检查这一行的引号（单元格内的引号要写成两个 \"\"）");
            }
            Matcher bad = BAD_CHAR.matcher(m);
            if (bad.find()) {
                long line = number(bad.group(1));
                long position = number(bad.group(2));
                return new InputException(Problem.at(fileName, (int) line, (int) position,
                        fileName + " 第 " + line + " 行第 " + position + " 个字符附近",
                        "引号括起的单元格在结束引号后还有其他文字。单元格内的引号要写成两个 \"\"，或者整个单元格不加引号"));
            }
            if (EOF_IN_ESCAPE.matcher(m).find()) {
                return at(fileName, fallbackLine, " 行", "文件在转义符号之后意外结束");
            }
        }
        return at(fileName, fallbackLine, " 行附近", "CSV 格式错误，无法按行列读取（请用 Excel 或 WPS 重新另存为 CSV）");
    }

    private static InputException at(String fileName, long line, String suffix, String text) {
        return new InputException(Problem.at(fileName, (int) line, null, fileName + " 第 " + line + suffix, text));
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}
