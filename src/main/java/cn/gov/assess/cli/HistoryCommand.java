package cn.gov.assess.cli;


import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"显示一个工单的原始记录和它的全部更正（含撤回）。"})
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "工单编号", description = "工单编号")
    String order;

    @Option(names = "--channel", description = "渠道（编号在多个渠道重复时指定）")
    String channel;

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            java.util.Set<String> channels = cn.gov.assess.policy.RuleSet.load(main.rulesDir()).channels().keySet();
            new Corrections(db).history(order, channel, channels).forEach(main.spec.commandLine().getOut()::println);
        }
        return 0;
    }
}
