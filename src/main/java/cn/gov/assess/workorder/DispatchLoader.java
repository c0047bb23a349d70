package cn.gov.assess.workorder;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.PgCopy;
import cn.gov.assess.db.Staging;
import cn.gov.assess.db.Vendor;
import cn.gov.assess.io.CsvStream;
import cn.gov.assess.io.RowSource;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /**
     * PostgreSQL：每攒多少条转办送出一次 COPY。试过先小后大（5000 起翻倍）：服务器 CPU 反而多 1 秒（也许是每条 COPY 重新开始
     * 批量写的缓冲环？原因没有查清），10 万与 5 万一样。
     */
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
        for (String n : units.names()) {
            unitKeys.putIfAbsent(units.find(n).name(), unitKeys.size() + 1);
        }
        channelNames = channels.toArray(String[]::new);
        channelUsed = new boolean[channelNames.length];
        for (int i = 0; i < channelNames.length; i++) {
            channelNos.put(channelNames[i], i);
        }
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
    List<Staged> stage(List<Path> files, List<Problem> problems) {
        boolean write = problems.isEmpty();
        List<Staged> out = new ArrayList<>();
        Writer writer = null;
        IdBlock orderIds = null;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "assess-import-check");
            t.setDaemon(true);
            return t;
        });
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
                // PostgreSQL：COPY 由送出线程在 conn 上发，写入线程的查重查询与取号走另一个自动提交的连接
                Connection side = db.vendor() == Vendor.POSTGRESQL ? db.connect() : conn;
                if (side != conn) {
                    side.setAutoCommit(true);
                }
                writer = new Writer(conn, side, existing, new IdBlock(side, "assignment_seq", a), files.size());
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
                        problems.addAll(e.located());
                    }
                    if (problems.size() == before && mapping != null) {
                        readFile(in, mapping, fi, orderIds, writer, problems, read, pool);
                    }
                    sha = in.sha256();
                } catch (InputException e) {
                    problems.addAll(e.located());
                } catch (IOException e) {
                    problems.add(Problem.inFile(f.toString(), "无法读取：" + e.getMessage()));
                }
                out.add(new Staged(f.toString(), encoding, sha, write ? batchIds.get(fi) : null, read[0], 0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("写入派单记录失败：" + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            if (writer != null) {
                writer.finish();
            }
        }
        if (writer != null) {
            problems.addAll(writer.problems);
            if (problems.isEmpty()) {
                try {
                    recordChannels();
                } catch (SQLException e) {
                    throw new IllegalStateException("写入派单记录失败：" + e.getMessage(), e);
                }
            }
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

    /** 每批交给校验线程的行数。 */
    private static final int BATCH = 2000;
    /** 校验线程数：每个核一个（最多 8 个）。 */
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final Future<Rows> DONE = CompletableFuture.completedFuture(null);
    /** 每行从文件里取的列（标准列名），顺序即 {@link Rows#raw} 的下标。 */
    private static final String[] WANTED = {"渠道", "工单编号", "受理时间", "办理单位", "办理时限", "办结时间", ColumnProfiles.SIGNED,
            ColumnProfiles.SIGN_DEADLINE, ColumnProfiles.SATISFACTION, ColumnProfiles.RETURNS, ColumnProfiles.REOPENED};
    private static final int CHANNEL = 0, ORDER = 1, RECEIVED = 2, UNIT = 3, DEADLINE = 4, COMPLETED = 5, SIGNED = 6,
            SIGN_DEADLINE = 7, SATISFACTION = 8, RETURNS = 9, REOPENED = 10;

    /**
     * 一个文件的读取分三段流水线：读取线程只解析表格（CSV 或 Excel）并取出需要的列，成批交给校验线程池；校验线程并行做
     * 逐行的校验（日期、单位、可选列、前后矛盾）并算好工单键的摘要；本线程按原来的顺序逐批取回，只做必须按顺序做的事——
     * 查重（同一转办、同一工单的受理时间）、分配工单编号、攒块交给写入线程。错误的文字、顺序与逐行单线程时完全相同。
     */
    private void readFile(RowSource in, ColumnProfiles.Mapping m, int fileIdx, IdBlock orderIds, Writer writer,
                          List<Problem> problems, int[] read, ExecutorService pool) throws SQLException {
        int[] idx = new int[WANTED.length];
        for (int k = 0; k < WANTED.length; k++) {
            idx[k] = m.index(WANTED[k]);
        }
        Cols cols = new Cols(in, m);
        BlockingQueue<Future<Rows>> queue = new ArrayBlockingQueue<>(THREADS * 2 + 2);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                CsvStream.Blocks blocks = in instanceof CsvStream csv ? csv.blocks() : null;
                if (blocks != null) {
                    // 没有引号的 CSV：这里只按换行切块，解码、分列与校验都在校验线程里并行
                    for (CsvStream.Block b = blocks.next(); b != null && !stop.get(); b = blocks.next()) {
                        CsvStream.Block block = b;
                        offer(queue, pool.submit(() -> validate(parse(block, idx), cols, m)), stop);
                    }
                }
                while (blocks == null && !stop.get()) {
                    Rows r = new Rows(BATCH);
                    while (r.n < BATCH && in.next()) {
                        int at = r.n * WANTED.length;
                        for (int k = 0; k < WANTED.length; k++) {
                            r.raw[at + k] = idx[k] >= 0 ? in.get(idx[k]) : null;
                        }
                        r.line[r.n++] = in.line();
                    }
                    if (r.n == 0) {
                        break;
                    }
                    offer(queue, pool.submit(() -> validate(r, cols, m)), stop);
                    if (r.n < BATCH) {
                        break;
                    }
                }
                offer(queue, DONE, stop);
            } catch (Throwable e) {
                offer(queue, CompletableFuture.failedFuture(e), stop);
            }
        }, "assess-import-reader");
        reader.setDaemon(true);
        reader.start();
        Chunk chunk = new Chunk(fileIdx, m);
        try {
            for (Future<Rows> f = take(queue); f != DONE; f = take(queue)) {
                Rows r = result(f);
                for (int i = 0; i < r.n; i++) {
                    read[0]++;
                    if (r.problems[i] != null) {
                        problems.addAll(r.problems[i]);
                        continue;
                    }
                    chunk = sequence(r, i, fileIdx, cols, orderIds, writer, problems, chunk, m);
                }
            }
            if (writer != null && problems.isEmpty() && chunk.n > 0) {
                writer.put(chunk);
            }
        } finally {
            stop.set(true);
            queue.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** 按顺序的一段：查重、分配工单编号、攒块。返回当前块（满了换新块）。 */
    private Chunk sequence(Rows r, int i, int fileIdx, Cols cols, IdBlock orderIds, Writer writer, List<Problem> problems,
                           Chunk chunk, ColumnProfiles.Mapping m) throws SQLException {
        int line = r.line[i];
        String channel = r.channel[i];
        String orderNo = r.orderNo[i];
        UnitDirectory.Ref unit = r.unit[i];
        long source = ((long) fileIdx << 32) | line;
        long receivedSec = r.received[i];
        long unitKey = r.unitKey[i];
        int o = orders.find(r.h0[i], r.h1[i]);
        boolean newOrder = o < 0;
        if (newOrder) {
            o = orders.add(r.h0[i], r.h1[i]);
        }
        int a = assignments.add(((long) (o + 1) << 32) | unitKey, 0);
        if (a < 0) {
            problems.add(Place.row(cols.in.fileName(), line, cols.in.fileName() + " 第 " + line + " 行").problem("重复记录，渠道 " + channel + " 工单 " + orderNo + " 派给 "
                    + unit.name() + " 已出现在" + where(assignmentSource[-a - 1])));
            return chunk;
        }
        assignmentSource = ensure(assignmentSource, a);
        assignmentSource[a] = source;
        if (newOrder) {
            orderId = ensure(orderId, o);
            orderReceived = ensure(orderReceived, o);
            orderSource = ensure(orderSource, o);
            orderReceived[o] = receivedSec;
            orderSource[o] = source;
            orderId[o] = writer != null && problems.isEmpty() ? orderIds.next() : 0;
        } else if (orderReceived[o] != receivedSec) {
            problems.add(cols.at(line, "受理时间").problem("同一工单 " + orderNo + " 的受理时间与" + where(orderSource[o]) + "不一致（"
                    + LocalDateTime.ofEpochSecond(orderReceived[o], 0, ZoneOffset.UTC) + "）"));
            return chunk;
        }
        channelUsed[r.channelNo[i]] = true;
        if (writer != null && problems.isEmpty()) {
            chunk.add(orderId[o], newOrder, channel, orderNo, unitIds.get(unit.name()), unit.name(), r.spelling[i], r.received[i],
                    r.deadline[i], r.completed[i], line, r.signed[i], r.signDeadline[i], r.satisfaction[i], r.returns[i],
                    r.reopened[i]);
            if (chunk.n == CHUNK) {
                writer.put(chunk);
                return new Chunk(fileIdx, m);
            }
        }
        return chunk;
    }

    /** 渠道名 → 序号（工单键摘要的种子），与按序号取回的渠道名；建好后只读，校验线程共用。 */
    private final Map<String, Integer> channelNos = new HashMap<>();
    private final String[] channelNames;
    /** 本次导入的行里出现过的渠道（按序号）。 */
    private final boolean[] channelUsed;

    /** 单位名 → 转办键里的单位号（本次导入内从 1 起编；建好后只读，校验线程共用）。 */
    private final Map<String, Integer> unitKeys = new HashMap<>();

    /** 逐行校验（在校验线程里，与其他批并行）：不碰共享的可变状态。 */
    private Rows validate(Rows r, Cols cols, ColumnProfiles.Mapping m) {
        List<Problem> problems = new ArrayList<>();
        String[] v = new String[WANTED.length];
        for (int i = 0; i < r.n; i++) {
            System.arraycopy(r.raw, i * WANTED.length, v, 0, WANTED.length);
            Arrays.fill(r.raw, i * WANTED.length, (i + 1) * WANTED.length, null);
            validate(r, i, v, cols, m, problems);
            if (!problems.isEmpty()) {
                r.problems[i] = List.copyOf(problems);
                problems.clear();
            }
        }
        return r;
    }

    private void validate(Rows r, int i, String[] v, Cols cols, ColumnProfiles.Mapping m, List<Problem> problems) {
        int line = r.line[i];
        String channel = v[CHANNEL] != null ? v[CHANNEL] : m.channelFromFileName();
        Integer channelNo = channelNos.get(channel);
        if (channelNo == null) {
            problems.add(cols.at(line, "渠道").value(channel).problem("渠道“" + channel + "”未配置。请在规则目录的 channels.csv 中为它加一行"
                    + "（渠道、附件序号、附件标题、统计表列、备注格式、未办备注格式、正文章节、正文模板），已配置的渠道："
                    + String.join("、", channels)));
        }
        String orderNo = v[ORDER];
        if (orderNo.isEmpty()) {
            problems.add(cols.at(line, "工单编号").value("").problem("工单编号为空"));
        }
        String receivedText = v[RECEIVED];
        String deadlineText = v[DEADLINE];
        String completedText = v[COMPLETED];
        long received = date(cols, line, "受理时间", receivedText, false, true, problems);
        long deadline = date(cols, line, "办理时限", deadlineText, true, true, problems);
        long completed = date(cols, line, "办结时间", completedText, false, false, problems);
        long signed = v[SIGNED] == null ? NONE : date(cols, line, ColumnProfiles.SIGNED, v[SIGNED], false, false, problems);
        long signDeadline = v[SIGN_DEADLINE] == null ? NONE
                : date(cols, line, ColumnProfiles.SIGN_DEADLINE, v[SIGN_DEADLINE], true, false, problems);
        String satisfaction = v[SATISFACTION] == null ? null
                : OptionalFields.satisfaction(v[SATISFACTION], () -> cols.at(line, ColumnProfiles.SATISFACTION), problems);
        Integer returns = v[RETURNS] == null ? null
                : OptionalFields.count(v[RETURNS], () -> cols.at(line, ColumnProfiles.RETURNS), problems);
        Boolean reopened = v[REOPENED] == null ? null
                : OptionalFields.yesNo(v[REOPENED], () -> cols.at(line, ColumnProfiles.REOPENED), problems);
        if (received != NONE && signed != NONE && signed < received) {
            problems.add(cols.at(line, ColumnProfiles.SIGNED).value(v[SIGNED]).problem("签收时间 " + v[SIGNED] + " 早于受理时间 " + receivedText));
        }
        String spelling = v[UNIT];
        UnitDirectory.Ref unit = null;
        if (spelling.isEmpty()) {
            problems.add(cols.at(line, "办理单位").value("").problem("办理单位为空"));
        } else {
            unit = units.find(spelling);
            if (unit == null) {
                String near = units.closest(spelling);
                problems.add(cols.at(line, "办理单位").value(spelling).problem("未知单位“" + spelling + "”"
                        + (near == null ? "，单位表为空，请先导入单位表（单位名称,类型,排序,别名）"
                        : "，最接近的已知单位是“" + near + "”；如是同一单位，请在单位表的“别名”列加上它")));
            }
        }
        if (received != NONE && deadline != NONE && deadline < received) {
            problems.add(cols.at(line, "办理时限").value(deadlineText).problem("办理时限 " + deadlineText + " 早于受理时间 " + receivedText));
        }
        if (received != NONE && completed != NONE && completed < received) {
            problems.add(cols.at(line, "办结时间").value(completedText).problem("办结时间 " + completedText + " 早于受理时间 " + receivedText));
        }
        if (!problems.isEmpty()) {
            return;
        }
        // 工单键的摘要：工单编号的字节，以渠道的序号作种子（摘要只在本次导入的内存里比较）
        long[] h = KeyIndex.digest(orderNo, channelNo);
        channel = channelNames[channelNo]; // 同一个字符串对象：行里读出的那份随即可回收，写入时也只编码一次
        if (spelling.equals(unit.name())) {
            spelling = unit.name();
        }
        r.h0[i] = h[0];
        r.h1[i] = h[1];
        r.channel[i] = channel;
        r.channelNo[i] = channelNo;
        r.orderNo[i] = orderNo;
        r.spelling[i] = spelling;
        r.unit[i] = unit;
        r.unitKey[i] = unitKeys.get(unit.name());
        r.received[i] = received;
        r.deadline[i] = deadline;
        r.completed[i] = completed;
        r.signed[i] = signed;
        r.signDeadline[i] = signDeadline;
        r.satisfaction[i] = satisfaction;
        r.returns[i] = returns;
        r.reopened[i] = reopened;
    }

    /** 解析一块（在校验线程里）：取出需要的列，与逐行读取时的取值相同。 */
    private static Rows parse(CsvStream.Block block, int[] idx) {
        Rows r = new Rows(block.records());
        block.rows((line, fields) -> {
            int at = r.n * WANTED.length;
            for (int k = 0; k < WANTED.length; k++) {
                r.raw[at + k] = idx[k] >= 0 ? fields.get(idx[k]) : null;
            }
            r.line[r.n++] = line;
        });
        return r;
    }

    /** 一批行：行号与原始值由读取线程（或解析块的校验线程）填，其余由校验线程填。 */
    private static final class Rows {
        int n;
        final int[] line;
        /** 原始值，每行 WANTED.length 个，按行接续存放（不为每行建一个数组）。 */
        final String[] raw;
        final List<Problem>[] problems;
        final long[] h0;
        final long[] h1;
        final String[] channel;
        final int[] channelNo;
        final String[] orderNo;
        final String[] spelling;
        final UnitDirectory.Ref[] unit;
        final int[] unitKey;
        final long[] received;
        final long[] deadline;
        final long[] completed;
        final long[] signed;
        final long[] signDeadline;
        final String[] satisfaction;
        final Integer[] returns;
        final Boolean[] reopened;

        @SuppressWarnings("unchecked")
        Rows(int size) {
            line = new int[size];
            raw = new String[size * WANTED.length];
            problems = new List[size];
            h0 = new long[size];
            h1 = new long[size];
            channel = new String[size];
            channelNo = new int[size];
            orderNo = new String[size];
            spelling = new String[size];
            unit = new UnitDirectory.Ref[size];
            unitKey = new int[size];
            received = new long[size];
            deadline = new long[size];
            completed = new long[size];
            signed = new long[size];
            signDeadline = new long[size];
            satisfaction = new String[size];
            returns = new Integer[size];
            reopened = new Boolean[size];
        }
    }

    private static void offer(BlockingQueue<Future<Rows>> q, Future<Rows> f, AtomicBoolean stop) {
        try {
            while (!stop.get() && !q.offer(f, 100, TimeUnit.MILLISECONDS)) {
                // 等本线程取走
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Future<Rows> take(BlockingQueue<Future<Rows>> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入被中断", e);
        }
    }

    /** 取回一批的校验结果；读取或校验时的异常（如文件编码、CSV 格式错误）原样抛出。 */
    private static Rows result(Future<Rows> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入被中断", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
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

        Place at(int line, String standard) {
            int i = m.index(standard);
            if (i < 0) {
                return Place.row(in.fileName(), line, in.fileName() + " 第 " + line + " 行（" + standard + "取自文件名）");
            }
            String name = in.header().get(i).strip();
            return in.place(line, i, name.equals(standard) ? standard : name + "，即" + standard);
        }
    }

    /** 没有这个时间（空的可选列）：时间都按 UTC 的纪元秒存成 long，不为每个时间建三个对象。 */
    static final long NONE = Long.MIN_VALUE;

    static LocalDateTime time(long epochSecond) {
        return epochSecond == NONE ? null : LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    private static long date(Cols cols, int line, String col, String v, boolean endOfDay, boolean required,
                             List<Problem> problems) {
        if (v.isEmpty()) {
            if (required) {
                problems.add(cols.at(line, col).value(v).problem(col + "为空"));
            }
            return NONE;
        }
        long fast = DateTimes.epochSecond(v, endOfDay);
        if (fast != DateTimes.NOT_CANONICAL) {
            return fast;
        }
        LocalDateTime d = DateTimes.parse(v, endOfDay);
        if (d == null) {
            d = DateTimes.excelSerial(v, endOfDay);
        }
        if (d == null) {
            problems.add(cols.at(line, col).value(v).problem("无法识别的日期“" + v + "”（可用格式：2021-10-05、2021-10-05 14:30、"
                    + "2021-10-05 14:30:00、2021/10/5，或 Excel 的日期单元格）"));
            return NONE;
        }
        return d.toEpochSecond(ZoneOffset.UTC);
    }

    /** 导入前已有工单的渠道（渠道表 order_channel，每次导入成功时记下新出现的渠道）。 */
    private Set<String> existingChannels(Connection c) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select channel from order_channel")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * 记下本次导入出现的渠道：PostgreSQL 在导入的事务里（与工单一同提交或回滚），H2 另行提交（导入若随后被撤销，多记的渠道
     * 只让下次导入多查一次重，不影响结果）。
     */
    private void recordChannels() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(db.vendor().recordOrderChannel())) {
            for (int i = 0; i < channelNames.length; i++) {
                if (channelUsed[i]) {
                    ps.setString(1, channelNames[i]);
                    ps.executeUpdate();
                }
            }
        }
        if (db.vendor() == Vendor.H2) {
            conn.commit();
        }
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
        final long[] received = new long[CHUNK];
        final long[] deadline = new long[CHUNK];
        final long[] completed = new long[CHUNK];
        final int[] line = new int[CHUNK];
        final long[] signed = new long[CHUNK];
        final long[] signDeadline = new long[CHUNK];
        final String[] satisfaction = new String[CHUNK];
        final Integer[] returns = new Integer[CHUNK];
        final Boolean[] reopened = new Boolean[CHUNK];
        /** 这个文件有哪些可选列（重复导入时只比较文件里有的列）。 */
        final ColumnProfiles.Mapping mapping;

        Chunk(int fileIdx, ColumnProfiles.Mapping mapping) {
            this.fileIdx = fileIdx;
            this.mapping = mapping;
        }

        void add(long order, boolean isNew, String ch, String no, long unit, String name, String sp, long rec,
                 long dl, long done, int ln, long sg, long sgDl, String sat, Integer ret,
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
        /** 查重查询与取号用的连接：H2 就是 c；PostgreSQL 是另一个连接（c 上可能正在 COPY）。 */
        private final Connection side;
        private final Set<String> existing;
        private final IdBlock assignmentIds;
        private final Map<Long, Long> remap = new HashMap<>(); // 本次分配的工单编号 → 库里已有工单的编号
        private final Set<Long> fromDb = new java.util.HashSet<>(); // 库里已有的工单（别的导入可能同时取号，编号区间会交错）
        final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        final int[] added;
        private volatile Throwable failure;
        private int sinceCommit;

        Writer(Connection c, Connection side, Set<String> existing, IdBlock assignmentIds, int files) {
            super("assess-import-writer");
            setDaemon(true);
            this.c = c;
            this.side = side;
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
            } finally {
                if (side != c) {
                    try {
                        side.close();
                    } catch (SQLException e) {
                        // 只读查询与取号用的连接，关不掉无碍
                    }
                }
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
                            insOrder.setObject(4, time(k.received[i]));
                            insOrder.setLong(5, batch);
                            insOrder.addBatch();
                        }
                        insAssignment.setLong(1, assignmentIds.next());
                        insAssignment.setLong(2, k.orderId[i]);
                        insAssignment.setLong(3, k.unitId[i]);
                        insAssignment.setString(4, k.spelling[i]);
                        insAssignment.setObject(5, time(k.deadline[i]));
                        insAssignment.setObject(6, time(k.completed[i]));
                        insAssignment.setLong(7, batch);
                        insAssignment.setObject(8, time(k.signed[i]));
                        insAssignment.setObject(9, time(k.signDeadline[i]));
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

        /**
         * PostgreSQL：按 COPY 二进制格式攒够一批就交给送出线程，自己接着攒下一批——服务器处理上一批（维护索引，是导入里
         * 最重的一段）时，这边的校验与编码不停。不提交（调用方在同一事务里让批次生效后提交）。
         */
        private void copyAll() throws SQLException, InterruptedException {
            PgCopy orders = new PgCopy(c, "work_order", "id", "channel", "order_no", "received_at", "batch_id");
            PgCopy rows = new PgCopy(c, "assignment", "id", "order_id", "unit_id", "unit_spelling", "deadline", "completed_at",
                    "batch_id", "signed_at", "sign_deadline", "satisfaction", "return_count", "reopened");
            Sender sender = new Sender();
            sender.start();
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
                            orders.add(k.orderId[i]).addRepeated(k.channel[i]).add(k.orderNo[i]).addTimestamp(k.received[i]).add(batch).endRow();
                        }
                        rows.add(assignmentIds.next()).add(k.orderId[i]).add(k.unitId[i]).addRepeated(k.spelling[i]).addTimestamp(k.deadline[i])
                                .addTimestamp(k.completed[i]).add(batch).addTimestamp(k.signed[i]).addTimestamp(k.signDeadline[i]).addRepeated(k.satisfaction[i])
                                .add(k.returns[i]).add(k.reopened[i]).endRow();
                        added[k.fileIdx]++;
                    }
                    if (rows.pending() >= COPY_EVERY) {
                        sender.put(orders.detach(), rows.detach());
                    }
                    if (progress != null) {
                        progress.advance(k.n);
                    }
                }
                if (problems.isEmpty()) {
                    sender.put(orders.detach(), rows.detach());
                }
            } finally {
                sender.finish();
            }
        }

        /** 送出线程：按到达的顺序用 COPY 送出攒好的批；同一连接上只有它发语句（写入线程的查询走另一个连接）。 */
        private final class Sender extends Thread {
            private final PgCopy.Batch[] stop = new PgCopy.Batch[0];
            private final BlockingQueue<PgCopy.Batch[]> batches = new ArrayBlockingQueue<>(1);
            private volatile SQLException failure;

            Sender() {
                super("assess-import-copy");
                setDaemon(true);
            }

            void put(PgCopy.Batch... b) throws SQLException, InterruptedException {
                while (!batches.offer(b, 200, TimeUnit.MILLISECONDS)) {
                    if (!isAlive()) {
                        break;
                    }
                }
                rethrow();
            }

            void finish() throws SQLException, InterruptedException {
                if (isAlive()) {
                    batches.put(stop);
                }
                join();
                rethrow();
            }

            private void rethrow() throws SQLException {
                if (failure != null) {
                    if ("23505".equals(failure.getSQLState())) {
                        // 唯一约束：另一个用户同时导入了相同的工单并先提交了
                        throw new cn.gov.assess.db.DatabaseUnavailableException("另一个导入同时写入了相同的工单（同一渠道、同一工单编号），本次导入未写入任何记录；"
                                + "请等它完成后重新导入本批文件，已导入的相同记录会自动跳过", failure);
                    }
                    throw failure;
                }
            }

            @Override
            public void run() {
                try {
                    long tw = 0;
                    long ts = 0;
                    long t = System.nanoTime();
                    for (PgCopy.Batch[] b = batches.take(); b != stop; b = batches.take()) {
                        long t1 = System.nanoTime();
                        tw += t1 - t;
                        for (PgCopy.Batch one : b) {
                            if (one != null) {
                                PgCopy.send(one);
                            }
                        }
                        t = System.nanoTime();
                        ts += t - t1;
                    }
                    if (Boolean.getBoolean("assess.timing")) {
                        // 送出线程等攒行的时间（客户端跟不上）与等服务器处理的时间（服务器跟不上）
                        System.err.printf("COPY：等待攒好的批 %.2f 秒，送出并等服务器处理 %.2f 秒%n", tw / 1e9, ts / 1e9);
                    }
                } catch (SQLException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
                    try (PreparedStatement q = side.prepareStatement(db.vendor().existingOrdersByNumber())) {
                        String[] numbers = part.stream().map(i -> k.orderNo[i]).toArray(String[]::new);
                        Long[] mine = batchIds.toArray(Long[]::new);
                        if (db.vendor() == Vendor.POSTGRESQL) {
                            q.setArray(1, side.createArrayOf("varchar", numbers));
                            q.setString(2, e.getKey());
                            q.setArray(3, side.createArrayOf("bigint", mine));
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
                                if (!dbReceived.equals(time(k.received[i]))) {
                                    problems.add(Place.row(fileNames.get(k.fileIdx), k.line[i], fileNames.get(k.fileIdx) + " 第 " + k.line[i] + " 行").problem("工单 " + k.orderNo[i]
                                            + " 已导入，受理时间为 " + dbReceived + "，与本行 " + time(k.received[i])
                                            + " 不一致；修改已导入的数据请用“assess correct”登记更正"));
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
                try (PreparedStatement q = side.prepareStatement("select order_id, unit_id, deadline, completed_at, signed_at, "
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
                                diff(diffs, "办理时限", rs.getObject(3, LocalDateTime.class), time(k.deadline[i]), true);
                                diff(diffs, "办结时间", rs.getObject(4, LocalDateTime.class), time(k.completed[i]), true);
                                ColumnProfiles.Mapping m = k.mapping;
                                diff(diffs, ColumnProfiles.SIGNED, rs.getObject(5, LocalDateTime.class), time(k.signed[i]), m.has(ColumnProfiles.SIGNED));
                                diff(diffs, ColumnProfiles.SIGN_DEADLINE, rs.getObject(6, LocalDateTime.class), time(k.signDeadline[i]),
                                        m.has(ColumnProfiles.SIGN_DEADLINE));
                                diff(diffs, ColumnProfiles.SATISFACTION, rs.getString(7), k.satisfaction[i], m.has(ColumnProfiles.SATISFACTION));
                                diff(diffs, ColumnProfiles.RETURNS, (Integer) rs.getObject(8, Integer.class), k.returns[i],
                                        m.has(ColumnProfiles.RETURNS));
                                diff(diffs, ColumnProfiles.REOPENED, (Boolean) rs.getObject(9, Boolean.class), k.reopened[i],
                                        m.has(ColumnProfiles.REOPENED));
                                if (!diffs.isEmpty()) {
                                    problems.add(Place.row(fileNames.get(k.fileIdx), k.line[i], fileNames.get(k.fileIdx) + " 第 " + k.line[i] + " 行").problem("工单 " + k.orderNo[i]
                                            + " 派给 " + k.unitName[i] + " 的记录已导入，" + String.join("；", diffs)
                                            + "。修改已导入的数据请用“assess correct”登记更正"));
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

    /**
     * 从数据库序列成块取编号（序列步长 1000，一次取值占用其后 1000 个编号）。PostgreSQL 上一次往返取 50 个值（5 万个编号），
     * 取到的值可能与别的导入交错，每个值各自占用其后 1000 个编号，互不重叠。
     */
    static final class IdBlock {
        private static final int PREFETCH = 50;
        private final Connection c;
        private final String sequence;
        private final long[] ahead = new long[PREFETCH];
        private int aheadAt;
        private int aheadCount;
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
                next = nextBlock();
                end = next + 1000;
            }
            return next++;
        }

        private long nextBlock() throws SQLException {
            if (aheadAt == aheadCount) {
                String many = Vendor.of(c).nextValues(sequence);
                if (many == null) {
                    return nextValue(c, sequence);
                }
                try (PreparedStatement ps = c.prepareStatement(many)) {
                    ps.setInt(1, PREFETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        aheadAt = 0;
                        aheadCount = 0;
                        while (rs.next()) {
                            ahead[aheadCount++] = rs.getLong(1);
                        }
                    }
                }
            }
            return ahead[aheadAt++];
        }
    }
}
