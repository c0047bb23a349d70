package cn.gov.assess.db;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * 库的表结构是否已是本程序的最新版本：比较库中 Flyway 记录的最高版本与程序包里迁移脚本的最高版本。
 * 已是最新时每条命令省下 Flyway 扫描类路径与校验（约 0.3–0.5 秒）；不是最新、或无法判断时照常交给 Flyway。
 */
final class SchemaVersion {
    private static final Pattern NAME = Pattern.compile("(?:^|/)V(\\d+(?:[._]\\d+)*)__[^/]*\\.(?:sql|class)$");

    private SchemaVersion() {
    }

    static boolean upToDate(String url) {
        String latest = latestPackaged();
        if (latest == null) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select \"version\" from \"flyway_schema_history\" where \"success\" = true")) {
            String max = null;
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && (max == null || compare(v, max) > 0)) {
                    max = v;
                }
            }
            return max != null && compare(max, latest) == 0;
        } catch (SQLException e) {
            return false; // 新库、表不存在或库被占用：交给 Flyway，由它报告
        }
    }

    /** 程序包中 db/ 下迁移脚本（SQL 与 Java）的最高版本；找不到时返回 null。 */
    static String latestPackaged() {
        URL root = SchemaVersion.class.getResource("/db/migration");
        if (root == null) {
            return null;
        }
        String[] max = {null};
        try {
            if ("jar".equals(root.getProtocol())) {
                var jar = ((JarURLConnection) root.openConnection()).getJarFile();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    consider(e.nextElement().getName(), max);
                }
            } else if ("file".equals(root.getProtocol())) {
                Path dir = Path.of(root.toURI()).getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.forEach(f -> consider(dir.relativize(f).toString().replace('\\', '/'), max));
                }
                // Java 迁移编译在 classes/db/migration 下，与 SQL 可能不在同一个类路径根
                URL java = SchemaVersion.class.getResource("/db/migration/V9__staged_writes.class");
                if (java != null && "file".equals(java.getProtocol())) {
                    try (Stream<Path> files = Files.walk(Path.of(java.toURI()).getParent())) {
                        files.forEach(f -> consider(f.getFileName().toString(), max));
                    }
                }
            } else {
                return null;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return max[0];
    }

    private static void consider(String name, String[] max) {
        if (name.contains("vendor/")) {
            return; // 引擎专用的迁移（db/vendor/{引擎}）不在 H2 库里执行，不计入 H2 的最新版本
        }
        Matcher m = NAME.matcher(name);
        if (m.find() && !name.contains("$")) {
            String v = m.group(1).replace('_', '.');
            if (max[0] == null || compare(v, max[0]) > 0) {
                max[0] = v;
            }
        }
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
