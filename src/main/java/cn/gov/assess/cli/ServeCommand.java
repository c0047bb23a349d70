package cn.gov.assess.cli;

import cn.gov.assess.db.Database;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"启动网页工作台（同一个数据库）。运行期间命令行的其他命令仍可使用这个库。按 Ctrl-C 停止。",
                "Start the staff web workbench on the same database."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "PORT", description = "端口（默认 8080）")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "监听地址（默认 127.0.0.1，只允许本机访问）")
    String bind = "127.0.0.1";

    @Override
    public Integer call() throws InterruptedException {
        var out = main.spec.commandLine().getOut();
        Database db = Database.open(Database.shared(main.dbUrl()));
        WebServer server;
        try {
            server = new WebServer(db, main.rulesDir()).start(bind, port);
        } catch (RuntimeException e) {
            db.close();
            boolean inUse = false;
            boolean network = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                inUse |= t instanceof java.net.BindException || t instanceof io.javalin.util.JavalinBindException;
                network |= inUse || t instanceof java.io.IOException;
            }
            if (!network) {
                throw e; // 不是地址或端口的问题：程序内部错误
            }
            throw new cn.gov.assess.io.InputException("无法在 " + bind + ":" + port + " 启动网页服务："
                    + (inUse ? "端口已被别的程序占用，请用 --port 换一个端口" : "地址或端口不可用，请检查 --bind 与 --port"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "assess-serve-stop"));
        String host = bind.equals("0.0.0.0") ? "本机地址" : bind;
        out.printf("网页工作台已启动：http://%s:%d/  （按 Ctrl-C 停止）%n", host, server.port());
        out.println("数据库：" + db.url());
        if (new Accounts(db).count() == 0) {
            out.println("还没有任何账号：请在另一个终端执行 bin/assess user add 账号名 --role 管理员 创建第一个管理员。");
        }
        out.println("服务运行期间，import、run、report 等命令仍可在另一个终端使用同一个库。");
        out.flush();
        stopped.await();
        return 0;
    }
}
