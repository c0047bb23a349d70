package cn.gov.assess.unit;

import cn.gov.assess.io.Problem;
import cn.gov.assess.io.Place;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Vendor;
import cn.gov.assess.io.CsvTable;
import org.hibernate.StatelessSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 单位表的导入（单位名称, 类型, 排序, 别名）：校验全部行，与库里已有的单位和别名对照；写入时新单位成批插入，已有单位更新
 * 类型与排序，别名补齐。什么时候写、在哪个事务里写由调用方（intake）决定。
 */
public final class UnitImport {
    public static final List<String> COLUMNS = List.of("单位名称", "类型", "排序");
    /**
     * 类型为空时提示里举的类型（规则目录 thresholds.csv 的参数 {@value #KIND_EXAMPLES}）。没有这个参数的旧规则目录用这一组：
     * 它就是加这个参数以前提示里写死的那几个词，旧目录的提示因此一字不变。
     */
    public static final String KIND_EXAMPLES = "单位类型示例";
    public static final List<String> DEFAULT_KIND_EXAMPLES = List.of("镇", "街道", "部门", "其他");

    /** 单位表的一行（已校验）。 */
    public record UnitRow(String file, int line, String name, String kind, int sortOrder, List<String> aliases) {
    }

    /** 写入的结果：全部单位的编号（含新单位），与每个单位表新增或改动的单位数。 */
    public record Written(Map<String, Long> unitIds, Map<CsvTable, Integer> added) {
    }

    private final java.util.function.Supplier<List<String>> kindExamples;

    /** kindExamples：类型为空时提示里举的类型（只在要写这条提示时才取）。 */
    public UnitImport(java.util.function.Supplier<List<String>> kindExamples) {
        this.kindExamples = kindExamples;
    }

    /** 校验单位表，把其中的单位与别名记进 directory（供随后校验派单与监测文件），返回单位名 → 行（后出现的为准）。 */
    public Map<String, UnitRow> validate(List<CsvTable> unitTables, UnitDirectory directory, List<Problem> problems) {
        List<UnitRow> unitRows = validateUnits(unitTables, directory, problems);
        Map<String, UnitRow> newUnits = new LinkedHashMap<>();
        for (UnitRow u : unitRows) {
            newUnits.put(u.name(), u);
            if (directory.find(u.name()) == null) {
                directory.put(u.name(), new UnitDirectory.Ref(null, u.name()));
            }
            directory.kind(u.name(), u.kind());
            for (String a : u.aliases()) {
                if (directory.find(a) == null) {
                    directory.put(a, new UnitDirectory.Ref(null, u.name()));
                }
            }
        }
        return newUnits;
    }

