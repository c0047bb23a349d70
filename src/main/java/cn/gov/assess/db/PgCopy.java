package cn.gov.assess.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * PostgreSQL 的批量写入：行先按 COPY 的二进制格式（COPY … FROM STDIN WITH (FORMAT binary)）攒在内存里，flush 时用
 * PgJDBC 的 CopyManager 一次送出。与文本格式相比，服务器不再解析数字与时间（1M 行省约三成服务器 CPU），我们这边也不再
 * 把时间、数字格式化成文字。与逐行 INSERT 相比少了每行的解析、计划与往返。在调用方的事务里执行，事务回滚时一并撤销。
 *
 * <p>每行须按构造时列出的列依次 add，一列一次；文字按 UTF-8 送出（PgJDBC 的客户端编码总是 UTF-8，服务器自行转换）。
 */
public final class PgCopy {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00 的 Unix 秒：PostgreSQL 二进制 timestamp 是从这一刻起的微秒数。 */
    private static final long PG_EPOCH = 946_684_800L;

    private final CopyManager copy;
    private final String sql;
    private final short columns;
    private byte[] buf = new byte[1 << 20];
    private int len;
    private int rows;
    private int fields;

    public PgCopy(Connection c, String table, String... columns) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)";
        this.columns = (short) columns.length;
        reset();
    }

    private void reset() {
        len = 0;
        put(HEADER, HEADER.length);
    }

    private void field() {
        if (fields == 0) {
            ensure(2);
            buf[len++] = (byte) (columns >>> 8);
            buf[len++] = (byte) columns;
        }
        fields++;
    }

    public PgCopy add(long v) {
        field();
        putInt(8);
        putLong(v);
        return this;
    }

    public PgCopy add(Long v) {
        return v == null ? addNull() : add(v.longValue());
    }

    public PgCopy add(Integer v) {
        if (v == null) {
            return addNull();
        }
        field();
        putInt(4);
        putInt(v);
        return this;
    }

    public PgCopy add(Boolean v) {
        if (v == null) {
            return addNull();
        }
        field();
        putInt(1);
        ensure(1);
        buf[len++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** timestamp without time zone：从 2000-01-01 起的微秒数。 */
    public PgCopy add(LocalDateTime v) {
        if (v == null) {
            return addNull();
        }
        field();
        putInt(8);
        putLong((v.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH) * 1_000_000L + v.getNano() / 1000);
        return this;
    }

    public PgCopy add(String v) {
        if (v == null) {
            return addNull();
        }
        field();
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        putInt(b.length);
        put(b, b.length);
        return this;
    }

    public PgCopy addNull() {
        field();
        putInt(-1);
        return this;
    }

    public void endRow() {
        if (fields != columns) {
            throw new IllegalStateException("COPY 行的列数 " + fields + " 与列清单的 " + columns + " 不符");
        }
        fields = 0;
        rows++;
    }

    public int pending() { return rows; }

    /** 送出攒下的行；返回写入的行数。 */
    public long flush() throws SQLException {
        if (rows == 0) {
            return 0;
        }
        ensure(2);
        buf[len++] = (byte) 0xFF; // 结尾：列数 -1
        buf[len++] = (byte) 0xFF;
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(buf, 0, len);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            rows = 0;
            reset();
        }
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, buf, len, n);
        len += n;
    }

    private void putInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putLong(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
    }
}
