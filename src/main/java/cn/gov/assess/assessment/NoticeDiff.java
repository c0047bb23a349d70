package cn.gov.assess.assessment;

import cn.gov.assess.assessment.Preview.Mark;
import cn.gov.assess.assessment.Preview.NoticeLine;
import cn.gov.assess.assessment.Preview.Segment;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/** 两份通报全文的比较：逐行，连续的改动行再逐字（中文一字一个），标出增删。 */
final class NoticeDiff {
    private NoticeDiff() {
    }

    /**
     * 逐行比较两份全文；连续的改动行再逐字比较，行内标出增删。未变的行照原样列出，所以结果就是带标记的草稿全文
     * （删去的行也在其中）。
     */
    static List<NoticeLine> lines(String base, String draft) {
        List<String> a = split(base);
        List<String> b = split(draft);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<NoticeLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int si = d.getSource().getPosition();
            while (i < si) {
                out.add(new NoticeLine(i + 1, j + 1, List.of(new Segment(Mark.SAME, a.get(i)))));
                i++;
                j++;
            }
            List<String> src = d.getSource().getLines();
            List<String> tgt = d.getTarget().getLines();
            switch (d.getType()) {
                case DELETE -> src.forEach(l -> out.add(new NoticeLine(0, 0, List.of(new Segment(Mark.DELETED, l)))));
                case INSERT -> tgt.forEach(l -> out.add(new NoticeLine(0, 0, List.of(new Segment(Mark.INSERTED, l)))));
                default -> out.addAll(inline(src, tgt));
            }
            i += src.size();
            j += tgt.size();
        }
        while (i < a.size()) {
            out.add(new NoticeLine(i + 1, j + 1, List.of(new Segment(Mark.SAME, a.get(i)))));
            i++;
            j++;
        }
        return out;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** 几行改成几行：逐字比较（按字符，中文一字一个），再按换行切回各行。 */
    private static List<NoticeLine> inline(List<String> src, List<String> tgt) {
        List<String> x = chars(String.join("\n", src));
        List<String> y = chars(String.join("\n", tgt));
        Patch<String> patch = DiffUtils.diff(x, y);
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int si = d.getSource().getPosition();
            if (i < si) {
                segments.add(new Segment(Mark.SAME, String.join("", x.subList(i, si))));
            }
            if (!d.getSource().getLines().isEmpty()) {
                segments.add(new Segment(Mark.DELETED, String.join("", d.getSource().getLines())));
            }
            if (!d.getTarget().getLines().isEmpty()) {
                segments.add(new Segment(Mark.INSERTED, String.join("", d.getTarget().getLines())));
            }
            i = si + d.getSource().size();
        }
        if (i < x.size()) {
            segments.add(new Segment(Mark.SAME, String.join("", x.subList(i, x.size()))));
        }
        // 按换行切成行
        List<NoticeLine> out = new ArrayList<>();
        List<Segment> line = new ArrayList<>();
        for (Segment s : segments) {
            String[] parts = s.text().split("\n", -1);
            for (int k = 0; k < parts.length; k++) {
                if (k > 0) {
                    out.add(new NoticeLine(0, 0, List.copyOf(line)));
                    line.clear();
                }
                if (!parts[k].isEmpty()) {
                    line.add(new Segment(s.mark(), parts[k]));
                }
            }
        }
        out.add(new NoticeLine(0, 0, List.copyOf(line)));
        return out;
    }

    private static List<String> chars(String s) {
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }
}
