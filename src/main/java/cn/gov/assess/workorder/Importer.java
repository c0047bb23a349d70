package cn.gov.assess.workorder;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.rules.RuleSet;
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
    private static final int LOOKUP_BATCH = 1000;

    private final Database db;
    private final RuleSet rules;
    private cn.gov.assess.io.Progress progress;
    private boolean showProgress;

    /** 大批量导入（约 10 万行以上）时在终端显示进度；输出不是终端时不显示。 */
    public Importer withProgress() {
        this.showProgress = true;
        return this;
    }

    /** 导入结果：每个文件读到几行、新增几行。 */
    public record FileResult(String file, String kind, String encoding, int rowsRead, int rowsAdded) {
    }

    private record UnitRow(String file, int line, String name, String kind, int sortOrder, List<String> aliases) {
    }

    private record DispatchRow(String file, int line, String channel, String orderNo, LocalDateTime received,
                               String unitSpelling, UnitDirectory.Ref unit, LocalDateTime deadline,
                               LocalDateTime completed) {
        String where() { return file + " 第 " + line + " 行"; }
    }

    public Importer(Database db, RuleSet rules) {
        this.db = db;
        this.rules = rules;
    }

    /** 展开目录：只取目录下一层的 .csv 文件，单位表先于派单记录。 */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".csv"))
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
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw new InputException("没有找到要导入的 .csv 文件：" + inputs);
        }
        List<String> problems = new ArrayList<>();
        List<CsvTable> unitTables = new ArrayList<>();
        List<CsvTable> dispatchTables = new ArrayList<>();
        Map<CsvTable, MonitoringImport.Kind> monitoringTables = new LinkedHashMap<>();
        List<CsvTable> metaTables = new ArrayList<>();
        Map<CsvTable, byte[]> raw = new LinkedHashMap<>();
        for (Path f : files) {
            CsvTable t;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
                t = CsvTable.parse(f.toString(), bytes);
            } catch (IOException e) {
                problems.add(f + "：无法读取：" + e.getMessage());
                continue;
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            raw.put(t, bytes);
            MonitoringImport.Kind mk = MonitoringImport.Kind.detect(t);
            if (t.has("工单编号")) {
                requireColumns(t, DISPATCH_COLUMNS, problems);
                dispatchTables.add(t);
            } else if (t.has("期间") && t.has("项目") && t.has("内容")) {
                metaTables.add(t);
            } else if (mk != null) {
                requireColumns(t, mk.columns, problems);
                monitoringTables.put(t, mk);
            } else if (t.has("单位名称")) {
                requireColumns(t, UNIT_COLUMNS, problems);
                unitTables.add(t);
            } else {
                problems.add(t.fileName() + " 第 1 行：无法识别的表头“" + String.join(",", t.header())
                        + "”。派单记录须有列：" + String.join("、", DISPATCH_COLUMNS) + "；单位表须有列："
                        + String.join("、", UNIT_COLUMNS) + "、别名；监测类文件见 README");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }

        UnitDirectory directory = loadDirectory();
        List<UnitRow> unitRows = validateUnits(unitTables, directory, problems);
        Map<String, UnitRow> newUnits = new LinkedHashMap<>();
        for (UnitRow u : unitRows) {
            newUnits.put(u.name(), u);
            if (directory.find(u.name()) == null) {
                directory.put(u.name(), new UnitDirectory.Ref(null, u.name()));
            }
            for (String a : u.aliases()) {
                if (directory.find(a) == null) {
                    directory.put(a, new UnitDirectory.Ref(null, u.name()));
                }
            }
        }
        long tValidate = System.nanoTime();
        Map<CsvTable, List<DispatchRow>> dispatch = new LinkedHashMap<>();
        Map<String, DispatchRow> seen = new HashMap<>();
        for (CsvTable t : dispatchTables) {
            dispatch.put(t, validateDispatch(t, directory, seen, problems));
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
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (showProgress) {
            progress = cn.gov.assess.io.Progress.onTerminal("导入", dispatch.values().stream().mapToLong(List::size).sum(), 100_000);
        }
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("校验 %.2f 秒%n", (System.nanoTime() - tValidate) / 1e9);
        }
        long tWrite = System.nanoTime();
        List<FileResult> results = write(newUnits, unitTables, dispatch, raw, problems, monitoring, ordered, meta, metaTables);
        if (Boolean.getBoolean("assess.timing")) {
            System.err.printf("写入 %.2f 秒%n", (System.nanoTime() - tWrite) / 1e9);
        }
        return results;
    }

    /** 通报信息：期间, 项目, 内容；项目须是 NoticeMeta.FIELDS 之一。 */
    private static Map<String, String[]> validateMeta(List<CsvTable> tables, List<String> problems) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (CsvTable t : tables) {
            for (CsvTable.Row r : t.rows()) {
                String period = t.get(r, "期间");
                String field = t.get(r, "项目");
                String content = t.get(r, "内容");
                try {
                    period = cn.gov.assess.assessment.Period.parse(period).code();
                } catch (IllegalArgumentException e) {
                    problems.add(cell(t, r, "期间") + "：" + e.getMessage());
                    continue;
                }
                if (!cn.gov.assess.notice.NoticeMeta.FIELDS.contains(field)) {
                    problems.add(cell(t, r, "项目") + "：未知项目“" + field + "”，可填：" + String.join("、", cn.gov.assess.notice.NoticeMeta.FIELDS));
                    continue;
                }
                if ((field.endsWith("日期")) && DateTimes.parse(content, false) == null) {
                    problems.add(cell(t, r, "内容") + "：无法识别的日期“" + content + "”");
                    continue;
                }
                if (out.put(period + '\u0001' + field, new String[]{period, field, content}) != null) {
                    problems.add(t.fileName() + " 第 " + r.line() + " 行：" + period + " 的“" + field + "”重复");
                }
            }
        }
        return out;
    }

    private static void requireColumns(CsvTable t, List<String> required, List<String> problems) {
        for (String c : required) {
            if (!t.has(c)) {
                problems.add(t.fileName() + " 第 1 行：缺少列“" + c + "”（表头为：" + String.join(",", t.header()) + "）");
            }
        }
    }

    private UnitDirectory loadDirectory() {
        try (StatelessSession s = db.sessions().openStatelessSession()) {
            return UnitDirectory.load(s);
        }
    }

    private static List<UnitRow> validateUnits(List<CsvTable> tables, UnitDirectory existing, List<String> problems) {
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
                    problems.add(where + "第 " + t.columnNumber("单位名称") + " 列（单位名称）：单位名称为空");
                    ok = false;
                }
                if (kind.isEmpty()) {
                    problems.add(where + "第 " + t.columnNumber("类型") + " 列（类型）：类型为空（应为 镇、街道、部门、其他 等）");
                    ok = false;
                }
                int sort = 0;
                try {
                    sort = Integer.parseInt(order);
                } catch (NumberFormatException e) {
                    problems.add(where + "第 " + t.columnNumber("排序") + " 列（排序）：“" + order + "”不是整数");
                    ok = false;
                }
                List<String> aliases = t.has("别名")
                        ? Arrays.stream(t.get(r, "别名").split("[、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                        : List.of();
                if (!ok) {
                    continue;
                }
                if (firstLine.putIfAbsent(name, where) != null) {
                    problems.add(where + "：单位“" + name + "”重复（首次出现在" + firstLine.get(name) + "）");
                    continue;
                }
                UnitDirectory.Ref ex = existing.find(name);
                if (ex != null && !ex.name().equals(name)) {
                    problems.add(where + "：单位名称“" + name + "”已是单位“" + ex.name() + "”的别名");
                }
                for (String a : aliases) {
                    String prev = owner.putIfAbsent(a, name);
                    UnitDirectory.Ref exA = existing.find(a);
                    if (prev != null && !prev.equals(name)) {
                        problems.add(where + "：别名“" + a + "”同时属于“" + prev + "”和“" + name + "”");
                    } else if (exA != null && !exA.name().equals(name)) {
                        problems.add(where + "：别名“" + a + "”已属于单位“" + exA.name() + "”");
                    }
                }
                out.add(new UnitRow(t.fileName(), r.line(), name, kind, sort, aliases));
            }
        }
        for (UnitRow u : out) {
            String o = owner.get(u.name());
            if (o != null && !o.equals(u.name())) {
                problems.add(u.file() + " 第 " + u.line() + " 行：单位名称“" + u.name() + "”同时是单位“" + o + "”的别名");
            }
        }
        return out;
    }

    private List<DispatchRow> validateDispatch(CsvTable t, UnitDirectory units, Map<String, DispatchRow> seen,
                                               List<String> problems) {
        List<DispatchRow> out = new ArrayList<>();
        Set<String> channels = rules.channels().keySet();
        Map<String, DispatchRow> orderFirst = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String where = t.fileName() + " 第 " + r.line() + " 行";
            int before = problems.size();
            String channel = t.get(r, "渠道");
            if (!channels.contains(channel)) {
                problems.add(cell(t, r, "渠道") + "：渠道“" + channel + "”未配置。请在规则目录的 channels.csv 中为它加一行"
                        + "（渠道、附件序号、附件标题、统计表列、备注格式、未办备注格式、正文章节、正文模板），已配置的渠道："
                        + String.join("、", channels));
            }
            String orderNo = t.get(r, "工单编号");
            if (orderNo.isEmpty()) {
                problems.add(cell(t, r, "工单编号") + "：工单编号为空");
            }
            LocalDateTime received = date(t, r, "受理时间", false, true, problems);
            LocalDateTime deadline = date(t, r, "办理时限", true, true, problems);
            LocalDateTime completed = date(t, r, "办结时间", false, false, problems);
            String spelling = t.get(r, "办理单位");
            UnitDirectory.Ref unit = null;
            if (spelling.isEmpty()) {
                problems.add(cell(t, r, "办理单位") + "：办理单位为空");
            } else {
                unit = units.find(spelling);
                if (unit == null) {
                    String near = units.closest(spelling);
                    problems.add(cell(t, r, "办理单位") + "：未知单位“" + spelling + "”"
                            + (near == null ? "，单位表为空，请先导入单位表（单位名称,类型,排序,别名）"
                            : "，最接近的已知单位是“" + near + "”；如是同一单位，请在单位表的“别名”列加上它"));
                }
            }
            if (received != null && deadline != null && deadline.isBefore(received)) {
                problems.add(cell(t, r, "办理时限") + "：办理时限 " + t.get(r, "办理时限") + " 早于受理时间 " + t.get(r, "受理时间"));
            }
            if (received != null && completed != null && completed.isBefore(received)) {
                problems.add(cell(t, r, "办结时间") + "：办结时间 " + t.get(r, "办结时间") + " 早于受理时间 " + t.get(r, "受理时间"));
            }
            if (problems.size() > before) {
                continue;
            }
            DispatchRow row = new DispatchRow(t.fileName(), r.line(), channel, orderNo, received, spelling, unit, deadline, completed);
            String key = channel + '\u0001' + orderNo + '\u0001' + unit.name();
            DispatchRow dup = seen.putIfAbsent(key, row);
            if (dup != null) {
                problems.add(where + "：重复记录，渠道 " + channel + " 工单 " + orderNo + " 派给 " + unit.name()
                        + " 已出现在" + dup.where());
                continue;
            }
            DispatchRow first = orderFirst.putIfAbsent(channel + '\u0001' + orderNo, row);
            if (first != null && !first.received().equals(received)) {
                problems.add(cell(t, r, "受理时间") + "：同一工单 " + orderNo + " 的受理时间与" + first.where() + "不一致（"
                        + first.received() + "）");
                continue;
            }
            out.add(row);
        }
        return out;
    }

    private static String cell(CsvTable t, CsvTable.Row r, String col) {
        return t.fileName() + " 第 " + r.line() + " 行第 " + t.columnNumber(col) + " 列（" + col + "）";
    }

    private static LocalDateTime date(CsvTable t, CsvTable.Row r, String col, boolean endOfDay, boolean required,
                                      List<String> problems) {
        String v = t.get(r, col);
        if (v.isEmpty()) {
            if (required) {
                problems.add(cell(t, r, col) + "：" + col + "为空");
            }
            return null;
        }
        LocalDateTime d = DateTimes.parse(v, endOfDay);
        if (d == null) {
            problems.add(cell(t, r, col) + "：无法识别的日期“" + v + "”（可用格式：2021-10-05、2021-10-05 14:30、"
                    + "2021-10-05 14:30:00、2021/10/5）");
        }
        return d;
    }

    private List<FileResult> write(Map<String, UnitRow> newUnits, List<CsvTable> unitTables,
                                   Map<CsvTable, List<DispatchRow>> dispatch, Map<CsvTable, byte[]> raw,
                                   List<String> problems, MonitoringImport monitoring,
                                   List<Map.Entry<CsvTable, MonitoringImport.Kind>> monitoringTables,
                                   Map<String, String[]> meta, List<CsvTable> metaTables) {
        return db.sessions().fromStatelessTransaction(s -> {
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
            for (CsvTable t : unitTables) {
                int added = 0;
                for (CsvTable.Row r : t.rows()) {
                    UnitRow u = newUnits.get(t.get(r, "单位名称"));
                    if (u == null || u.line() != r.line() || !u.file().equals(t.fileName())) {
                        continue;
                    }
                    Long id = unitIds.get(u.name());
                    if (id == null) {
                        Unit unit = new Unit(u.name(), u.kind(), u.sortOrder());
                        s.insert(unit);
                        id = unit.getId();
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
                            s.insert(new UnitAlias(a, id));
                            aliasOwner.put(a, id);
                        }
                    }
                }
                addedPerUnitTable.put(t, added);
            }
            for (CsvTable t : unitTables) {
                ImportBatch b = new ImportBatch(t.fileName(), cn.gov.assess.rules.RuleSet.sha256(raw.get(t)), "单位表", now,
                        t.rows().size(), addedPerUnitTable.get(t));
                s.insert(b);
                results.add(new FileResult(t.fileName(), "单位表", t.encoding(), t.rows().size(), addedPerUnitTable.get(t)));
            }
            // 派单记录
            for (Map.Entry<CsvTable, List<DispatchRow>> e : dispatch.entrySet()) {
                CsvTable t = e.getKey();
                ImportBatch batch = new ImportBatch(t.fileName(), cn.gov.assess.rules.RuleSet.sha256(raw.get(t)), "派单记录",
                        now, t.rows().size(), 0);
                s.insert(batch);
                int added = writeDispatch(s, e.getValue(), unitIds, aliasOwner, batch.getId(), problems);
                s.createMutationQuery("update ImportBatch b set b.rowsAdded = :n where b.id = :id")
                        .setParameter("n", added).setParameter("id", batch.getId()).executeUpdate();
                results.add(new FileResult(t.fileName(), "派单记录", t.encoding(), t.rows().size(), added));
            }
            for (Map.Entry<CsvTable, MonitoringImport.Kind> e : monitoringTables) {
                CsvTable t = e.getKey();
                int added = monitoring.write(s, t, unitIds, problems);
                s.insert(new ImportBatch(t.fileName(), cn.gov.assess.rules.RuleSet.sha256(raw.get(t)), e.getValue().label, now,
                        t.rows().size(), added));
                results.add(new FileResult(t.fileName(), e.getValue().label, t.encoding(), t.rows().size(), added));
            }
            int metaChanged = 0;
            for (String[] m : meta.values()) {
                cn.gov.assess.notice.NoticeMeta ex = s.get(cn.gov.assess.notice.NoticeMeta.class,
                        new cn.gov.assess.notice.NoticeMeta.Key(m[0], m[1]));
                if (ex == null) {
                    s.insert(new cn.gov.assess.notice.NoticeMeta(m[0], m[1], m[2]));
                    metaChanged++;
                } else if (!ex.getContent().equals(m[2])) {
                    ex.setContent(m[2]);
                    s.update(ex);
                    metaChanged++;
                }
            }
            for (CsvTable t : metaTables) {
                s.insert(new ImportBatch(t.fileName(), cn.gov.assess.rules.RuleSet.sha256(raw.get(t)), "通报信息", now,
                        t.rows().size(), metaChanged));
                results.add(new FileResult(t.fileName(), "通报信息", t.encoding(), t.rows().size(), metaChanged));
                metaChanged = 0;
            }
            if (!problems.isEmpty()) {
                // 与已导入的记录冲突：整个导入回滚
                throw new InputException(problems);
            }
            return results;
        });
    }

    /** 派单记录用 JDBC 批量写入：导入是最大量的写操作（百万行级），不经过实体对象。 */
    private int writeDispatch(StatelessSession s, List<DispatchRow> rows, Map<String, Long> unitIds,
                              Map<String, Long> aliasOwner, Long batchId, List<String> problems) {
        return s.doReturningWork(conn -> {
            Set<String> channels = new java.util.HashSet<>();
            rows.forEach(r -> channels.add(r.channel()));
            boolean anyExisting = false;
            try (java.sql.PreparedStatement q = conn.prepareStatement("select count(*) from work_order where channel = ?")) {
                for (String ch : channels) {
                    q.setString(1, ch);
                    try (java.sql.ResultSet rs = q.executeQuery()) {
                        rs.next();
                        anyExisting |= rs.getLong(1) > 0;
                    }
                }
            }
            IdBlock orderIds = new IdBlock(conn, "work_order_seq");
            IdBlock assignmentIds = new IdBlock(conn, "assignment_seq");
            int added = 0;
            try (java.sql.PreparedStatement insOrder = conn.prepareStatement(
                    "insert into work_order (id, channel, order_no, received_at, batch_id) values (?, ?, ?, ?, ?)");
                 java.sql.PreparedStatement insAssignment = conn.prepareStatement("insert into assignment (id, order_id, unit_id, "
                         + "unit_spelling, deadline, completed_at, batch_id) values (?, ?, ?, ?, ?, ?, ?)")) {
                Map<String, Object[]> known = new HashMap<>(); // 渠道+编号 → {id, 受理时间}
                for (int from = 0; from < rows.size(); from += LOOKUP_BATCH) {
                    List<DispatchRow> chunk = rows.subList(from, Math.min(rows.size(), from + LOOKUP_BATCH));
                    Map<Long, Map<Long, Object[]>> existingAssignments = new HashMap<>();
                    if (anyExisting) {
                        lookupExisting(conn, chunk, known, existingAssignments);
                    }
                    for (DispatchRow r : chunk) {
                        String key = r.channel() + '\u0001' + r.orderNo();
                        Object[] o = known.get(key);
                        if (o == null) {
                            long id = orderIds.next();
                            insOrder.setLong(1, id);
                            insOrder.setString(2, r.channel());
                            insOrder.setString(3, r.orderNo());
                            insOrder.setTimestamp(4, java.sql.Timestamp.valueOf(r.received()));
                            insOrder.setLong(5, batchId);
                            insOrder.addBatch();
                            o = new Object[]{id, r.received()};
                            known.put(key, o);
                        } else if (!o[1].equals(r.received())) {
                            problems.add(r.where() + "：工单 " + r.orderNo() + " 已导入，受理时间为 " + o[1]
                                    + "，与本行 " + r.received() + " 不一致；修改已导入的数据请用“assess correct”登记更正");
                            continue;
                        }
                        long orderId = (Long) o[0];
                        Long unitId = unitIds.get(r.unit().name());
                        Object[] prev = existingAssignments.getOrDefault(orderId, Map.of()).get(unitId);
                        if (prev != null) {
                            if (!prev[0].equals(r.deadline()) || !Objects.equals(prev[1], r.completed())) {
                                problems.add(r.where() + "：工单 " + r.orderNo() + " 派给 " + r.unit().name() + " 的记录已导入，"
                                        + "办理时限或办结时间与本行不一致；修改已导入的数据请用“assess correct”登记更正");
                            }
                            continue;
                        }
                        insAssignment.setLong(1, assignmentIds.next());
                        insAssignment.setLong(2, orderId);
                        insAssignment.setLong(3, unitId);
                        insAssignment.setString(4, r.unitSpelling());
                        insAssignment.setTimestamp(5, java.sql.Timestamp.valueOf(r.deadline()));
                        insAssignment.setTimestamp(6, r.completed() == null ? null : java.sql.Timestamp.valueOf(r.completed()));
                        insAssignment.setLong(7, batchId);
                        insAssignment.addBatch();
                        added++;
                    }
                    insOrder.executeBatch();
                    insAssignment.executeBatch();
                    if (progress != null) {
                        progress.advance(chunk.size());
                    }
                }
            }
            return added;
        });
    }

    /** 已导入过的工单与转办（再次导入时用），按 1000 个编号一批查询。 */
    private static void lookupExisting(java.sql.Connection conn, List<DispatchRow> chunk, Map<String, Object[]> known,
                                       Map<Long, Map<Long, Object[]>> existingAssignments) throws java.sql.SQLException {
        Map<String, List<String>> byChannel = new HashMap<>();
        for (DispatchRow r : chunk) {
            if (!known.containsKey(r.channel() + '\u0001' + r.orderNo())) {
                byChannel.computeIfAbsent(r.channel(), k -> new ArrayList<>()).add(r.orderNo());
            }
        }
        for (Map.Entry<String, List<String>> e : byChannel.entrySet()) {
            String marks = String.join(",", java.util.Collections.nCopies(e.getValue().size(), "?"));
            try (java.sql.PreparedStatement q = conn.prepareStatement(
                    "select id, order_no, received_at from work_order where channel = ? and order_no in (" + marks + ")")) {
                q.setString(1, e.getKey());
                for (int i = 0; i < e.getValue().size(); i++) {
                    q.setString(i + 2, e.getValue().get(i));
                }
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        known.put(e.getKey() + '\u0001' + rs.getString(2),
                                new Object[]{rs.getLong(1), rs.getTimestamp(3).toLocalDateTime()});
                    }
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        for (DispatchRow r : chunk) {
            Object[] o = known.get(r.channel() + '\u0001' + r.orderNo());
            if (o != null) {
                ids.add((Long) o[0]);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (java.sql.PreparedStatement q = conn.prepareStatement(
                "select order_id, unit_id, deadline, completed_at from assignment where order_id in (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                q.setLong(i + 1, ids.get(i));
            }
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp c = rs.getTimestamp(4);
                    existingAssignments.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2),
                            new Object[]{rs.getTimestamp(3).toLocalDateTime(), c == null ? null : c.toLocalDateTime()});
                }
            }
        }
    }

    /** 从数据库序列成块取编号（序列步长 1000，一次取值占用其后 1000 个编号）。 */
    private static final class IdBlock {
        private final java.sql.Connection conn;
        private final String sequence;
        private long next;
        private long end;

        IdBlock(java.sql.Connection conn, String sequence) {
            this.conn = conn;
            this.sequence = sequence;
        }

        long next() throws java.sql.SQLException {
            if (next >= end) {
                try (java.sql.Statement st = conn.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("select next value for " + sequence)) {
                    rs.next();
                    next = rs.getLong(1);
                    end = next + 1000;
                }
            }
            return next++;
        }
    }

    static Comparator<Path> byName() { return Comparator.comparing(Path::toString); }
}
