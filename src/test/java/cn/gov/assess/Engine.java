package cn.gov.assess;

import cn.gov.assess.db.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * 数据库测试的两种引擎。每个数据库测试用 {@code @ParameterizedClass @MethodSource("cn.gov.assess.Engine#all")}
 * 在两种引擎上各跑一遍；每次都是一个全新的库（H2：内存库或临时目录里的文件库；PostgreSQL：服务器上新建一个库，JVM 结束时删掉）。
 *
 * <p>PostgreSQL 由 bin/test 提供：系统属性 assess.test.pg.url（管理库的地址，如 jdbc:postgresql://127.0.0.1:端口/postgres），
 * 用户与口令在环境变量 ASSESS_DB_USER / ASSESS_DB_PASSWORD（产品本身也从那里读）。设了 assess.test.pg.required=true
 * （bin/test 与 CI）时 PostgreSQL 一定参加，连不上就失败，不跳过。单独 mvn test 且没有配置时只跑 H2，并明确打印出来。
 */
public enum Engine {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    // 系统属性（mvn -Dassess.test.pg.url=…）或环境变量（bin/test-services 导出的 ASSESS_TEST_PG_URL）
    private static final String PG_URL = System.getProperty("assess.test.pg.url",
            System.getenv().getOrDefault("ASSESS_TEST_PG_URL", "")).strip();
    private static final boolean PG_REQUIRED = Boolean.getBoolean("assess.test.pg.required")
            || "true".equals(System.getenv("ASSESS_TEST_PG_REQUIRED"));
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static boolean cleaned;
    private static volatile boolean warned;

    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    @Override
    public String toString() { return label; }

    /** 参加测试的引擎。 */
    public static Stream<Engine> all() {
        if (pgConfigured() || PG_REQUIRED) {
            return Stream.of(H2, POSTGRESQL);
        }
        warnOnce();
        return Stream.of(H2);
    }

    public static boolean pgConfigured() { return !PG_URL.isEmpty(); }

    public static boolean pgRequired() { return PG_REQUIRED; }

    static void warnOnce() {
        if (!warned) {
            warned = true;
            System.err.println("""
                    ================================================================================
                    注意：PostgreSQL 上的数据库测试没有运行（没有 -Dassess.test.pg.url）。只在 H2 上测了。
                    用 bin/test 运行全部测试（它会启动一个一次性的 PostgreSQL 集群）。
                    ================================================================================""");
        }
    }

    /** 一个全新的空库的地址（H2 放在 dir 里，dir 为 null 时用内存库）。 */
    public String freshUrl(Path dir) {
        if (this == H2) {
            return dir == null ? "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1"
                    : Database.fileUrl(dir.resolve("assess"));
        }
        if (!pgConfigured()) {
            throw new IllegalStateException("要求在 PostgreSQL 上测试（assess.test.pg.required=true），但没有给出 "
                    + "assess.test.pg.url：请用 bin/test 运行");
        }
        String name = "assess_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        dropLeftovers();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("无法在测试用 PostgreSQL（" + PG_URL + "）上建库：" + e.getMessage(), e);
        }
        return PG_URL.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
    }

    /** 打开一个全新的库。 */
    public Database open() {
        return Database.open(freshUrl(null));
    }

    public static Connection admin() throws SQLException {
        Properties p = new Properties();
        String user = System.getenv("ASSESS_DB_USER");
        String password = System.getenv("ASSESS_DB_PASSWORD");
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(PG_URL, p);
    }

    /** 一个 JDBC 连接（自动提交），测试直接看表用。 */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, cn.gov.assess.db.Credentials.forUrl(url));
    }

    /**
     * PostgreSQL：等服务器发现被 kill -9 的客户端已断开（它的会话结束、锁释放），最多 20 秒。真实环境里这是毫秒级的事；
     * 测试紧接着就开下一条命令，所以要等。
     */
    public static void awaitNoClientSessions(String url) throws Exception {
        String db = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            try (Connection c = admin(); var ps = c.prepareStatement(
                    "select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                ps.setString(1, db);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("被杀进程的数据库会话 20 秒后仍未结束");
    }

    /**
     * 上次测试留下的库（名字以 assess_t 开头、不是本进程建的）在本进程第一次建库时删掉。不在 JVM 退出时删：
     * DROP DATABASE 要做检查点，几十个库会拖过 surefire 的退出时限。bin/test 的一次性集群结束时整个删除。
     */
    private static synchronized void dropLeftovers() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        String mine = "assess_t" + ProcessHandle.current().pid() + "_";
        try (Connection c = admin(); Statement st = c.createStatement()) {
            List<String> old = new ArrayList<>();
            try (var rs = st.executeQuery("select datname from pg_database where datname like 'assess\\_t%'")) {
                while (rs.next()) {
                    if (!rs.getString(1).startsWith(mine)) {
                        old.add(rs.getString(1));
                    }
                }
            }
            for (String name : old) {
                st.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            // 删不掉旧库不影响本次测试
        }
    }
}
