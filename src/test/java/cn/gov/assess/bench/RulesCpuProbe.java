package cn.gov.assess.bench;

import cn.gov.assess.TestSupport;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.engine.AssignmentRow;
import cn.gov.assess.facts.AssessmentContext;
import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kie.api.KieBase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * 测规则第一步（分类与汇总）每条转办的 CPU 时间（本线程 ThreadMXBean），不读库：按 bench 的分布造转办行，
 * 每块 2000 条交给 {@link Assessor#classifyAndTally}。只在 -Dassess.probe=条数 时运行；打印结果摘要以便前后比较。
 */
class RulesCpuProbe {
    @Test
    @EnabledIfSystemProperty(named = "assess.probe", matches = "\\d+")
    void cpuPerAssignment() {
        int n = Integer.getInteger("assess.probe");
        RuleSet rulesA = TestSupport.rules();
        KieBase kieBaseA = TestSupport.kieBase(rulesA);
        // -Dassess.probe.rulesB=目录：与另一份规则目录逐轮交替（A、B、A、B…），同一进程、同一数据下比较
        String other = System.getProperty("assess.probe.rulesB");
        RuleSet rulesB = other == null ? rulesA : RuleSet.load(java.nio.file.Path.of(other));
        KieBase kieBaseB = other == null ? kieBaseA : TestSupport.kieBase(rulesB);
        LocalDateTime cutoff = LocalDateTime.of(2026, 3, 31, 23, 59, 59);
        AssessmentContext context = new AssessmentContext(Period.parse("2026-Q1"), cutoff);
        List<List<AssignmentRow>> chunksA = rows(n, cutoff, Integer.getInteger("assess.chunk", 2000));
        // -Dassess.probe.chunkB=条数：B 轮用另一种分块（同一份数据）
        List<List<AssignmentRow>> chunksB = System.getProperty("assess.probe.chunkB") == null ? chunksA
                : rows(n, cutoff, Integer.getInteger("assess.probe.chunkB"));
        boolean alternate = other != null || chunksB != chunksA;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < Integer.getInteger("assess.probe.rounds", 4); round++) {
            boolean useB = alternate && round % 2 == 1;
            List<List<AssignmentRow>> chunks = useB ? chunksB : chunksA;
            RuleSet rules = useB ? rulesB : rulesA;
            KieBase kieBase = useB ? kieBaseB : kieBaseA;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            TreeMap<String, String> summary = new TreeMap<>();
            long trail = 0;
            for (List<AssignmentRow> chunk : chunks) {
                Assessor.Chunk c = Assessor.classifyAndTally(kieBase, rules.parameters(), context, chunk);
                for (Tally t : c.tallies()) {
                    summary.merge(t.getChannel() + "/" + t.getUnitId(), line(t), (a, b) -> a + "+" + b);
                }
                for (AssignmentFact a : c.facts()) {
                    trail = trail * 31 + (a.getStatus() + "|" + a.getDaysLate() + "|" + a.getClassifiedBy()).hashCode();
                }
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("probe round %d%s: %d assignments, CPU %.2f µs/assignment, wall %.2f s, tallies %d, summary %08x, trail %016x%n",
                    round, !alternate ? "" : useB ? " B" : " A", n, cpu / 1e3 / n, (System.nanoTime() - t0) / 1e9, summary.size(), summary.toString().hashCode(), trail);
        }
    }

    private static String line(Tally t) {
        return t.getDue() + "," + t.getHandled() + "," + t.getOverdueCompleted() + "," + t.getOverdueUnhandled() + "," + t.getOpen()
                + "," + t.getOverdueDays() + "," + t.getExtras() + "," + t.encodeOptional() + "," + t.getOverdueUnhandledOrderNos()
                + "," + t.getMonthlyOverdue();
    }

    /** 与 SyntheticQuarter 相同的分布（5% 工单两个单位，约 4% 逾期办结，0.3% 逾期未办，0.5% 在办），另有 0.2% 核减。 */
    private static List<List<AssignmentRow>> rows(int n, LocalDateTime cutoff, int chunkSize) {
        String[] channels = {"12345市民热线", "市长信箱", "县长信箱"};
        SplittableRandom rnd = new SplittableRandom(42);
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
        List<List<AssignmentRow>> chunks = new ArrayList<>();
        List<AssignmentRow> chunk = new ArrayList<>();
        long id = 0;
        long order = 0;
        while (id < n) {
            order++;
            if (chunk.size() >= chunkSize) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            double c = rnd.nextDouble();
            String channel = c < 0.9 ? channels[0] : c < 0.95 ? channels[1] : channels[2];
            LocalDateTime received = start.plusSeconds(rnd.nextLong(89L * 24 * 3600));
            LocalDateTime deadline = received.plusDays(channel.equals(channels[0]) ? 5 : 15).withHour(18).withMinute(0).withSecond(0);
            int handlers = rnd.nextDouble() < 0.05 ? 2 : 1;
            for (int h = 0; h < handlers; h++) {
                long unit = rnd.nextInt(5000);
                double s = rnd.nextDouble();
                LocalDateTime completed;
                if (s < 0.003 && deadline.isBefore(cutoff)) {
                    completed = null;
                } else if (s < 0.043) {
                    LocalDateTime t = deadline.plusDays(1 + rnd.nextInt(10)).withHour(10);
                    completed = t.isAfter(cutoff) ? null : t;
                } else {
                    LocalDateTime t = received.plusMinutes(30 + rnd.nextLong(Math.max(1, java.time.Duration.between(received, deadline).toMinutes() - 30)));
                    completed = t.isAfter(cutoff) || rnd.nextDouble() < 0.005 && deadline.isAfter(cutoff) ? null : t;
                }
                String excluded = rnd.nextDouble() < 0.002 ? "申诉 #" + id : null;
                String satisfaction = rnd.nextDouble() < 0.5 ? (rnd.nextDouble() < 0.9 ? "满意" : "不满意") : null;
                chunk.add(new AssignmentRow(++id, order, channel, String.format("S%09d", order), received, unit, "单位" + unit,
                        deadline, completed, null, null, satisfaction, null, null, excluded));
            }
        }
        chunks.add(chunk);
        return chunks;
    }
}
