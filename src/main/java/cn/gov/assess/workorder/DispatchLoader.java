package cn.gov.assess.workorder;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.PgCopy;
import cn.gov.assess.db.Staging;
import cn.gov.assess.db.Vendor;
import cn.gov.assess.io.RowSource;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Progress;
import cn.gov.assess.unit.UnitDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * 派单记录的流式导入：一边逐行读取、校验，一边由另一个线程分批写入（两核各占一个）。
 *
 * <ul>
 *   <li>内存与文件大小无关：文件不整个读入；“见过的工单、转办”只存 128 位摘要（{@link KeyIndex}）。</li>
 *   <li>仍然是要么全部、要么全无：写入前先把每个文件登记为 pending 批次并提交，之后每 5 万行提交一次；
 *       任何一行有错，停止写入但继续校验到最后，报出全部错误，再删掉已写的行（{@link Staging#discardImport}）。
 *       进程中途被杀，下次打开库时同样删掉。全部正确时由调用方在最后一个小事务里把批次改为 done。</li>
 *   <li>重复导入：渠道里已有工单时，逐批（1000 个编号）查库，已有的相同记录跳过，不同的报错。</li>
 *   <li>PostgreSQL：用 COPY（PgJDBC 的 CopyManager）成块写入，整个导入在一个事务里（PostgreSQL 没有 H2 的撤销记录问题），
 *       连同批次生效由调用方在同一连接上提交（{@link #sharedConnection()}）。别的用户在提交前看不到任何一行；进程被杀时
 *       服务器自动回滚，库里什么也不留。</li>
 * </ul>
 */
final class DispatchLoader {
    static final List<String> COLUMNS = Importer.DISPATCH_COLUMNS;
    private static final int CHUNK = 5000;
    /** 每写入多少行提交一次（系统属性 assess.import.commitEvery，默认 5 万）。 */
    private final int commitEvery = Integer.getInteger("assess.import.commitEvery", 50_000);
    private static final int LOOKUP_BATCH = 1000;
    /** PostgreSQL：每攒多少条转办送出一次 COPY。 */
    private static final int COPY_EVERY = 50_000;

    /** 一个已暂存的文件。 */
    record Staged(String file, String encoding, String sha256, Long batchId, int rowsRead, int rowsAdded) {
    }

    private final Database db;
    private final Set<String> channels;
    private final UnitDirectory units;
    private final Map<String, Long> unitIds;
    private final Progress progress;

    private final KeyIndex orders = new KeyIndex();
    private long[] orderId = new long[1024];
    private long[] orderReceived = new long[1024];
    private long[] orderSource = new long[1024];
    private final KeyIndex assignments = new KeyIndex();
    private long[] assignmentSource = new long[1024];
    private final List<String> fileNames = new ArrayList<>();

    private final List<Long> batchIds = new ArrayList<>();
    private Long firstOrderId;
    private Long firstAssignmentId;
    private Connection conn;

    private final ColumnProfiles profiles;

    DispatchLoader(Database db, Set<String> channels, UnitDirectory units, Map<String, Long> unitIds, Progress progress,
                   ColumnProfiles profiles) {
        this.profiles = profiles;
        this.db = db;
        this.channels = channels;
        this.units = units;
        this.unitIds = unitIds;
        this.progress = progress;
    }

    List<Long> batchIds() { return batchIds; }

    /**
     * PostgreSQL：暂存的行还在这个连接的事务里，调用方须在同一连接上写入其余部分并提交（全部或全无）。H2 返回 null
     * （已分批提交，由调用方另开事务把批次改为 done）。
     */
    Connection sharedConnection() {
        return conn != null && db.vendor() == Vendor.POSTGRESQL ? conn : null;
    }

    /**
     * 校验全部文件；problems 为空时同时暂存（写入并分批提交）。返回每个文件的结果；出错时 problems 非空，
     * 已暂存的行须由调用方 {@link #discard()}。
     */
    List<Staged> stage(List<Path> files, List<String> problems) {
        boolean write = problems.isEmpty();
        List<Staged> out = new ArrayList<>();
        Writer writer = null;
        IdBlock orderIds = null;
        try (Connection seq = db.connect()) {
            seq.setAutoCommit(true);
            if (write) {
                conn = db.connect();
                Set<String> existing = existingChannels(conn);
                long o = nextValue(conn, "work_order_seq");
                long a = nextValue(conn, "assignment_seq");
                firstOrderId = o;
                firstAssignmentId = a;
                orderIds = new IdBlock(seq, "work_order_seq", o);
                try (PreparedStatement ps = conn.prepareStatement("insert into import_batch (id, file_name, file_sha256, kind, "
                        + "imported_at, rows_read, rows_added, state, first_order_id, first_assignment_id) "
                        + "values (?, ?, ?, '派单记录', ?, 0, 0, 'pending', ?, ?)")) {
                    for (Path f : files) {
                        long id = nextValue(conn, "import_batch_seq");
                        batchIds.add(id);
                        ps.setLong(1, id);
                        ps.setString(2, f.toString());
                        ps.setString(3, "0".repeat(64));
                        ps.setObject(4, LocalDateTime.now());
                        ps.setLong(5, o);
                        ps.setLong(6, a);
                        ps.executeUpdate();
                    }
                }
                if (db.vendor() == Vendor.H2) {
                    conn.commit(); // PostgreSQL：pending 批次与数据同在一个事务里，别人看不到
                }
                writer = new Writer(conn, existing, new IdBlock(conn, "assignment_seq", a), files.size());
                writer.start();
            }
            for (int fi = 0; fi < files.size(); fi++) {
                Path f = files.get(fi);
                fileNames.add(f.toString());
                int before = problems.size();
                int[] read = {0};
                String sha = null;
                String encoding = "";
                try (RowSource in = RowSource.open(f)) {
                    encoding = in.encoding();
                    ColumnProfiles.Mapping mapping = null;
                    try {
                        mapping = profiles.resolve(in.fileName(), in.header(), channels);
                    } catch (InputException e) {
                        problems.addAll(e.problems());
                    }
                    if (problems.size() == before && mapping != null) {
                        readFile(in, mapping, fi, orderIds, writer, problems, read);
                    }
                    sha = in.sha256();
                } catch (InputException e) {
                    problems.addAll(e.problems());
                } catch (IOException e) {
                    problems.add(f + "：无法读取：" + e.getMessage());
                }
                out.add(new Staged(f.toString(), encoding, sha, write ? batchIds.get(fi) : null, read[0], 0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("写入派单记录失败：" + e.getMessage(), e);
        } finally {
            if (writer != null) {
                writer.finish();
            }
        }
        if (writer != null) {
            problems.addAll(writer.problems);
            List<Staged> withCounts = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                Staged s = out.get(i);
                withCounts.add(new Staged(s.file(), s.encoding(), s.sha256(), s.batchId(), s.rowsRead(), writer.added[i]));
            }
            return withCounts;
        }
        return out;
    }

    /** 删除已暂存的行与 pending 批次。 */
    void discard() {
        if (conn == null) {
            return;
        }
        try {
            conn.rollback();
            Staging.discardImport(conn, batchIds, firstOrderId, firstAssignmentId);
        } catch (SQLException e) {
            throw new IllegalStateException("撤销未完成的导入失败（下次打开库时会再次清除）：" + e.getMessage(), e);
        } finally {
            close();
        }
    }

    void close() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                // 关闭失败无碍：未提交的部分随连接丢弃
            }
            conn = null;
        }
    }

    private void readFile(RowSource in, ColumnProfiles.Mapping m, int fileIdx, IdBlock orderIds, Writer writer,
                          List<String> problems, int[] read) throws SQLException {
        int cChannel = m.index("渠道");
        int cOrder = m.index("工单编号");
        int cReceived = m.index("受理时间");
        int cUnit = m.index("办理单位");
        int cDeadline = m.index("办理时限");
        int cCompleted = m.index("办结时间");
        int cSigned = m.index(ColumnProfiles.SIGNED);
        int cSignDeadline = m.index(ColumnProfiles.SIGN_DEADLINE);
        int cSatisfaction = m.index(ColumnProfiles.SATISFACTION);
        int cReturns = m.index(ColumnProfiles.RETURNS);
        int cReopened = m.index(ColumnProfiles.REOPENED);
        Cols cols = new Cols(in, m);
        Chunk chunk = new Chunk(fileIdx, m);
        while (in.next()) {
            read[0]++;
            int line = in.line();
            String where = in.fileName() + " 第 " + line + " 行";
            int before = problems.size();
            String channel = cChannel >= 0 ? in.get(cChannel) : m.channelFromFileName();
            if (!channels.contains(channel)) {
                problems.add(cols.at(line, "渠道") + "：渠道“" + channel + "”未配置。请在规则目录的 channels.csv 中为它加一行"
                        + "（渠道、附件序号、附件标题、统计表列、备注格式、未办备注格式、正文章节、正文模板），已配置的渠道："
                        + String.join("、", channels));
            }
            String orderNo = in.get(cOrder);
            if (orderNo.isEmpty()) {
                problems.add(cols.at(line, "工单编号") + "：工单编号为空");
            }
            String receivedText = in.get(cReceived);
            String deadlineText = in.get(cDeadline);
            String completedText = in.get(cCompleted);
            LocalDateTime received = date(cols, line, "受理时间", receivedText, false, true, problems);
            LocalDateTime deadline = date(cols, line, "办理时限", deadlineText, true, true, problems);
            LocalDateTime completed = date(cols, line, "办结时间", completedText, false, false, problems);
            LocalDateTime signed = cSigned < 0 ? null : date(cols, line, ColumnProfiles.SIGNED, in.get(cSigned), false, false, problems);
            LocalDateTime signDeadline = cSignDeadline < 0 ? null
                    : date(cols, line, ColumnProfiles.SIGN_DEADLINE, in.get(cSignDeadline), true, false, problems);
            String satisfaction = cSatisfaction < 0 ? null : OptionalFields.satisfaction(in.get(cSatisfaction),
                    cols.at(line, ColumnProfiles.SATISFACTION), problems);
            Integer returns = cReturns < 0 ? null : OptionalFields.count(in.get(cReturns), cols.at(line, ColumnProfiles.RETURNS), problems);
            Boolean reopened = cReopened < 0 ? null : OptionalFields.yesNo(in.get(cReopened), cols.at(line, ColumnProfiles.REOPENED), problems);
            if (received != null && signed != null && signed.isBefore(received)) {
                problems.add(cols.at(line, ColumnProfiles.SIGNED) + "：签收时间 " + in.get(cSigned) + " 早于受理时间 " + receivedText);
            }
            String spelling = in.get(cUnit);
            UnitDirectory.Ref unit = null;
            if (spelling.isEmpty()) {
                problems.add(cols.at(line, "办理单位") + "：办理单位为空");
            } else {
                unit = units.find(spelling);
                if (unit == null) {
                    String near = units.closest(spelling);
                    problems.add(cols.at(line, "办理单位") + "：未知单位“" + spelling + "”"
                            + (near == null ? "，单位表为空，请先导入单位表（单位名称,类型,排序,别名）"
                            : "，最接近的已知单位是“" + near + "”；如是同一单位，请在单位表的“别名”列加上它"));
                }
            }
            if (received != null && deadline != null && deadline.isBefore(received)) {
                problems.add(cols.at(line, "办理时限") + "：办理时限 " + deadlineText + " 早于受理时间 " + receivedText);
            }
            if (received != null && completed != null && completed.isBefore(received)) {
                problems.add(cols.at(line, "办结时间") + "：办结时间 " + completedText + " 早于受理时间 " + receivedText);
            }
            if (problems.size() > before) {
                continue;
            }
            long source = ((long) fileIdx << 32) | line;
            int a = assignments.add(channel + '\u0001' + orderNo + '\u0001' + unit.name());
            if (a < 0) {
                problems.add(where + "：重复记录，渠道 " + channel + " 工单 " + orderNo + " 派给 " + unit.name()
                        + " 已出现在" + where(assignmentSource[-a - 1]));
                continue;
            }
            assignmentSource = ensure(assignmentSource, a);
            assignmentSource[a] = source;
            long receivedSec = received.toEpochSecond(ZoneOffset.UTC);
            int o = orders.add(channel + '\u0001' + orderNo);
            boolean newOrder = o >= 0;
            if (newOrder) {
                orderId = ensure(orderId, o);
                orderReceived = ensure(orderReceived, o);
                orderSource = ensure(orderSource, o);
                orderReceived[o] = receivedSec;
                orderSource[o] = source;
                orderId[o] = writer != null && problems.isEmpty() ? orderIds.next() : 0;
            } else {
                o = -o - 1;
                if (orderReceived[o] != receivedSec) {
                    problems.add(cols.at(line, "受理时间") + "：同一工单 " + orderNo + " 的受理时间与" + where(orderSource[o]) + "不一致（"
                            + LocalDateTime.ofEpochSecond(orderReceived[o], 0, ZoneOffset.UTC) + "）");
                    continue;
                }
            }
            if (writer != null && problems.isEmpty()) {
                chunk.add(orderId[o], newOrder, channel, orderNo, unitIds.get(unit.name()), unit.name(), spelling, received, deadline,
                        completed, line, signed, signDeadline, satisfaction, returns, reopened);
                if (chunk.n == CHUNK) {
                    writer.put(chunk);
                    chunk = new Chunk(fileIdx, m);
                }
            }
        }
        if (writer != null && problems.isEmpty() && chunk.n > 0) {
            writer.put(chunk);
        }
    }

    private String where(long source) {
        return fileNames.get((int) (source >>> 32)) + " 第 " + (int) source + " 行";
    }

    private static long[] ensure(long[] a, int i) {
        return i < a.length ? a : Arrays.copyOf(a, Math.max(i + 1, a.length * 2));
    }

    /** 错误位置：文件、（工作表、）行、列号或列字母、列名（文件里的写法，括注标准列名）。 */
    private static final class Cols {
        final RowSource in;
        final ColumnProfiles.Mapping m;

        Cols(RowSource in, ColumnProfiles.Mapping m) {
            this.in = in;
            this.m = m;
        }

        String at(int line, String standard) {
            int i = m.index(standard);
            if (i < 0) {
                return in.fileName() + " 第 " + line + " 行（" + standard + "取自文件名）";
            }
            String name = in.header().get(i).strip();
            return in.cell(line, i, name.equals(standard) ? standard : name + "，即" + standard);
        }
    }

    private static LocalDateTime date(Cols cols, int line, String col, String v, boolean endOfDay, boolean required,
                                      List<String> problems) {
        if (v.isEmpty()) {
            if (required) {
                problems.add(cols.at(line, col) + "：" + col + "为空");
            }
            return null;
        }
        LocalDateTime d = DateTimes.parse(v, endOfDay);
        if (d == null) {
            d = DateTimes.excelSerial(v, endOfDay);
        }
        if (d == null) {
            problems.add(cols.at(line, col) + "：无法识别的日期“" + v + "”（可用格式：2021-10-05、2021-10-05 14:30、"
                    + "2021-10-05 14:30:00、2021/10/5，或 Excel 的日期单元格）");
        }
        return d;
    }

    /** 导入前已有工单的渠道（按唯一索引的前缀逐个渠道探一行，不扫全表）。 */
    private Set<String> existingChannels(Connection c) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select 1 from work_order where channel = ? fetch first 1 row only")) {
            for (String ch : channels) {
                ps.setString(1, ch);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(ch);
                    }
                }
            }
        }
        return out;
    }

    static long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Vendor.of(c).nextValue(sequence))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 同一文件里连续的最多 5000 行，按列存放。 */
    private static final class Chunk {
        final int fileIdx;
        int n;
        final long[] orderId = new long[CHUNK];
        final boolean[] newOrder = new boolean[CHUNK];
        final String[] channel = new String[CHUNK];
        final String[] orderNo = new String[CHUNK];
        final long[] unitId = new long[CHUNK];
        final String[] spelling = new String[CHUNK];
        final String[] unitName = new String[CHUNK];
        final LocalDateTime[] received = new LocalDateTime[CHUNK];
        final LocalDateTime[] deadline = new LocalDateTime[CHUNK];
        final LocalDateTime[] completed = new LocalDateTime[CHUNK];
        final int[] line = new int[CHUNK];
        final LocalDateTime[] signed = new LocalDateTime[CHUNK];
        final LocalDateTime[] signDeadline = new LocalDateTime[CHUNK];
        final String[] satisfaction = new String[CHUNK];
        final Integer[] returns = new Integer[CHUNK];
        final Boolean[] reopened = new Boolean[CHUNK];
        /** 这个文件有哪些可选列（重复导入时只比较文件里有的列）。 */
        final ColumnProfiles.Mapping mapping;

        Chunk(int fileIdx, ColumnProfiles.Mapping mapping) {
            this.fileIdx = fileIdx;
            this.mapping = mapping;
        }

        void add(long order, boolean isNew, String ch, String no, long unit, String name, String sp, LocalDateTime rec,
                 LocalDateTime dl, LocalDateTime done, int ln, LocalDateTime sg, LocalDateTime sgDl, String sat, Integer ret,
                 Boolean reo) {
            signed[n] = sg;
            signDeadline[n] = sgDl;
            satisfaction[n] = sat;
            returns[n] = ret;
            reopened[n] = reo;
            orderId[n] = order;
            newOrder[n] = isNew;
            channel[n] = ch;
            orderNo[n] = no;
            unitId[n] = unit;
            spelling[n] = sp;
            unitName[n] = name;
            received[n] = rec;
            deadline[n] = dl;
            completed[n] = done;
            line[n] = ln;
            n++;
        }
    }

    /** 写入线程：从有界队列取块，查重（渠道已有数据时）、批量插入、每 5 万行提交一次。 */
    private final class Writer extends Thread {
        private final Chunk end = new Chunk(-1, null);
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
        private final Connection c;
        private final Set<String> existing;
        private final IdBlock assignmentIds;
        private final Map<Long, Long> remap = new HashMap<>(); // 本次分配的工单编号 → 库里已有工单的编号
        private final Set<Long> fromDb = new java.util.HashSet<>(); // 库里已有的工单（别的导入可能同时取号，编号区间会交错）
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final int[] added;
        private volatile Throwable failure;
        private int sinceCommit;

        Writer(Connection c, Set<String> existing, IdBlock assignmentIds, int files) {
            super("assess-import-writer");
            setDaemon(true);
            this.c = c;
            this.existing = existing;
            this.assignmentIds = assignmentIds;
            this.added = new int[files];
        }

        void put(Chunk chunk) {
            try {
                while (!queue.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                    if (!isAlive()) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("导入被中断", e);
            }
            rethrow();
        }

        void finish() {
            put(end);
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("导入被中断", e);
            }
            rethrow();
        }

        private void rethrow() {
            if (failure != null) {
                throw new IllegalStateException("写入派单记录失败：" + failure.getMessage(), failure);
            }
        }

        @Override
        public void run() {
            try {
                if (db.vendor() == Vendor.POSTGRESQL) {
                    copyAll();
                } else {
                    insertAll();
                }
            } catch (Throwable e) {
                failure = e;
                queue.clear();
            }
        }

        /** H2：批量插入，每 5 万行提交一次。 */
        private void insertAll() throws SQLException, InterruptedException {
            try (PreparedStatement insOrder = c.prepareStatement(
                    "insert into work_order (id, channel, order_no, received_at, batch_id) values (?, ?, ?, ?, ?)");
                 PreparedStatement insAssignment = c.prepareStatement("insert into assignment (id, order_id, unit_id, "
                         + "unit_spelling, deadline, completed_at, batch_id, signed_at, sign_deadline, satisfaction, return_count, "
                         + "reopened) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Chunk k = queue.take(); k != end; k = queue.take()) {
                    boolean[] skip = new boolean[k.n];
                    if (!existing.isEmpty()) {
                        resolveExisting(k, skip);
                    }
                    if (!problems.isEmpty()) {
                        continue; // 已有冲突：不再写，只继续查出其余冲突
                    }
                    long batch = batchIds.get(k.fileIdx);
                    for (int i = 0; i < k.n; i++) {
                        if (skip[i]) {
                            continue;
                        }
                        if (k.newOrder[i]) {
                            insOrder.setLong(1, k.orderId[i]);
                            insOrder.setString(2, k.channel[i]);
                            insOrder.setString(3, k.orderNo[i]);
                            insOrder.setObject(4, k.received[i]);
                            insOrder.setLong(5, batch);
                            insOrder.addBatch();
                        }
                        insAssignment.setLong(1, assignmentIds.next());
                        insAssignment.setLong(2, k.orderId[i]);
                        insAssignment.setLong(3, k.unitId[i]);
                        insAssignment.setString(4, k.spelling[i]);
                        insAssignment.setObject(5, k.deadline[i]);
                        insAssignment.setObject(6, k.completed[i]);
                        insAssignment.setLong(7, batch);
                        insAssignment.setObject(8, k.signed[i]);
                        insAssignment.setObject(9, k.signDeadline[i]);
                        insAssignment.setString(10, k.satisfaction[i]);
                        insAssignment.setObject(11, k.returns[i], java.sql.Types.INTEGER);
                        insAssignment.setObject(12, k.reopened[i], java.sql.Types.BOOLEAN);
                        insAssignment.addBatch();
                        added[k.fileIdx]++;
                    }
                    insOrder.executeBatch();
                    insAssignment.executeBatch();
                    sinceCommit += k.n;
                    if (sinceCommit >= commitEvery) {
                        c.commit();
                        sinceCommit = 0;
                    }
                    if (progress != null) {
                        progress.advance(k.n);
                    }
                }
                c.commit();
            }
        }

        /** PostgreSQL：按 COPY 文本格式攒够 5 万行送出一次；不提交（调用方在同一事务里让批次生效后提交）。 */
        private void copyAll() throws SQLException, InterruptedException {
            PgCopy orders = new PgCopy(c, "work_order", "id", "channel", "order_no", "received_at", "batch_id");
            PgCopy rows = new PgCopy(c, "assignment", "id", "order_id", "unit_id", "unit_spelling", "deadline", "completed_at",
                    "batch_id");
            try {
                for (Chunk k = queue.take(); k != end; k = queue.take()) {
                    boolean[] skip = new boolean[k.n];
                    if (!existing.isEmpty()) {
                        resolveExisting(k, skip);
                    }
                    if (!problems.isEmpty()) {
                        continue;
                    }
                    long batch = batchIds.get(k.fileIdx);
                    for (int i = 0; i < k.n; i++) {
                        if (skip[i]) {
                            continue;
                        }
                        if (k.newOrder[i]) {
                            orders.add(k.orderId[i]).add(k.channel[i]).add(k.orderNo[i]).add(k.received[i]).add(batch).endRow();
                        }
                        rows.add(assignmentIds.next()).add(k.orderId[i]).add(k.unitId[i]).add(k.spelling[i]).add(k.deadline[i])
                                .add(k.completed[i]).add(batch).endRow();
                        added[k.fileIdx]++;
                    }
                    if (rows.pending() >= COPY_EVERY) {
                        orders.flush();
                        rows.flush();
                    }
                    if (progress != null) {
                        progress.advance(k.n);
                    }
                }
                if (problems.isEmpty()) {
                    orders.flush();
                    rows.flush();
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    // 唯一约束：另一个用户同时导入了相同的工单并先提交了
                    throw new IllegalStateException("另一个导入同时写入了相同的工单（同一渠道、同一工单编号），本次导入未写入任何记录；"
                            + "请等它完成后重新导入本批文件，已导入的相同记录会自动跳过", e);
                }
                throw e;
            }
        }

        /** 渠道里导入前已有工单：查出库里已有的工单与转办，相同的跳过，不同的报错。 */
        private void resolveExisting(Chunk k, boolean[] skip) throws SQLException {
            Map<String, List<Integer>> lookup = new HashMap<>();
            for (int i = 0; i < k.n; i++) {
                if (!existing.contains(k.channel[i])) {
                    continue;
                }
                if (k.newOrder[i]) {
                    lookup.computeIfAbsent(k.channel[i], x -> new ArrayList<>()).add(i);
                }
            }
            Map<Long, List<Integer>> dbOrders = new HashMap<>();
            for (Map.Entry<String, List<Integer>> e : lookup.entrySet()) {
                List<Integer> rows = e.getValue();
                for (int from = 0; from < rows.size(); from += LOOKUP_BATCH) {
                    List<Integer> part = rows.subList(from, Math.min(rows.size(), from + LOOKUP_BATCH));
                    Map<String, Integer> byNo = new HashMap<>();
                    part.forEach(i -> byNo.put(k.orderNo[i], i));
                    // 以数组作表与工单表连接：H2 对“channel = ? and order_no in (…)”只用索引的第一列，会扫完整个渠道
                    try (PreparedStatement q = c.prepareStatement(db.vendor().existingOrdersByNumber())) {
                        String[] numbers = part.stream().map(i -> k.orderNo[i]).toArray(String[]::new);
                        Long[] mine = batchIds.toArray(Long[]::new);
                        if (db.vendor() == Vendor.POSTGRESQL) {
                            q.setArray(1, c.createArrayOf("varchar", numbers));
                            q.setString(2, e.getKey());
                            q.setArray(3, c.createArrayOf("bigint", mine));
                        } else {
                            q.setObject(1, numbers);
                            q.setString(2, e.getKey());
                            q.setObject(3, mine);
                        }
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                int i = byNo.get(rs.getString(2));
                                long dbId = rs.getLong(1);
                                LocalDateTime dbReceived = rs.getObject(3, LocalDateTime.class);
                                remap.put(k.orderId[i], dbId);
                                fromDb.add(dbId);
                                k.orderId[i] = dbId;
                                k.newOrder[i] = false;
                                if (!dbReceived.equals(k.received[i])) {
                                    problems.add(fileNames.get(k.fileIdx) + " 第 " + k.line[i] + " 行：工单 " + k.orderNo[i]
                                            + " 已导入，受理时间为 " + dbReceived + "，与本行 " + k.received[i]
                                            + " 不一致；修改已导入的数据请用“assess correct”登记更正");
                                    skip[i] = true;
                                }
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < k.n; i++) {
                if (!k.newOrder[i] && existing.contains(k.channel[i])) {
                    // 同一工单的后续转办（可能在同一块里，所以要在上面的查询之后）
                    k.orderId[i] = remap.getOrDefault(k.orderId[i], k.orderId[i]);
                }
                if (!skip[i] && existing.contains(k.channel[i]) && fromDb.contains(k.orderId[i])) {
                    dbOrders.computeIfAbsent(k.orderId[i], x -> new ArrayList<>()).add(i);
                }
            }
            List<Long> ids = new ArrayList<>(dbOrders.keySet());
            for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement q = c.prepareStatement("select order_id, unit_id, deadline, completed_at, signed_at, "
                        + "sign_deadline, satisfaction, return_count, reopened from assignment where order_id in (" + marks + ")")) {
                    for (int j = 0; j < part.size(); j++) {
                        q.setLong(j + 1, part.get(j));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            for (int i : dbOrders.get(rs.getLong(1))) {
                                if (k.unitId[i] != rs.getLong(2)) {
                                    continue;
                                }
                                skip[i] = true;
                                List<String> diffs = new ArrayList<>();
                                diff(diffs, "办理时限", rs.getObject(3, LocalDateTime.class), k.deadline[i], true);
                                diff(diffs, "办结时间", rs.getObject(4, LocalDateTime.class), k.completed[i], true);
                                ColumnProfiles.Mapping m = k.mapping;
                                diff(diffs, ColumnProfiles.SIGNED, rs.getObject(5, LocalDateTime.class), k.signed[i], m.has(ColumnProfiles.SIGNED));
                                diff(diffs, ColumnProfiles.SIGN_DEADLINE, rs.getObject(6, LocalDateTime.class), k.signDeadline[i],
                                        m.has(ColumnProfiles.SIGN_DEADLINE));
                                diff(diffs, ColumnProfiles.SATISFACTION, rs.getString(7), k.satisfaction[i], m.has(ColumnProfiles.SATISFACTION));
                                diff(diffs, ColumnProfiles.RETURNS, (Integer) rs.getObject(8, Integer.class), k.returns[i],
                                        m.has(ColumnProfiles.RETURNS));
                                diff(diffs, ColumnProfiles.REOPENED, (Boolean) rs.getObject(9, Boolean.class), k.reopened[i],
                                        m.has(ColumnProfiles.REOPENED));
                                if (!diffs.isEmpty()) {
                                    problems.add(fileNames.get(k.fileIdx) + " 第 " + k.line[i] + " 行：工单 " + k.orderNo[i]
                                            + " 派给 " + k.unitName[i] + " 的记录已导入，" + String.join("；", diffs)
                                            + "。修改已导入的数据请用“assess correct”登记更正");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** 已导入的值与本行不同：记下“列：已导入为 旧，本行为 新”。 */
    private static void diff(List<String> out, String column, Object old, Object now, boolean compare) {
        if (compare && !Objects.equals(old, now)) {
            out.add(column + "：已导入为 " + OptionalFields.show(old) + "，本行为 " + OptionalFields.show(now));
        }
    }

    /** 从数据库序列成块取编号（序列步长 1000，一次取值占用其后 1000 个编号）。 */
    static final class IdBlock {
        private final Connection c;
        private final String sequence;
        private long next;
        private long end;

        IdBlock(Connection c, String sequence, long first) {
            this.c = c;
            this.sequence = sequence;
            this.next = first;
            this.end = first + 1000;
        }

        long next() throws SQLException {
            if (next >= end) {
                next = nextValue(c, sequence);
                end = next + 1000;
            }
            return next++;
        }
    }
}
