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
    /** 密钥库的密码：从文件的第一行读；两个选项必须同用，文件与密钥库必须在。 */
    private char[] keystorePassword() throws java.io.IOException {
        if (keystore == null && keystorePasswordFile == null) {
            return null;
        }
        if (keystore == null || keystorePasswordFile == null) {
            throw new cn.gov.assess.io.InputException("--keystore 与 --keystore-password-file 必须同时给出");
        }
        for (java.nio.file.Path p : new java.nio.file.Path[]{keystore, keystorePasswordFile}) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new cn.gov.assess.io.InputException("找不到文件 " + p);
            }
        }
        String first = java.nio.file.Files.readAllLines(keystorePasswordFile, java.nio.charset.StandardCharsets.UTF_8).stream()
                .findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw new cn.gov.assess.io.InputException("密码文件 " + keystorePasswordFile + " 的第一行是空的");
        }
        return first.toCharArray();
    }

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "PORT", description = "端口（默认 8080）")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "监听地址（默认 127.0.0.1，只允许本机访问）")
    String bind = "127.0.0.1";

    @Option(names = "--max-upload", paramLabel = "MB", description = "一次上传的上限，兆字节（默认 600）")
    int maxUpload = 600;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "直接提供 HTTPS：服务器证书与私钥所在的密钥库（PKCS12 .p12 或 JKS），须与 --keystore-password-file 同用")
    java.nio.file.Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "密钥库的密码所在的文件（第一行；不在命令行上写密码）")
    java.nio.file.Path keystorePasswordFile;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "前面的反向代理（如 nginx）的地址，可多个：只有从这些地址来的 X-Forwarded-Proto/-For 才算数")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    private static boolean keystoreProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.GeneralSecurityException || t instanceof java.io.IOException && !(t instanceof java.net.BindException)
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).matches(".*(keystore|password|der|pkcs|tag).*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        var out = main.spec.commandLine().getOut();
        char[] password = keystorePassword();
        Database db = Database.open(Database.shared(main.registryUrl())); // 登记库：一个登录页服务整个部署，各辖区按账号打开
        WebServer server;
        try {
            WebServer web = new WebServer(db, main.rulesDir()).maxUploadMb(maxUpload).trustProxies(trustedProxies);
            if (keystore != null) {
                web.tls(keystore, password);
            }
            server = web.start(bind, port);
        } catch (RuntimeException e) {
            db.close();
            boolean inUse = false;
            boolean network = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                inUse |= t instanceof java.net.BindException || t instanceof io.javalin.util.JavalinBindException;
                network |= inUse || t instanceof java.io.IOException;
            }
            if (keystore != null && keystoreProblem(e)) {
                throw new cn.gov.assess.io.InputException("无法用密钥库 " + keystore + " 启动 HTTPS：密码不对，或文件不是 PKCS12/JKS 密钥库，"
                        + "或里面没有私钥与证书（见 docs/工作台.md“HTTPS”）");
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
        out.printf("网页工作台已启动：%s://%s:%d/  （按 Ctrl-C 停止）%n", server.https() ? "https" : "http", host, server.port());
        if (!trustedProxies.isEmpty()) {
            out.println("受信任的反向代理：" + String.join("、", trustedProxies) + "（只有它们转来的 X-Forwarded-Proto/-For 才算数）");
        }
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
