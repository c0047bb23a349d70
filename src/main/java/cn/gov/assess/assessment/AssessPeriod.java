package cn.gov.assess.assessment;

import cn.gov.assess.db.Database;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Progress;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RulesChecker;
import cn.gov.assess.run.RunStore;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * 考核一个考核期，命令行 run 与网页的考核、更正后重新考核共用这一条路：检查规则与模板 → 拒绝空考核期（除非允许）
 * → 锁住这一期 → 读库 → 规则引擎 → 保存。{@link #trial} 是不保存的“假如”。
 */
public final class AssessPeriod {
    private final Database db;
    private final Assessor engine;

    public AssessPeriod(Database db) {
        this(db, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public AssessPeriod(Database db, int threads) {
        this.db = db;
        this.engine = new Assessor(threads);
    }

    /** 把进度（阶段与已分类的转办数）交给 sink（网页的后台考核用它）。 */
    public AssessPeriod withProgress(Progress.Sink sink) {
        engine.withProgress(sink);
        return this;
    }

    /** 用的规则引擎（读它的计时）。 */
    public Assessor engine() {
        return engine;
    }

    /** 规则、参数表与每个模板的检查（其中编译规则库要 2–3 秒）：可以在另一个线程上先开始，考核开始前等它的结果。 */
    public static final class Check {
        private final FutureTask<RulesChecker.Report> task;
        private final String name;

        private Check(RuleSet rules, String name) {
            this.task = new FutureTask<>(() -> RulesCheck.report(rules));
            this.name = name;
        }

        /** 在另一个线程上开始检查；name 是报错时对规则的称呼，如“规则目录 rules”。 */
        public static Check start(RuleSet rules, String name) {
            Check c = new Check(rules, name);
            Thread checker = new Thread(c.task, "assess-rules-check");
            checker.setDaemon(true);
            checker.start();
            return c;
        }

        /** 到 {@link #require} 时才在调用线程上检查。 */
        public static Check inline(RuleSet rules, String name) {
            return new Check(rules, name);
        }

        /** 等检查的结果；未通过则不运行，最近一次运行保持不变。 */
        public void require() {
            task.run(); // 已在别的线程上开始或做完时什么也不做
            RulesChecker.Report check;
            try {
                check = task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("检查规则被中断", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("检查规则失败：" + e.getCause().getMessage(), e.getCause());
            }
            if (!check.ok()) {
                List<String> problems = new ArrayList<>();
                problems.add(name + " 未通过检查，本次不运行，最近一次运行保持不变");
                problems.addAll(check.errors());
                throw new InputException(problems);
            }
        }
    }

    /**
     * 整个用例：检查（check）→ 拒绝空考核期（allowEmpty 为假时；说明后接 emptyAdvice，说怎样导入、怎样仍要保存）
     * → 锁 → 读 → 考核 → 保存。规则有错时先报规则的错。
     */
    public AssessmentResult run(Period period, LocalDateTime cutoff, RuleSet rules, Check check, boolean allowEmpty,
                                String emptyAdvice) {
        boolean empty = !allowEmpty && !PeriodReader.hasOrders(db, period, cutoff);
        db.sessions(); // 启动 Hibernate（保存运行要用），与检查规则同时
        check.require();
        if (empty) {
            throw new InputException(emptyPeriodMessage(period, cutoff) + emptyAdvice);
        }
        return assessAndSave(period, cutoff, rules);
    }

    /** 锁 → 读 → 考核 → 保存（不检查规则，不拒绝空考核期）。 */
    public AssessmentResult assessAndSave(Period period, LocalDateTime cutoff, RuleSet rules) {
        // PostgreSQL：同一期的两次运行排队（advisory 锁，见 Database.lockPeriod）；不同期可同时运行
        try (Database.Lock lock = db.lockPeriod(period.code(), System.err)) {
            return new RunStore(db).save(period, cutoff, rules, trail -> {
                try (PeriodReader reader = PeriodReader.open(db, period, cutoff)) {
                    return engine.assess(reader.input(), rules, trail);
                }
            });
        }
    }

    /** 假如：读 → 考核，不保存（不锁，不检查规则）。 */
    public AssessmentResult trial(Period period, LocalDateTime cutoff, RuleSet rules) {
        try (PeriodReader reader = PeriodReader.open(db, period, cutoff)) {
            return engine.assess(reader.input(), rules);
        }
    }

    /** 受理时间在考核期内（截至 cutoff）的工单是否存在。 */
    public boolean hasOrders(Period period, LocalDateTime cutoff) {
        return PeriodReader.hasOrders(db, period, cutoff);
    }

    /** 拒绝空运行时的说明（命令行与网页共用，各自再接上怎样导入、怎样仍要保存）。 */
    public static String emptyPeriodMessage(Period period, LocalDateTime cutoff) {
        return "数据库中没有受理时间在 " + period.start() + " 至 " + period.end() + "（截至 " + cutoff.toLocalDate()
                + "）之间的工单，不保存空运行（它会成为 explain、report 的默认运行）。";
    }
}
