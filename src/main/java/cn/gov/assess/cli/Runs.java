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
            var out = main.spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println("数据库中还没有考核运行");
                return 0;
            }
            out.println("编号  考核期   截至        保存时间          工单  转办  状态");
            for (AssessmentRun r : runs) {
                String state = r.isRetired() ? "作废：" + r.getRetiredReason() + "（" + r.getRetiredBy() + "，" + time(r.getRetiredAt()) + "）"
                        : r.getId().equals(latest) ? "有效（默认）" : "有效";
                out.printf("#%-4d %-8s %-11s %-17s %5d %5d  %s%n", r.getId(), r.getPeriod().code(), r.getCutoff().toLocalDate(),
                        time(r.getCreatedAt()), r.getOrderCount(), r.getAssignmentCount(), state);
            }
        }
        return 0;
    }
}
