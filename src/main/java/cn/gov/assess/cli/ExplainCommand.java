package cn.gov.assess.cli;


import cn.gov.assess.run.RunStore;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"解释一次运行：某单位为什么在或不在各名单上、被什么否决、各项数字由哪些转办构成；或某名单上有谁、为什么、谁差一点。"})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "单位", description = "单位名称（可用别名）")
    String unit;

    @Option(names = "--list", paramLabel = "名单名", description = "名单名（见规则目录的 名单.csv；bin/assess rules check 列出全部名单）")
    String list;

    @Option(names = "--run", paramLabel = "编号", description = "运行编号（默认：最近一次运行那一期的正式结果，即已签发通报的运行；还没有签发时为最近一次运行）")
    Long run;

    @Option(names = "--channel", paramLabel = "渠道", description = "只看一个渠道或范围（如 12345市民热线、政府网站）")
    String channel;

    @Option(names = "--orders", description = "列出各项数字背后的转办（工单编号、受理、时限、办结、逾期天数）")
    boolean orders;

    @Option(names = "--json", description = "以 JSON 输出，供其他工具使用")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((unit == null) == (list == null)) {
            throw new InputException("请给出一个单位名称，或用 --list 名单名");
        }
        try (Database db = Database.open(main.dbUrl())) {
            RunStore.StoredRun stored = new RunStore(db).load(Runs.defaultRun(db, run));
            Runs.warnIfRetired(stored.run(), main.spec.commandLine().getErr());
            PrintWriter out = main.spec.commandLine().getOut();
            Explainer explainer = cn.gov.assess.assessment.StoredRuns.explainer(db);
            Object result = unit != null ? explainer.explainUnit(stored, unit, channel, orders)
                    : explainer.explainList(stored, list, channel);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            } else if (result instanceof Explainer.UnitExplanation u) {
                print(u, out);
            } else {
                print((Explainer.ListExplanation) result, out);
            }
            Runs.tellStatus(db, stored.run(), main.spec.commandLine().getErr());
        }
        return 0;
    }

    static void print(Explainer.UnitExplanation u, PrintWriter out) {
        out.println(u.unit() + "（运行 #" + u.run() + "，" + u.period() + "）");
        out.println("名单：");
        if (!u.recorded()) {
            out.println("  （该运行早于“规则触发时记下理由”的版本：未入选的原因没有逐项记录，重新运行考核后可查看）");
        }
        for (Explainer.ListVerdict v : u.lists()) {
            if (v.on()) {
                out.println("  ✓ " + v.scope() + "“" + v.list() + "”：列入，第 " + v.position() + " 位" + (v.rank() > 0 ? "（名次 " + v.rank() + "）" : ""));
                out.println("      规则“" + v.rule() + "”：" + v.reason());
            } else {
                out.println("  ✗ " + v.scope() + "“" + v.list() + "”：未列入");
                v.why().forEach(w -> out.println("      " + w));
            }
        }
        if (!u.indicators().isEmpty()) {
            out.println("指标与扣分：");
            u.indicators().forEach(i -> out.println("  " + i));
        }
        out.println("一票否决：" + (u.disqualifications().isEmpty() ? "无" : ""));
        u.disqualifications().forEach(d -> out.println("  " + d));
        if (!u.exclusions().isEmpty()) {
            out.println("核减（经申诉同意，不计入考核）：");
            u.exclusions().forEach(x -> out.println("  " + x));
        }
        if (!u.monitoring().isEmpty()) {
            out.println("监测：");
            u.monitoring().forEach(m -> out.println("  " + m));
        }
        out.println("各项数字：" + (u.figures().isEmpty() ? "本期没有转办" : ""));
        for (Map<String, String> row : u.figures()) {
            StringBuilder sb = new StringBuilder("  ");
            row.forEach((k, v) -> {
                if (!k.equals("办理单位")) {
                    sb.append(k).append(' ').append(v.isEmpty() ? "—" : v).append("  ");
                }
            });
            out.println(sb.toString().stripTrailing());
        }
        if (!u.orders().isEmpty()) {
            out.println("转办明细（" + u.orders().size() + " 条）：");
            out.printf("  %-10s %-16s %-19s %-19s %-19s %-6s %s%n", "渠道", "工单编号", "受理时间", "办理时限", "办结时间", "分类", "逾期天数");
            for (Map<String, String> o : u.orders()) {
                out.printf("  %-10s %-16s %-19s %-19s %-19s %-6s %s%n", o.get("渠道"), o.get("工单编号"), o.get("受理时间"),
                        o.get("办理时限"), o.get("办结时间"), o.get("分类"), o.get("逾期天数"));
            }
        }
    }

    static void print(Explainer.ListExplanation l, PrintWriter out) {
        out.println("名单“" + l.list() + "”（运行 #" + l.run() + "）");
        java.util.Set<String> scopes = new java.util.LinkedHashSet<>();
        l.members().forEach(m -> scopes.add(m.get("范围")));
        l.nearMisses().forEach(m -> scopes.add(m.get("范围")));
        for (String scope : scopes) {
            out.println(scope + "：");
            Map<String, Map<String, String>> lastOfGroup = new java.util.LinkedHashMap<>();
            for (Map<String, String> m : l.members()) {
                if (m.get("范围").equals(scope)) {
                    out.println("  " + m.get("位次") + ". " + m.get("单位") + "——规则“" + m.get("规则") + "”：" + m.get("理由"));
                    if (!m.get("名次").isEmpty()) {
                        lastOfGroup.put(m.getOrDefault("排名组", m.get("分组")), m);
                    }
                }
            }
            lastOfGroup.forEach((g, m) -> out.println("  " + g + "最后入选：" + m.get("单位") + "（" + g + "第 " + m.get("名次") + " 名）"));
            List<Map<String, String>> near = l.nearMisses().stream().filter(m -> m.get("范围").equals(scope)).toList();
            if (!near.isEmpty()) {
                boolean ranked = near.stream().anyMatch(m -> !m.get("名次").isEmpty());
                out.println("  " + (ranked ? "符合条件但因名额未入选（按名次）：" : "只差一项条件的单位："));
                near.forEach(m -> out.println("    " + m.get("单位") + "：" + m.get("原因")));
            }
        }
        if (l.nearMisses().isEmpty()) {
            out.println("差一点入选的单位：无");
        }
        if (!l.recorded()) {
            out.println("注意：该运行早于“规则触发时记下理由”的版本，没有名次与逐项比较的记录；重新运行考核后可看到因名额未入选的单位。");
        }
    }
}
