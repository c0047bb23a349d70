package cn.gov.assess.cli;


import cn.gov.assess.assessment.StoredRuns;
import cn.gov.assess.audit.DiffText;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"比较两次运行：变了的数字（旧 → 新）、名单进出与名次、监测结果，并指出原因（更正或规则文件）。"})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "运行A")
    long a;

    @Parameters(index = "1", paramLabel = "运行B")
    long b;

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            RunStore store = new RunStore(db);
            RunStore.StoredRun ra = store.load(a);
            RunStore.StoredRun rb = store.load(b);
            Runs.warnIfRetired(ra.run(), main.spec.commandLine().getErr());
            Runs.warnIfRetired(rb.run(), main.spec.commandLine().getErr());
            DiffText.lines(StoredRuns.diff(db, ra, rb, "运行 #" + a, "运行 #" + b)).forEach(main.spec.commandLine().getOut()::println);
            Runs.tellStatus(db, ra.run(), main.spec.commandLine().getErr());
            Runs.tellStatus(db, rb.run(), main.spec.commandLine().getErr());
        }
        return 0;
    }
}
