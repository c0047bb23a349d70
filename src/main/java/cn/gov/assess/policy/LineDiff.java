package cn.gov.assess.policy;

import java.util.ArrayList;
import java.util.List;

/** 两段文字逐行比较（最长公共子序列）：DRL 与模板的版本差异。规则文件只有几百行，平方级的表足够快。 */
public final class LineDiff {
    /** 一行：' ' 两边都有，'-' 只在旧版，'+' 只在新版；行号从 1 起（没有的一边为 0）。 */
    public record Line(char op, int oldNo, int newNo, String text) {
        public String mark() { return String.valueOf(op); }
    }

    private LineDiff() {
    }

    public static List<Line> diff(String before, String after) {
        String[] a = before.split("\r?\n", -1);
        String[] b = after.split("\r?\n", -1);
        int n = a.length, m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i].equals(b[j])) {
                out.add(new Line(' ', i + 1, j + 1, a[i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line('-', i + 1, 0, a[i]));
                i++;
            } else {
                out.add(new Line('+', 0, j + 1, b[j]));
                j++;
            }
        }
        return out;
    }

    /** 只留改动的行与前后各 context 行（中间省去的用一行“…”表示，op 为 '…'）。 */
    public static List<Line> changesOnly(List<Line> all, int context) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).op() != ' ') {
                for (int d = Math.max(0, k - context); d <= Math.min(all.size() - 1, k + context); d++) {
                    keep[d] = true;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        boolean gap = false;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (gap && !out.isEmpty()) {
                    out.add(new Line('…', 0, 0, "……"));
                }
                gap = false;
                out.add(all.get(k));
            } else {
                gap = true;
            }
        }
        return out;
    }
}
