package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 账号：表 app_user（迁移 V15、V21_3）。密码只存 BCrypt 摘要（spring-security-crypto），新密码须合 {@link PasswordPolicy}；
 * 账号名不分大小写唯一（列 name_key）。
 */
public final class Accounts {
    /**
     * 一个账号；unitId 只对“单位”角色有值（是它所属辖区里的单位）；mustChange：管理员重置过密码，下次登录必须先改密码；
     * jurisdictionId：所属辖区，空 = 登记表所在的辖区（旧账号都是）。
     */
    public record Account(long id, String name, Role role, Long unitId, String unitName, boolean active, LocalDateTime createdAt,
                          boolean mustChange, Long jurisdictionId) {
        public Account(long id, String name, Role role, Long unitId, String unitName, boolean active, LocalDateTime createdAt,
                       boolean mustChange) {
            this(id, name, role, unitId, unitName, active, createdAt, mustChange, null);
        }

        /** 同一个账号换成另一个角色（市级账号查看下级辖区时只读，见 {@link WebServer#me}）。 */
        Account as(Role r) {
            return new Account(id, name, r, unitId, unitName, active, createdAt, mustChange, jurisdictionId);
        }
    }

    public static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;
    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(10);
    /** 未知账号也做一次同样耗时的比较，响应时间不泄露账号是否存在。 */
    private static final String DUMMY = ENCODER.encode("assess-dummy-password");

    private final Database db;
    /** 辖区编号 → 它的库（找单位账号的单位）；空时只认登记表所在辖区的单位。 */
    private final java.util.function.LongFunction<Database> jurisdictionDb;

    /** @param db 登记表所在的库（账号都在这里） */
    public Accounts(Database db) {
        this(db, null);
    }

    /** @param jurisdictionDb 其他辖区的库（用来找这些辖区的单位账号所绑定的单位；由调用方打开与关闭） */
    public Accounts(Database db, java.util.function.LongFunction<Database> jurisdictionDb) {
        this.db = db;
        this.jurisdictionDb = jurisdictionDb;
    }

    /** 比较账号名用的形式：去掉首尾空白、小写。 */
    static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** 新建账号（登记表所在的辖区）。单位角色必须给出单位（名称或别名）。 */
    public Account add(String name, Role role, String unit, char[] password) {
        return add(name, role, null, unit, password);
    }

