package cn.gov.assess.cli;

import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.notice.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"由一次已保存的运行生成通报全文（通报.md、通报.docx）、附件（附件.xlsx、annex-N.csv）与正文（默认最近一次运行）。"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--out", required = true, paramLabel = "目录", description = "输出目录")
    Path out;

    @Option(names = "--run", paramLabel = "编号", description = "运行编号（默认：最近一次运行那一期的正式结果，即已签发通报的运行；还没有签发时为最近一次运行）")
    Long run;

    @Override
    public Integer call() {
        ReportWriter.preload(); // POI 的类在后台加载，与打开库、读运行同时
        long t0 = System.nanoTime();
        try (Database db = Database.open(main.dbUrl())) {
            long t1 = System.nanoTime();
            RunStore.StoredRun stored = new RunStore(db).load(Runs.defaultRun(db, run));
            long t2 = System.nanoTime();
            Runs.warnIfRetired(stored.run(), main.spec.commandLine().getErr());
            List<Path> files = new ReportWriter().write(stored, out);
            if (Boolean.getBoolean("assess.timing")) {
                System.err.printf("打开库 %.2f 秒，读运行 %.2f 秒，生成并写出 %.2f 秒%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (System.nanoTime() - t2) / 1e9);
            }
            var o = main.spec.commandLine().getOut();
            o.printf("运行 #%d（%s）的报告已写入 %s：%n", stored.run().getId(), stored.run().getPeriod().code(), out);
            files.forEach(f -> o.println("  " + f.getFileName()));
            Runs.tellStatus(db, stored.run(), main.spec.commandLine().getErr());
        }
        return 0;
    }
}
