package cn.gov.assess.cli;


import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "retire", mixinStandardHelpOptions = true,
        description = {"把一次运行标为作废（记下原因、作废人与时间）。作废的运行不删除，仍可用 --run 编号 查看，"
                + "但不再是 explain、report、reconcile、diff 的默认运行；runs 列出时注明作废。"})
final class RetireCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "运行编号", description = "要作废的运行编号（见 assess runs）")
    long run;

    @Option(names = "--reason", required = true, paramLabel = "原因", description = "作废原因，如 “数据未导入完整”")
    String reason;

    @Option(names = "--by", required = true, paramLabel = "作废人", description = "作废人姓名或工号")
    String by;

    @Override
    public Integer call() {
        if (reason.isBlank() || by.isBlank()) {
            throw new InputException("--reason 与 --by 都不能为空");
        }
        try (Database db = Database.open(main.dbUrl())) {
            RunStore store = new RunStore(db);
            AssessmentRun r = store.retire(run, by.strip(), reason.strip());
            var out = main.spec.commandLine().getOut();
            out.printf("运行 #%d（%s）已作废：%s（%s，%s）%n", r.getId(), r.getPeriod().code(), r.getRetiredReason(),
                    r.getRetiredBy(), Runs.time(r.getRetiredAt()));
            Long latest = store.latestRunId();
            out.println(latest == null ? "现在没有有效的运行；explain、report 等须用 --run 指定，或重新 run"
                    : "默认运行现在是 #" + latest);
        }
        return 0;
    }
}
