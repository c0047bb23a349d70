package cn.gov.assess.db;

/**
 * 两种数据库引擎。各引擎不同的 SQL 只在这里（与 classpath:db/vendor/{引擎}/ 下的迁移回调）出现，别处的 SQL 两种引擎通用。
 */
public enum Vendor {
    H2("h2"),
    POSTGRESQL("postgresql");

    /** Flyway 的引擎专用目录名：classpath:db/vendor/{folder}。 */
    public final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    public static Vendor of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new DatabaseAddressException("不支持的数据库地址“" + url + "”：可用 H2 文件库的路径（如 data/assess）"
                + "或 PostgreSQL 服务器地址 jdbc:postgresql://主机:端口/库名");
    }

    public static Vendor of(java.sql.Connection c) throws java.sql.SQLException {
        return of(c.getMetaData().getURL());
    }

    /**
     * 一次从序列取 ? 个值（PostgreSQL）；H2 返回 null，逐个取。导入时每 1000 个编号取一次值，百万行要两千次往返，
     * 成批取省下这些往返。
     */
    public String nextValues(String sequence) {
        return this == POSTGRESQL ? "select nextval('" + sequence + "') from generate_series(1, ?)" : null;
    }

    /** 从序列取下一个值。 */
    public String nextValue(String sequence) {
        return this == POSTGRESQL ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    }

    /**
     * 按一组工单编号（一个数组参数）查一个渠道里已有的工单：以数组作表与工单表连接，两列索引都用上
     * （H2 对“channel = ? and order_no in (…)”只用索引的第一列）。参数：编号数组、渠道、排除的批次（本次导入的）数组。
     */
    public String existingOrdersByNumber() {
        String numbers = this == POSTGRESQL ? "unnest(cast(? as varchar[])) as t(x)" : "table(x varchar = ?) t";
        String notMine = this == POSTGRESQL ? "w.batch_id <> all(cast(? as bigint[]))" : "not array_contains(?, w.batch_id)";
        return "select w.id, w.order_no, w.received_at from " + numbers + " join work_order w on w.channel = ? and w.order_no = t.x "
                + "where " + notMine;
    }

    /** 记下派单记录里出现过的渠道（已有时不动）。参数：渠道。 */
    public String recordOrderChannel() {
        return this == POSTGRESQL ? "insert into order_channel (channel) values (?) on conflict do nothing"
                : "merge into order_channel (channel) key (channel) values (?)";
    }

    /** 分批删除：H2 一次删一块并提交（撤销记录不积累）；PostgreSQL 没有这个问题，一句删完。 */
    public String deleteChunk(String deleteSql, int chunk) {
        return this == POSTGRESQL ? deleteSql : deleteSql + " fetch first " + chunk + " rows only";
    }
}
