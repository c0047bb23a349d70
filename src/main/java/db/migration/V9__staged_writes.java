package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * 大批量写入分批提交：导入与考核先以“未完成”状态分批写入并提交，最后一个小事务把状态改为“完成”；
 * 进程被杀后，下次打开库时删除未完成的批次与运行（见 cn.gov.assess.db.Staging）。
 *
 * <p>工单、转办、审计记录三张大表去掉外键：导入在写入前已逐行校验单位与工单的对应，外键检查让 H2 的写入慢一倍
 * （实测 50 万行：有外键 18,680 行/秒，无外键 36,380 行/秒），而且分批写入时新单位要到最后一步才写入。
 * H2 自动生成外键名，SQL 迁移无法按名删除，所以这一步用 Java 写。
 */
public class V9__staged_writes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String[]> fks = new ArrayList<>();
        // H2 与 PostgreSQL 的 information_schema 大小写不同（PostgreSQL 的约束名形如 work_order_batch_id_fkey）
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        String query = postgres
                ? "select table_name, constraint_name from information_schema.table_constraints "
                + "where constraint_type = 'FOREIGN KEY' and table_schema = current_schema() "
                + "and table_name in ('work_order', 'assignment', 'run_assignment')"
                : "select table_name, constraint_name from information_schema.table_constraints "
                + "where constraint_type = 'FOREIGN KEY' and table_schema = current_schema "
                + "and table_name in ('WORK_ORDER', 'ASSIGNMENT', 'RUN_ASSIGNMENT')";
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                fks.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement st = c.createStatement()) {
            for (String[] fk : fks) {
                st.execute("alter table " + fk[0] + " drop constraint \"" + fk[1] + "\"");
            }
            st.execute("alter table import_batch add column state varchar(10) default 'done' not null");
            st.execute("alter table import_batch add column first_order_id bigint");
            st.execute("alter table import_batch add column first_assignment_id bigint");
            st.execute("alter table assessment_run add column state varchar(10) default 'done' not null");
        }
    }
}
