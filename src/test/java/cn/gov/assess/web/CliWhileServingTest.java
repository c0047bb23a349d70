package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 网页服务占着 H2 文件库时，另一个进程里的命令行动词照常工作（经 AUTO_SERVER 连接），写入的东西网页立即看到。 */
class CliWhileServingTest {
    @Test
    void commandLineVerbsWorkWhileTheServerHoldsTheDatabase() throws Exception {
        WebFixture f = WebFixture.get();
        String history = cli(f.dbPath, null, "history", "RX202112120003");
        assertTrue(history.contains("原始：派给 县住建局"), history);
        cli(f.dbPath, "cli-pass-123\n", "user", "add", "命令行建的账号", "--role", "查看", "--password-stdin");
        // 网页这边立即能用这个账号登录
        WebFixture.Client c = f.new Client();
        assertEquals(302, c.login("命令行建的账号", "cli-pass-123").statusCode());
        assertEquals(200, c.get("/runs").statusCode());
    }

    @Test
    void serveOnAPortInUseSaysSoInChinese() throws Exception {
        WebFixture f = WebFixture.get();
        String[] result = run(f.dbPath, null, "serve", "--port", String.valueOf(f.server.port()));
        assertEquals("1", result[0], result[2]);
        assertTrue(result[2].contains("端口已被别的程序占用"), result[2]);
        assertTrue(!result[2].matches("(?s).*[A-Za-z]{6,} [A-Za-z]{3,}.*"), "不应有英文的库消息：" + result[2]);
    }

    /** 在另一个 JVM 里运行 assess 命令，返回标准输出；退出码非零时测试失败并带上错误输出。 */
    static String cli(Path db, String stdin, String... args) throws IOException, InterruptedException {
        String[] r = run(db, stdin, args);
        assertEquals("0", r[0], String.join(" ", args) + "：" + r[2] + r[1]);
        return r[1];
    }

    /** 退出码、标准输出、错误输出。 */
    static String[] run(Path db, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dassess.home=" + TestSupport.root(), "-cp", System.getProperty("java.class.path"), "cn.gov.assess.cli.Main",
                "--db", db.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "命令没有结束：" + String.join(" ", args));
        return new String[]{String.valueOf(p.exitValue()), out, new String(err, StandardCharsets.UTF_8)};
    }
}
