package cn.gov.assess.workorder;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitAlias;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.monitoring.MonitoringImport;
import org.hibernate.StatelessSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 导入单位表与派单记录（CSV，中文表头）。先校验全部文件的全部行，有任何错误就一条不写并列出所有错误；
 * 全部正确时在一个事务里写入。已导入过的相同记录不重复写入。表头以外的列（群众姓名、电话等）既不读取也不保存。
 */
public final class Importer {
    public static final List<String> UNIT_COLUMNS = List.of("单位名称", "类型", "排序");
    public static final List<String> DISPATCH_COLUMNS = List.of("渠道", "工单编号", "受理时间", "办理单位", "办理时限", "办结时间");

    private final Database db;
    private final RuleSet rules;
    private cn.gov.assess.io.Progress progress;
    private boolean showProgress;
    private cn.gov.assess.io.Progress.Sink sink;

    /** 大批量导入（约 10 万行以上）时在终端显示进度；输出不是终端时不显示。 */
    public Importer withProgress() {
        this.showProgress = true;
        return this;
    }

    /** 把进度（阶段与派单记录的行数）交给 sink，不论行数多少、是否在终端（网页的后台导入用它）。 */
    public Importer withProgress(cn.gov.assess.io.Progress.Sink sink) {
        this.sink = sink;
        return this;
    }

    private void phase(String label) {
        if (sink != null) {
            sink.phase(label, 0);
        }
    }

    /** 导入结果：每个文件读到几行、新增几行。 */
    public record FileResult(String file, String kind, String encoding, int rowsRead, int rowsAdded) {
    }

    private record UnitRow(String file, int line, String name, String kind, int sortOrder, List<String> aliases) {
    }

    private final ColumnProfiles profiles;

    public Importer(Database db, RuleSet rules) {
        this.db = db;
        this.rules = rules;
        this.profiles = ColumnProfiles.of(rules);
    }

