package cn.gov.assess.cli;


import cn.gov.assess.correction.Correction;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "correct", mixinStandardHelpOptions = true,
        description = {"登记更正（CSV：渠道, 工单编号, 办理单位, 更正项目, 新值, 原因, 提出人），或撤回一条更正。原始记录不变。"})
final class CorrectCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "文件", description = "更正文件")
    Path file;

    @Option(names = "--withdraw", paramLabel = "编号", description = "撤回编号为 ID 的更正")
    Long withdraw;

    @Option(names = "--reason", description = "撤回原因")
    String reason;

    @Option(names = "--by", description = "撤回提出人")
    String by;

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            var out = main.spec.commandLine().getOut();
            Corrections corrections = new Corrections(db);
            if (withdraw != null) {
                if (reason == null || by == null) {
                    throw new InputException("撤回更正须写明 --reason 原因 和 --by 提出人");
                }
                out.println("已登记：" + corrections.withdraw(withdraw, reason, by).describe());
                return 0;
            }
            if (file == null) {
                throw new InputException("请给出更正文件，或用 --withdraw ID 撤回一条更正");
            }
            List<Correction> saved = corrections.record(file);
            out.println("已登记 " + saved.size() + " 条更正（重新运行 assess run 后生效，旧运行不变）：");
            saved.forEach(c -> out.println("  " + c.describe()));
        }
        return 0;
    }
}
