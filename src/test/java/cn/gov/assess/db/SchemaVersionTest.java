package cn.gov.assess.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 表结构已是最新时跳过 Flyway；新库、或库的版本落后时仍由 Flyway 迁移。 */
class SchemaVersionTest {
    private static String url() {
        return "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void latestPackagedVersionIsFlywaysLatest() {
        String url = url();
        MigrationInfo[] all = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().info().all();
        String flywayLatest = Arrays.stream(all).map(i -> i.getVersion().getVersion()).reduce((a, b) -> b).orElseThrow();
        assertEquals(flywayLatest, SchemaVersion.latestPackaged());
    }

    @Test
    void freshDatabaseIsNotUpToDateAndAMigratedOneIs() throws Exception {
        String url = url();
        assertFalse(SchemaVersion.upToDate(url));
        try (Database db = Database.open(url)) {
            assertTrue(SchemaVersion.upToDate(url));
            // 模拟旧版本建的库：去掉最后一个版本的记录，再打开时 Flyway 要补上它
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                st.executeUpdate("delete from \"flyway_schema_history\" where \"installed_rank\" = "
                        + "(select max(\"installed_rank\") from \"flyway_schema_history\")");
            }
            assertFalse(SchemaVersion.upToDate(url));
        }
    }
}