    /**
     * 库里已有单位的编号，新单位预先从序列取号：派单记录分批写入时就要用到单位编号，而单位本身要到最后一步
     * （与批次生效同一事务）才写入。序列步长等于 Hibernate 的分配大小 50，直接取到的值不会落在 Hibernate 自己取的号段里。
     */
    public static Map<String, Long> planUnitIds(Database db, Map<String, UnitRow> newUnits) {
        Map<String, Long> ids = new HashMap<>();
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
                ids.put(u.getName(), u.getId());
            }
        }
        List<String> missing = newUnits.keySet().stream().filter(n -> !ids.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            try (java.sql.Connection c = db.connect()) {
                for (String n : missing) {
                    ids.put(n, nextValue(c, "unit_seq"));
                }
                c.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("取单位编号失败：" + e.getMessage(), e);
            }
        }
        return ids;
    }

    private static long nextValue(java.sql.Connection c, String sequence) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(Vendor.of(c).nextValue(sequence))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static UnitDirectory loadDirectory(Database db) {
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            return UnitDirectory.load(s);
        }
    }

    private List<UnitRow> validateUnits(List<CsvTable> tables, UnitDirectory existing, List<Problem> problems) {
        List<UnitRow> out = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        Map<String, String> firstLine = new HashMap<>();
        for (CsvTable t : tables) {
            for (CsvTable.Row r : t.rows()) {
                String where = t.fileName() + " 第 " + r.line() + " 行";
                String name = t.get(r, "单位名称");
                String kind = t.get(r, "类型");
                String order = t.get(r, "排序");
                boolean ok = true;
                if (name.isEmpty()) {
                    problems.add(t.at(r, "单位名称").problem("单位名称为空"));
                    ok = false;
                }
                if (kind.isEmpty()) {
                    problems.add(t.at(r, "类型").problem("类型为空（应为 " + String.join("、", kindExamples.get())
                            + " 等）"));
                    ok = false;
                }
                int sort = 0;
                try {
                    sort = Integer.parseInt(order);
                } catch (NumberFormatException e) {
                    problems.add(t.at(r, "排序").problem("“" + order + "”不是整数"));
                    ok = false;
                }
                List<String> aliases = t.has("别名")
                        ? Arrays.stream(t.get(r, "别名").split("[、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                        : List.of();
                if (!ok) {
                    continue;
                }
                if (firstLine.putIfAbsent(name, where) != null) {
                    problems.add(t.at(r.line()).problem("单位“" + name + "”重复（首次出现在" + firstLine.get(name) + "）"));
                    continue;
                }
                UnitDirectory.Ref ex = existing.find(name);
                if (ex != null && !ex.name().equals(name)) {
                    problems.add(t.at(r.line()).problem("单位名称“" + name + "”已是单位“" + ex.name() + "”的别名"));
                }
                for (String a : aliases) {
                    String prev = owner.putIfAbsent(a, name);
                    UnitDirectory.Ref exA = existing.find(a);
                    if (prev != null && !prev.equals(name)) {
                        problems.add(t.at(r.line()).problem("别名“" + a + "”同时属于“" + prev + "”和“" + name + "”"));
                    } else if (exA != null && !exA.name().equals(name)) {
                        problems.add(t.at(r.line()).problem("别名“" + a + "”已属于单位“" + exA.name() + "”"));
                    }
                }
                out.add(new UnitRow(t.fileName(), r.line(), name, kind, sort, aliases));
            }
        }
        for (UnitRow u : out) {
            String o = owner.get(u.name());
            if (o != null && !o.equals(u.name())) {
                problems.add(Place.row(u.file(), u.line(), u.file() + " 第 " + u.line() + " 行").problem("单位名称“" + u.name() + "”同时是单位“" + o + "”的别名"));
            }
        }
        return out;
    }

    /** 单位：新单位插入，已有单位更新类型与排序，别名补齐（在调用方的事务里）。 */
    public static Written write(StatelessSession s, Map<String, UnitRow> newUnits, Map<String, Long> plannedIds,
                                List<CsvTable> unitTables) {
        Map<String, Long> unitIds = new HashMap<>();
        for (Unit u : s.createSelectionQuery("from Unit", Unit.class).getResultList()) {
            unitIds.put(u.getName(), u.getId());
        }
        Map<String, Long> aliasOwner = new HashMap<>();
        for (UnitAlias a : s.createSelectionQuery("from UnitAlias", UnitAlias.class).getResultList()) {
            aliasOwner.put(a.getAlias(), a.getUnitId());
        }
        Map<CsvTable, Integer> addedPerUnitTable = new HashMap<>();
        // 新单位攒起来成批插入（一次导入几千个单位时逐条插入要半秒以上）
        List<Object[]> inserts = new ArrayList<>();
        List<UnitAlias> aliases = new ArrayList<>();
        for (CsvTable t : unitTables) {
            int added = 0;
            for (CsvTable.Row r : t.rows()) {
                UnitRow u = newUnits.get(t.get(r, "单位名称"));
                if (u == null || u.line() != r.line() || !u.file().equals(t.fileName())) {
                    continue;
                }
                Long id = unitIds.get(u.name());
                if (id == null) {
                    id = plannedIds.get(u.name());
                    inserts.add(new Object[]{id, u.name(), u.kind(), u.sortOrder()});
                    unitIds.put(u.name(), id);
                    added++;
                } else {
                    Unit unit = s.get(Unit.class, id);
                    if (!unit.getKind().equals(u.kind()) || unit.getSortOrder() != u.sortOrder()) {
                        unit.update(u.kind(), u.sortOrder());
                        s.update(unit);
                        added++;
                    }
                }
                for (String a : u.aliases()) {
                    if (!aliasOwner.containsKey(a)) {
                        aliases.add(new UnitAlias(a, id)); // 在单位之后插入（别名引用单位）
                        aliasOwner.put(a, id);
                    }
                }
            }
            addedPerUnitTable.put(t, added);
        }
        if (!inserts.isEmpty()) {
            s.doWork(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement("insert into unit (id, name, kind, sort_order) values (?, ?, ?, ?)")) {
                    for (Object[] u : inserts) {
                        ps.setLong(1, (Long) u[0]);
                        ps.setString(2, (String) u[1]);
                        ps.setString(3, (String) u[2]);
                        ps.setInt(4, (Integer) u[3]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        aliases.forEach(s::insert);
        return new Written(unitIds, addedPerUnitTable);
    }
}
