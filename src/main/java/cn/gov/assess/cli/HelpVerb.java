package cn.gov.assess.cli;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** help 动词（代替 picocli 自带的英文 help 命令）：assess help 或 assess help 动词。 */
@Command(name = "help", helpCommand = true, description = "显示全部命令或某个命令的帮助。")
final class HelpVerb implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "命令", description = "要看帮助的命令，如 import")
    String verb;

    @Override
    public void run() {
        CommandLine parent = spec.commandLine().getParent();
        if (verb == null) {
            parent.usage(spec.commandLine().getOut());
            return;
        }
        CommandLine sub = parent.getSubcommands().get(verb);
        if (sub == null) {
            throw new UsageError(spec.commandLine(), "没有命令“" + verb + "”，可用的命令："
                    + String.join("、", parent.getSubcommands().keySet()));
        }
        sub.usage(spec.commandLine().getOut());
    }
}
