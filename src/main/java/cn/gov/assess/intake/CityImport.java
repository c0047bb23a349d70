package cn.gov.assess.intake;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.db.Staging;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.unit.UnitImport;
import cn.gov.assess.workorder.ColumnProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 市级导出的导入（issue 28）：文件里有区县列（{@link ColumnProfiles#COUNTY} 或列名方案里的写法）时，每行按它分到那个区县
 * （下级辖区，或导入的辖区本身）。先校验全部文件的全部行——区县不认识、办理单位在那个区县里不认识的，每行都报出文件、行、
 * 列和值，一条不写；全部认得时把各区县的行交给那个区县的 {@link Importer}。某个区县的导入出错时，已写入的其他区县的批次
 * 逐个撤掉（与中断的导入同一种清除，{@link Staging#discardImport}），整个文件一条也不留。
 */
public final class CityImport {
    /** 一个区县的结果。 */
    public record Part(Jurisdictions.Jurisdiction jurisdiction, List<Importer.FileResult> files) {
    }

    private final Jurisdictions registry;
    private final Jurisdictions.Jurisdiction importing;
    private final RuleSet rules;
    private final ColumnProfiles profiles;

    public CityImport(Jurisdictions registry, Jurisdictions.Jurisdiction importing, RuleSet rules) {
        this.registry = registry;
        this.importing = importing;
        this.rules = rules;
        this.profiles = ColumnProfiles.of(rules.files().get(ColumnProfiles.FILE));
    }

    /** 这个文件是否要按区县分（CSV 派单导出且表头里有区县列）。只读表头那一行，不读整个文件。 */
    public static boolean routes(Path file, RuleSet rules) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        ColumnProfiles profiles = ColumnProfiles.of(rules.files().get(ColumnProfiles.FILE));
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            List<String> header = CsvTable.parse(file.toString(), java.util.Arrays.copyOf(head, end)).header();
            return profiles.looksLikeDispatch(header) && profiles.countyColumn(header) >= 0;
        } catch (IOException | RuntimeException e) {
            return false; // 读不了的文件交给普通导入，由它报错
        }
    }

    public List<Part> importFiles(List<Path> files, Path workDir) {
        Map<String, Jurisdictions.Jurisdiction> targets = new LinkedHashMap<>();
        targets.put(importing.name(), importing);
        for (Jurisdictions.Jurisdiction j : registry.all()) {
            if (j.parentId() != null && j.parentId() == importing.id()) {
                targets.put(j.name(), j);
            }
        }
        Map<String, UnitDirectory> directories = new LinkedHashMap<>();
        for (Jurisdictions.Jurisdiction j : targets.values()) {
            try (Database db = registry.open(j)) {
                directories.put(j.name(), UnitImport.loadDirectory(db));
            }
        }
        List<Problem> problems = new ArrayList<>();
        // 区县 → 文件 → 分到的行
        Map<String, Map<CsvTable, List<CsvTable.Row>>> split = new LinkedHashMap<>();
        for (Path f : files) {
            CsvTable t;
            try {
                t = CsvTable.read(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var mapping = profiles.resolve(f.getFileName().toString(), t.header(), rules.channels().keySet());
            String countyCol = t.header().get(profiles.countyColumn(t.header())).strip();
            String unitCol = t.header().get(mapping.index(ColumnProfiles.UNIT)).strip();
            for (CsvTable.Row r : t.rows()) {
                String county = t.get(r, countyCol);
                Jurisdictions.Jurisdiction j = targets.get(county);
                if (j == null) {
                    problems.add(t.at(r, countyCol).problem("区县“" + county + "”不是" + importing.name()
                            + "或它的下级辖区，可填：" + String.join("、", targets.keySet())));
                    continue;
                }
                String unit = t.get(r, unitCol);
                if (directories.get(county).find(unit) == null) {
                    problems.add(t.at(r, unitCol).problem("办理单位“" + unit + "”不是" + county + "的单位（先在"
                            + county + "导入单位表）"));
                    continue;
                }
                split.computeIfAbsent(county, k -> new LinkedHashMap<>()).computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }
        List<Part> done = new ArrayList<>();
        Map<Jurisdictions.Jurisdiction, Long> before = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Map<CsvTable, List<CsvTable.Row>>> e : split.entrySet()) {
                Jurisdictions.Jurisdiction j = targets.get(e.getKey());
                List<Path> parts = writeParts(workDir.resolve(j.schema()), e.getValue());
                try (Database db = registry.open(j)) {
                    before.put(j, lastBatch(db));
                    try {
                        done.add(new Part(j, new Importer(db, rules).importPaths(parts)));
                    } catch (InputException ie) {
                        throw new InputException(ie.problems().stream().map(p -> j.name() + "的部分：" + p).toList());
                    }
                }
            }
            return done;
        } catch (RuntimeException e) {
            for (Part p : done) {
                try (Database db = registry.open(p.jurisdiction())) {
                    undo(db, before.get(p.jurisdiction()));
                }
            }
            throw e;
        }
    }

    /** 各文件分到这个区县的行，写成同名的 CSV（文件名里的渠道名照样认得）。 */
    private static List<Path> writeParts(Path dir, Map<CsvTable, List<CsvTable.Row>> rows) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<CsvTable, List<CsvTable.Row>> e : rows.entrySet()) {
                StringBuilder sb = new StringBuilder();
                line(sb, e.getKey().header());
                e.getValue().forEach(r -> line(sb, r.values()));
                Path f = dir.resolve(Path.of(e.getKey().fileName()).getFileName().toString());
                Files.writeString(f, sb, StandardCharsets.UTF_8);
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            sb.append(i == 0 ? "" : ",");
            sb.append(v.matches("(?s).*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        sb.append('\n');
    }

    private static long lastBatch(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from import_batch");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** 撤掉 after 之后写入的批次及其工单、转办（把批次改回未完成，按中断的导入清除）。 */
    private static void undo(Database db, long after) {
        try (Connection c = db.connect()) {
            List<Long> batches = new ArrayList<>();
            Long firstOrder = null;
            Long firstAssignment = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, first_order_id, first_assignment_id from import_batch where id > ?")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batches.add(rs.getLong(1));
                        firstOrder = min(firstOrder, (Long) rs.getObject(2));
                        firstAssignment = min(firstAssignment, (Long) rs.getObject(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update import_batch set state = 'pending' where id > ?")) {
                ps.setLong(1, after);
                ps.executeUpdate();
            }
            c.commit();
            Staging.discardImport(c, batches, firstOrder, firstAssignment);
        } catch (SQLException e) {
            throw new IllegalStateException("撤回已写入的区县失败：" + e.getMessage(), e);
        }
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }
}
