package cn.gov.assess.assessment;

import cn.gov.assess.assessment.Preview.ListChange;
import cn.gov.assess.assessment.Preview.NoticeLine;
import cn.gov.assess.assessment.Preview.Outcome;
import cn.gov.assess.assessment.Preview.Result;
import cn.gov.assess.assessment.Preview.UnitChange;

import java.util.ArrayList;
import java.util.List;

/** 预览结果排成纯文字（assess rules preview 印出的）。 */
final class PreviewText {
    private PreviewText() {
    }

    /** 纯文字的预览（命令行用）：汇总、名单变化、单位变化、通报全文（full 为假时只列改动的行及前后各一行）。 */
    static List<String> lines(Outcome o, boolean full) {
        List<String> out = new ArrayList<>();
        if (!o.ok()) {
            out.addAll(o.errors());
            return out;
        }
        Result r = o.result();
        out.add("预览（未保存）：" + r.draftName() + " 与 " + r.baseName() + "，考核期 " + r.period().code() + "，截至 "
                + r.cutoff().toString().replace('T', ' ') + "，同一批数据（工单 " + r.orders() + " 个，转办 " + r.assignments()
                + " 条），用时 " + String.format("%.1f", r.millis() / 1000.0) + " 秒");
        if (r.assignments() == 0) {
            out.add("注意：数据库中没有这个考核期（截至时点以前受理）的工单，两边都是空的考核；请确认考核期，或先导入数据。");
        }
        out.add("");
        out.add("一、汇总");
        if (r.ruleFiles().isEmpty()) {
            out.add("  两份规则的文件完全相同。");
        } else {
            out.add("  规则文件的不同：");
            r.ruleFiles().forEach(f -> out.add("    " + f));
        }
        if (r.unchanged()) {
            out.add("  没有变化：按" + r.draftName() + "考核，各单位的数字、名单和通报全文都与" + r.baseName() + "相同。");
            return out;
        }
        out.add("  " + r.changedUnits() + " 个单位（含合计、监测对象）有变化，" + r.lists().size() + " 个名单有变化，通报全文 "
                + r.notice().changedLines() + " 行有改动。");
        out.add("");
        out.add("二、名单变化");
        if (r.lists().isEmpty()) {
            out.add("  名单没有变化。");
        }
        for (ListChange l : r.lists()) {
            out.add("  " + l.label() + "：");
            l.entering().forEach(m -> out.add("    新进入  " + m.unit() + "（第 " + m.position() + " 位）：" + m.reason()));
            l.leaving().forEach(m -> out.add("    不再列入  " + m.unit() + "（原第 " + m.position() + " 位）：" + m.reason()));
            out.add("    现在：" + (l.after().isEmpty() ? "（无）" : String.join("、", l.after())));
        }
        out.add("");
        out.add("三、单位变化");
        if (r.units().isEmpty()) {
            out.add("  各单位的数字没有变化。");
        }
        for (UnitChange u : r.units()) {
            out.add("  " + u.unit() + (u.scope().isEmpty() ? "" : "（" + u.scope() + "）") + " " + u.kind() + "：" + u.what());
        }
        out.add("");
        out.add("四、通报全文（" + r.notice().file() + "；【+…】为新增，【-…】为删去）");
        List<NoticeLine> lines = r.notice().lines();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            boolean near = full || lines.get(k).changed() || (k > 0 && lines.get(k - 1).changed())
                    || (k + 1 < lines.size() && lines.get(k + 1).changed());
            if (!near) {
                skipped = true;
                continue;
            }
            if (skipped) {
                out.add("  ……");
                skipped = false;
            }
            out.add("  " + lines.get(k).marked());
        }
        if (skipped) {
            out.add("  ……");
        }
        return out;
    }
}
