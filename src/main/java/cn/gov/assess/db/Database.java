package cn.gov.assess.db;

import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * 数据库：默认是嵌入式 H2 文件库，也可以是 PostgreSQL 服务器（jdbc:postgresql://…）。打开任何一种库都只经过这里：
 * 启动时用 Flyway 执行版本化 SQL 迁移（两种引擎共用 db/migration，引擎专用的只在 db/vendor/{引擎}），清除被中断的写入，
 * Hibernate 只校验表结构。
 */
public final class Database implements AutoCloseable {
    static {
        // AUTO_SERVER（见 shared）开的端口只给本机：在任何 H2 连接之前设定
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final String url;
    private final Vendor vendor;
    private final Properties credentials;
    private final boolean migrated;
    /** Hibernate 在第一次用到时才建（约占一条命令 1–2 秒 CPU）：只读的命令（explain、history、report）走 JDBC，不建它。 */
    private volatile SessionFactory sessionFactory;
    /** 命令期间一直开着的连接：嵌入式 H2 在最后一个连接关闭时关库，每次查询都重新打开文件会很慢。 */
    private final java.sql.Connection keeper;

    private Database(String url, Vendor vendor, Properties credentials, boolean migrated, boolean keep) {
        this.url = url;
        this.vendor = vendor;
        this.credentials = credentials;
        this.migrated = migrated;
        this.keeper = keep && vendor == Vendor.H2 ? connect() : null;
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
    public static final class InUse extends DatabaseUnavailableException {
        InUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 只用来取 JDBC 连接的库（不迁移、不建 Hibernate）：恢复测试用。 */
    static Database connectionsOnly(String url) {
        return new Database(url, Vendor.of(url), Credentials.forUrl(url), false, false);
    }

    /**
     * 新建 H2 文件库时先在旁边的临时文件里建好全部表，再改名成正式的库文件：H2 的建表语句各自立即提交，进程若在第一次
     * 迁移中途被杀，留下的只是临时文件，下次打开重新建库，不会出现“表已存在”而再也打不开。已有的库不走这一步。
     */
    private static void createAtomically(String url, Properties credentials) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String rest = url.substring("jdbc:h2:file:".length());
        int semi = rest.indexOf(';');
        String base = semi < 0 ? rest : rest.substring(0, semi);
        String options = semi < 0 ? "" : rest.substring(semi);
        java.nio.file.Path target = java.nio.file.Path.of(base + ".mv.db");
        if (java.nio.file.Files.exists(target)) {
            return;
        }
        String tmpBase = base + ".creating-" + ProcessHandle.current().pid();
        java.nio.file.Path tmp = java.nio.file.Path.of(tmpBase + ".mv.db");
        try {
            if (target.getParent() != null) {
                java.nio.file.Files.createDirectories(target.getParent());
            }
            java.nio.file.Files.deleteIfExists(tmp);
            removeAbandoned(java.nio.file.Path.of(base));
            Flyway.configure().dataSource("jdbc:h2:file:" + tmpBase + options.replaceAll("(?i);AUTO_SERVER=TRUE", ""),
                            credentials.getProperty("user"), credentials.getProperty("password", ""))
                    .locations("classpath:db/migration").loggers("slf4j").load().migrate();
            try {
                java.nio.file.Files.move(tmp, target); // 同一目录内即改名；目标已在时报 FileAlreadyExistsException
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                java.nio.file.Files.deleteIfExists(tmp); // 别的进程同时建好了同一个库：用它的
            }
        } catch (java.io.IOException e) {
            throw new DatabaseUnavailableException("无法在 " + target.getParent() + " 建立数据库文件：" + e.getMessage(), e);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw translate(url, e);
        }
    }

    /** 删掉建库中途被杀的进程留下的临时库文件（文件名里的进程已不在）。 */
    private static void removeAbandoned(java.nio.file.Path base) throws java.io.IOException {
        java.nio.file.Path dir = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + ".creating-";
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(prefix)) {
                    String pid = n.substring(prefix.length()).replaceAll("\\..*$", "");
                    if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    /** 打开库（H2 文件库或 PostgreSQL 服务器），执行迁移、清除被中断的写入（recover）；Hibernate 在第一次用到时才建。 */
    private static Database open(String url, boolean recover) {
        Vendor vendor = Vendor.of(url);
        Properties credentials = Credentials.forUrl(url);
        boolean migrated;
        if (vendor == Vendor.H2) {
            createAtomically(url, credentials);
        }
        try {
            List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
            if (vendor != Vendor.H2) {
                // 引擎专用的迁移与回调（如 PostgreSQL 的 beforeMigrate.sql）。H2 不加目录，旧库的迁移校验和不变。
                locations.add("classpath:db/vendor/" + vendor.folder);
            }
            // 已是最新版本时跳过 Flyway（只对 H2 判断：PostgreSQL 另有引擎专用的迁移，且可能有别人同时在升级，交给 Flyway 的锁）
            migrated = vendor == Vendor.H2 && SchemaVersion.upToDate(url) ? false
                    : Flyway.configure().dataSource(url, credentials.getProperty("user"), credentials.getProperty("password", ""))
                    .locations(locations.toArray(String[]::new))
                    .loggers("slf4j").load().migrate().migrationsExecuted > 0;
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw translate(url, e);
        }
        if (recover) {
            Staging.recover(new Database(url, vendor, credentials, false, false), System.err);
        }
        return new Database(url, vendor, credentials, migrated, true);
    }

    private Configuration configuration() {
        Configuration cfg = new Configuration();
        entityClasses().forEach(cfg::addAnnotatedClass);
        cfg
                .setProperty("hibernate.connection.url", url)
                .setProperty("hibernate.connection.username", credentials.getProperty("user"))
                .setProperty("hibernate.connection.password", credentials.getProperty("password", ""))
                // 表结构由 Flyway 管：刚迁移过（或测试中）才让 Hibernate 逐表校验，平时省下每条命令约半秒的元数据查询
                .setProperty("hibernate.hbm2ddl.auto", migrated || Boolean.getBoolean("assess.validateSchema") ? "validate" : "none")
                .setProperty("hibernate.jdbc.batch_size", "1000")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.jdbc.fetch_size", "5000")
                .setProperty("hibernate.show_sql", "false");
        if (vendor == Vendor.POSTGRESQL) {
            cfg.setProperty("hibernate.connection.ApplicationName", "assess");
            cfg.setProperty("hibernate.connection.reWriteBatchedInserts", "true");
            cfg.setProperty("hibernate.dialect", PostgresDialect.class.getName());
        }
        return cfg;
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

    /** H2 的 DATABASE_ALREADY_OPEN_1：文件库正被另一个进程打开（文件锁）。 */
    private static final int H2_ALREADY_OPEN = 90020;

    private static RuntimeException translate(String url, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException se && se.getErrorCode() == H2_ALREADY_OPEN) {
                // 不挂原因：这句本身已说清楚（退出码 4）
                return new InUse("数据库正被另一个 assess 命令使用，请等它结束后再试：" + url, null);
            }
            if (t instanceof java.sql.SQLException se && se.getSQLState() != null) {
                String target = url.replaceFirst("\\?.*$", "");
                switch (se.getSQLState()) {
                    case "08001", "08004", "08006" -> {
                        return new DatabaseUnavailableException("无法连接数据库服务器 " + target
                                + "：请确认地址、端口正确，服务器已启动并允许本机连接", e);
                    }
                    case "28P01", "28000" -> {
                        return new DatabaseUnavailableException("数据库服务器 " + target + " 拒绝登录：用户名或口令不对。"
                                + "用户名与口令请用环境变量 ASSESS_DB_USER、ASSESS_DB_PASSWORD 或 ~/.pgpass 文件提供", e);
                    }
                    case "3D000" -> {
                        return new DatabaseUnavailableException("数据库服务器上没有这个库：" + target
                                + "。请先按 README“用 PostgreSQL 服务器”一节建库与用户", e);
                    }
                    case "42501" -> {
                        return new DatabaseUnavailableException("数据库用户没有建表权限：" + target
                                + "。请让数据库管理员把库的所有权交给这个用户（见 README“用 PostgreSQL 服务器”）", e);
                    }
                    default -> {
                    }
                }
            }
        }
        return e;
    }

    /**
     * PostgreSQL：同一考核期的考核运行一次只能有一个（会话级 advisory 锁，锁在这个连接上，连接断开即释放）。
     * 已有运行时先用一行中文说明在等谁，再等它结束。H2 库本来就只许一个命令打开，不需要锁。
     */
    public Lock lockPeriod(String period, java.io.PrintStream log) {
        if (vendor != Vendor.POSTGRESQL) {
            return () -> { };
        }
        java.sql.Connection c = connect();
        try {
            c.setAutoCommit(true);
            if (!Locks.tryPeriod(c, period)) {
                if (log != null) {
                    log.println("考核期 " + period + " 正由另一个考核运行使用（另一个用户或命令），等它结束后再开始…");
                }
                Locks.waitPeriod(c, period);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (java.sql.SQLException ignored) {
                // 连接断开锁即释放
            }
            throw new IllegalStateException("取考核期 " + period + " 的锁失败：" + e.getMessage(), e);
        }
        return () -> {
            try {
                c.close();
            } catch (java.sql.SQLException e) {
                // 连接断开，锁随之释放
            }
        };
    }

    /** 一把锁；close 释放。 */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    public SessionFactory sessions() {
        SessionFactory f = sessionFactory;
        if (f == null) {
            synchronized (this) {
                if (sessionFactory == null) {
                    try {
                        sessionFactory = configuration().buildSessionFactory();
                    } catch (RuntimeException e) {
                        throw translate(url, e);
                    }
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
            java.sql.Connection c = java.sql.DriverManager.getConnection(url, credentials);
            c.setAutoCommit(false);
            return c;
        } catch (java.sql.SQLException e) {
            throw translate(url, new IllegalStateException(e.getMessage(), e));
        }
    }

    /**
     * 一个只读连接，整个事务看同一个快照（PostgreSQL 的 REPEATABLE READ）：考核分页读取百万行时，别的用户提交的导入
     * 不会只被读到一半。H2 库独占打开，与 {@link #connect()} 相同。
     */
    public java.sql.Connection connectForReading() {
        java.sql.Connection c = connect();
        if (vendor == Vendor.POSTGRESQL) {
            try {
                c.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return c;
    }

    public String url() { return url; }

    public Vendor vendor() { return vendor; }

    public <T> T inTransaction(Function<org.hibernate.Session, T> work) {
        return sessions().fromTransaction(work);
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
