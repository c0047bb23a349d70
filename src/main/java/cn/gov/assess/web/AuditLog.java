package cn.gov.assess.web;

import cn.gov.assess.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** 操作记录（表 audit_log，迁移 V15）：每一次改变了什么的操作，连同账号、时间、来源，只增不改。 */
public final class AuditLog {
    public record Entry(long id, LocalDateTime at, String account, String action, String detail, String remote) {
    }

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    public void record(String account, String action, String detail, String remote) {
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into audit_log (at, account, action, detail, remote) values (?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
                ps.setString(2, cut(account, 100));
                ps.setString(3, cut(action, 50));
                ps.setString(4, cut(detail, 2000));
                ps.setString(5, cut(remote, 100));
                return ps.executeUpdate();
            }
        });
    }

    /** 最近的记录，新的在前；account 非空时只看该账号。 */
    public List<Entry> recent(int offset, int limit, String account) {
        boolean filter = account != null && !account.isBlank();
        return Sql.work(db, c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, at, account, action, detail, remote from audit_log"
                    + (filter ? " where account = ?" : "") + " order by id desc offset ? rows fetch next ? rows only")) {
                int i = 1;
                if (filter) {
                    ps.setString(i++, account.strip());
                }
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
