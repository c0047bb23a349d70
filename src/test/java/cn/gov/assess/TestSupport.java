package cn.gov.assess;

import cn.gov.assess.db.Database;
import cn.gov.assess.rules.RuleSet;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static Database memoryDb() {
        return Database.open("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    /** 把规则目录复制到临时目录，供测试修改。 */
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
