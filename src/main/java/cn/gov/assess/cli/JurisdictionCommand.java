package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "jurisdiction", mixinStandardHelpOptions = true,
        description = {"辖区（一个部署服务一个市及其各县区）：各辖区有自己的单位、规则版本、通报信息、运行与通报。",
                "其他命令用 --jurisdiction 名称 选辖区；不写时是库原有的辖区。"},
        subcommands = {JurisdictionCommand.Add.class, JurisdictionCommand.ListAll.class, JurisdictionCommand.Rename.class})
final class JurisdictionCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"新建辖区（建好它自己的全套表，规则、单位等另行导入）。"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        JurisdictionCommand parent;

        @Parameters(paramLabel = "NAME", description = "辖区名称，如 岐山县")
        String name;

        @Option(names = "--level", required = true, paramLabel = "级别", description = "省、市、县 或 区")
        String level;

        @Option(names = "--parent", paramLabel = "上级", description = "上级辖区的名称，如 宝鸡市")
        String parentName;

        @Override
        public Integer call() {
            try (Database db = Database.open(parent.main.registryUrl())) {
                Jurisdictions.Jurisdiction j = new Jurisdictions(db).add(name, level, parentName);
                var out = parent.main.spec.commandLine().getOut();
                out.printf("已新建辖区“%s”（%s%s）。%n", j.name(), j.level(), j.parentName() == null ? "" : "，上级 " + j.parentName());
                if (parentName != null && Jurisdictions.UNNAMED.equals(j.parentName())) {
                    out.println(renameHint(new Jurisdictions(db).require(j.parentName())));
                }
            }
            return 0;
        }
    }

    /** 升级而来、还没有名称的辖区：说明怎样改名（级别先记作县，需要时一并改）。 */
    static String renameHint(Jurisdictions.Jurisdiction j) {
        return "提示：“" + j.name() + "”是旧库升级时的临时名称（库里没有通报信息的发文机关可取名）。请改成本辖区的名称，如 "
                + "assess jurisdiction rename " + j.name() + " 新名称 --level 县（级别可填 " + String.join("、", Jurisdictions.LEVELS)
                + "）；只改名称，数据不动。";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"列出全部辖区。"})
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        JurisdictionCommand parent;

        @Override
        public Integer call() {
            try (Database db = Database.open(parent.main.registryUrl())) {
                Jurisdictions all = new Jurisdictions(db);
                String home = all.home().schema();
                var out = parent.main.spec.commandLine().getOut();
                out.println("名称\t级别\t上级\t建立时间");
                for (Jurisdictions.Jurisdiction j : all.all()) {
                    out.println(j.name() + "\t" + j.level() + "\t" + (j.parentName() == null ? "—" : j.parentName()) + "\t"
                            + j.createdAt().toLocalDate() + (j.schema().equals(home) ? "\t（默认）" : ""));
                }
                for (Jurisdictions.Jurisdiction j : all.all()) {
                    if (j.unnamed()) {
                        out.println(renameHint(j));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = {"辖区改名或改级别（数据不动）。"})
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        JurisdictionCommand parent;

        @Parameters(index = "0", paramLabel = "OLD", description = "现在的名称")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW", description = "新名称（只改级别时写原名）")
        String newName;

        @Option(names = "--level", paramLabel = "级别", description = "同时改级别：省、市、县 或 区")
        String level;

        @Override
        public Integer call() {
            try (Database db = Database.open(parent.main.registryUrl())) {
                Jurisdictions.Jurisdiction j = new Jurisdictions(db).rename(oldName, newName, level);
                parent.main.spec.commandLine().getOut().printf("辖区“%s”现在是“%s”（%s）。%n", oldName.strip(), j.name(), j.level());
            }
            return 0;
        }
    }
}
