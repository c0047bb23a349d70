package cn.gov.assess.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;

/**
 * PostgreSQL 的会话级 advisory 锁（两个 int 键：类别、对象）。锁属于连接，连接断开（含进程被 kill -9）即释放，
 * 所以“锁拿得到”就说明没有活着的持有者：打开库时据此判断一次未完成的运行是被中断的，还是别的用户正在做。
 */
final class Locks {
    /** 类别：考核期（同一期的考核运行互斥）。 */
    static final int PERIOD = 0x61737301;

    private Locks() {
    }

    static int key(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /**
     * 考核期锁的对象键：advisory 锁是整个库共用的，而每个辖区（issue 28）是库里的一个 schema，各有自己的考核期。
     * 键里带上 schema，两个县同一期的考核才不互相等待（run-all 并行）；默认的 public 仍只用期间，与旧版本的进程互斥不变。
     */
    static int periodKey(Connection c, String period) throws SQLException {
        String schema = c.getSchema();
        return key(schema == null || schema.equalsIgnoreCase("public") ? period : schema + "/" + period);
    }

    static boolean tryPeriod(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, PERIOD);
            ps.setInt(2, periodKey(c, period));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void waitPeriod(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(?, ?)")) {
            ps.setInt(1, PERIOD);
            ps.setInt(2, periodKey(c, period));
            ps.execute();
        }
    }

    static void releasePeriod(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, PERIOD);
            ps.setInt(2, periodKey(c, period));
            ps.execute();
        }
    }
}
