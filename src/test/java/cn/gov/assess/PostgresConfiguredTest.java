package cn.gov.assess;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL 测试是否真的运行：bin/test（与 CI）设了 assess.test.pg.required，此时没配或连不上都是失败；
 * 单独 mvn test 时在汇总里显示为“跳过”并说明原因，不会悄悄少测。
 */
class PostgresConfiguredTest {
    @Test
    void postgresqlIsAvailableForTheDatabaseTests() throws Exception {
        if (!Engine.pgConfigured()) {
            if (Engine.pgRequired()) {
                fail("要求在 PostgreSQL 上测试，但没有 assess.test.pg.url 或 ASSESS_TEST_PG_URL：PostgreSQL 测试无法运行");
            }
            Engine.warnOnce();
            Assumptions.abort("PostgreSQL 测试没有运行（没有 -Dassess.test.pg.url 或 ASSESS_TEST_PG_URL）；用 bin/test 运行全部测试");
        }
        try (Connection c = Engine.admin(); var st = c.createStatement(); var rs = st.executeQuery("show server_version")) {
            assertTrue(rs.next());
            System.err.println("PostgreSQL 测试服务器：" + rs.getString(1));
        }
    }
}
