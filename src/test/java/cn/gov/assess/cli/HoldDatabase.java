package cn.gov.assess.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** 测试用的另一个进程：打开 H2 文件库（独占文件锁），说“ready”，等标准输入关闭后退出。 */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            c.createStatement().execute("select 1");
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // 等测试关掉标准输入
            }
        }
    }
}
