package cn.gov.assess.policy;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.policy.PolicyTables.Annex;
import cn.gov.assess.policy.PolicyTables.Indicator;
import cn.gov.assess.policy.PolicyTables.Penalty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static cn.gov.assess.policy.PolicyTables.ANNEXES;
import static cn.gov.assess.policy.PolicyTables.PLACE_COLUMN;
import static cn.gov.assess.policy.PolicyTables.UNIT_COLUMN;
import static cn.gov.assess.policy.PolicyTables.split;

/** 附件表（附件.csv）的读入与逐格检查：列取自数字、指标与扣分，行序按“排序”一列。 */
final class AnnexParser {
    private AnnexParser() {
    }

    static List<Annex> annexes(TableParser p, List<Indicator> indicators, List<Penalty> penalties) {
        List<String> cols = List.of("附件", "序号", "标题", "渠道", "列", "排序", "合计行");
        CsvTable t = p.table(ANNEXES, cols);
        List<Annex> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        indicators.forEach(i -> names.add(i.name()));
        penalties.stream().filter(Penalty::deduction).forEach(x -> names.add(x.name()));
        names.add(Policy.DEDUCTIONS);
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "附件");
            if (name.isEmpty() || !seen.add(name)) {
                p.add(p.cell(ANNEXES, t, r, "附件"), "附件名" + (name.isEmpty() ? "为空" : "“" + name + "”重复"));
                continue;
            }
            int no = 0;
            String noText = t.get(r, "序号");
            if (!noText.isEmpty()) {
                try {
                    no = Integer.parseInt(noText);
                    if (no <= 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    p.add(p.cell(ANNEXES, t, r, "序号"), "“" + noText + "”应是正整数，或留空自动编号");
                }
            }
            List<String> chs = p.channelList(ANNEXES, t, r, "渠道", true);
            if (chs.size() != 1) {
                p.add(p.cell(ANNEXES, t, r, "渠道"), "填一个渠道，或“" + Policy.ALL_CHANNELS + "”（各渠道合计）");
            }
            List<String> columns = split(t.get(r, "列"));
            if (columns.isEmpty()) {
                p.add(p.cell(ANNEXES, t, r, "列"), "至少要有一列，如“办理单位、应办件数、综合得分”");
            }
            for (String c : columns) {
                if (!c.equals(UNIT_COLUMN) && !c.equals(PLACE_COLUMN) && !Figures.exists(c) && !names.contains(c)) {
                    p.add(p.cell(ANNEXES, t, r, "列"), "没有叫“" + c + "”的列，可用：" + UNIT_COLUMN + "、" + PLACE_COLUMN
                            + "、数字（" + String.join("、", Figures.names()) + "）、指标与扣分（" + String.join("、", names) + "）");
                }
            }
            List<String> order = split(t.get(r, "排序"));
            for (String o : order) {
                SortKey k = SortKey.parse(o);
                if (!k.official() && !Figures.exists(k.field()) && !names.contains(k.field())) {
                    p.add(p.cell(ANNEXES, t, r, "排序"), "“" + o + "”看不懂，写作“综合得分 从高到低”“办结率 从低到高”"
                            + "或“官方顺序”，多项用顿号隔开");
                }
            }
            if (columns.contains(PLACE_COLUMN) && order.isEmpty()) {
                p.add(p.cell(ANNEXES, t, r, "列"), "有“名次”列就要在“排序”里写按什么排");
            }
            String total = t.get(r, "合计行");
            out.add(new Annex(r.line(), name, no, t.get(r, "标题"), chs.isEmpty() ? "" : chs.get(0), columns, order,
                    total.equals("是"), t.get(r, "说明")));
        }
        return out;
    }
}
