package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V21_3：升级前已有只差大小写的两个账号时库照常打开、两个都能登录，冲突用中文列出；之后不能再建这样的账号。 */
class AccountNamesMigrationTest {
    @Test
    void existingCaseTwinsSurviveTheUpgradeAndAreReported(@TempDir Path tmp) {
        String url = Database.fileUrl(tmp.resolve("assess"));
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("21")
                .load().migrate();
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("old-password-1");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("insert into app_user (name, password_hash, role, active, created_at) values "
                    + "('locktest', '" + hash + "', '查看', true, current_timestamp), ('LOCKTEST', '" + hash + "', '管理员', true, current_timestamp)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Database db = Database.open(url)) {
            Accounts accounts = new Accounts(db);
            assertEquals(2, accounts.count());
            List<String> clashes = accounts.caseClashes();
            assertEquals(1, clashes.size(), clashes.toString());
            assertTrue(clashes.get(0).contains("“locktest”、“LOCKTEST” 只差大小写"), clashes.get(0));
            assertEquals(Role.查看, accounts.verify("locktest", "old-password-1").orElseThrow().role());
            assertEquals(Role.管理员, accounts.verify("LOCKTEST", "old-password-1").orElseThrow().role(), "两个都按原名登录");
            InputException e = assertThrows(InputException.class, () -> accounts.add("LockTest", Role.查看, null, "correct-horse-1".toCharArray()));
            assertTrue(e.getMessage().contains("只差大小写"), e.getMessage());
        }
    }
}
