package cn.gov.assess.assessment;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.ruleversions.RulesVersions;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 考核一个部署里每个辖区的同一个考核期（issue 28）：各辖区用自己当前发布的规则版本（还没有版本的用规则目录），
 * 在一个不超过处理器个数的线程池里并行，每个辖区走与 run 相同的一条路（{@link AssessPeriod}），结果与单独运行相同。
 * 没有工单的辖区不保存空运行；一个辖区出错不影响其他辖区，各自报告。
 */
public final class AssessAll {
    /** 一个辖区的结果：result 为空时 problem 说明为什么没有运行；seconds 是这个辖区考核的墙钟秒数（没有运行为 0）。 */
    public record Outcome(Jurisdictions.Jurisdiction jurisdiction, String rulesLabel, AssessmentResult result,
                          String problem, boolean empty, double seconds) {
        public boolean ok() { return result != null; }
    }

    private final Jurisdictions registry;
    private final Path rulesDir;
    private final int threads;

    /** @param rulesDir 还没有发布规则版本的辖区用的规则目录 */
    public AssessAll(Jurisdictions registry, Path rulesDir, int threads) {
        this.registry = registry;
        this.rulesDir = rulesDir;
        this.threads = Math.max(1, threads);
    }

    public List<Outcome> run(Period period, LocalDateTime cutoff) {
        return run(period, cutoff, j -> true);
    }

    /** 只考核 which 选中的辖区（网页上市级账号的“考核全部辖区”：本市及其下级）。 */
    public List<Outcome> run(Period period, LocalDateTime cutoff, java.util.function.Predicate<Jurisdictions.Jurisdiction> which) {
        List<Jurisdictions.Jurisdiction> all = registry.all().stream().filter(which).toList();
        // 先按顺序认出各辖区的规则并检查（编译规则库），同一份规则只检查、编译一次；考核再并行
        Map<String, RuleSet> byFingerprint = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        for (Jurisdictions.Jurisdiction j : all) {
            try (Database db = registry.open(j)) {
                RulesVersions versions = new RulesVersions(db, RulesCheck::problems);
                var current = versions.currentVersion();
                RuleSet rules = current.isPresent() ? versions.rules(current.get().id()) : RuleSet.load(rulesDir);
                String label = current.isPresent() ? "规则" + current.get().label() : "规则目录 " + rulesDir;
                RuleSet shared = byFingerprint.get(rules.fingerprint());
                if (shared == null) {
                    AssessPeriod.Check.inline(rules, label).require();
                    byFingerprint.put(rules.fingerprint(), rules);
                    shared = rules;
                }
                boolean empty = !PeriodReader.hasOrders(db, period, cutoff);
                prepared.add(new Prepared(j, label, shared, empty));
            } catch (RuntimeException e) {
                problems.put(j.name(), message(e));
                prepared.add(new Prepared(j, null, null, true));
            }
        }
        int running = (int) prepared.stream().filter(p -> p.rules != null && !p.empty).count();
        int pool = Math.max(1, Math.min(threads, running));
        int each = Math.max(1, threads / pool); // 辖区少于处理器时，每个辖区的规则会话分到余下的处理器
        ExecutorService executor = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(r, "assess-all");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (Prepared p : prepared) {
                futures.add(p.rules == null || p.empty ? null : executor.submit(() -> {
                    long t0 = System.nanoTime();
                    try (Database db = registry.open(p.jurisdiction)) {
                        AssessmentResult r = new AssessPeriod(db, each).assessAndSave(period, cutoff, p.rules);
                        return new Timed(r, (System.nanoTime() - t0) / 1e9);
                    }
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                Future<Timed> f = futures.get(i);
                if (f == null) {
                    String problem = problems.get(p.jurisdiction.name());
                    out.add(new Outcome(p.jurisdiction, p.label, null, problem != null ? problem
                            : AssessPeriod.emptyPeriodMessage(period, cutoff), problem == null, 0));
                    continue;
                }
                try {
                    Timed t = f.get();
                    out.add(new Outcome(p.jurisdiction, p.label, t.result, null, false, t.seconds));
                } catch (ExecutionException e) {
                    out.add(new Outcome(p.jurisdiction, p.label, null, message(e.getCause()), false, 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("考核被中断", e);
                }
            }
            return out;
        } finally {
            executor.shutdownNow();
        }
    }

    private static String message(Throwable e) {
        if (e instanceof cn.gov.assess.io.InputException ie) {
            return String.join("；", ie.problems());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private record Timed(AssessmentResult result, double seconds) {
    }

    private record Prepared(Jurisdictions.Jurisdiction jurisdiction, String label, RuleSet rules, boolean empty) {
    }
}
