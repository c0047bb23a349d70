package cn.gov.assess.unit;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * 按名称或别名查单位；查不到时给出最接近的已知单位。
 *
 * <p>“最接近”不只看编辑距离：先看共有的字，按字的少见程度加权（“县”“局”几乎每个单位都有，权重低；“城”“管”少见，权重高），
 * 单位的名称与别名算作一个单位的写法；再看结尾所示的类型（“局”结尾的写法优先找“部门”类单位，“镇”结尾的找“镇”），
 * 类型与结尾的对应取自单位表本身；最后才按编辑距离。所以 县城管局、县城管、城管局 都指向 县城管执法局。
 */
public final class UnitDirectory {
    public record Ref(Long id, String name) {
    }

    private final Map<String, Ref> byName = new HashMap<>();
    private final Map<String, String> kinds = new HashMap<>();

    /** 从数据库读出全部单位名称、类型与别名。 */
    public static UnitDirectory load(org.hibernate.SharedSessionContract s) {
        UnitDirectory d = new UnitDirectory();
        Map<Long, String> names = new HashMap<>();
        for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
            d.put(u.getName(), new Ref(u.getId(), u.getName()));
            d.kind(u.getName(), u.getKind());
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
        suggestions.clear();
    }

    /** 同一个写错的名称在大文件里往往出现成千上万次：建议记下来。 */
    private final Map<String, String> suggestions = new HashMap<>();

    /** 记下单位的类型（镇、街道、部门、其他…），供“最接近”参考。 */
    public void kind(String unitName, String kind) {
        if (kind != null) {
            kinds.put(unitName, kind);
            suggestions.clear();
        }
    }

    public Ref find(String nameOrAlias) {
        return byName.get(nameOrAlias.strip());
    }

    public boolean isEmpty() { return byName.isEmpty(); }

    public Collection<String> names() { return byName.keySet(); }

    /** 最接近的已知单位（返回单位的正式名称）；目录为空时为 null。导入时多个校验线程会同时问，所以加锁。 */
    public synchronized String closest(String name) {
        if (byName.isEmpty()) {
            return null;
        }
        return suggestions.computeIfAbsent(name == null ? "" : name, this::suggest);
    }

    private String suggest(String name) {
        String q = name == null ? "" : name.strip();
        // 每个单位的全部写法（名称 + 别名）合成一组字，算每个字出现在几个单位里
        Map<String, Set<Integer>> unitChars = new HashMap<>();
        for (Map.Entry<String, Ref> e : byName.entrySet()) {
            Set<Integer> cs = unitChars.computeIfAbsent(e.getValue().name(), k -> new HashSet<>());
            e.getKey().codePoints().forEach(cs::add);
        }
        int units = unitChars.size();
        Map<Integer, Integer> df = new HashMap<>();
        unitChars.values().forEach(cs -> cs.forEach(c -> df.merge(c, 1, Integer::sum)));
        // 结尾字 → 以它结尾的单位的类型
        Map<Integer, Map<String, Integer>> endingKinds = new HashMap<>();
        for (Map.Entry<String, Ref> e : byName.entrySet()) {
            String kind = kinds.get(e.getValue().name());
            if (kind != null && !e.getKey().isEmpty()) {
                endingKinds.computeIfAbsent(e.getKey().codePointBefore(e.getKey().length()), k -> new HashMap<>())
                        .merge(kind, 1, Integer::sum);
            }
        }
        String queryKind = null;
        if (!q.isEmpty()) {
            Map<String, Integer> ks = endingKinds.get(q.codePointBefore(q.length()));
            if (ks != null) {
                queryKind = ks.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            }
        }
        String best = null;
        double bestScore = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, Ref> e : byName.entrySet()) {
            String k = e.getKey();
            String unit = e.getValue().name();
            double score = shared(q, k, df, units);
            if (queryKind != null && queryKind.equals(kinds.get(unit))) {
                score += 0.5;
            }
            int d = distance(q, k);
            boolean better = score > bestScore + 1e-9
                    || (Math.abs(score - bestScore) <= 1e-9 && (d < bestDistance || (d == bestDistance && unit.compareTo(best) < 0)));
            if (better) {
                best = unit;
                bestScore = score;
                bestDistance = d;
            }
        }
        return best;
    }

    /** 共有字的权重和：每个字按 log(单位数 / 含该字的单位数) 加权，重复的字按较少的次数算。 */
    private static double shared(String q, String k, Map<Integer, Integer> df, int units) {
        Map<Integer, Integer> left = new HashMap<>();
        k.codePoints().forEach(c -> left.merge(c, 1, Integer::sum));
        double s = 0;
        for (int c : q.codePoints().toArray()) {
            Integer n = left.get(c);
            if (n != null && n > 0) {
                left.put(c, n - 1);
                s += Math.log((units + 1.0) / df.getOrDefault(c, 1));
            }
        }
        return s;
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
