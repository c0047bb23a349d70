package cn.gov.assess.audit;

import cn.gov.assess.audit.RunDiff.Change;
import cn.gov.assess.audit.RunDiff.CheckChange;
import cn.gov.assess.audit.RunDiff.FigureChange;
import cn.gov.assess.audit.RunDiff.ListEntryChange;

import java.util.ArrayList;
import java.util.List;

/** 把两次运行的差异（{@link RunDiff} 的记录）排成文字：命令行 assess diff 逐行印出，网页比较页按同样的字句列表。 */
public final class DiffText {
    private DiffText() {
    }

    /** “运行 #1 → 运行 #2（2021-Q4）”。 */
    public static String header(RunDiff.Result r) {
        return r.nameA() + " → " + r.nameB() + "（" + r.period().code() + "）";
    }

    /** 两次运行之间的更正、不同的规则文件，以及没有更正时数据的变化。 */
    public static List<String> causes(RunDiff.Result r) {
        List<String> out = new ArrayList<>();
        r.corrections().forEach(c -> out.add(c.text()));
        r.ruleFiles().forEach(f -> out.add("规则文件不同：" + file(f)));
        if (r.newData() && r.corrections().isEmpty()) {
            out.add("数据指纹不同，但其间没有更正：两次运行之间导入了新的记录（" + r.assignmentsA() + " → " + r.assignmentsB()
                    + " 条转办）");
        }
        return out;
    }

    /** 全文：标题、两次运行之间、按种类分组的各处变化。 */
    public static List<String> lines(RunDiff.Result r) {
        List<String> out = new ArrayList<>();
        out.add(header(r));
        List<String> causes = causes(r);
        if (!causes.isEmpty()) {
            out.add("两次运行之间：");
            causes.forEach(c -> out.add("  " + c));
        }
        if (r.changes().isEmpty()) {
            out.add("结果没有变化。");
        }
        String kind = "";
        for (Change c : r.changes()) {
            if (!kind(c).equals(kind)) {
                kind = kind(c);
                out.add(kind + "：");
            }
            out.add("  " + line(c));
        }
        return out;
    }

    /** 一处变化一行：“位置：变化【原因：…】”。 */
    public static String line(Change c) {
        List<String> causes = causes(c);
        return where(c) + "：" + what(c) + (causes.isEmpty() ? "" : "【原因：" + String.join("；", causes) + "】");
    }

    /** 变化的种类（分组的标题）。 */
    public static String kind(Change c) {
        return c instanceof FigureChange ? "数字变化" : c instanceof ListEntryChange ? "名单变化" : "监测结果变化";
    }

    /** 变化的位置：“渠道 / 单位”“渠道 “名单” / 单位”“政府网站 / 网站名称”。 */
    public static String where(Change c) {
        if (c instanceof FigureChange f) {
            return f.channel() + " / " + f.unit();
        }
        if (c instanceof ListEntryChange l) {
            return l.channel() + " “" + l.list() + "” / " + l.unit();
        }
        CheckChange k = (CheckChange) c;
        return (k.website() ? "政府网站" : "政务新媒体") + " / " + k.subject();
    }

    /** 变了什么：数字的旧 → 新、名单的进出与位次、监测结果的旧 → 新。 */
    public static String what(Change c) {
        if (c instanceof FigureChange f) {
            List<String> parts = new ArrayList<>();
            f.figures().forEach(d -> parts.add(d.figure() + " " + orNone(d.before()) + " → " + orNone(d.after())));
            return String.join("；", parts);
        }
        if (c instanceof ListEntryChange l) {
            return l.entering() ? "新进入（第 " + l.positionAfter() + " 位；" + l.reason() + "）"
                    : l.leaving() ? "不再列入（原第 " + l.positionBefore() + " 位）"
                    : "位次 " + l.positionBefore() + " → " + l.positionAfter()
                    + (l.rankBefore() != l.rankAfter() ? "，名次 " + l.rankBefore() + " → " + l.rankAfter() : "");
        }
        CheckChange k = (CheckChange) c;
        return check(k.before()) + " → " + check(k.after());
    }

    /** 一处变化的原因，各一句。 */
    public static List<String> causes(Change c) {
        List<String> out = new ArrayList<>();
        for (RunDiff.Cause cause : c.causes()) {
            if (cause instanceof RunDiff.CorrectionCause k) {
                out.add("更正 #" + (k.withdraws() != null ? k.id() + "（撤回 #" + k.withdraws() + "）" : k.id()));
            } else if (cause instanceof RunDiff.RuleFileCause f) {
                // 改动本身在“两次运行之间”说一次，这里只指出是哪份规则的改动
                out.add("规则 " + f.file().file() + " 的改动");
            } else {
                out.add("新导入的数据");
            }
        }
        return out;
    }

    /**
     * 规则表按格说：“名单.csv：名单“按期办结且办理较好” 的“名额”由“镇街 3、部门 3”改为“镇街 5、部门 3””（与规则版本页同一句）；
     * 别的文件“x.drl（修改：第 3 行 “旧” → “新”）”“x.drl（新增）”。
     */
    public static String file(RunDiff.RuleFileChange f) {
        if (!f.sentences().isEmpty()) {
            return f.file() + "：" + String.join("；", f.sentences());
        }
        return f.file() + switch (f.kind()) {
            case 新增 -> "（新增）";
            case 删除 -> "（删除）";
            case 修改 -> "（修改：" + (f.line() == 0 ? "" : "第 " + f.line() + " 行 “" + f.before() + "” → “" + f.after() + "”") + "）";
        };
    }

    private static String check(RunDiff.Check c) {
        return c == null ? "无" : c.result() + (c.problems().isEmpty() ? "" : "（" + c.problems() + "）")
                + (c.remark().isEmpty() ? "" : "，备注：" + c.remark());
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "无" : s;
    }
}