    /** 新建账号，属于辖区 jurisdictionId（空 = 登记表所在的辖区）；单位角色的单位在这个辖区的单位表里找。 */
    public Account add(String name, Role role, Long jurisdictionId, String unit, char[] password) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new InputException("账号名不能为空、不能超过 100 个字、不能含控制字符");
        }
        Long unitRef = unitFor(role, unit, jurisdictionId);
        Optional<Account> same = findKey(key(n));
        if (same.isPresent()) {
            throw new InputException(same.get().name().equals(n) ? "账号“" + n + "”已存在"
                    : "账号“" + n + "”与已有的账号“" + same.get().name() + "”只差大小写：账号名不分大小写，请换一个名字");
        }
        checkPassword(n, password);
        String hash = ENCODER.encode(new String(password));
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (name, name_key, password_hash, role, unit_id, active, "
                    + "created_at, must_change, jurisdiction_id) values (?, ?, ?, ?, ?, true, ?, false, ?)")) {
                ps.setString(1, n);
                ps.setString(2, key(n));
                ps.setString(3, hash);
                ps.setString(4, role.name());
                ps.setObject(5, unitRef);
                ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
                ps.setObject(7, jurisdictionId);
                return ps.executeUpdate();
            }
        });
        return find(n).orElseThrow();
    }

    /** 密码不合规则时抛出中文说明（全部问题一次列出）。 */
    public static void checkPassword(String account, char[] password) {
        List<String> problems = PasswordPolicy.problems(account, password);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** “单位”角色所属单位的编号；其余角色不许给单位。 */
    private Long unitFor(Role role, String unit, Long jurisdictionId) {
        if (role == Role.单位) {
            if (unit == null || unit.isBlank()) {
                throw new InputException("“单位”角色的账号必须指定它所属的单位（命令行用 --unit）");
            }
            return unitId(unitsOf(jurisdictionId), unit.strip());
        }
        if (unit != null && !unit.isBlank()) {
            throw new InputException("只有“单位”角色的账号绑定单位；角色“" + role + "”不需要指定单位");
        }
        return null;
    }

    /** 核对密码；账号不存在、已停用或密码不对都返回空。账号名先按原样找，再不分大小写找。 */
    public Optional<Account> verify(String name, String password) {
        String n = name == null ? "" : name.strip();
        String p = password == null ? "" : password;
        Optional<Account> account = find(n).or(() -> findKey(key(n)));
        Optional<String> hash = account.flatMap(a -> query("select password_hash from app_user where id = ?", a.id(), rs -> rs.getString(1)));
        boolean tooLong = p.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES;
        // 超过 72 字节的密码 BCrypt 不收（不可能是对的）：照样比较一次假摘要，耗时相同
        boolean ok = ENCODER.matches(tooLong ? "" : p, tooLong ? DUMMY : hash.orElse(DUMMY)) && !tooLong;
        if (!ok || hash.isEmpty() || !account.get().active()) {
            return Optional.empty();
        }
        return account;
    }

    /** 改密码（本人改，或管理员重置）。mustChange：下次登录必须先改密码（管理员重置时）。 */
    public void setPassword(long id, char[] password, boolean mustChange) {
        Account a = find(id).orElseThrow(() -> new InputException("没有这个账号"));
        checkPassword(a.name(), password);
        String hash = ENCODER.encode(new String(password));
        update("update app_user set password_hash = ?, must_change = ? where id = ?", hash, mustChange, id);
    }

    /** 改角色（“单位”角色同时给出单位）。 */
    public Account setRole(long id, Role role, String unit) {
        Account a = find(id).orElseThrow(() -> new InputException("没有这个账号"));
        Long unitRef = unitFor(role, unit, a.jurisdictionId());
        update("update app_user set role = ?, unit_id = ? where id = ?", role.name(), unitRef, id);
        return find(id).orElseThrow();
    }

    /** 记下管理员解除登录限制的时间：网页服务据此忘掉这之前的输错记录（命令行与网页服务不在一个进程里）。 */
    public void unlock(long id) {
        update("update app_user set unlocked_at = ? where id = ?", Timestamp.valueOf(LocalDateTime.now()), id);
    }

    /** 该账号最近一次被解除登录限制的时间（毫秒）；没有时为 0。 */
    long unlockedAt(String name) {
        return query("select unlocked_at from app_user where name_key = ?", key(name), rs -> rs.getTimestamp(1))
                .map(Timestamp::getTime).orElse(0L);
    }

    /** 升级前已有的、只差大小写的账号名（如“locktest”与“LOCKTEST”），一组一条中文说明。 */
    public List<String> caseClashes() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Account a : all()) {
            groups.computeIfAbsent(key(a.name()), k -> new ArrayList<>()).add("“" + a.name() + "”");
        }
        return groups.values().stream().filter(g -> g.size() > 1)
                .map(g -> "账号 " + String.join("、", g) + " 只差大小写：请停用其中多余的账号（新账号名不分大小写，不能再这样建）").toList();
    }

    public Optional<Account> find(String name) {
        return query(SELECT + " where u.name = ?", name, Accounts::account).map(this::withUnit);
    }

    private Optional<Account> findKey(String key) {
        return query(SELECT + " where u.name_key = ?", key, Accounts::account).map(this::withUnit);
    }

    public Optional<Account> find(long id) {
        return query(SELECT + " where u.id = ?", id, Accounts::account).map(this::withUnit);
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
        }).stream().map(this::withUnit).toList();
    }

    public long count() {
        return all().size();
    }

    public void setActive(long id, boolean active) {
        update("update app_user set active = ? where id = ?", active, id);
    }

    private void update(String sql, Object... params) {
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** 单位名只对登记表所在辖区的账号在这里连表取得；其他辖区的单位在各自的库里（{@link #withUnit}）。 */
    private static final String SELECT = "select u.id, u.name, u.role, u.unit_id, n.name, u.active, u.created_at, u.must_change, "
            + "u.jurisdiction_id from app_user u left join unit n on n.id = u.unit_id and u.jurisdiction_id is null";

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp(7);
        return new Account(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), (Long) rs.getObject(4, Long.class),
                rs.getString(5), rs.getBoolean(6), t == null ? null : t.toLocalDateTime(), rs.getBoolean(8),
                (Long) rs.getObject(9, Long.class));
    }

    /** 其他辖区的单位账号：单位名取自那个辖区的单位表。 */
    private Account withUnit(Account a) {
        if (a.unitId() == null || a.jurisdictionId() == null || jurisdictionDb == null) {
            return a;
        }
        String unitName = Sql.work(jurisdictionDb.apply(a.jurisdictionId()), c -> {
            try (PreparedStatement ps = c.prepareStatement("select name from unit where id = ?")) {
                ps.setLong(1, a.unitId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return new Account(a.id(), a.name(), a.role(), a.unitId(), unitName, a.active(), a.createdAt(), a.mustChange(),
                a.jurisdictionId());
    }

    /** 辖区的库：空 = 登记表所在的辖区。 */
    private Database unitsOf(Long jurisdictionId) {
        if (jurisdictionId == null) {
            return db;
        }
        if (jurisdictionDb == null) {
            throw new IllegalStateException("没有给出辖区的库，找不到辖区 " + jurisdictionId + " 的单位");
        }
        return jurisdictionDb.apply(jurisdictionId);
    }

    private static Long unitId(Database units, String unit) {
        Optional<Long> byName = query(units, "select id from unit where name = ?", unit, rs -> rs.getLong(1));
        if (byName.isPresent()) {
            return byName.get();
        }
        return query(units, "select unit_id from unit_alias where alias = ?", unit, rs -> rs.getLong(1))
                .orElseThrow(() -> new InputException("单位表中没有“" + unit + "”（请先导入单位表，或检查写法）"));
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Object param, Row<T> row) {
        return query(db, sql, param, row);
    }

    private static <T> Optional<T> query(Database db, String sql, Object param, Row<T> row) {
        return Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.<T>empty();
                }
            }
        });
    }
}