    /** 展开目录：只取目录下一层的 .csv 文件，单位表先于派单记录。 */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> Files.isRegularFile(p) && cn.gov.assess.io.RowSource.tabular(p)
                                    && !p.getFileName().toString().startsWith("~$"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InputException(in + "：无法读取目录：" + e.getMessage());
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new InputException(in + "：文件或目录不存在");
            }
        }
        return files;
    }

    public List<FileResult> importPaths(List<Path> inputs) {
        long tStart = System.nanoTime();
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw new InputException("没有找到要导入的文件（.csv、.xlsx 或 .xls）：" + inputs);
        }
        phase("读取表头");
        List<Problem> problems = new ArrayList<>();
        List<CsvTable> unitTables = new ArrayList<>();
        List<Path> dispatchFiles = new ArrayList<>();
        Map<CsvTable, MonitoringImport.Kind> monitoringTables = new LinkedHashMap<>();
        List<CsvTable> metaTables = new ArrayList<>();
        Map<CsvTable, byte[]> raw = new LinkedHashMap<>();
        for (Path f : files) {
            CsvTable t;
            byte[] bytes;
            try {
                // 派单记录可达千万行：只看表头，留到后面逐行读取
                boolean excel = !f.getFileName().toString().toLowerCase().endsWith(".csv");
                try (cn.gov.assess.io.RowSource head = cn.gov.assess.io.RowSource.open(f)) {
                    if (profiles.looksLikeDispatch(head.header())) {
                        dispatchFiles.add(f);
                        continue;
                    }
                    bytes = Files.readAllBytes(f);
                    t = excel ? CsvTable.of(head) : CsvTable.parse(f.toString(), bytes);
                }
            } catch (IOException e) {
                problems.add(Problem.inFile(f.toString(), "无法读取：" + e.getMessage()));
                continue;
            } catch (InputException e) {
                problems.addAll(e.located());
                continue;
            }
            raw.put(t, bytes);
            MonitoringImport.Kind mk = MonitoringImport.Kind.detect(t);
            if (t.has("期间") && t.has("项目") && t.has("内容")) {
                metaTables.add(t);
            } else if (mk != null) {
                requireColumns(t, mk.columns, problems);
                monitoringTables.put(t, mk);
            } else if (t.has("单位名称")) {
                requireColumns(t, UNIT_COLUMNS, problems);
                unitTables.add(t);
            } else {
                problems.add(t.at(1).problem("无法识别的表头“" + String.join(",", t.header())
                        + "”。派单记录须有列：" + String.join("、", DISPATCH_COLUMNS) + "（或规则目录 导入列名.csv 里的其他写法）；单位表须有列："
                        + String.join("、", UNIT_COLUMNS) + "、别名；监测类文件见 README"));
            }
        }
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }

        phase("校验单位表与监测文件");
        UnitDirectory directory = loadDirectory();
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
        long tValidate = System.nanoTime();
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("准备（表头、单位表、库里的单位）%.2f 秒%n", (tValidate - tStart) / 1e9);
        }
        MonitoringImport monitoring = new MonitoringImport();
        Set<String> accounts;
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            accounts = MonitoringImport.knownAccounts(s);
        }
        List<Map.Entry<CsvTable, MonitoringImport.Kind>> ordered = new ArrayList<>(monitoringTables.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (Map.Entry<CsvTable, MonitoringImport.Kind> e : ordered) {
            monitoring.validate(e.getKey(), e.getValue(), directory, accounts, problems);
        }
        Map<String, String[]> meta = validateMeta(metaTables, problems);
        Map<String, Long> unitIds = problems.isEmpty() ? planUnitIds(newUnits) : Map.of();
        if (sink != null && !dispatchFiles.isEmpty()) {
            progress = cn.gov.assess.io.Progress.to(sink, "校验并暂存派单记录", estimateRows(dispatchFiles));
        } else if (showProgress && !dispatchFiles.isEmpty() && System.console() != null) {
            progress = cn.gov.assess.io.Progress.onTerminal("导入", estimateRows(dispatchFiles), 100_000);
        }
        DispatchLoader loader = new DispatchLoader(db, rules.channels().keySet(), directory, unitIds, progress, profiles);
        try {
            List<DispatchLoader.Staged> staged = loader.stage(dispatchFiles, problems);
            if (!problems.isEmpty()) {
                throw InputException.of(problems);
            }
            if (Boolean.getBoolean("assess.timing")) {
                System.err.printf("校验并暂存派单记录 %.2f 秒%n", (System.nanoTime() - tValidate) / 1e9);
            }
            long tWrite = System.nanoTime();
            phase("写入并生效");
            List<FileResult> results = write(loader.sharedConnection(), newUnits, unitIds, unitTables, staged, raw, problems,
                    monitoring, ordered, meta, metaTables);
            if (Boolean.getBoolean("assess.timing")) {
                System.err.printf("写入其余并生效 %.2f 秒%n", (System.nanoTime() - tWrite) / 1e9);
            }
            return results;
        } catch (RuntimeException e) {
            loader.discard();
            throw e;
        } finally {
            loader.close();
        }
    }

    /**
     * 进度条的总行数：数 CSV 的换行（引号内的换行也算，只是估计；200 MB 约 0.2 秒）。Excel 文件是压缩的，不数
     * （只有 Excel 文件时总数为 0，进度只显示已处理的行数）。只在有人看进度时才数。
     */
    private static long estimateRows(List<Path> files) {
        long lines = 0;
        byte[] buf = new byte[1 << 20];
        for (Path f : files) {
            if (!f.getFileName().toString().toLowerCase().endsWith(".csv")) {
                continue;
            }
            try (java.io.InputStream in = Files.newInputStream(f)) {
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                }
                lines--;
            } catch (IOException e) {
                // 只影响进度估计
            }
        }
        return Math.max(lines, 0);
    }

    /**
     * 库里已有单位的编号，新单位预先从序列取号：派单记录分批写入时就要用到单位编号，而单位本身要到最后一步
     * （与批次生效同一事务）才写入。序列步长等于 Hibernate 的分配大小 50，直接取到的值不会落在 Hibernate 自己取的号段里。
     */
    private Map<String, Long> planUnitIds(Map<String, UnitRow> newUnits) {
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
                    ids.put(n, DispatchLoader.nextValue(c, "unit_seq"));
                }
                c.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("取单位编号失败：" + e.getMessage(), e);
            }
        }
        return ids;
    }

    /** 通报信息：期间, 项目, 内容；项目须是 NoticeMeta.FIELDS 之一。 */
    private static Map<String, String[]> validateMeta(List<CsvTable> tables, List<Problem> problems) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (CsvTable t : tables) {
            for (CsvTable.Row r : t.rows()) {
                String period = t.get(r, "期间");
                String field = t.get(r, "项目");
                String content = t.get(r, "内容");
                try {
                    period = cn.gov.assess.facts.Period.parse(period).code();
                } catch (IllegalArgumentException e) {
                    problems.add(t.at(r, "期间").problem(e.getMessage()));
                    continue;
                }
                if (!cn.gov.assess.workorder.NoticeMeta.FIELDS.contains(field)) {
                    problems.add(t.at(r, "项目").problem("未知项目“" + field + "”，可填：" + String.join("、", cn.gov.assess.workorder.NoticeMeta.FIELDS)));
                    continue;
                }
                if ((field.endsWith("日期")) && DateTimes.parse(content, false) == null) {
                    problems.add(t.at(r, "内容").problem("无法识别的日期“" + content + "”"));
                    continue;
                }
                if (out.put(period + '\u0001' + field, new String[]{period, field, content}) != null) {
                    problems.add(t.at(r.line()).problem(period + " 的“" + field + "”重复"));
                }
            }
        }
        return out;
    }

    private static void requireColumns(CsvTable t, List<String> required, List<Problem> problems) {
        for (String c : required) {
            if (!t.has(c)) {
                problems.add(t.at(1).problem("缺少列“" + c + "”（表头为：" + String.join(",", t.header()) + "）"));
            }
        }
    }

    private UnitDirectory loadDirectory() {
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            return UnitDirectory.load(s);
        }
    }

    private static List<UnitRow> validateUnits(List<CsvTable> tables, UnitDirectory existing, List<Problem> problems) {
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
                    problems.add(t.at(r, "类型").problem("类型为空（应为 镇、街道、部门、其他 等）"));
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

    /**
     * 最后一步：单位、监测、通报信息与批次生效。shared 非空（PostgreSQL）时在派单记录所在的连接与事务里做，一次提交；
     * 否则另开一个事务。
     */
    private List<FileResult> write(java.sql.Connection shared, Map<String, UnitRow> newUnits, Map<String, Long> plannedIds,
                                   List<CsvTable> unitTables, List<DispatchLoader.Staged> dispatch, Map<CsvTable, byte[]> raw,
                                   List<Problem> problems, MonitoringImport monitoring,
                                   List<Map.Entry<CsvTable, MonitoringImport.Kind>> monitoringTables,
                                   Map<String, String[]> meta, List<CsvTable> metaTables) {
        java.util.function.Function<StatelessSession, List<FileResult>> work = s -> writeIn(s, newUnits, plannedIds, unitTables,
                dispatch, raw, problems, monitoring, monitoringTables, meta, metaTables);
        if (shared == null) {
            return db.sessions().fromStatelessTransaction(work);
        }
        try (StatelessSession s = db.sessions().withStatelessOptions().connection(shared).openStatelessSession()) {
            List<FileResult> results = work.apply(s);
            shared.commit();
            return results;
        } catch (java.sql.SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new cn.gov.assess.db.DatabaseUnavailableException("另一个导入同时写入了相同的记录，本次导入未写入任何记录；请等它完成后重新导入", e);
            }
            throw new IllegalStateException("导入提交失败，未写入任何记录：" + e.getMessage(), e);
        }
    }

    private List<FileResult> writeIn(StatelessSession s, Map<String, UnitRow> newUnits, Map<String, Long> plannedIds,
                                     List<CsvTable> unitTables, List<DispatchLoader.Staged> dispatch, Map<CsvTable, byte[]> raw,
                                     List<Problem> problems, MonitoringImport monitoring,
                                     List<Map.Entry<CsvTable, MonitoringImport.Kind>> monitoringTables,
                                     Map<String, String[]> meta, List<CsvTable> metaTables) {
        {
            List<FileResult> results = new ArrayList<>();
            LocalDateTime now = LocalDateTime.now();
            // 单位：新单位插入，已有单位更新类型与排序，别名补齐
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
            for (CsvTable t : unitTables) {
                ImportBatch b = new ImportBatch(t.fileName(), cn.gov.assess.policy.RuleSet.sha256(raw.get(t)), "单位表", now,
                        t.rows().size(), addedPerUnitTable.get(t));
                s.insert(b);
                results.add(new FileResult(t.fileName(), "单位表", t.encoding(), t.rows().size(), addedPerUnitTable.get(t)));
            }
            // 派单记录：已分批写入，这里把批次改为生效
            for (DispatchLoader.Staged st : dispatch) {
                s.createNativeMutationQuery("update import_batch set state = 'done', file_sha256 = ?1, rows_read = ?2, "
                                + "rows_added = ?3 where id = ?4")
                        .setParameter(1, st.sha256()).setParameter(2, st.rowsRead()).setParameter(3, st.rowsAdded())
                        .setParameter(4, st.batchId()).executeUpdate();
                results.add(new FileResult(st.file(), "派单记录", st.encoding(), st.rowsRead(), st.rowsAdded()));
            }
            for (Map.Entry<CsvTable, MonitoringImport.Kind> e : monitoringTables) {
                CsvTable t = e.getKey();
                int added = monitoring.write(s, t, unitIds, problems);
                s.insert(new ImportBatch(t.fileName(), cn.gov.assess.policy.RuleSet.sha256(raw.get(t)), e.getValue().label, now,
                        t.rows().size(), added));
                results.add(new FileResult(t.fileName(), e.getValue().label, t.encoding(), t.rows().size(), added));
            }
            int metaChanged = 0;
            for (String[] m : meta.values()) {
                cn.gov.assess.workorder.NoticeMeta ex = s.get(cn.gov.assess.workorder.NoticeMeta.class,
                        new cn.gov.assess.workorder.NoticeMeta.Key(m[0], m[1]));
                if (ex == null) {
                    s.insert(new cn.gov.assess.workorder.NoticeMeta(m[0], m[1], m[2]));
                    metaChanged++;
                } else if (!ex.getContent().equals(m[2])) {
                    ex.setContent(m[2]);
                    s.update(ex);
                    metaChanged++;
                }
            }
            for (CsvTable t : metaTables) {
                s.insert(new ImportBatch(t.fileName(), cn.gov.assess.policy.RuleSet.sha256(raw.get(t)), "通报信息", now,
                        t.rows().size(), metaChanged));
                results.add(new FileResult(t.fileName(), "通报信息", t.encoding(), t.rows().size(), metaChanged));
                metaChanged = 0;
            }
            if (!problems.isEmpty()) {
                // 与已导入的记录冲突：整个导入回滚
                throw InputException.of(problems);
            }
            return results;
        }
    }

    static Comparator<Path> byName() { return Comparator.comparing(Path::toString); }
}
