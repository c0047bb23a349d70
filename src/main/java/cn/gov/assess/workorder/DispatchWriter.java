package cn.gov.assess.workorder;

import cn.gov.assess.io.Problem;
import cn.gov.assess.io.Place;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.PgCopy;
import cn.gov.assess.db.Vendor;
import cn.gov.assess.io.Progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static cn.gov.assess.workorder.DispatchLoader.time;

/** 写入线程：从有界队列取块，查重（渠道已有数据时）、批量插入、每 5 万行提交一次。 */
final class DispatchWriter extends Thread {
    /** 每写入多少行提交一次（系统属性 assess.import.commitEvery，默认 5 万）。 */
    private final int commitEvery = Integer.getInteger("assess.import.commitEvery", 50_000);
    private static final int LOOKUP_BATCH = 1000;
    /**
     * PostgreSQL：每攒多少条转办送出一次 COPY。试过先小后大（5000 起翻倍）：服务器 CPU 反而多 1 秒（也许是每条 COPY 重新开始
     * 批量写的缓冲环？原因没有查清），10 万与 5 万一样。
     */
    private static final int COPY_EVERY = 50_000;

    private final Database db;
    private final List<Long> batchIds;
    private final List<String> fileNames;
    private final Progress progress;
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

    DispatchWriter(Database db, List<Long> batchIds, List<String> fileNames, Progress progress, Connection c,
                   Connection side, Set<String> existing, IdBlock assignmentIds, int files) {
        super("assess-import-writer");
        setDaemon(true);
        this.db = db;
        this.batchIds = batchIds;
        this.fileNames = fileNames;
        this.progress = progress;
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

    /** 已导入的值与本行不同：记下“列：已导入为 旧，本行为 新”。 */
    private static void diff(List<String> out, String column, Object old, Object now, boolean compare) {
        if (compare && !Objects.equals(old, now)) {
            out.add(column + "：已导入为 " + OptionalFields.show(old) + "，本行为 " + OptionalFields.show(now));
        }
    }
}
