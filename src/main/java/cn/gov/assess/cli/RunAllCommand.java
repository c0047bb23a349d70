package cn.gov.assess.cli;

import cn.gov.assess.assessment.AssessAll;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.facts.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = {"考核每个辖区的同一个考核期（并行，线程数不超过处理器个数），每个辖区的结果与单独 run 相同，各自保存为新运行。",
                "各辖区用自己当前发布的规则版本；还没有发布版本的辖区用 --rules 规则目录。没有工单的辖区不运行。"})
final class RunAllCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--period", required = true, paramLabel = "考核期",
            description = "考核期：月 2026-03、季度 2021-Q4、半年 2026-H1、全年 2026")
    String period;

    @Option(names = "--cutoff", paramLabel = "日期", description = "截至日期（默认：考核期最后一天 23:59:59）")
    String cutoff;

    @Option(names = "--threads", paramLabel = "N", description = "同时考核的辖区数上限（默认：处理器个数）")
    Integer threads;

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        LocalDateTime c = RunCommand.cutoff(cutoff, p.defaultCutoff());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new UsageError(main.spec.commandLine(), "--threads 至少为 1");
        }
        var out = main.spec.commandLine().getOut();
        long started = System.nanoTime();
        List<AssessAll.Outcome> outcomes;
        try (Database db = Database.open(main.registryUrl())) {
            outcomes = new AssessAll(new Jurisdictions(db), main.rulesDir(), n).run(p, c);
        }
        int failed = 0;
        for (AssessAll.Outcome o : outcomes) {
            if (o.ok()) {
                out.printf("%s：运行 #%d，%s，工单 %d 个，转办 %d 条，名单成员 %d 个，一票否决 %d 个%n", o.jurisdiction().name(),
                        o.result().runId(), o.rulesLabel(), o.result().orderCount(), o.result().assignmentCount(),
                        o.result().lists().size(), o.result().disqualifications().size());
            } else {
                failed += o.empty() ? 0 : 1;
                out.printf("%s：未运行——%s%n", o.jurisdiction().name(), o.problem());
            }
        }
        long ran = outcomes.stream().filter(AssessAll.Outcome::ok).count();
        out.printf("%s：%d 个辖区，运行 %d 个，没有工单 %d 个，出错 %d 个，用时 %.1f 秒%n", p.code(), outcomes.size(), ran,
                outcomes.size() - ran - failed, failed, (System.nanoTime() - started) / 1e9);
        return failed == 0 ? 0 : Failures.INPUT;
    }
}
