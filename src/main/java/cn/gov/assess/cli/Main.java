package cn.gov.assess.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** 命令行入口：assess [--db JDBC_URL] [--rules DIR] 动词 …。 */
@Command(name = "assess", mixinStandardHelpOptions = true, version = "assess 0.1.0",
        description = {"12345 热线与市长、县长信箱办理情况考核与通报（月度、季度、半年、全年）。"},
        subcommands = {ImportCommand.class, RunCommand.class, ReportCommand.class, DemoCommand.class, RulesCommand.class,
                CorrectCommand.class, HistoryCommand.class, DiffCommand.class, ReconcileCommand.class, ExplainCommand.class, BenchCommand.class,
                RetireCommand.class, Runs.class, NoticeCommand.class, NoticesCommand.class, ServeCommand.class, UserCommand.class, AppealCommand.class,
                JurisdictionCommand.class, RunAllCommand.class, HelpVerb.class},
        usageHelpAutoWidth = true, synopsisSubcommandLabel = "命令",
        exitCodeListHeading = "%n退出码：%n",
        exitCodeList = {"0:成功", "1:输入或数据有误（错误信息写明文件、行、列和值；数据库未做任何修改）",
                "2:命令行用法有误（缺少选项、多余的参数、取值格式不对）", "3:reconcile 发现通报与运行结果不一致",
                "4:文件或数据库无法读写（路径不存在、没有权限、磁盘满、库正被占用）", "5:程序内部错误（请加 --debug 重新运行并报告）"})
public final class Main implements Runnable {
    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("drools.dialect.java.compiler", System.getProperty("drools.dialect.java.compiler", "ECLIPSE"));
    }

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC地址|路径",
            description = "数据库：JDBC 地址，或嵌入式 H2 库的路径（如 data/2026，不带 .mv.db）；默认当前目录下 data/assess"
)
    String db;

    @Option(names = "--jurisdiction", scope = ScopeType.INHERIT, paramLabel = "辖区",
            description = "辖区名称（见 jurisdiction list）；默认：库原有的辖区（只有一个辖区时就是它）")
    String jurisdiction;

    @Option(names = "--rules", scope = ScopeType.INHERIT, paramLabel = "目录",
            description = "规则目录（默认：程序目录下的 rules/）")
    Path rules;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "出错时打印完整的技术信息（堆栈），供维护人员排查")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** 要用的库：--db 所指的库里 --jurisdiction 所指的辖区（不指定时是库原有的辖区）。 */
    String dbUrl() {
        String registry = registryUrl();
        if (jurisdiction == null) {
            return registry;
        }
        try (cn.gov.assess.db.Database db = cn.gov.assess.db.Database.open(registry)) {
            var all = new cn.gov.assess.db.Jurisdictions(db);
            return all.find(jurisdiction).map(all::url).orElseThrow(() -> new UsageError(spec.commandLine(),
                    "--jurisdiction：没有辖区“" + jurisdiction + "”，已有的辖区：" + String.join("、",
                            all.all().stream().map(cn.gov.assess.db.Jurisdictions.Jurisdiction::name).toList())));
        }
    }

    /** --db 所指的库本身（辖区登记表所在处）。 */
    String registryUrl() {
        if (db == null) {
            return cn.gov.assess.db.Database.defaultUrl();
        }
        if (db.startsWith("jdbc:")) {
            return db;
        }
        Path base = Path.of(db.replaceFirst("\\.mv\\.db$", "")).toAbsolutePath();
        // 上级路径中有一段是文件时 H2 会自己往终端打印一长串堆栈：先查出来，用一行中文说明
        for (Path p = base.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new java.io.UncheckedIOException(new java.nio.file.NotDirectoryException(p.toString()));
                }
                break;
            }
        }
        return cn.gov.assess.db.Database.fileUrl(base);
    }

    Path rulesDir() {
        if (rules != null) {
            return rules;
        }
        return home().resolve("rules");
    }

    /** 程序目录：bin/assess 通过 -Dassess.home 传入；否则取当前目录。 */
    static Path home() {
        String h = System.getProperty("assess.home");
        return h != null ? Path.of(h) : Path.of("").toAbsolutePath();
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setResourceBundle(java.util.ResourceBundle.getBundle("cn.gov.assess.cli.Messages"));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            err.println("错误：" + UsageErrors.chinese(ex, arguments));
            err.println("用 " + cmd.getCommandSpec().qualifiedName() + " --help 查看用法");
            err.flush();
            return Failures.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Explained e = Failures.explain(ex);
            e.lines().forEach(err::println);
            if (main.debug || Boolean.getBoolean("assess.debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return e.code();
        });
        return cl.execute(args);
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
