package cn.gov.assess.cli;

import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.assessment.DryRun;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.assessment.RulesCheck;
import cn.gov.assess.db.Database;
import cn.gov.assess.ruleversions.RulesVersions;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"按规则目录对一个考核期（一个月、季度、半年或全年）做考核，结果作为新的一次运行保存（旧运行不变）。"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--period", required = true, paramLabel = "考核期",
            description = "考核期：月 2026-03、季度 2021-Q4、半年 2026-H1（或 2026上半年）、全年 2026")
    String period;

    @Option(names = "--dry-run", description = "假如：用 --rules 指定的规则目录考核已存数据，不保存，打印与同一考核期最近一次正式运行的差异（这一期还没有运行时与“无”比较，全部显示为新增）")
    boolean dryRun;

    @Option(names = "--allow-empty", description = "考核期内没有任何工单时也保存这次运行（默认拒绝，免得空运行成为默认运行）")
    boolean allowEmpty;

    @Option(names = "--cutoff", paramLabel = "日期", description = "截至日期（默认：考核期最后一天 23:59:59）")
    String cutoff;

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        LocalDateTime c = cutoff(cutoff, p.defaultCutoff());
        RuleSet rules = null;
        String label = "规则目录 " + main.rulesDir();
        if (!dryRun && main.jurisdiction != null && main.rules == null) {
            // 指定了辖区、没有指定 --rules：用这个辖区发布的规则版本（与网页、run-all 相同）；还没有发布过时用规则目录
            try (Database db = Database.open(main.dbUrl())) {
                RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
                var current = versions.currentVersion();
                if (current.isPresent()) {
                    rules = versions.rules(current.get().id());
                    label = main.jurisdiction + "的规则" + current.get().label();
                }
            }
        }
        if (rules == null) {
            rules = RuleSet.load(main.rulesDir());
        }
        // 检查规则、参数表与每个模板（其中编译规则库要 2–3 秒）在另一个线程上做，同时这里打开库、启动 Hibernate、数本期工单；
        // 考核开始前等检查结果，未通过则不运行（编译好的规则库留在 rules 里，考核直接用）
        AssessPeriod.Check checking = AssessPeriod.Check.start(rules, label);
        if (dryRun) {
            checking.require();
            try (Database db = Database.open(main.dbUrl())) {
                DryRun.Outcome o = DryRun.compare(db, p, c, rules);
                var out = main.spec.commandLine().getOut();
                out.println("假如（未保存）：用规则目录 " + main.rulesDir() + " 考核 " + p.code());
                if (o.official() == null) {
                    out.println("考核期 " + p.code() + " 还没有正式运行（其他考核期的运行不拿来比）：与“无”比较，以下全部结果为新增");
                }
                o.diff().lines().forEach(out::println);
            }
            return 0;
        }
        Database opened;
        try {
            opened = Database.open(main.dbUrl());
        } catch (RuntimeException e) {
            checking.require(); // 规则有错时先报规则的错，与原来的顺序一致
            throw e;
        }
        try (Database db = opened) {
            long started = System.nanoTime();
            AssessmentResult result = new AssessPeriod(db).run(p, c, rules, checking, allowEmpty,
                    "请先 assess import 导入派单记录；确要保存空运行，加 --allow-empty");
            long id = result.runId();
            var out = main.spec.commandLine().getOut();
            out.printf("运行 #%d：%s，截至 %s，工单 %d 个，转办 %d 条，名单成员 %d 个，一票否决 %d 个，用时 %.1f 秒%n", id, p.code(),
                    c.toLocalDate(), result.orderCount(), result.assignmentCount(), result.lists().size(),
                    result.disqualifications().size(), (System.nanoTime() - started) / 1e9);
            if (main.jurisdiction != null) {
                out.println("规则：" + label);
            }
            if (result.assignmentCount() == 0) { // 只有 --allow-empty 时会到这里
                out.println("提示：数据库中没有受理时间在 " + p.start() + " 至 " + p.end() + " 之间的工单，请先导入数据");
            }
        }
        return 0;
    }

    /** 命令行 --cutoff 的取值：没写时用 fallback；写了认不出的日期时报中文错误。run、run-all、rules preview 共用。 */
    static LocalDateTime cutoff(String text, LocalDateTime fallback) {
        if (text == null) {
            return fallback;
        }
        LocalDateTime c = DateTimes.parse(text, true);
        if (c == null) {
            throw new InputException("--cutoff：无法识别的日期“" + text + "”，例如 2021-12-31");
        }
        return c;
    }
}
