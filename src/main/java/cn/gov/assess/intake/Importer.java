package cn.gov.assess.intake;

import cn.gov.assess.io.Problem;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.InputException;
import cn.gov.assess.monitoring.MonitoringImport;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.unit.UnitDirectory;
import cn.gov.assess.unit.UnitImport;
import cn.gov.assess.workorder.ColumnProfiles;
import cn.gov.assess.workorder.DispatchLoader;
import cn.gov.assess.workorder.ImportBatch;
import cn.gov.assess.workorder.NoticeMetaImport;
import org.hibernate.StatelessSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 导入单位表、派单记录、监测类文件与通报信息（CSV 或 Excel，中文表头）。先认出每个文件的种类（{@link FileKinds}），
 * 校验全部文件的全部行，有任何错误就一条不写并列出所有错误；全部正确时在一个事务里写入。已导入过的相同记录不重复写入。
 * 表头以外的列（群众姓名、电话等）既不读取也不保存。各种记录的校验与写入在各自的包里（unit、workorder、monitoring）。
 */
public final class Importer {
    public static final List<String> UNIT_COLUMNS = UnitImport.COLUMNS;
    public static final List<String> DISPATCH_COLUMNS = ColumnProfiles.REQUIRED;

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

    private final ColumnProfiles profiles;
    private final UnitImport units;

    public Importer(Database db, RuleSet rules) {
        this.db = db;
        this.rules = rules;
        this.profiles = ColumnProfiles.of(rules.files().get(ColumnProfiles.FILE));
        this.units = new UnitImport(() -> kindExamples(rules));
    }

    /** 单位类型的示例取自参数 {@value UnitImport#KIND_EXAMPLES}；旧规则目录没有它时用 {@link UnitImport#DEFAULT_KIND_EXAMPLES}。 */
    private static List<String> kindExamples(RuleSet rules) {
        if (!rules.files().containsKey(cn.gov.assess.facts.Parameters.FILE)) {
            return UnitImport.DEFAULT_KIND_EXAMPLES;
        }
        cn.gov.assess.facts.Parameters p = rules.parameters();
        return p.has(UnitImport.KIND_EXAMPLES) ? p.list(UnitImport.KIND_EXAMPLES) : UnitImport.DEFAULT_KIND_EXAMPLES;
    }

    /** 展开目录：只取目录下一层的 .csv 文件，单位表先于派单记录。 */
    public static List<Path> expand(List<Path> inputs) {
        return FileKinds.expand(inputs);
    }

    public List<FileResult> importPaths(List<Path> inputs) {
        long tStart = System.nanoTime();
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw new InputException("没有找到要导入的文件（.csv、.xlsx 或 .xls）：" + inputs);
        }
        phase("读取表头");
        List<Problem> problems = new ArrayList<>();
        FileKinds kinds = FileKinds.sort(files, profiles, problems);
        List<CsvTable> unitTables = kinds.unitTables;
        List<Path> dispatchFiles = kinds.dispatchFiles;
        if (!problems.isEmpty()) {
            throw InputException.of(problems);
        }

        phase("校验单位表与监测文件");
        UnitDirectory directory = UnitImport.loadDirectory(db);
        Map<String, UnitImport.UnitRow> newUnits = units.validate(unitTables, directory, problems);
        long tValidate = System.nanoTime();
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("准备（表头、单位表、库里的单位）%.2f 秒%n", (tValidate - tStart) / 1e9);
        }
        MonitoringImport monitoring = new MonitoringImport();
        Set<String> accounts;
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            accounts = MonitoringImport.knownAccounts(s);
        }
        List<Map.Entry<CsvTable, MonitoringImport.Kind>> ordered = new ArrayList<>(kinds.monitoringTables.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (Map.Entry<CsvTable, MonitoringImport.Kind> e : ordered) {
            monitoring.validate(e.getKey(), e.getValue(), directory, accounts, problems);
        }
        Map<String, String[]> meta = NoticeMetaImport.validateMeta(kinds.metaTables, problems);
        Map<String, Long> unitIds = problems.isEmpty() ? UnitImport.planUnitIds(db, newUnits) : Map.of();
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
            List<FileResult> results = write(loader.sharedConnection(), newUnits, unitIds, unitTables, staged, kinds.raw,
                    problems, monitoring, ordered, meta, kinds.metaTables);
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
     * 最后一步：单位、监测、通报信息与批次生效。shared 非空（PostgreSQL）时在派单记录所在的连接与事务里做，一次提交；
     * 否则另开一个事务。
     */
    private List<FileResult> write(java.sql.Connection shared, Map<String, UnitImport.UnitRow> newUnits,
                                   Map<String, Long> plannedIds, List<CsvTable> unitTables,
                                   List<DispatchLoader.Staged> dispatch, Map<CsvTable, byte[]> raw,
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

    private List<FileResult> writeIn(StatelessSession s, Map<String, UnitImport.UnitRow> newUnits,
                                     Map<String, Long> plannedIds, List<CsvTable> unitTables,
                                     List<DispatchLoader.Staged> dispatch, Map<CsvTable, byte[]> raw,
                                     List<Problem> problems, MonitoringImport monitoring,
                                     List<Map.Entry<CsvTable, MonitoringImport.Kind>> monitoringTables,
                                     Map<String, String[]> meta, List<CsvTable> metaTables) {
        List<FileResult> results = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        UnitImport.Written written = UnitImport.write(s, newUnits, plannedIds, unitTables);
        Map<String, Long> unitIds = written.unitIds();
        for (CsvTable t : unitTables) {
            ImportBatch b = new ImportBatch(t.fileName(), RuleSet.sha256(raw.get(t)), "单位表", now,
                    t.rows().size(), written.added().get(t));
            s.insert(b);
            results.add(new FileResult(t.fileName(), "单位表", t.encoding(), t.rows().size(), written.added().get(t)));
        }
        // 派单记录：已分批写入，这里把批次改为生效
        for (DispatchLoader.Staged st : dispatch) {
            DispatchLoader.activate(s, st);
            results.add(new FileResult(st.file(), "派单记录", st.encoding(), st.rowsRead(), st.rowsAdded()));
        }
        for (Map.Entry<CsvTable, MonitoringImport.Kind> e : monitoringTables) {
            CsvTable t = e.getKey();
            int added = monitoring.write(s, t, unitIds, problems);
            s.insert(new ImportBatch(t.fileName(), RuleSet.sha256(raw.get(t)), e.getValue().label, now,
                    t.rows().size(), added));
            results.add(new FileResult(t.fileName(), e.getValue().label, t.encoding(), t.rows().size(), added));
        }
        int metaChanged = NoticeMetaImport.write(s, meta);
        for (CsvTable t : metaTables) {
            s.insert(new ImportBatch(t.fileName(), RuleSet.sha256(raw.get(t)), NoticeMetaImport.KIND, now,
                    t.rows().size(), metaChanged));
            results.add(new FileResult(t.fileName(), NoticeMetaImport.KIND, t.encoding(), t.rows().size(), metaChanged));
            metaChanged = 0;
        }
        if (!problems.isEmpty()) {
            // 与已导入的记录冲突：整个导入回滚
            throw InputException.of(problems);
        }
        return results;
    }
}
