package cn.gov.assess.workorder;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Staging;
import cn.gov.assess.db.Vendor;
import cn.gov.assess.io.CsvBlock;
import cn.gov.assess.io.CsvBlocks;
import cn.gov.assess.io.CsvStream;
import cn.gov.assess.io.RowSource;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.gov.assess.workorder.DispatchCheck.WANTED;

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
public final class DispatchLoader {
    private static final int CHUNK = Chunk.CHUNK;
    /** 一个已暂存的文件。 */
    public record Staged(String file, String encoding, String sha256, Long batchId, int rowsRead, int rowsAdded) {
    }

    private final Database db;
    private final Set<String> channels;
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

    public DispatchLoader(Database db, Set<String> channels, UnitDirectory units, Map<String, Long> unitIds, Progress progress,
                   ColumnProfiles profiles) {
        this.profiles = profiles;
        this.db = db;
        this.channels = channels;
        this.unitIds = unitIds;
        this.progress = progress;
        check = new DispatchCheck(channels, units);
        channelUsed = new boolean[check.channelNames.length];
    }

    List<Long> batchIds() { return batchIds; }

    /**
     * PostgreSQL：暂存的行还在这个连接的事务里，调用方须在同一连接上写入其余部分并提交（全部或全无）。H2 返回 null
     * （已分批提交，由调用方另开事务把批次改为 done）。
     */
    public Connection sharedConnection() {
        return conn != null && db.vendor() == Vendor.POSTGRESQL ? conn : null;
    }

    /**
     * 校验全部文件；problems 为空时同时暂存（写入并分批提交）。返回每个文件的结果；出错时 problems 非空，
     * 已暂存的行须由调用方 {@link #discard()}。
     */
    public List<Staged> stage(List<Path> files, List<Problem> problems) {
        boolean write = problems.isEmpty();
        List<Staged> out = new ArrayList<>();
        DispatchWriter writer = null;
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
                writer = new DispatchWriter(db, batchIds, fileNames, progress, conn, side, existing, new IdBlock(side, "assignment_seq", a), files.size());
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

    /** 暂存的批次改为生效（最后一步，在调用方写入其余记录的同一事务里）。 */
    public static void activate(org.hibernate.StatelessSession s, Staged st) {
        s.createNativeMutationQuery("update import_batch set state = 'done', file_sha256 = ?1, rows_read = ?2, "
                        + "rows_added = ?3 where id = ?4")
                .setParameter(1, st.sha256()).setParameter(2, st.rowsRead()).setParameter(3, st.rowsAdded())
                .setParameter(4, st.batchId()).executeUpdate();
    }

    /** 删除已暂存的行与 pending 批次。 */
    public void discard() {
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

    public void close() {
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
    /**
     * 一个文件的读取分三段流水线：读取线程只解析表格（CSV 或 Excel）并取出需要的列，成批交给校验线程池；校验线程并行做
     * 逐行的校验（日期、单位、可选列、前后矛盾）并算好工单键的摘要；本线程按原来的顺序逐批取回，只做必须按顺序做的事——
     * 查重（同一转办、同一工单的受理时间）、分配工单编号、攒块交给写入线程。错误的文字、顺序与逐行单线程时完全相同。
     */
    private void readFile(RowSource in, ColumnProfiles.Mapping m, int fileIdx, IdBlock orderIds, DispatchWriter writer,
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
                CsvBlocks blocks = in instanceof CsvStream csv ? csv.blocks() : null;
                if (blocks != null) {
                    // 没有引号的 CSV：这里只按换行切块，解码、分列与校验都在校验线程里并行
                    for (CsvBlock b = blocks.next(); b != null && !stop.get(); b = blocks.next()) {
                        CsvBlock block = b;
                        Rows.offer(queue, pool.submit(() -> check.validate(DispatchCheck.parse(block, idx), cols, m)), stop);
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
                    Rows.offer(queue, pool.submit(() -> check.validate(r, cols, m)), stop);
                    if (r.n < BATCH) {
                        break;
                    }
                }
                Rows.offer(queue, DONE, stop);
            } catch (Throwable e) {
                Rows.offer(queue, CompletableFuture.failedFuture(e), stop);
            }
        }, "assess-import-reader");
        reader.setDaemon(true);
        reader.start();
        Chunk chunk = new Chunk(fileIdx, m);
        try {
            for (Future<Rows> f = Rows.take(queue); f != DONE; f = Rows.take(queue)) {
                Rows r = Rows.result(f);
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
    private Chunk sequence(Rows r, int i, int fileIdx, Cols cols, IdBlock orderIds, DispatchWriter writer, List<Problem> problems,
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

    /** 本次导入的行里出现过的渠道（按序号）。 */
    private final boolean[] channelUsed;
    /** 逐行校验（渠道与单位的序号表建好后只读，校验线程共用）。 */
    private final DispatchCheck check;

    private String where(long source) {
        return fileNames.get((int) (source >>> 32)) + " 第 " + (int) source + " 行";
    }

    private static long[] ensure(long[] a, int i) {
        return i < a.length ? a : Arrays.copyOf(a, Math.max(i + 1, a.length * 2));
    }

    /** 没有这个时间（空的可选列）：时间都按 UTC 的纪元秒存成 long，不为每个时间建三个对象。 */
    static final long NONE = Long.MIN_VALUE;

    static LocalDateTime time(long epochSecond) {
        return epochSecond == NONE ? null : LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
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
            for (int i = 0; i < check.channelNames.length; i++) {
                if (channelUsed[i]) {
                    ps.setString(1, check.channelNames[i]);
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

}
