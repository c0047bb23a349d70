package cn.gov.assess.web;

import cn.gov.assess.db.Database;

import java.sql.Connection;
import java.sql.SQLException;

/** 在 Hibernate 连接池的一个连接上、一个事务里做一段 JDBC（账号、操作记录这几张小表用不着实体类）。 */
final class Sql {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Sql() {
    }

    static <T> T work(Database db, Work<T> work) {
        return db.sessions().fromStatelessTransaction(s -> s.doReturningWork(work::run));
    }
}
