package cn.gov.assess.policy;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 规则表 数字.csv：各比率的口径（`数字, 分子, 分母, 分母为零时显示, 说明`）。分子、分母写计数的名字（如 及时签收率 的分母
 * 写“转办数”而不是“有签收时限件数”），分母为零时显示写附件、通报里印的字（如 0%；留空为“—”）。没有这张表、没有写某个
 * 比率、或写得与程序里的定义相同时，按程序里的定义（{@link Figures#defaults()}），旧运行因此不变。
 */
public final class FigureTable {
    public static final String FILE = "数字.csv";

    private FigureTable() {
    }

    /** 读表并逐格检查；返回与程序定义不同的口径（比率名 → 口径）。有错时抛出 InputException，列出每一处。 */
    public static Map<String, Figures.Rate> parse(String text) {
        String f = "rules/" + FILE;
        CsvTable t = CsvTable.parse(f, text.getBytes(StandardCharsets.UTF_8));
        List<Problem> problems = new ArrayList<>();
        for (String col : List.of("数字", "分子", "分母")) {
            if (!t.has(col)) {
                problems.add(t.at(1).problem("缺少列“" + col + "”").inRule(f));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        Map<String, Figures.Rate> changed = new LinkedHashMap<>();
        List<String> counts = Figures.all().values().stream().filter(x -> !x.rate()).map(Figures.Figure::name).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "数字");
            Figures.Rate standard = Figures.defaults().get(name);
            if (standard != null && !seen.add(name)) {
                problems.add(t.at(r, "数字").problem("比率“" + name + "”写了两行，每个比率只写一行").inRule(f));
                continue;
            }
            if (standard == null) {
                problems.add(t.at(r, "数字").problem("“" + name + "”不是比率，可写 "
                        + String.join("、", Figures.defaults().keySet())).inRule(f));
                continue;
            }
            String n = t.get(r, "分子").isEmpty() ? standard.numerator() : t.get(r, "分子");
            String d = t.get(r, "分母").isEmpty() ? standard.denominator() : t.get(r, "分母");
            String zero = t.has("分母为零时显示") && !t.get(r, "分母为零时显示").isEmpty() ? t.get(r, "分母为零时显示") : Figures.ZERO;
            boolean ok = true;
            for (String[] cell : new String[][]{{"分子", n}, {"分母", d}}) {
                if (!counts.contains(cell[1])) {
                    problems.add(t.at(r, cell[0]).problem("“" + cell[1] + "”不是计数，可用的计数：" + String.join("、", counts)).inRule(f));
                    ok = false;
                }
            }
            if (zero.matches(".*[/;=].*")) {
                problems.add(t.at(r, "分母为零时显示").problem("“" + zero + "”里不能有“/”“;”“=”").inRule(f));
                ok = false;
            }
            Figures.Rate rate = new Figures.Rate(n, d, zero);
            if (ok && !rate.equals(standard)) {
                changed.put(name, rate);
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        return changed;
    }
}
