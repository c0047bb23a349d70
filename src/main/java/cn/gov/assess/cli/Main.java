package cn.gov.assess.cli;

import cn.gov.assess.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** 命令行入口：assess [--db JDBC_URL] [--rules DIR] 动词 …。 */
@Command(name = "assess", mixinStandardHelpOptions = true, version = "assess 0.1.0",
        description = {"12345 热线与市长、县长信箱办理情况季度考核与通报。",
                "Quarterly assessment of 12345 hotline orders and mailbox letters."},
        subcommands = {ImportCommand.class, RunCommand.class, ReportCommand.class, DemoCommand.class, RulesCommand.class,
                CorrectCommand.class, HistoryCommand.class, DiffCommand.class, ReconcileCommand.class, ExplainCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {
    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("drools.dialect.java.compiler", System.getProperty("drools.dialect.java.compiler", "ECLIPSE"));
    }

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL|路径",
            description = "数据库：JDBC 地址，或嵌入式 H2 库的路径（如 data/2026，不带 .mv.db）；默认当前目录下 data/assess"
                    + " / database URL, or path of an embedded H2 database")
    String db;

    @Option(names = "--rules", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "规则目录（默认：程序目录下的 rules/）/ rules folder")
    Path rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    String dbUrl() {
        return cn.gov.assess.db.Database.urlFor(db);
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
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException ie) {
                if (ie.problems().size() == 1) {
                    err.println("错误：" + ie.problems().get(0));
                } else {
                    err.println("错误：共 " + ie.problems().size() + " 处，未做任何修改：");
                    ie.problems().forEach(p -> err.println("  " + p));
                }
            } else {
                err.println("错误：" + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
                if (Boolean.getBoolean("assess.debug")) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
