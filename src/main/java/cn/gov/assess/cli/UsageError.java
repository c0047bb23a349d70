package cn.gov.assess.cli;

import picocli.CommandLine;

/** 本程序自己发现的命令行用法错误（退出码 2）：消息已是给人看的一句中文，原样显示。picocli 自己的英文错误由 {@link UsageErrors} 翻译。 */
final class UsageError extends CommandLine.ParameterException {
    UsageError(CommandLine commandLine, String message) {
        super(commandLine, message);
    }
}
