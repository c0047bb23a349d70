package cn.gov.assess.web;

import cn.gov.assess.assessment.Preview.Mark;
import cn.gov.assess.assessment.Preview.NoticeLine;
import cn.gov.assess.assessment.Preview.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 把预览里逐行比较过的通报全文（通报.md 的行，带增删标记）排成文档的块：标题、段落（行尾 \ 是段内换行）、表格（表头与分隔行
 * 认出来，分隔行不显示；增删按单元格标出）、另起一页的分隔线。Markdown 的转义（\* \| 等）还原成原字，页面上不见 Markdown 记号。
 */
public final class NoticePreview {
    private static final Pattern HEADING = Pattern.compile("(#{1,3}) ");
    private static final Pattern SEPARATOR = Pattern.compile("\\|(\\s*:?-{3,}:?\\s*\\|)+");
    private static final Pattern RULE = Pattern.compile("(-{3,}|\\*{3,}|_{3,})");

    private NoticePreview() {
    }

    /** 文档的一块。kind：h（level 为 1–3）、p、table、page（另起一页）；css 是整块新增、删去或有改动时的样式名。 */
    public record Block(String kind, int level, String css, List<List<Segment>> lines, List<Row> rows) {
    }

    /** 表格的一行：表头或数据行；cells 每格是带标记的几段字。 */
    public record Row(boolean header, String css, List<List<Segment>> cells) {
        public List<String> cellCss() {
            return cells.stream().map(NoticePreview::css).toList();
        }
    }

    static List<Block> blocks(List<NoticeLine> lines) {
        List<Block> out = new ArrayList<>();
        List<List<Segment>> para = null;
        List<Row> table = null;
        boolean continued = false;
        for (NoticeLine line : lines) {
            List<Segment> segs = new ArrayList<>(line.segments());
            String text = text(segs).strip();
            boolean breakAfter = endsWithBreak(segs);
            if (breakAfter) {
                trimBreak(segs);
            }
            if (text.startsWith("|")) {
                para = null;
                if (table == null) {
                    table = new ArrayList<>();
                    out.add(new Block("table", 0, "", List.of(), table));
                }
                if (SEPARATOR.matcher(text).matches()) {
                    if (!table.isEmpty()) {
                        Row last = table.remove(table.size() - 1);
                        table.add(new Row(true, last.css(), last.cells()));
                    }
                    continue;
                }
                table.add(new Row(false, css(segs), cells(segs)));
                continue;
            }
            table = null;
            if (text.isEmpty()) {
                para = null;
                continued = false;
                continue;
            }
            if (RULE.matcher(text).matches()) {
                para = null;
                out.add(new Block("page", 0, css(segs), List.of(), List.of()));
                continue;
            }
            var h = HEADING.matcher(text);
            if (h.lookingAt()) {
                para = null;
                out.add(new Block("h", h.group(1).length(), css(segs), List.of(unescape(dropPrefix(segs, h.group().length()))), List.of()));
                continue;
            }
            if (para == null || !continued) {
                para = new ArrayList<>();
                out.add(new Block("p", 0, "", para, List.of()));
            }
            para.add(unescape(segs));
            continued = breakAfter;
        }
        // 段落的样式：各行都是新增（删去）时整段标出，否则有改动时标为改动
        List<Block> styled = new ArrayList<>(out.size());
        for (Block b : out) {
            styled.add(b.kind().equals("p") ? new Block("p", 0, css(b.lines().stream().flatMap(List::stream).toList()), b.lines(), b.rows()) : b);
        }
        return styled;
    }

    private static String text(List<Segment> segs) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segs) {
            if (!s.deleted()) {
                sb.append(s.text());
            }
        }
        // 整行删去的行按删去前的字认
        return sb.isEmpty() ? segs.stream().map(Segment::text).reduce("", String::concat) : sb.toString();
    }

    private static boolean endsWithBreak(List<Segment> segs) {
        for (int i = segs.size() - 1; i >= 0; i--) {
            String t = segs.get(i).text().stripTrailing();
            if (!t.isEmpty()) {
                return t.endsWith("\\") && !t.endsWith("\\\\");
            }
        }
        return false;
    }

    private static void trimBreak(List<Segment> segs) {
        for (int i = segs.size() - 1; i >= 0; i--) {
            Segment s = segs.get(i);
            String t = s.text().stripTrailing();
            if (!t.isEmpty()) {
                String rest = t.substring(0, t.length() - 1);
                if (rest.isEmpty()) {
                    segs.remove(i);
                } else {
                    segs.set(i, new Segment(s.mark(), rest));
                }
                return;
            }
        }
    }

    /** 去掉行首的几个字（如“## ”），跨段时逐段去。 */
    private static List<Segment> dropPrefix(List<Segment> segs, int n) {
        List<Segment> out = new ArrayList<>();
        int left = n;
        for (Segment s : segs) {
            if (left > 0 && !s.deleted()) {
                int cut = Math.min(left, s.text().length());
                left -= cut;
                if (cut < s.text().length()) {
                    out.add(new Segment(s.mark(), s.text().substring(cut)));
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** 按没转义的 | 切成单元格（首尾的 | 不算），每格去掉首尾空白并还原转义。 */
    private static List<List<Segment>> cells(List<Segment> segs) {
        List<List<Segment>> cells = new ArrayList<>();
        List<Segment> cell = new ArrayList<>();
        for (Segment s : segs) {
            String t = s.text();
            int from = 0;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '|' && (i == 0 || t.charAt(i - 1) != '\\')) {
                    if (i > from) {
                        cell.add(new Segment(s.mark(), t.substring(from, i)));
                    }
                    cells.add(cell);
                    cell = new ArrayList<>();
                    from = i + 1;
                }
            }
            if (from < t.length()) {
                cell.add(new Segment(s.mark(), t.substring(from)));
            }
        }
        cells.add(cell);
        if (!cells.isEmpty() && text(cells.get(0)).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && text(cells.get(cells.size() - 1)).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        List<List<Segment>> out = new ArrayList<>();
        for (List<Segment> c : cells) {
            out.add(unescape(strip(c)));
        }
        return out;
    }

    private static List<Segment> strip(List<Segment> segs) {
        List<Segment> out = new ArrayList<>(segs);
        while (!out.isEmpty() && out.get(0).text().isBlank()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text().isBlank()) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty()) {
            Segment first = out.get(0);
            out.set(0, new Segment(first.mark(), first.text().stripLeading()));
            Segment last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Segment(last.mark(), last.text().stripTrailing()));
        }
        return out;
    }

    /** Markdown 的反斜杠转义还原成原字（\* → *）。 */
    private static List<Segment> unescape(List<Segment> segs) {
        List<Segment> out = new ArrayList<>(segs.size());
        for (Segment s : segs) {
            String t = s.text().replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1");
            if (!t.isEmpty()) {
                out.add(new Segment(s.mark(), t));
            }
        }
        return out;
    }

    private static String css(List<Segment> segs) {
        boolean ins = false;
        boolean del = false;
        boolean same = false;
        for (Segment s : segs) {
            if (s.text().isBlank()) {
                continue;
            }
            if (s.mark() == Mark.INSERTED) {
                ins = true;
            } else if (s.mark() == Mark.DELETED) {
                del = true;
            } else {
                same = true;
            }
        }
        if (!same && ins && !del) {
            return "line-ins";
        }
        if (!same && del && !ins) {
            return "line-del";
        }
        return ins || del ? "line-changed" : "";
    }
}
