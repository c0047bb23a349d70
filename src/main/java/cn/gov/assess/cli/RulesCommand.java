package cn.gov.assess.cli;

import cn.gov.assess.rules.RuleSet;
import cn.gov.assess.rules.RulesChecker;
import cn.gov.assess.audit.ScenarioRunner;
import cn.gov.assess.notice.TemplateCheck;
import cn.gov.assess.notice.TemplateVars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"检查规则目录、运行场景测试。"},
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.Vars.class})
final class RulesCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path dir(Path given) {
        return given != null ? given : main.rulesDir();
    }

    /** 检查一次运行会用到的一切：规则与参数表（RulesChecker），再用示例运行渲染每个模板（TemplateCheck）。 */
    static RulesChecker.Report checkAll(RuleSet rules) {
        return TemplateCheck.checkAll(rules);
    }

    /** 打印检查结果；有错误返回 false。 */
    static boolean printCheck(RulesChecker.Report report, PrintWriter out, PrintWriter err) {
        if (report.ok()) {
            out.println(report.summary());
            return true;
        }
        err.println("规则检查发现 " + report.errors().size() + " 处错误：");
        report.errors().forEach(e -> err.println("  " + e));
        return false;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"编译并检查规则目录：语法、字段、规则名重复、参数表每格的类型；用示例运行渲染每个模板，报告未知变量与模板语法错误。"})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @Parameters(arity = "0..1", paramLabel = "目录", description = "规则目录（默认 rules/）")
        Path dir;

        @Override
        public Integer call() {
            var cl = parent.spec.commandLine();
            RulesChecker.Report r = checkAll(RuleSet.load(parent.dir(dir)));
            return printCheck(r, cl.getOut(), cl.getErr()) ? 0 : 1;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"用规则目录运行 fixtures/scenarios/ 下的全部场景，逐个报告通过与否及差异。"})
    static final class Test implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @Parameters(arity = "0..1", paramLabel = "目录", description = "规则目录（默认 rules/）")
        Path dir;

        @picocli.CommandLine.Option(names = "--scenarios", paramLabel = "目录",
                description = "场景目录（默认程序目录下的 fixtures/scenarios/）")
        Path scenarios;

        @Override
        public Integer call() {
            var cl = parent.spec.commandLine();
            RuleSet rules = RuleSet.load(parent.dir(dir));
            if (!printCheck(checkAll(rules), cl.getOut(), cl.getErr())) {
                return 1;
            }
            Path root = scenarios != null ? scenarios : Main.home().resolve("fixtures").resolve("scenarios");
            List<Path> all = ScenarioRunner.scenarios(root);
            ScenarioRunner runner = new ScenarioRunner(rules);
            int failed = 0;
            for (Path s : all) {
                ScenarioRunner.Outcome o = runner.run(s);
                if (o.passed()) {
                    cl.getOut().printf("通过    %s（%d 项）%n", o.name(), o.checks());
                } else {
                    failed++;
                    cl.getOut().printf("未通过  %s（%d 项，%d 项不符）%n", o.name(), o.checks(), o.differences().size());
                    o.differences().forEach(d -> cl.getOut().println("        " + d));
                }
            }
            cl.getOut().printf("%d passed, %d failed%n", all.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "vars", mixinStandardHelpOptions = true,
            description = {"列出模板可用的每个变量及其含义：各项数字、本规则目录的渠道与名单、写法示例。"})
    static final class Vars implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @Parameters(arity = "0..1", paramLabel = "目录", description = "规则目录（默认 --rules 或 rules/）")
        Path dir;

        @Override
        public Integer call() {
            var out = parent.spec.commandLine().getOut();
            TemplateVars.describe(RuleSet.load(parent.dir(dir))).forEach(out::println);
            return 0;
        }
    }
}
