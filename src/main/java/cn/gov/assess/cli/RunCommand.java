package cn.gov.assess.cli;

import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"按规则目录对一个考核期（一个月、季度、半年或全年）做考核，结果作为新的一次运行保存（旧运行不变）。"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--period", required = true, paramLabel = "考核期",
            description = "考核期：月 2026-03、季度 2021-Q4、半年 2026-H1（或 2026上半年）、全年 2026")
    String period;

    @Option(names = "--dry-run", description = "假如：用 --rules 指定的规则目录考核已存数据，不保存，打印与最近一次正式运行的差异")
    boolean dryRun;

    @Option(names = "--allow-empty", description = "考核期内没有任何工单时也保存这次运行（默认拒绝，免得空运行成为默认运行）")
    boolean allowEmpty;

    @Option(names = "--cutoff", paramLabel = "日期", description = "截至日期（默认：考核期最后一天 23:59:59）")
    String cutoff;

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        LocalDateTime c = p.end().atTime(23, 59, 59);
        if (cutoff != null) {
            c = DateTimes.parse(cutoff, true);
            if (c == null) {
                throw new InputException("--cutoff：无法识别的日期“" + cutoff + "”，例如 2021-12-31");
            }
        }
        RuleSet rules = RuleSet.load(main.rulesDir());
        // 检查规则、参数表与每个模板（其中编译规则库要 2–3 秒）在另一个线程上做，同时这里打开库、启动 Hibernate、数本期工单；
        // 考核开始前等检查结果，未通过则不运行（编译好的规则库留在 rules 里，考核直接用）
        java.util.concurrent.FutureTask<cn.gov.assess.policy.RulesChecker.Report> checking =
                new java.util.concurrent.FutureTask<>(() -> RulesCommand.checkAll(rules));
        Thread checker = new Thread(checking, "assess-rules-check");
        checker.setDaemon(true);
        checker.start();
        if (dryRun) {
            requireValid(checking);
            try (Database db = Database.open(main.dbUrl())) {
                RunStore store = new RunStore(db);
                Long latest = store.latestRunId();
                if (latest == null) {
                    throw new InputException("还没有正式运行可供比较，请先执行 assess run --period " + p.code());
                }
                RunStore.StoredRun official = store.load(latest);
                RunStore.StoredRun preview = RunStore.preview(new Assessor(db).assess(p, c, rules));
                var out = main.spec.commandLine().getOut();
                out.println("假如（未保存）：用规则目录 " + main.rulesDir() + " 考核 " + p.code());
                cn.gov.assess.assessment.StoredRuns.diff(db, official, preview, "运行 #" + latest, "假如")
                        .lines().forEach(out::println);
            }
            return 0;
        }
        Database opened;
        try {
            opened = Database.open(main.dbUrl());
        } catch (RuntimeException e) {
            requireValid(checking); // 规则有错时先报规则的错，与原来的顺序一致
            throw e;
        }
        try (Database db = opened) {
            boolean empty = false;
            if (!allowEmpty) {
                empty = !new RunStore(db).hasOrders(p, c);
            }
            db.sessions(); // 启动 Hibernate（保存运行要用），与检查规则同时
            requireValid(checking);
            if (empty) {
                throw new InputException(RunStore.emptyPeriodMessage(p, c) + "请先 assess import 导入派单记录；"
                        + "确要保存空运行，加 --allow-empty");
            }
            long started = System.nanoTime();
            Assessor.Result result = new RunStore(db).assessAndSave(new Assessor(db), p, c, rules);
            long id = result.runId();
            var out = main.spec.commandLine().getOut();
            out.printf("运行 #%d：%s，截至 %s，工单 %d 个，转办 %d 条，名单成员 %d 个，一票否决 %d 个，用时 %.1f 秒%n", id, p.code(),
                    c.toLocalDate(), result.orderCount(), result.assignmentCount(), result.lists().size(),
                    result.disqualifications().size(), (System.nanoTime() - started) / 1e9);
            if (result.assignmentCount() == 0) { // 只有 --allow-empty 时会到这里
                out.println("提示：数据库中没有受理时间在 " + p.start() + " 至 " + p.end() + " 之间的工单，请先导入数据");
            }
        }
        return 0;
    }

    /** 等规则检查的结果；未通过则不运行，最近一次运行保持不变。 */
    private void requireValid(java.util.concurrent.FutureTask<cn.gov.assess.policy.RulesChecker.Report> checking) {
        cn.gov.assess.policy.RulesChecker.Report check;
        try {
            check = checking.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("检查规则被中断", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("检查规则失败：" + e.getCause().getMessage(), e.getCause());
        }
        if (!check.ok()) {
            List<String> problems = new java.util.ArrayList<>();
            problems.add("规则目录 " + main.rulesDir() + " 未通过检查，本次不运行，最近一次运行保持不变");
            problems.addAll(check.errors());
            throw new InputException(problems);
        }
    }
}
