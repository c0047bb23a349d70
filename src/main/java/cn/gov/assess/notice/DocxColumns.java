package cn.gov.assess.notice;

import java.util.List;
import java.util.regex.Pattern;

/** 通报附件表格的列宽：按内容定宽，数字列不压缩，超出版心时只压缩最宽的文字列。 */
final class DocxColumns {
    private DocxColumns() {
    }

    /** 整列都是数、百分比或“—”的列（件数、比率）：这些列不压缩，单元格不折行。 */
    private static final Pattern NUMERIC = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?|—|-|");

    static boolean numeric(List<List<String>> rows, int c) {
        boolean any = false;
        for (List<String> r : rows) {
            String v = c < r.size() ? r.get(c) : "";
            if (!NUMERIC.matcher(v.strip()).matches()) {
                return false;
            }
            any |= !v.isBlank();
        }
        return any;
    }

    /**
     * 数字的字宽按仿宋等中文字体里半角数字的实际宽度从宽估计（数字 0.6 字、“%”1 字、小数点 0.35 字），
     * 保证 99.50%、100% 一行排下。
     */
    static double numberEms(String s) {
        double w = 0;
        for (char ch : s.toCharArray()) {
            w += ch == '%' ? 1.0 : ch == '.' ? 0.35 : ch == '—' ? 1.0 : 0.6;
        }
        return w;
    }

    /**
     * 列宽由内容决定：每列按最宽内容（表头可折成两行）；件数、比率等数字列按数字的实际宽度，不参与压缩；
     * 总宽超出版心时只压缩最宽的文字列（单位名称、备注折行）。
     */
    static int[] columnWidths(List<String> header, List<List<String>> rows) {
        int cols = header.size();
        double[] want = new double[cols];
        boolean[] fixed = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            fixed[c] = numeric(rows, c);
            double w = Math.ceil(DocxWriter.ems(header.get(c)) / 2);
            for (List<String> r : rows) {
                if (c < r.size()) {
                    w = Math.max(w, fixed[c] ? numberEms(r.get(c)) : DocxWriter.ems(r.get(c)));
                }
            }
            want[c] = Math.max(2, w) + 0.8;
        }
        double available = DocxWriter.TEXT_WIDTH / (DocxWriter.TABLE_PT * 20);
        double total = 0;
        double fixedTotal = 0;
        for (int c = 0; c < cols; c++) {
            total += want[c];
            fixedTotal += fixed[c] ? want[c] : 0;
        }
        if (fixedTotal >= available) {
            fixed = new boolean[cols]; // 数字列自己就排不下：退回按比例压缩全部列
            fixedTotal = 0;
        }
        double[] got = want.clone();
        if (total > available) {
            double lo = 0;
            double hi = available;
            for (int i = 0; i < 60; i++) {
                double cap = (lo + hi) / 2;
                double sum = fixedTotal;
                for (int c = 0; c < cols; c++) {
                    sum += fixed[c] ? 0 : Math.min(want[c], cap);
                }
                if (sum > available) {
                    hi = cap;
                } else {
                    lo = cap;
                }
            }
            for (int c = 0; c < cols; c++) {
                got[c] = fixed[c] ? want[c] : Math.min(want[c], lo);
            }
        }
        double sum = 0;
        for (double w : got) {
            sum += w;
        }
        int[] widths = new int[cols];
        int used = 0;
        for (int c = 0; c < cols; c++) {
            widths[c] = c == cols - 1 ? DocxWriter.TEXT_WIDTH - used : (int) Math.floor(got[c] / sum * DocxWriter.TEXT_WIDTH);
            used += widths[c];
        }
        return widths;
    }
}
