package cn.gov.assess.cli;

import picocli.CommandLine.Command;

/** 占位：作废运行，见下一次提交。 */
@Command(name = "retire", mixinStandardHelpOptions = true, description = "把一次运行标为作废。")
final class RetireCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new cn.gov.assess.io.InputException("尚未实现");
    }
}
