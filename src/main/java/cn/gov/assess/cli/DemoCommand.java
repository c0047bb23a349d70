package cn.gov.assess.cli;

import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"演示：新建嵌入式数据库，导入 fixtures/2021-Q4，考核 2021-Q4，报告写入 out/2021-Q4/。"})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--out", paramLabel = "目录", description = "输出目录（默认 out/2021-Q4）")
    Path out = Path.of("out", "2021-Q4");

    @Override
    public Integer call() throws IOException {
        Path fixture = Main.home().resolve("fixtures").resolve("2021-Q4");
        Path dbDir = out.resolveSibling("demo-db");
        deleteTree(dbDir);
        String url = main.db != null ? main.dbUrl() : Database.fileUrl(dbDir.resolve("assess"));
        var o = main.spec.commandLine().getOut();
        RuleSet rules = RuleSet.load(main.rulesDir());
        try (Database db = Database.open(url)) {
            for (Importer.FileResult r : new Importer(db, rules).importPaths(List.of(fixture))) {
                o.printf("已导入 %s（%s）：%d 行%n", r.file(), r.kind(), r.rowsAdded());
            }
            AssessmentResult result = new AssessPeriod(db).assessAndSave(Period.parse("2021-Q4"),
                    Period.parse("2021-Q4").defaultCutoff(), rules);
            long id = result.runId();
            o.printf("运行 #%d：工单 %d 个，转办 %d 条%n", id, result.orderCount(), result.assignmentCount());
            List<Path> files = new ReportWriter().write(new RunStore(db).load(id), out);
            o.println("报告已写入 " + out + "：");
            files.forEach(f -> o.println("  " + f.getFileName()));
            String dbArg = main.db != null ? main.db : dbDir.resolve("assess").toString();
            o.println();
            o.println("演示数据在数据库 " + dbArg + " 中（不是默认库 data/assess）。接下来的命令请带上 --db，例如：");
            o.println("  bin/assess --db " + dbArg + " explain 县人社局");
            // 举例用的名单取自本次运行（排名类名单优先），程序里不写名单名
            result.lists().stream().filter(e -> e.getRank() > 0).findFirst().or(() -> result.lists().stream().findFirst())
                    .ifPresent(e -> o.println("  bin/assess --db " + dbArg + " explain --list " + e.getList()));
            o.println("  bin/assess --db " + dbArg + " report --out out/报告");
            o.println("  bin/assess --db " + dbArg + " reconcile fixtures/2021-Q4/published");
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
