package cn.gov.assess.unit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** 按名称或别名查单位；查不到时给出最接近的已知名称。 */
public final class UnitDirectory {
    public record Ref(Long id, String name) {
    }

    private final Map<String, Ref> byName = new HashMap<>();

    /** 从数据库读出全部单位名称与别名。 */
    public static UnitDirectory load(org.hibernate.SharedSessionContract s) {
        UnitDirectory d = new UnitDirectory();
        Map<Long, String> names = new HashMap<>();
        for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
            d.put(u.getName(), new Ref(u.getId(), u.getName()));
            names.put(u.getId(), u.getName());
        }
        for (UnitAlias a : s.createSelectionQuery("from UnitAlias", UnitAlias.class).getResultList()) {
            d.put(a.getAlias(), new Ref(a.getUnitId(), names.get(a.getUnitId())));
        }
        return d;
    }

    /** 同上，用 JDBC 读（只读命令不启动 Hibernate）。 */
    public static UnitDirectory load(java.sql.Connection c) throws java.sql.SQLException {
        UnitDirectory d = new UnitDirectory();
        Map<Long, String> names = new HashMap<>();
        for (Unit u : cn.gov.assess.db.Rows.list(c, Unit.class, "")) {
            d.put(u.getName(), new Ref(u.getId(), u.getName()));
            names.put(u.getId(), u.getName());
        }
        for (UnitAlias a : cn.gov.assess.db.Rows.list(c, UnitAlias.class, "")) {
            d.put(a.getAlias(), new Ref(a.getUnitId(), names.get(a.getUnitId())));
        }
        return d;
    }

    /** 按名称或别名查单位，查不到时报错并给出最接近的名称。 */
    public Ref require(String name) {
        Ref r = find(name);
        if (r == null) {
            throw new cn.gov.assess.io.InputException("未知单位“" + name + "”，最接近的已知单位是“" + closest(name) + "”");
        }
        return r;
    }

    public void put(String nameOrAlias, Ref ref) {
        byName.put(nameOrAlias, ref);
    }

    public Ref find(String nameOrAlias) {
        return byName.get(nameOrAlias.strip());
    }

    public boolean isEmpty() { return byName.isEmpty(); }

    public Collection<String> names() { return byName.keySet(); }

    /** 编辑距离最小的已知名称或别名。 */
    public String closest(String name) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : byName.keySet()) {
            int d = distance(name, k);
            if (d < bestD || (d == bestD && k.compareTo(best) < 0)) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
