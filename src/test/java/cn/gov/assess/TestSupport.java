package cn.gov.assess;

import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** 测试公用：项目根目录、真实规则目录、内存数据库、编译后的规则库缓存。 */
public final class TestSupport {
    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private static final Map<String, KieBase> COMPILED = new ConcurrentHashMap<>();

    private TestSupport() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        return p;
    }

    public static Path rulesDir() { return root().resolve("rules"); }

    public static Path fixture(String name) { return root().resolve("fixtures").resolve(name); }

    public static RuleSet rules() { return RuleSet.load(rulesDir()); }

    public static KieBase kieBase(RuleSet rules) {
        return COMPILED.computeIfAbsent(rules.fingerprint(), k -> rules.compile());
    }

    /** 一条返回单个数的 SQL 的结果。 */
    public static long scalar(Database db, String sql) {
        return db.sessions().fromStatelessTransaction(s -> s.doReturningWork(conn -> {
            try (var st = conn.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /**
     * 库的全部表结构（表名、列名）与——data 为真时——全部非二进制取值，拼成一段文本（两种引擎通用，代替 H2 的 SCRIPT）。
     */
    public static String dump(Database db, boolean data) {
        return db.sessions().fromStatelessTransaction(s -> s.doReturningWork(conn -> {
            StringBuilder sb = new StringBuilder();
            java.sql.DatabaseMetaData md = conn.getMetaData();
            List<String> tables = new java.util.ArrayList<>();
            try (var rs = md.getTables(null, conn.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String t : tables) {
                sb.append("table ").append(t).append(" (");
                try (var rs = md.getColumns(null, conn.getSchema(), t, "%")) {
                    while (rs.next()) {
                        sb.append(rs.getString("COLUMN_NAME")).append(' ');
                    }
                }
                sb.append(")\n");
                if (!data) {
                    continue;
                }
                try (var st = conn.createStatement(); var rs = st.executeQuery("select * from \"" + t + "\"")) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            int type = meta.getColumnType(i);
                            if (type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY || type == java.sql.Types.BLOB
                                    || type == java.sql.Types.LONGVARBINARY) {
                                continue;
                            }
                            sb.append(rs.getString(i)).append('\t');
                        }
                        sb.append('\n');
                    }
                }
            }
            return sb.toString();
        }));
    }

    public static Database memoryDb() {
        return Database.open("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    /** 把规则目录复制到临时目录，供测试修改。 */
    /** 规则目录的副本，其中 file 里的 from 换成 to（from 必须在文件里）。 */
    public static Path broken(Path tmp, String file, String from, String to) throws IOException {
        Path copy = copyRules(tmp.resolve("rules"));
        Path f = copy.resolve(file);
        String text = Files.readString(f);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
        return copy;
    }

    public static Path copyRules(Path target) throws IOException {
        Path src = rulesDir();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }
}
