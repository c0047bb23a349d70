package cn.gov.assess.db;

import jakarta.persistence.Column;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 用 JDBC 读实体：按实体类的 @Table、@Column 注解拼出 select，逐行建对象。只读的命令用它，不必启动 Hibernate
 * （表结构由同一组注解经 Hibernate 校验，两边不会不一致）。
 */
public final class Rows {
    private record Mapping(String table, List<Field> fields, String columns, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Mapping> MAPPINGS = new ConcurrentHashMap<>();

    private Rows() {
    }

    /** select … from 表 + tail（where、order by），参数按顺序绑定。 */
    public static <T> List<T> list(Connection c, Class<T> type, String tail, Object... params) throws SQLException {
        Mapping m = MAPPINGS.computeIfAbsent(type, Rows::mapping);
        try (PreparedStatement ps = c.prepareStatement("select " + m.columns() + " from " + m.table() + " " + tail)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(type.cast(row(m, rs)));
                }
            }
            return out;
        }
    }

    private static Object row(Mapping m, ResultSet rs) throws SQLException {
        try {
            Object o = m.constructor().newInstance();
            int i = 1;
            for (Field f : m.fields()) {
                Class<?> t = f.getType();
                Object v;
                if (t == long.class) {
                    v = rs.getLong(i);
                } else if (t == int.class) {
                    v = rs.getInt(i);
                } else if (t == boolean.class) {
                    v = rs.getBoolean(i);
                } else if (t == double.class) {
                    v = rs.getDouble(i);
                } else {
                    v = rs.getObject(i, t);
                }
                f.set(o, v);
                i++;
            }
            return o;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("无法读取 " + m.table() + "：" + e.getMessage(), e);
        }
    }

    private static Mapping mapping(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        String name = table != null && !table.name().isEmpty() ? table.name() : type.getSimpleName();
        List<Field> fields = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isAnnotationPresent(Transient.class)) {
                continue;
            }
            Column col = f.getAnnotation(Column.class);
            f.setAccessible(true);
            fields.add(f);
            columns.add(col != null && !col.name().isEmpty() ? col.name() : f.getName());
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            return new Mapping(name, fields, String.join(", ", columns), ctor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " 没有无参构造方法", e);
        }
    }
}
