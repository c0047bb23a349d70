package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Appeal;
import cn.gov.assess.issuance.AppealFiles;
import cn.gov.assess.issuance.AppealItem;
import cn.gov.assess.issuance.AppealState;
import cn.gov.assess.issuance.Appeals;
import cn.gov.assess.policy.AppealKinds;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.web.AppealAccess;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "appeal", mixinStandardHelpOptions = true,
        description = {"单位的申诉：列出、经办决定（同意即产生更正或核减）、办公室代单位登记纸质申诉。与网页同样检查。"},
        subcommands = {AppealCommand.ListAppeals.class, AppealCommand.Decide.class, AppealCommand.FileAppeal.class})
final class AppealCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * --by 给的账号：必须存在、未停用，并且属于 --jurisdiction 所指的辖区（账号都在登记库里，issue 28）：
     * 别的辖区的账号在这里什么也不能做，与网页相同。在打开辖区的库之前调用（H2 上不同时打开两次）。
     */
    static Accounts.Account account(Main main, String name) {
        try (UserCommand.Registry r = new UserCommand.Registry(main)) {
            Accounts.Account a = r.accounts().find(name == null ? "" : name.strip())
                    .orElseThrow(() -> new InputException("没有账号“" + name + "”（--by 写网页工作台的账号名）"));
            if (!a.active()) {
                throw new InputException("账号“" + a.name() + "”已停用");
            }
            Long here = r.jurisdiction(main.jurisdiction);
            Long theirs = r.normalize(a.jurisdictionId());
            if (!java.util.Objects.equals(here, theirs)) {
                throw new InputException("账号“" + a.name() + "”属于" + r.label(theirs) + "，不能在" + r.label(here)
                        + "做这件事（用 --jurisdiction 指定辖区）");
            }
            return a;
        }
    }

    static void audit(Database db, Accounts.Account by, String action, String detail) {
        new AuditLog(db).record(by.name() + "（命令行，" + System.getProperty("user.name", "") + "）", action, detail, "本机");
    }

    /** 一份申诉的一行：编号、期、单位、类型、状态、工单、理由与决定。 */
    static List<String> describe(Appeal a, List<AppealItem> items) {
        List<String> out = new ArrayList<>();
        out.add("申诉 #" + a.getId() + "  " + a.getPeriod() + "  " + a.getUnitName() + "  " + a.getKind() + "（" + a.getEffect()
                + (a.getProposedValue().isEmpty() ? "" : "：" + a.getProposedValue()) + "）  " + a.getState());
        out.add("  工单：" + items.stream().map(i -> i.getChannel() + " " + i.getOrderNo()).collect(Collectors.joining("、")));
        out.add("  理由：" + a.getReason() + "（" + a.getFiledBy() + "，" + a.filedText() + "）"
                + (a.hasAttachment() ? "；附件：" + a.getAttachmentName() : ""));
        if (a.isDecided()) {
            out.add("  决定：" + (a.getState() == AppealState.已同意 ? "同意" : "不同意") + "，" + a.getDecisionReason() + "（"
                    + a.getDecidedBy() + "，" + a.decidedText() + "）");
        }
        return out;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"列出申诉（新的在前）。"})
    static final class ListAppeals implements Callable<Integer> {
        @ParentCommand
        AppealCommand parent;

        @Option(names = "--period", paramLabel = "期", description = "只列这一期（如 2021-Q4）")
        String period;

        @Option(names = "--state", paramLabel = "状态", description = "只列这一状态：待审核、已同意、未同意")
        String state;

        @Override
        public Integer call() {
            AppealState st = null;
            if (state != null) {
                try {
                    st = AppealState.valueOf(state.strip());
                } catch (IllegalArgumentException e) {
                    throw new InputException("未知状态“" + state + "”，可选：待审核、已同意、未同意");
                }
            }
            try (Database db = Database.open(parent.main.dbUrl())) {
                var out = parent.main.spec.commandLine().getOut();
                Appeals appeals = new Appeals(db);
                List<Appeal> all = appeals.list(period, st, null);
                if (all.isEmpty()) {
                    out.println("没有申诉");
                }
                for (Appeal a : all) {
                    describe(a, appeals.items(a.getId())).forEach(out::println);
                }
            }
            return 0;
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"经办决定一份申诉：--accept 同意（产生更正或核减，重新考核后生效）或 --reject 不同意；理由单位会看到。"})
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        AppealCommand parent;

        @Option(names = "--id", required = true, paramLabel = "编号", description = "申诉编号")
        long id;

        @Option(names = "--accept", description = "同意")
        boolean accept;

        @Option(names = "--reject", description = "不同意")
        boolean reject;

        @Option(names = "--reason", required = true, paramLabel = "理由", description = "决定的理由（单位会看到）")
        String reason;

        @Option(names = "--value", paramLabel = "新值", description = "同意改派或改时间时代替单位提出的新值")
        String value;

        @Option(names = "--by", required = true, paramLabel = "账号", description = "决定人（经办的账号）")
        String by;

        @Override
        public Integer call() {
            if (accept == reject) {
                throw new InputException("请用 --accept（同意）或 --reject（不同意）中的一个");
            }
            Accounts.Account a = account(parent.main, by);
            try (Database db = Database.open(parent.main.dbUrl())) {
                AppealAccess.requireDecide(a);
                Appeals.Decision d = new Appeals(db).decide(id, accept, reason, value, a.name());
                audit(db, a, accept ? "同意申诉" : "不同意申诉", "申诉 #" + id + "：" + reason.strip());
                var out = parent.main.spec.commandLine().getOut();
                out.println("已" + (accept ? "同意" : "不同意") + "申诉 #" + id + "（" + d.appeal().getUnitName() + "，"
                        + d.appeal().getKind() + "）");
                d.corrections().forEach(c -> out.println("  " + c.describe()));
                if (!d.corrections().isEmpty()) {
                    out.println("重新考核 " + d.appeal().getPeriod() + "（assess run " + d.appeal().getPeriod() + "）后生效，旧运行不变");
                }
            }
            return 0;
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = {"办公室代单位登记一份纸质申诉（同样只在本期通报核对中、截止日之前）。"})
    static final class FileAppeal implements Callable<Integer> {
        @ParentCommand
        AppealCommand parent;

        @Option(names = "--period", required = true, paramLabel = "期", description = "考核期（如 2021-Q4）")
        String period;

        @Option(names = "--unit", required = true, paramLabel = "单位", description = "提出申诉的单位（名称或别名）")
        String unit;

        @Option(names = "--order", required = true, paramLabel = "工单编号", description = "申诉的工单（可写多次）")
        List<String> orders;

        @Option(names = "--channel", paramLabel = "渠道", description = "工单的渠道（编号在几个渠道里重复时）")
        String channel;

        @Option(names = "--kind", required = true, paramLabel = "类型", description = "申诉类型（rules/申诉类型.csv）")
        String kind;

        @Option(names = "--value", paramLabel = "新值", description = "改派的单位或新的时间（申诉类型要求时）")
        String value;

        @Option(names = "--reason", required = true, paramLabel = "理由", description = "申诉理由")
        String reason;

        @Option(names = "--attachment", paramLabel = "文件", description = "证明材料（PDF 或图片）")
        Path attachment;

        @Option(names = "--by", required = true, paramLabel = "账号", description = "登记人（经办的账号）")
        String by;

        @Override
        public Integer call() throws IOException {
            RuleSet rules = RuleSet.load(parent.main.rulesDir());
            AppealFiles.Attachment file = attachment == null ? null
                    : new AppealFiles.Attachment(attachment.getFileName().toString(), Files.readAllBytes(attachment));
            Accounts.Account a = account(parent.main, by);
            try (Database db = Database.open(parent.main.dbUrl())) {
                UnitDirectory.Ref u = db.read(UnitDirectory::load).require(unit.strip());
                AppealAccess.requireFile(a, u.id(), u.name());
                Appeals appeals = new Appeals(db);
                List<Long> ids = new ArrayList<>();
                for (String o : orders) {
                    ids.addAll(appeals.assignmentsOf(u.id(), o.strip(), channel));
                }
                Appeal x = appeals.file(AppealKinds.of(rules), new Appeals.Filing(period, u.id(), ids, kind, value, reason, file,
                        a.name()), LocalDate.now());
                audit(db, a, "登记申诉", "申诉 #" + x.getId() + "：" + x.getUnitName() + "，" + x.getKind() + "，工单 "
                        + String.join("、", orders));
                var out = parent.main.spec.commandLine().getOut();
                out.println("已登记申诉 #" + x.getId() + "，待经办审核：");
                describe(x, appeals.items(x.getId())).forEach(out::println);
            }
            return 0;
        }
    }
}
