package cn.gov.assess.notice;

import cn.gov.assess.io.SafeCell;

import java.util.List;
import java.util.regex.Pattern;

/** 把 NoticeDocument 写成 Markdown（通报.md）：标题用 #，附件前用分隔线表示另起一页，每个附件是一张表。 */
public final class MarkdownWriter {
    /** 行首这些写法会被 Markdown 当成标题、列表、引用等，要转义。 */
    private static final Pattern BLOCK_START = Pattern.compile("^(#{1,6}(\\s|$)|>|[-+*](\\s|$)|\\d{1,9}[.)](\\s|$)|```|~~~|=+$|_{3,})");
    private static final Pattern ORDERED = Pattern.compile("^(\\d{1,9})([.)])");

    private MarkdownWriter() {
    }

    public static String write(NoticeDocument doc) {
        StringBuilder out = new StringBuilder();
        boolean afterBody = false;
        for (NoticeDocument.Block b : doc.blocks()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (b instanceof NoticeDocument.Annex a) {
                annex(out, a);
                afterBody = true;
                continue;
            }
            NoticeDocument.Text t = (NoticeDocument.Text) b;
            switch (t.kind()) {
                case TITLE -> out.append("# ").append(inline(t.joined(" "))).append('\n');
                case HEADING1 -> out.append("## ").append(inline(t.joined(" "))).append('\n');
                case HEADING2 -> out.append("### ").append(inline(t.joined(" "))).append('\n');
                case ANNEX_LIST -> lines(out, t.lines(), "\\\n");
                case CC -> {
                    if (afterBody) {
                        out.append("---\n\n");
                    }
                    out.append(paragraph(t.joined(""))).append('\n');
                }
                case PRINTED -> lines(out, t.lines(), "\n\n");
                default -> lines(out, t.lines(), "\n\n");
            }
        }
        return out.toString();
    }

    private static void annex(StringBuilder out, NoticeDocument.Annex a) {
        out.append("---\n\n").append(paragraph(a.label())).append("\n\n");
        out.append("## ").append(inline(a.title())).append("\n\n");
        for (String n : a.notes()) {
            out.append(paragraph(n)).append("\n\n");
        }
        out.append(row(a.header()));
        StringBuilder sep = new StringBuilder("|");
        a.header().forEach(h -> sep.append(" --- |"));
        out.append(sep).append('\n');
        for (List<String> r : a.rows()) {
            out.append(row(r));
        }
    }

    private static String row(List<String> cells) {
        StringBuilder s = new StringBuilder("|");
        for (String c : cells) {
            s.append(' ').append(inline(SafeCell.inert(c)).replace("|", "\\|")).append(" |");
        }
        return s.append('\n').toString();
    }

    /** 换行连接（separator 为 "\\\n"）时后几行是段内续行，只有“1.”这类能打断段落的写法才转义。 */
    private static void lines(StringBuilder out, List<String> lines, String separator) {
        boolean continuation = !separator.startsWith("\n");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(paragraph(lines.get(i), continuation && i > 0));
        }
        out.append('\n');
    }

    private static String paragraph(String text) {
        return paragraph(text, false);
    }

    private static String paragraph(String text, boolean continuation) {
        String s = inline(text);
        var ordered = ORDERED.matcher(s);
        if (continuation && ordered.find() && !ordered.group(1).equals("1")) {
            return s;
        }
        if (BLOCK_START.matcher(s).find()) {
            var m = ORDERED.matcher(s);
            return m.find() ? m.group(1) + "\\" + s.substring(m.group(1).length()) : "\\" + s;
        }
        return s;
    }

    /** 文中的 * _ ` [ ] < \ 会被当作格式，转义成原字。 */
    private static String inline(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\*_`[]<".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
