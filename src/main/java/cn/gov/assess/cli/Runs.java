package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"列出已保存的考核运行：编号、考核期、截至、保存时间、工单与转办数；作废的注明原因、作废人与时间，默认运行标“默认”。"})
final class Runs implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    Main main;

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }

    /**
     * 没有 --run 时用哪次运行：最近一次运行那一期已签发通报的运行（正式结果），还没有签发时是最近一次运行（见 RunStatus）。
     */
    static Long defaultRun(Database db, Long run) {
        return run != null ? run : cn.gov.assess.issuance.RunStatus.defaultRunId(db);
    }

    /** 结果印完之后说明这次运行的地位（正式结果、已被取代、通报所用、工作运行）；印在标准错误上，不混入 --json 等输出。 */
    static void tellStatus(Database db, AssessmentRun r, PrintWriter out) {
        out.println(cn.gov.assess.issuance.RunStatus.of(db, r).text());
    }

    /** 查看作废运行时先提醒一句。 */
    static void warnIfRetired(AssessmentRun r, PrintWriter out) {
        if (r.isRetired()) {
            out.printf("注意：运行 #%d 已作废（%s，%s，%s），下面是它当时的结果%n", r.getId(), r.getRetiredReason(), r.getRetiredBy(),
                    time(r.getRetiredAt()));
        }
    }

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            RunStore store = new RunStore(db);
            List<AssessmentRun> runs = store.runs();
            Long latest = store.latestRunId();
            Long official = defaultRun(db, null);
            var out = main.spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println("数据库中还没有考核运行");
                return 0;
            }
            out.println("编号  考核期   截至        保存时间          工单  转办  状态");
            for (AssessmentRun r : runs) {
                String state = r.isRetired() ? "作废：" + r.getRetiredReason() + "（" + r.getRetiredBy() + "，" + time(r.getRetiredAt()) + "）"
                        : r.getId().equals(official) ? "有效（默认）" : "有效";
                var status = cn.gov.assess.issuance.RunStatus.of(db, r);
                if (status.kind() != cn.gov.assess.issuance.RunStatus.Kind.工作运行) {
                    state += "，" + status.kind() + (status.notice() != null && !status.notice().isSigned()
                            ? "（" + status.notice().getKind() + " #" + status.notice().getId() + "，" + status.notice().getState() + "）" : "");
                }
                out.printf("#%-4d %-8s %-11s %-17s %5d %5d  %s%n", r.getId(), r.getPeriod().code(), r.getCutoff().toLocalDate(),
                        time(r.getCreatedAt()), r.getOrderCount(), r.getAssignmentCount(), state);
            }
        }
        return 0;
    }
}
