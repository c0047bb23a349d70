package cn.gov.assess.cli;


import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"导入单位表、派单记录与监测类文件（CSV 或 Excel .xlsx/.xls，中文表头；平台导出的列名按 rules/导入列名.csv 对照）；全部正确才写入，否则列出所有错误。"})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "文件|目录", description = "文件或目录（目录只读其中一层的 .csv、.xlsx、.xls）")
    List<Path> inputs;

    @Override
    public Integer call() {
        if (CityImports.importRouted(main, inputs)) {
            return 0;
        }
        try (Database db = Database.open(main.dbUrl())) {
            List<Importer.FileResult> results = new Importer(db, RuleSet.load(main.rulesDir())).withProgress().importPaths(inputs);
            var out = main.spec.commandLine().getOut();
            for (Importer.FileResult r : results) {
                out.printf("已导入 %s（%s，%s）：读取 %d 行，新增 %d 行%n", r.file(), r.kind(), r.encoding(), r.rowsRead(),
                        r.rowsAdded());
            }
        }
        return 0;
    }
}
