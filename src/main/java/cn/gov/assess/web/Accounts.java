package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 账号：表 app_user（迁移 V15）。密码只存 BCrypt 摘要（spring-security-crypto）。 */
public final class Accounts {
    /** 一个账号；unitId 只对“单位”角色有值。 */
    public record Account(long id, String name, Role role, Long unitId, String unitName, boolean active, LocalDateTime createdAt) {
    }

    public static final int MIN_PASSWORD = 8;
    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(10);
    /** 未知账号也做一次同样耗时的比较，响应时间不泄露账号是否存在。 */
    private static final String DUMMY = ENCODER.encode("assess-dummy-password");

    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** 新建账号。单位角色必须给出单位（名称或别名）。 */
    public Account add(String name, Role role, String unit, char[] password) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new InputException("账号名不能为空、不能超过 100 个字、不能含控制字符");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InputException("密码至少 " + MIN_PASSWORD + " 个字符");
        }
        Long unitId = null;
        if (role == Role.单位) {
            if (unit == null || unit.isBlank()) {
                throw new InputException("“单位”角色的账号必须用 --unit 指定它所属的单位");
            }
            unitId = unitId(unit.strip());
        } else if (unit != null && !unit.isBlank()) {
            throw new InputException("只有“单位”角色的账号绑定单位；角色“" + role + "”不需要 --unit");
        }
        if (find(n).isPresent()) {
            throw new InputException("账号“" + n + "”已存在");
        }
        String hash = ENCODER.encode(new String(password));
        Long unitRef = unitId;
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into app_user (name, password_hash, role, unit_id, active, created_at) values (?, ?, ?, ?, true, ?)")) {
                ps.setString(1, n);
                ps.setString(2, hash);
                ps.setString(3, role.name());
                ps.setObject(4, unitRef);
                ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
                return ps.executeUpdate();
            }
        });
        return find(n).orElseThrow();
    }

    /** 核对密码；账号不存在、已停用或密码不对都返回空。 */
    public Optional<Account> verify(String name, String password) {
        Optional<String[]> row = query("select password_hash, active from app_user where name = ?", name == null ? "" : name.strip(),
                rs -> new String[]{rs.getString(1), String.valueOf(rs.getBoolean(2))});
        String hash = row.map(r -> r[0]).orElse(DUMMY);
        boolean ok = ENCODER.matches(password == null ? "" : password, hash);
        if (!ok || row.isEmpty() || !Boolean.parseBoolean(row.get()[1])) {
            return Optional.empty();
        }
        return find(name.strip());
    }

    public Optional<Account> find(String name) {
        return query(SELECT + " where u.name = ?", name, Accounts::account);
    }

    public Optional<Account> find(long id) {
        return query(SELECT + " where u.id = ?", id, Accounts::account);
    }

    public List<Account> all() {
        return Sql.work(db, c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " order by u.id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(account(rs));
                }
            }
            return out;
        });
    }

    public long count() {
        return all().size();
    }

    public void setActive(long id, boolean active) {
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("update app_user set active = ? where id = ?")) {
                ps.setBoolean(1, active);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static final String SELECT = "select u.id, u.name, u.role, u.unit_id, n.name, u.active, u.created_at from app_user u "
            + "left join unit n on n.id = u.unit_id";

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp(7);
        return new Account(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), (Long) rs.getObject(4, Long.class),
                rs.getString(5), rs.getBoolean(6), t == null ? null : t.toLocalDateTime());
    }

    private Long unitId(String unit) {
        Optional<Long> byName = query("select id from unit where name = ?", unit, rs -> rs.getLong(1));
        if (byName.isPresent()) {
            return byName.get();
        }
        return query("select unit_id from unit_alias where alias = ?", unit, rs -> rs.getLong(1))
                .orElseThrow(() -> new InputException("单位表中没有“" + unit + "”（请先导入单位表，或检查写法）"));
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Object param, Row<T> row) {
        return Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row.read(rs)) : Optional.<T>empty();
                }
            }
        });
    }
}
