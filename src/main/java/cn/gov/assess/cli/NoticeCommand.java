package cn.gov.assess.cli;

import cn.gov.assess.assessment.CorrectionNotice;
import cn.gov.assess.assessment.NoticeFiles;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.NoticeEvent;
import cn.gov.assess.issuance.NoticeFlow;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.web.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/** 正式通报的流程：起草、开放核对（延长）、结束核对、换用运行、签发、更正通报、作废、查看。与网页同一套检查（NoticeFlow）。 */
@Command(name = "notice", mixinStandardHelpOptions = true,
        description = {"一期的正式通报：经办起草（draft）、开放核对到某日（open，也用来延长）、结束核对（close）、换用同期更新的运行"
                + "（replace）、作废未签发的（retire）；另一位审核账号签发（sign）；签发后的改动出更正通报（correct）。"
                + "做事的账号用 --by 给出，按账号的角色检查，与网页相同。"},
        subcommands = {NoticeCommand.Draft.class, NoticeCommand.Open.class, NoticeCommand.Close.class, NoticeCommand.Replace.class,
                NoticeCommand.Sign.class, NoticeCommand.Correct.class, NoticeCommand.Retire.class, NoticeCommand.Show.class})
final class NoticeCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --by 的账号：须存在且未停用；角色决定能做什么。 */
    static NoticeFlow.Actor actor(Main main, String by) {
        Accounts.Account a = AppealCommand.account(main, by);
        return new NoticeFlow.Actor(a.name(), a.role().operates(), a.role().approves());
    }

    /** 一期正在进行（未签发、未作废）的通报或更正通报。 */
    static Notice pending(Database db, String period) {
        return new Notices(db).pendingOf(period).orElseThrow(() -> new InputException(period
                + " 没有未签发的通报或更正通报（见 assess notices）"));
    }

    static LocalDate date(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(option + " 的值“" + text + "”不是日期，应写作 2022-01-10");
        }
    }

    static String line(Notice n) {
        return n.getPeriod() + " " + n.getKind() + " #" + n.getId() + "：" + n.getState()
                + (n.getOpenUntil() != null && n.getState() == cn.gov.assess.issuance.NoticeState.核对中 ? "（截至 " + n.getOpenUntil() + "）" : "")
                + "，运行 #" + n.getRunId() + "，起草 " + n.getPreparedBy()
                + (n.isSigned() ? "，文号 " + n.getDocNumber() + "，成文日期 " + n.getDocDate() + "，签发 " + n.getSignedBy() : "");
    }

    abstract static class Step implements Callable<Integer> {
        @ParentCommand
        NoticeCommand parent;

        @Option(names = "--by", required = true, paramLabel = "账号", description = "做这一步的账号（见 assess user list）")
        String by;

        abstract Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor);

        @Override
        public Integer call() {
            NoticeFlow.Actor actor = actor(parent.main, by);
            try (Database db = Database.open(parent.main.dbUrl())) {
                Notice n = act(db, new NoticeFlow(db), actor);
                PrintWriter out = parent.main.spec.commandLine().getOut();
                out.println(line(n));
                after(db, n, out);
            }
            return 0;
        }

        void after(Database db, Notice n, PrintWriter out) {
        }
    }

    @Command(name = "draft", mixinStandardHelpOptions = true, description = {"由一次运行起草它那一期的通报（经办）。"})
    static final class Draft extends Step {
        @Option(names = "--run", required = true, paramLabel = "编号", description = "运行编号（见 assess runs）")
        long run;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.draft(run, actor);
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = {"开放核对到某日（含当日），单位在此之前可核对与申诉；已在核对中时即为延长截止日（经办）。"})
    static final class Open extends Step {
        @Option(names = "--period", required = true, paramLabel = "考核期", description = "如 2021-Q4")
        String period;

        @Option(names = "--until", required = true, paramLabel = "日期", description = "核对截止日，如 2022-01-10")
        String until;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.open(pending(db, period).getId(), date(until, "--until"), actor);
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = {"结束核对：核对中 → 待签发（经办）。"})
    static final class Close extends Step {
        @Option(names = "--period", required = true, paramLabel = "考核期")
        String period;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.close(pending(db, period).getId(), actor);
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = {"未签发的通报（或更正通报）换用同期更新的运行，如更正或申诉决定之后重新考核的运行（经办）。"})
    static final class Replace extends Step {
        @Option(names = "--period", required = true, paramLabel = "考核期")
        String period;

        @Option(names = "--run", required = true, paramLabel = "编号")
        long run;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.replaceRun(pending(db, period).getId(), run, actor);
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = {"作废未签发的通报（经办）；之后本期可以重新起草。"})
    static final class Retire extends Step {
        @Option(names = "--period", required = true, paramLabel = "考核期")
        String period;

        @Option(names = "--reason", required = true, paramLabel = "原因")
        String reason;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.retire(pending(db, period).getId(), reason, actor);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"签发本期待签发的通报或更正通报（审核账号，且不是起草人）。文号与成文日期不给时取运行的通报信息。"})
    static final class Sign extends Step {
        @Option(names = "--period", required = true, paramLabel = "考核期")
        String period;

        @Option(names = "--number", paramLabel = "文号", description = "如 扶政办函〔2022〕2号（默认：通报信息里的文号）")
        String number;

        @Option(names = "--date", paramLabel = "日期", description = "成文日期，如 2022-01-14（默认：通报信息里的成文日期）")
        String date;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.sign(pending(db, period).getId(), number, date(date, "--date"), actor);
        }

        @Override
        void after(Database db, Notice n, PrintWriter out) {
            out.println("运行 #" + n.getRunId() + " 现在是 " + n.getPeriod() + " 的正式结果（explain、report、reconcile 与网页默认用它）");
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = {"签发之后又有改动（更正、申诉决定）时，由同期重新考核的运行起草更正通报（经办），列出每一处变了的数字与名单及其原因；"
                    + "--out 给出目录时写出 更正通报.md 与 更正通报.docx。"})
    static final class Correct extends Step {
        @Option(names = "--run", required = true, paramLabel = "编号", description = "改动后重新考核的运行")
        long run;

        @Option(names = "--out", paramLabel = "目录", description = "写出 更正通报.md、更正通报.docx 的目录")
        Path outDir;

        @Override
        Notice act(Database db, NoticeFlow flow, NoticeFlow.Actor actor) {
            return flow.correct(run, actor);
        }

        @Override
        void after(Database db, Notice n, PrintWriter out) {
            CorrectionNotice.Result r = CorrectionNotice.compose(db, n, RuleSet.load(parent.main.rulesDir()));
            out.println("更正 " + r.corrected().getKind() + " #" + r.corrected().getId() + "（" + r.corrected().getDocNumber()
                    + "，运行 #" + r.corrected().getRunId() + "），共 " + r.items().size() + " 处：");
            r.items().forEach(i -> out.println("  " + i.where() + "：" + i.what()
                    + (i.reasons().isEmpty() ? "" : "【原因：" + String.join("；", i.reasons()) + "】")));
            if (outDir != null) {
                Show.write(r.files(), outDir, out);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"查看一期的通报与更正通报及其每一步；--out 给出目录时写出最后一份的文件（已签发的印上文号与成文日期）。"})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        NoticeCommand parent;

        @Option(names = "--period", required = true, paramLabel = "考核期")
        String period;

        @Option(names = "--out", paramLabel = "目录")
        Path outDir;

        @Override
        public Integer call() {
            try (Database db = Database.open(parent.main.dbUrl())) {
                PrintWriter out = parent.main.spec.commandLine().getOut();
                Notices notices = new Notices(db);
                var all = notices.ofPeriod(period);
                if (all.isEmpty()) {
                    out.println(period + " 还没有通报");
                    return 0;
                }
                for (Notice n : all) {
                    out.println(line(n));
                    for (NoticeEvent e : notices.events(n.getId())) {
                        out.println("  " + Runs.time(e.getAt()) + " " + e.getAccount() + " " + e.getAction() + "：" + e.getDetail());
                    }
                }
                if (outDir != null) {
                    write(NoticeFiles.of(db, all.get(all.size() - 1), RuleSet.load(parent.main.rulesDir())), outDir, out);
                }
            }
            return 0;
        }

        static void write(Map<String, byte[]> files, Path dir, PrintWriter out) {
            try {
                Files.createDirectories(dir);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Files.write(dir.resolve(f.getKey()), f.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("已写入 " + dir + "：" + String.join("、", files.keySet()));
        }
    }
}
