package cn.gov.assess.db;

import cn.gov.assess.io.InputException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 辖区登记表（issue 28）：一个部署里的市、县区各是一个辖区，各有自己的 schema，里面是全套的表（单位、规则版本、通报信息、
 * 运行、通报、申诉……），所以现有的每条查询原样可用、单位名只在辖区内唯一。登记表在库原有的 schema 里，那个 schema
 * 同时是第一个辖区（旧库升级时什么也不搬）。打开一个辖区就是用指向它的 schema 的地址打开 {@link Database}。
 */
public final class Jurisdictions {
    /** 辖区的级别（行政层级，不是政策）。 */
    public static final List<String> LEVELS = List.of("省", "市", "县", "区");

    /** 旧的单一办公室库升级时没有通报信息（发文机关）可取名，迁移 V22 先把它叫作这个名字，等人用 jurisdiction rename 改。 */
    public static final String UNNAMED = "本辖区";

    public record Jurisdiction(long id, String name, String level, Long parentId, String parentName, String schema,
                               LocalDateTime createdAt) {
        /** 还叫升级时的临时名称。 */
        public boolean unnamed() { return UNNAMED.equals(name); }
    }

    private final Database registry;

    /** @param registry 登记表所在的库（命令行 --db 所指，不带辖区） */
    public Jurisdictions(Database registry) {
        this.registry = registry;
    }

    public List<Jurisdiction> all() {
        return registry.read(c -> query(c, "order by j.id"));
    }

    public Optional<Jurisdiction> find(String name) {
        String n = name == null ? "" : name.strip();
        return all().stream().filter(j -> j.name().equals(n)).findFirst();
    }

    /** 名称对应的辖区；没有时报错并列出已有的辖区。 */
    public Jurisdiction require(String name) {
        return find(name).orElseThrow(() -> new InputException("没有辖区“" + name + "”，已有的辖区："
                + String.join("、", all().stream().map(Jurisdiction::name).toList())));
    }

    /** 登记表所在的辖区（库原有的 schema）：不指定辖区时的默认。 */
    public Jurisdiction home() {
        return registry.read(c -> {
            String schema = c.getSchema();
            return query(c, "order by j.id").stream().filter(j -> j.schema().equalsIgnoreCase(schema)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("辖区登记表里没有本库自己的辖区（schema " + schema + "）"));
        });
    }

    /** 新建辖区：登记，建 schema，在其中执行全部迁移。名称已有、级别不对、上级不存在时报错，什么也不建。 */
    public Jurisdiction add(String name, String level, String parentName) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InputException("辖区名称不能为空，最长 100 字");
        }
        if (!LEVELS.contains(level)) {
            throw new InputException("辖区级别“" + level + "”不对，可用：" + String.join("、", LEVELS));
        }
        if (find(n).isPresent()) {
            throw new InputException("辖区“" + n + "”已经有了");
        }
        Long parent = parentName == null ? null : require(parentName).id();
        long id;
        String schema;
        try (Connection c = registry.connect()) {
            try {
                try (PreparedStatement ps = c.prepareStatement("insert into jurisdiction (name, level, parent_id, schema_name, "
                        + "created_at) values (?, ?, ?, ?, ?)", new String[]{"id"})) {
                    ps.setString(1, n);
                    ps.setString(2, level);
                    ps.setObject(3, parent);
                    ps.setString(4, "pending-" + java.util.UUID.randomUUID()); // id 插入后才知道，schema 名由它得出
                    ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                schema = schemaName(registry.vendor(), c.getSchema(), id);
                try (PreparedStatement ps = c.prepareStatement("update jurisdiction set schema_name = ? where id = ?")) {
                    ps.setString(1, schema);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                try (Statement st = c.createStatement()) {
                    st.execute("create schema " + schema);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("新建辖区“" + n + "”失败：" + e.getMessage(), e);
        }
        try (Database child = Database.open(url(schema))) {
            // 新 schema 里的迁移 V22 也登记了“本辖区”：登记表只在登记库里有意义，这里清空
            child.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("delete from jurisdiction");
                }
                c.commit();
                return null;
            });
        }
        return require(n);
    }

    /** 改名，level 不为空时同时改级别（升级而来的辖区先记作县）；名称是给人看的，schema 不变。 */
    public Jurisdiction rename(String oldName, String newName, String level) {
        Jurisdiction j = require(oldName);
        String n = newName == null ? "" : newName.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InputException("辖区名称不能为空，最长 100 字");
        }
        if (!n.equals(j.name()) && find(n).isPresent()) {
            throw new InputException("辖区“" + n + "”已经有了");
        }
        if (level != null && !LEVELS.contains(level)) {
            throw new InputException("辖区级别“" + level + "”不对，可用：" + String.join("、", LEVELS));
        }
        registry.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("update jurisdiction set name = ?, level = ? where id = ?")) {
                ps.setString(1, n);
                ps.setString(2, level == null ? j.level() : level);
                ps.setLong(3, j.id());
                ps.executeUpdate();
            }
            c.commit();
            return null;
        });
        return require(n);
    }

    /** 一个辖区的库地址：登记库的地址改指它的 schema。登记库自己的辖区就是登记库的地址。 */
    public String url(Jurisdiction j) {
        return j.schema().equals(home().schema()) ? registry.url() : url(j.schema());
    }

    /** 打开一个辖区的库（执行它的 schema 里尚未执行的迁移）；用完由调用方关闭。 */
    public Database open(Jurisdiction j) {
        return Database.open(url(j));
    }

    private String url(String schema) {
        return withSchema(registry.url(), registry.vendor(), schema);
    }

    /** 把地址改指 schema：H2 用 ;SCHEMA=，PostgreSQL 用 currentSchema=（两者原有的同名设置先去掉）。 */
    static String withSchema(String url, Vendor vendor, String schema) {
        if (vendor == Vendor.H2) {
            return url.replaceAll("(?i);SCHEMA=[^;]*", "") + ";SCHEMA=" + schema;
        }
        String base = url.replaceAll("(?i)([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** 新辖区的 schema 名：j_编号；登记库不在默认 schema 里时前面加上它的名字，同一服务器上几个部署互不相碰。 */
    static String schemaName(Vendor vendor, String registrySchema, long id) {
        String prefix = registrySchema == null || registrySchema.equalsIgnoreCase("public") ? "" : registrySchema + "_";
        String s = prefix + "j_" + id;
        return vendor == Vendor.H2 ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    }

    private static List<Jurisdiction> query(Connection c, String tail) throws SQLException {
        List<Jurisdiction> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select j.id, j.name, j.level, j.parent_id, p.name, j.schema_name, "
                + "j.created_at from jurisdiction j left join jurisdiction p on p.id = j.parent_id " + tail);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parent = rs.getLong(4);
                Long parentId = rs.wasNull() ? null : parent;
                out.add(new Jurisdiction(rs.getLong(1), rs.getString(2), rs.getString(3), parentId,
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime()));
            }
        }
        return out;
    }
}
