package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.Notices;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "notices", mixinStandardHelpOptions = true,
        description = {"列出全部通报与更正通报：考核期、状态（核对中的写明截止日）、所用运行、文号、成文日期、起草人、签发人。"})
final class NoticesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        try (Database db = Database.open(main.dbUrl())) {
            var out = main.spec.commandLine().getOut();
            List<Notice> all = new Notices(db).all();
            if (all.isEmpty()) {
                out.println("还没有通报（用 assess notice draft --run 编号 --by 账号 起草）");
                return 0;
            }
            out.println("编号  考核期   种类      状态                  运行   文号                    成文日期    起草      签发");
            for (Notice n : all) {
                String state = n.getState().name() + (n.getState() == cn.gov.assess.issuance.NoticeState.核对中
                        ? "（截至 " + n.getOpenUntil() + "）" : "");
                out.printf("#%-4d %-8s %-8s %-20s #%-5d %-22s %-11s %-9s %s%n", n.getId(), n.getPeriod(), n.getKind(), state,
                        n.getRunId(), n.getDocNumber() == null ? "" : n.getDocNumber(), n.getDocDate() == null ? "" : n.getDocDate(),
                        n.getPreparedBy(), n.getSignedBy() == null ? "" : n.getSignedBy());
            }
        }
        return 0;
    }
}
