package cn.gov.assess.cli;


import cn.gov.assess.run.RunStore;
import cn.gov.assess.audit.Reconciler;
import cn.gov.assess.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"核对一份手工编写的通报（annex-N.csv、lists.csv、totals.csv）与运行结果，列出每一处不一致。"})
final class ReconcileCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "目录", description = "通报表格所在目录")
    Path dir;

    @Option(names = "--run", paramLabel = "编号", description = "运行编号（默认：最近一次运行那一期的正式结果，即已签发通报的运行；还没有签发时为最近一次运行）")
    Long run;

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            RunStore.StoredRun stored = new RunStore(db).load(Runs.defaultRun(db, run));
            Runs.warnIfRetired(stored.run(), main.spec.commandLine().getErr());
            var out = main.spec.commandLine().getOut();
            out.println("核对 " + dir + " 与运行 #" + stored.run().getId() + "（" + stored.run().getPeriod().code() + "）：");
            Reconciler.Result r = cn.gov.assess.assessment.StoredRuns.reconciler(db).reconcile(stored, dir);
            r.lines().forEach(out::println);
            Runs.tellStatus(db, stored.run(), main.spec.commandLine().getErr());
            return r.disagreements().isEmpty() ? 0 : 3;
        }
    }
}
