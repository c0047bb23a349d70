package cn.gov.assess.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 旧版本建的 H2 库照样能打开：src/test/resources/db/h2-v12/assess.mv.db 是用已发布的迁移 V1–V12（原样的 SQL 文件与 V9）
 * 建的库。已执行过的迁移的校验和一个也不能变（改了注释也算变），否则用户的库打不开；新迁移接着执行，Hibernate 校验通过。
 */
class OldDatabaseTest {
    /** 已发布的 V1–V12 在用户库里记下的校验和（Flyway 按文件的每一行计算）。 */
    static final Map<String, Integer> RELEASED = new LinkedHashMap<>();

    static {
        RELEASED.put("1", -470771978);
        RELEASED.put("2", -1605997261);
        RELEASED.put("3", -2050275258);
        RELEASED.put("4", 740488860);
        RELEASED.put("5", 285015535);
        RELEASED.put("6", 1734271332);
        RELEASED.put("7", -1344892046);
        RELEASED.put("8", 1146795809);
        RELEASED.put("10", 87342454);
        RELEASED.put("11", 2111445783);
        RELEASED.put("12", 149801849);
    }

    @Test
    void aDatabaseMadeByTheReleasedMigrationsOpensAndUpgrades(@TempDir Path tmp) throws Exception {
        try (InputStream in = OldDatabaseTest.class.getResourceAsStream("/db/h2-v12/assess.mv.db")) {
            Files.copy(in, tmp.resolve("assess.mv.db"));
        }
        String url = Database.fileUrl(tmp.resolve("assess"));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select \"version\", \"checksum\" from \"flyway_schema_history\" where \"checksum\" is not null")) {
            Map<String, Integer> stored = new LinkedHashMap<>();
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals(RELEASED, stored, "测试库应是已发布迁移建的");
        }
        try (Database db = Database.open(url)) {
            assertTrue(db.inTransaction(s -> s.createSelectionQuery("select count(*) from Unit", Long.class).getSingleResult()) >= 0);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from \"flyway_schema_history\" where \"success\" and \"version\" = '13'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "新迁移（V13 起）应已执行");
        }
    }

    /** V20 建渠道表时把库里已有工单的渠道补进去：否则升级后再导入同一渠道，已导入的工单不会被识别为“已有、跳过”。 */
    @Test
    void channelsOfOrdersImportedBeforeV20AreRecorded(@TempDir Path tmp) throws Exception {
        String url = Database.fileUrl(tmp.resolve("assess"));
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("19")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("insert into import_batch (id, file_name, file_sha256, kind, imported_at, rows_read, rows_added) "
                    + "values (1, 'a.csv', '" + "0".repeat(64) + "', '派单记录', current_timestamp, 2, 2)");
            st.execute("insert into work_order (id, channel, order_no, received_at, batch_id) values "
                    + "(1, '12345市民热线', 'A1', current_timestamp, 1), (2, '12345市民热线', 'A2', current_timestamp, 1), "
                    + "(3, '市长信箱', 'M1', current_timestamp, 1)");
        }
        try (Database db = Database.open(url)) {
            assertTrue(db.inTransaction(s -> s.createSelectionQuery("select count(*) from Unit", Long.class).getSingleResult()) >= 0);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select channel from order_channel order by channel")) {
            java.util.List<String> channels = new java.util.ArrayList<>();
            while (rs.next()) {
                channels.add(rs.getString(1));
            }
            assertEquals(java.util.List.of("12345市民热线", "市长信箱"), channels);
        }
    }
}
