package cn.gov.assess.ruleversions;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.ruleversions.RulesVersions.Version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.gov.assess.ruleversions.RulesVersions.DRAFT;
import static cn.gov.assess.ruleversions.RulesVersions.PUBLISHED;

/** 规则版本的 SQL（表 rules_version、rules_version_file、rule_blob）：读一版、写一版的文件、锁住草稿，一次写在一个事务里。 */
final class VersionStore {
    private final Database db;

    VersionStore(Database db) {
        this.db = db;
    }

    static long insert(Connection c, int number, String state, Long baseId, String author, LocalDateTime at, String note,
                               Map<String, String> files, List<String> errors) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into rules_version (number, state, base_id, author, created_at, "
                + "updated_at, note, fingerprint, check_errors) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            ps.setInt(1, number);
            ps.setString(2, state);
            if (baseId == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, baseId);
            }
            ps.setString(4, cut(author, 100));
            ps.setTimestamp(5, Timestamp.valueOf(at));
            ps.setTimestamp(6, Timestamp.valueOf(at));
            ps.setString(7, cut(note, 2000));
            ps.setString(8, RuleSet.fromSnapshot("", files).fingerprint());
            ps.setString(9, String.join("\n", errors));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        replaceFiles(c, id, files);
        return id;
    }

    static void replaceFiles(Connection c, long id, Map<String, String> files) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from rules_version_file where version_id = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement has = c.prepareStatement("select 1 from rule_blob where sha256 = ?");
             PreparedStatement blob = c.prepareStatement("insert into rule_blob (sha256, content) values (?, ?)");
             PreparedStatement file = c.prepareStatement("insert into rules_version_file (version_id, path, sha256) values (?, ?, ?)")) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                String sha = RuleSet.sha256(f.getValue());
                has.setString(1, sha);
                boolean exists;
                try (ResultSet rs = has.executeQuery()) {
                    exists = rs.next();
                }
                if (!exists) {
                    blob.setString(1, sha);
                    blob.setString(2, f.getValue());
                    blob.executeUpdate();
                }
                file.setLong(1, id);
                file.setString(2, f.getKey());
                file.setString(3, sha);
                file.executeUpdate();
            }
        }
    }

    static void lockDraft(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select state from rules_version where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !DRAFT.equals(rs.getString(1))) {
                    throw new InputException("这个版本已不是草稿（可能刚被别人发布或放弃），请刷新页面");
                }
            }
        }
    }

    static void requireDraft(Version v) {
        if (!v.draft()) {
            throw new InputException(v.label() + "是" + v.state() + "的版本，不能再修改、发布或放弃；要在它的基础上修改，请“恢复为新草稿”");
        }
    }

    static Version currentVersion(Connection c) throws SQLException {
        List<Version> l = query(c, "where v.state = ? order by v.number desc", PUBLISHED);
        return l.isEmpty() ? null : l.get(0);
    }

    static Map<String, String> files(Connection c, long id) throws SQLException {
        Map<String, String> files = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select f.path, b.content from rules_version_file f join rule_blob b "
                + "on b.sha256 = f.sha256 where f.version_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return files;
    }

    static List<Version> query(Connection c, String tail, Object... args) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select v.id, v.number, v.state, v.base_id, b.number, v.author, v.created_at, "
                + "v.updated_at, v.note, v.fingerprint, v.check_errors, v.publisher, v.published_at, v.publish_reason "
                + "from rules_version v left join rules_version b on b.id = v.base_id " + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String errors = rs.getString(11);
                    Timestamp pub = rs.getTimestamp(13);
                    out.add(new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), (Long) rs.getObject(4) == null ? null
                            : rs.getLong(4), rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6),
                            rs.getTimestamp(7).toLocalDateTime(), rs.getTimestamp(8).toLocalDateTime(), rs.getString(9),
                            rs.getString(10), errors == null || errors.isEmpty() ? List.of() : List.of(errors.split("\n")),
                            rs.getString(12), pub == null ? null : pub.toLocalDateTime(), rs.getString(14)));
                }
            }
        }
        return out;
    }

    <T> T read(Database.SqlWork<T> work) {
        return db.read(work);
    }

    <T> T write(Database.SqlWork<T> work) {
        try (Connection c = db.connect()) {
            try {
                T t = work.apply(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("保存规则版本失败：" + e.getMessage(), e);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }

    static LocalDateTime now() {
        return LocalDateTime.now().withNano(0);
    }
}
