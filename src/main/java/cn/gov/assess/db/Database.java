package cn.gov.assess.db;

import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * 数据库：默认是嵌入式 H2 文件库。启动时用 Flyway 执行版本化 SQL 迁移，Hibernate 只校验表结构。
 */
public final class Database implements AutoCloseable {
    static {
        // AUTO_SERVER（见 shared）开的端口只给本机：在任何 H2 连接之前设定
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final String url;
    private final boolean migrated;
    /** Hibernate 在第一次用到时才建（约占一条命令 1–2 秒 CPU）：只读的命令（explain、history、report）走 JDBC，不建它。 */
    private volatile SessionFactory sessionFactory;
    /** 命令期间一直开着的连接：嵌入式 H2 在最后一个连接关闭时关库，每次查询都重新打开文件会很慢。 */
    private final java.sql.Connection keeper;

    private Database(String url, boolean migrated) {
        this.url = url;
        this.migrated = migrated;
        this.keeper = url.startsWith("jdbc:h2:") ? connect() : null;
    }

    /** 默认库：工作目录下 data/assess（H2 文件库）。 */
    public static String defaultUrl() {
        return fileUrl(Path.of("data", "assess"));
    }

    public static String fileUrl(Path base) {
        // AUTO_SERVER 不用：两个进程同时写一个库时，第二个应该明确报“库正在使用”，而不是悄悄排队。
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * 网页工作台（serve）用的地址：H2 文件库加 AUTO_SERVER，服务运行期间命令行各动词仍可使用同一个库
     * （它们打开库时发现库被占用，会改为经这个进程连接，见 {@link #open}）。其他数据库原样返回。
     */
    public static String shared(String url) {
        if (!url.startsWith("jdbc:h2:file:") || url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER")) {
            return url;
        }
        // H2 不允许 AUTO_SERVER 与 DB_CLOSE_ON_EXIT=FALSE 同用
        return url.replaceAll("(?i);DB_CLOSE_ON_EXIT=FALSE", "") + ";AUTO_SERVER=TRUE";
    }

    public static Database open(String url) {
        try {
            return open(url, true);
        } catch (InUse e) {
            String viaServer = shared(url);
            if (viaServer.equals(url)) {
                throw e;
            }
            // 库可能正由 assess serve 打开（AUTO_SERVER）：经它连接。那时不清除 pending 行——它们可能正由另一条命令写入。
            try {
                return open(viaServer, false);
            } catch (InUse again) {
                throw e;
            }
        }
    }

    /** 库正被另一个进程独占使用。 */
    public static final class InUse extends IllegalStateException {
        InUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Database open(String url, boolean recover) {
        boolean migrated;
        try {
            migrated = SchemaVersion.upToDate(url) ? false : Flyway.configure().dataSource(url, "sa", "")
                    .locations("classpath:db/migration").loggers("slf4j").load().migrate().migrationsExecuted > 0;
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw translate(url, e);
        }
        if (recover) {
            Staging.recover(url, System.err);
        }
        return new Database(url, migrated);
    }

    private static Configuration configuration(String url, boolean migrated) {
        Configuration cfg = new Configuration();
        entityClasses().forEach(cfg::addAnnotatedClass);
        return cfg
                .setProperty("hibernate.connection.url", url)
                .setProperty("hibernate.connection.username", "sa")
                .setProperty("hibernate.connection.password", "")
                // 表结构由 Flyway 管：刚迁移过（或测试中）才让 Hibernate 逐表校验，平时省下每条命令约半秒的元数据查询
                .setProperty("hibernate.hbm2ddl.auto", migrated || Boolean.getBoolean("assess.validateSchema") ? "validate" : "none")
                .setProperty("hibernate.jdbc.batch_size", "1000")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.jdbc.fetch_size", "5000")
                .setProperty("hibernate.show_sql", "false");
    }

    /** 实体类清单：src/main/resources/db/entities.txt。 */
    static java.util.List<Class<?>> entityClasses() {
        try (java.io.InputStream in = Database.class.getResourceAsStream("/db/entities.txt")) {
            java.util.List<Class<?>> out = new java.util.ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    out.add(Class.forName(name));
                }
            }
            return out;
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("程序包不完整：缺少实体类 " + e.getMessage(), e);
        }
    }

    private static RuntimeException translate(String url, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Database may be already in use") || m.contains("90020")) {
                // 不挂原因：命令行按原因归类退出码，这句本身已说清楚（与 main 的写法一致，退出码 1）
                return new InUse("数据库正被另一个 assess 命令使用，请等它结束后再试：" + url, null);
            }
        }
        return e;
    }

    public SessionFactory sessions() {
        SessionFactory f = sessionFactory;
        if (f == null) {
            synchronized (this) {
                if (sessionFactory == null) {
                    sessionFactory = configuration(url, migrated).buildSessionFactory();
                }
                f = sessionFactory;
            }
        }
        return f;
    }

    /** 只读的 JDBC 工作：一个连接、一个事务，结束后回滚并关闭。 */
    public <T> T read(SqlWork<T> work) {
        try (java.sql.Connection c = connect()) {
            try {
                return work.apply(c);
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw translate(url, new IllegalStateException("读取数据库失败：" + e.getMessage(), e));
        }
    }

    /** 用一个 JDBC 连接做的工作。 */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(java.sql.Connection c) throws java.sql.SQLException;
    }

    /** 一个单独的 JDBC 连接（自动提交关闭），给分批提交的大批量写入用；用完由调用方关闭。 */
    public java.sql.Connection connect() {
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            return c;
        } catch (java.sql.SQLException e) {
            throw translate(url, new IllegalStateException(e.getMessage(), e));
        }
    }

    public String url() { return url; }

    public <T> T inTransaction(Function<org.hibernate.Session, T> work) {
        return sessions().fromTransaction(work);
    }

    public void inTransactionDo(Consumer<org.hibernate.Session> work) {
        sessions().inTransaction(work);
    }

    @Override
    public void close() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (keeper != null) {
            try {
                keeper.close();
            } catch (java.sql.SQLException e) {
                // 关库时的错误不影响已完成的工作
            }
        }
    }
}
