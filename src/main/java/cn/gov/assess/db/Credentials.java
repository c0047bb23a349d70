package cn.gov.assess.db;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * 连接 PostgreSQL 服务器的用户名与口令：不在命令行上出现（命令行会进 ps 与 shell 历史）。
 * 依次取：环境变量 ASSESS_DB_USER / ASSESS_DB_PASSWORD；地址里的 user=（只许用户名）；~/.pgpass（或 PGPASSFILE 指的文件，
 * 格式 主机:端口:库名:用户:口令，可用 * 通配，与 psql 相同）中第一条匹配的行。H2 嵌入式库固定用 sa、空口令。
 */
public final class Credentials {
    private Credentials() {
    }

    /** 连接属性（user、password、ApplicationName）。地址里带口令时拒绝。 */
    public static Properties forUrl(String url) {
        return forUrl(url, System.getenv());
    }

    static Properties forUrl(String url, Map<String, String> env) {
        Properties p = new Properties();
        if (Vendor.of(url) != Vendor.POSTGRESQL) {
            p.setProperty("user", "sa");
            p.setProperty("password", "");
            return p;
        }
        Target t = Target.parse(url);
        if (t.params.containsKey("password")) {
            throw new DatabaseAddressException("数据库地址里不要写口令（命令行会被别人看到）：请用环境变量 ASSESS_DB_PASSWORD "
                    + "或 ~/.pgpass 文件提供口令，地址里去掉 password=…");
        }
        String user = nonEmpty(env.get("ASSESS_DB_USER"));
        if (user == null) {
            user = nonEmpty(t.params.get("user"));
        }
        String password = env.get("ASSESS_DB_PASSWORD");
        if (password == null || user == null) {
            for (String[] e : pgpass(env)) {
                if (matches(e[0], t.host) && matches(e[1], String.valueOf(t.port)) && matches(e[2], t.database)
                        && (user == null || matches(e[3], user))) {
                    if (user == null && !e[3].equals("*")) {
                        user = e[3];
                    }
                    if (password == null) {
                        password = e[4];
                    }
                    break;
                }
            }
        }
        if (user == null) {
            user = System.getProperty("user.name");
        }
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "assess");
        // JDBC 批量插入改写成多行 INSERT（汇总、名单、规则触发记录等由 Hibernate 成批写入）
        p.setProperty("reWriteBatchedInserts", "true");
        return p;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** ~/.pgpass 的各行：主机、端口、库名、用户、口令（\: 与 \\ 按 psql 的规则还原）。 */
    static List<String[]> pgpass(Map<String, String> env) {
        String file = env.get("PGPASSFILE");
        Path f = file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".pgpass");
        List<String[]> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            fields.add(cur.toString());
            if (fields.size() == 5) {
                out.add(fields.toArray(String[]::new));
            }
        }
        return out;
    }

    /** jdbc:postgresql://主机[:端口]/库名[?参数] 的各部分。 */
    record Target(String host, int port, String database, Map<String, String> params) {
        static Target parse(String url) {
            String rest = url.substring("jdbc:".length());
            URI u;
            try {
                u = URI.create(rest);
            } catch (IllegalArgumentException e) {
                throw new DatabaseAddressException("无法识别的数据库地址“" + url + "”，应写成 jdbc:postgresql://主机:端口/库名");
            }
            String host = u.getHost() == null ? "localhost" : u.getHost();
            int port = u.getPort() < 0 ? 5432 : u.getPort();
            String path = u.getPath() == null ? "" : u.getPath();
            String db = path.startsWith("/") ? path.substring(1) : path;
            Map<String, String> params = new java.util.HashMap<>();
            if (u.getRawQuery() != null) {
                for (String kv : u.getRawQuery().split("&")) {
                    int eq = kv.indexOf('=');
                    String k = eq < 0 ? kv : kv.substring(0, eq);
                    String v = eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                    params.put(k.toLowerCase(java.util.Locale.ROOT), v);
                }
            }
            return new Target(host, port, db, params);
        }
    }
}
