package cn.gov.assess.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL 的用户与口令：环境变量优先，其次 ~/.pgpass（psql 的格式与通配），地址里不许有口令。 */
class CredentialsTest {
    private static final String URL = "jdbc:postgresql://db.example:5433/assess";

    @Test
    void environmentVariablesComeFirst(@TempDir Path tmp) throws Exception {
        Path pgpass = tmp.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:other:nope\n");
        Properties p = Credentials.forUrl(URL, Map.of("ASSESS_DB_USER", "assess", "ASSESS_DB_PASSWORD", "s3cret",
                "PGPASSFILE", pgpass.toString()));
        assertEquals("assess", p.getProperty("user"));
        assertEquals("s3cret", p.getProperty("password"));
    }

    @Test
    void pgpassGivesUserAndPasswordForTheMatchingLine(@TempDir Path tmp) throws Exception {
        Path pgpass = tmp.resolve("pgpass");
        Files.writeString(pgpass, """
                # 注释
                otherhost:5433:assess:x:wrong
                db.example:5432:assess:x:wrongport
                db.example:5433:*:assess_user:pa\\:ss\\\\word
                *:*:*:fallback:fb
                """);
        Properties p = Credentials.forUrl(URL, Map.of("PGPASSFILE", pgpass.toString()));
        assertEquals("assess_user", p.getProperty("user"));
        assertEquals("pa:ss\\word", p.getProperty("password"));
        // 用户由环境变量给出时，只取这个用户的口令
        Properties q = Credentials.forUrl(URL, Map.of("PGPASSFILE", pgpass.toString(), "ASSESS_DB_USER", "fallback"));
        assertEquals("fallback", q.getProperty("user"));
        assertEquals("fb", q.getProperty("password"));
    }

    @Test
    void noPgpassLeavesThePasswordToTheServer(@TempDir Path tmp) {
        Properties p = Credentials.forUrl(URL + "?user=u1", Map.of("PGPASSFILE", tmp.resolve("none").toString()));
        assertEquals("u1", p.getProperty("user"));
        assertNull(p.getProperty("password"));
    }

    @Test
    void aPasswordInTheAddressIsRefusedInChinese() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Credentials.forUrl(URL + "?user=u&password=x", Map.of()));
        assertTrue(e.getMessage().contains("不要写口令") && e.getMessage().contains("ASSESS_DB_PASSWORD"), e.getMessage());
    }

    @Test
    void h2KeepsItsFixedUser() {
        assertEquals("sa", Credentials.forUrl("jdbc:h2:mem:x", Map.of("ASSESS_DB_USER", "u")).getProperty("user"));
    }
}
