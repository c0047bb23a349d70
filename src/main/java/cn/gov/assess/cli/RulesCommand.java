package cn.gov.assess.cli;

import cn.gov.assess.assessment.Preview;
import cn.gov.assess.assessment.RulesCheck;

import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RulesChecker;
import cn.gov.assess.assessment.ScenarioRunner;
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
        description = {"检查规则目录、运行场景测试、预览规则草稿的效果；列出与导出网页上管理的规则版本。"},
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.Vars.class, RulesCommand.Preview.class,
                RulesCommand.Versions.class, RulesCommand.Export.class})
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

    /** 检查一次运行会用到的一切（{@link RulesCheck}）：规则与参数表，再用示例运行渲染每个模板。 */
    static RulesChecker.Report checkAll(RuleSet rules) {
        return RulesCheck.report(rules);
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
            cl.getOut().printf("通过 %d 个，未通过 %d 个%n", all.size() - failed, failed);
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

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = {"列出数据库中的规则版本（网页工作台上起草、发布的）：状态、起草人、发布人、发布时间与理由。"})
    static final class Versions implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @Override
        public Integer call() {
            var out = parent.spec.commandLine().getOut();
            try (cn.gov.assess.db.Database db = cn.gov.assess.db.Database.open(parent.main.dbUrl())) {
                List<cn.gov.assess.ruleversions.RulesVersions.Version> all =
                        new cn.gov.assess.ruleversions.RulesVersions(db, RulesCheck::problems).all();
                if (all.isEmpty()) {
                    out.println("数据库中还没有规则版本（网页服务第一次启动时把规则目录登记为第 1 版）。");
                    return 0;
                }
                Long current = all.stream().filter(cn.gov.assess.ruleversions.RulesVersions.Version::published).findFirst()
                        .map(cn.gov.assess.ruleversions.RulesVersions.Version::id).orElse(null);
                for (var v : all) {
                    out.printf("%s  %s%s  起草 %s %s%s%s%n", v.label(), v.state(), current != null && current == v.id() ? "（当前）" : "",
                            v.author(), v.createdAt().toString().replace('T', ' '),
                            v.baseNumber() == null ? "" : "  基于第 " + v.baseNumber() + " 版",
                            v.published() ? "  发布 " + v.publisher() + " " + v.publishedAt().toString().replace('T', ' ')
                                    + "  理由：" + v.publishReason() : v.checkOk() ? "" : "  检查有 " + v.checkErrors().size() + " 处错误");
                }
                if (current != null) {
                    var versions = new cn.gov.assess.ruleversions.RulesVersions(db, RulesCheck::problems);
                    cn.gov.assess.policy.AppealKinds.missing(versions.rules(current), "注意：当前发布的规则版本")
                            .forEach(w -> out.println(w + "。"));
                }
            }
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"预览规则草稿的效果：用 --rules 给的草稿目录与现行规则目录（默认程序目录下的 rules/，可用 --base 另指）",
                    "各对库中同一考核期、同一截至时点的数据考核一次（都不保存），列出名单变化、单位变化和通报全文的改动。",
                    "默认考核期与截至时点取最近一次运行的。"})
    static final class Preview implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @picocli.CommandLine.Option(names = "--base", paramLabel = "目录",
                description = "与草稿比较的现行规则目录（默认程序目录下的 rules/）；写“无”时与“无”比较：草稿预演的全部结果显示为新增（新方案的第一期、还没有可比的规则时用）")
        Path base;

        @picocli.CommandLine.Option(names = "--period", paramLabel = "考核期",
                description = "考核期（默认最近一次运行的考核期）：月 2026-03、季度 2021-Q4、半年 2026-H1、全年 2026")
        String period;

        @picocli.CommandLine.Option(names = "--cutoff", paramLabel = "日期",
                description = "截至日期（默认：给了 --period 时为考核期最后一天 23:59:59，否则为最近一次运行的截至时点）")
        String cutoff;

        @picocli.CommandLine.Option(names = "--repeat", paramLabel = "次数",
                description = "测速用：在同一进程里连续预览这么多次，最后列出每次的用时（第一次含编译规则）")
        int repeat = 1;

        @picocli.CommandLine.Option(names = "--full", description = "通报全文整篇列出（默认只列改动的行及其前后各一行）")
        boolean full;

        @Override
        public Integer call() {
            var cl = parent.spec.commandLine();
            Main main = parent.main;
            if (main.rules == null) {
                throw new cn.gov.assess.io.InputException("请用 --rules 指定要预览的规则草稿目录，例如 assess rules preview --rules 规则副本");
            }
            Path draftDir = main.rules;
            Path baseDir = base != null ? base : Main.home().resolve("rules");
            RuleSet draft = RuleSet.load(draftDir);
            boolean nothing = base != null && base.toString().equals("无");
            RuleSet current = nothing ? null : RuleSet.load(baseDir);
            java.time.LocalDateTime c = RunCommand.cutoff(cutoff, null);
            try (cn.gov.assess.db.Database db = cn.gov.assess.db.Database.open(main.dbUrl())) {
                cn.gov.assess.facts.Period p;
                if (period != null) {
                    p = cn.gov.assess.facts.Period.parse(period);
                } else {
                    cn.gov.assess.assessment.Preview.Target latest = cn.gov.assess.assessment.Preview.latest(db);
                    if (latest == null) {
                        throw new cn.gov.assess.io.InputException("数据库中还没有考核运行，请用 --period 指定考核期（如 2021-Q4、2026-03）");
                    }
                    p = latest.period();
                    if (c == null) {
                        c = latest.cutoff();
                    }
                }
                List<String> times = new ArrayList<>();
                cn.gov.assess.assessment.Preview.Outcome o = null;
                for (int i = 0; i < Math.max(1, repeat); i++) {
                    o = cn.gov.assess.assessment.Preview.run(db, current, draft, p, c,
                            nothing ? cn.gov.assess.assessment.Nothing.NAME : "现行规则（" + baseDir + "）", "草稿（" + draftDir + "）");
                    if (!o.ok()) {
                        o.errors().forEach(cl.getErr()::println);
                        return 1;
                    }
                    times.add(String.format("%.2f", o.result().millis() / 1000.0));
                }
                cn.gov.assess.assessment.Preview.text(o, full).forEach(cl.getOut()::println);
                if (repeat > 1) {
                    cl.getOut().println("各次预览用时（秒）：" + String.join("、", times));
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"把数据库中的一个规则版本的全部文件写到一个新目录（不存在或为空），可以用 rules check、--rules 或比较工具使用。"})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        RulesCommand parent;

        @picocli.CommandLine.Option(names = "--version", required = true, paramLabel = "N", description = "第几版")
        int version;

        @Parameters(paramLabel = "目录", description = "写到哪个目录（不存在或为空）")
        Path dir;

        @Override
        public Integer call() throws java.io.IOException {
            try (cn.gov.assess.db.Database db = cn.gov.assess.db.Database.open(parent.main.dbUrl())) {
                var versions = new cn.gov.assess.ruleversions.RulesVersions(db, RulesCheck::problems);
                var v = versions.byNumber(version).orElseThrow(() -> new cn.gov.assess.io.InputException(
                        "数据库中没有第 " + version + " 版规则（bin/assess rules versions 列出各版本）"));
                if (java.nio.file.Files.isDirectory(dir)) {
                    try (var list = java.nio.file.Files.list(dir)) {
                        if (list.findAny().isPresent()) {
                            throw new cn.gov.assess.io.InputException("目录 " + dir + " 不是空的；请给一个新目录，免得覆盖已有的规则文件");
                        }
                    }
                }
                Path root = dir.toAbsolutePath().normalize();
                for (var f : versions.files(v.id()).entrySet()) {
                    Path target = root.resolve(f.getKey()).normalize();
                    if (!target.startsWith(root)) {
                        throw new cn.gov.assess.io.InputException("版本中的文件名 " + f.getKey() + " 不在目录之内，没有写出");
                    }
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.writeString(target, f.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                }
                parent.spec.commandLine().getOut().printf("已把%s（%s）的 %d 个文件写到 %s%n", v.label(), v.state(),
                        versions.files(v.id()).size(), dir);
            }
            return 0;
        }
    }
}
