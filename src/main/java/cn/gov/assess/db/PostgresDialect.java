package cn.gov.assess.db;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;

/**
 * PostgreSQL 方言：@Lob 字符串（规则文件快照）存为 text，按字符串读写。Hibernate 默认把它当作大对象（oid），
 * 而大对象要单独清理、不能随行删除；text 在 PostgreSQL 上没有长度限制，正合适。H2 上仍是 clob。
 */
public class PostgresDialect extends PostgreSQLDialect {
    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.CLOB ? "text" : super.columnType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.CLOB, ClobJdbcType.STRING_BINDING);
    }
}
