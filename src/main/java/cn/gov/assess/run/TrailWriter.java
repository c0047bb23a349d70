package cn.gov.assess.run;

import cn.gov.assess.facts.AssignmentFact;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * 写审计记录的线程：从有界队列取已分类的块，按单位分组重新成块后写入。
 * <p>分类结果按工单顺序到来，每 2000 条里几乎有全部单位；照原样成块，解释一个单位（网页的单位页、
 * {@code explain 单位 --orders}）就得解开整次运行（100 万条时 1.1–1.3 秒）。所以这里把单位编号按 {@link #groupCount}
 * 取模分组，每组攒够 {@link #blockRows} 条压成一块：一块只含一组的单位（5000 个单位时约 20 个），解释一个单位只解开
 * 它那一组的块（100 万条时约 4000 条）。块的格式和 unit_ids 列与 V12 相同，读取不分新旧。
 * 内存：最多 GROUPS 块未压缩的行在攒（每条约 70 字节，默认上限约 18 MB），与运行规模无关。
 */
final class TrailWriter extends Thread {
    /** 单位分成多少组（系统属性 assess.trail.groups，默认 256）。 */
    private final int groupCount = Math.max(1, Integer.getInteger("assess.trail.groups", 256));
    /** 每组攒够多少条写一块（系统属性 assess.trail.blockRows，默认 1000）。 */
    private final int blockRows = Math.max(1, Integer.getInteger("assess.trail.blockRows", 1000));
    private static final List<AssignmentFact> END = List.of();
    private final java.util.concurrent.BlockingQueue<List<AssignmentFact>> queue = new java.util.concurrent.ArrayBlockingQueue<>(3);
    /** 每写入多少条审计记录提交一次（系统属性 assess.trail.commitEvery，默认 10 万）。 */
    private final int commitEvery = Integer.getInteger("assess.trail.commitEvery", 100_000);
    private final java.sql.Connection conn;
    private final PreparedStatement ps;
    private final Long runId;
    private final TrailCodec.Block[] groups = new TrailCodec.Block[groupCount];
    private volatile RuntimeException failure;
    private int sinceCommit;
    private int seq;

    TrailWriter(java.sql.Connection conn, PreparedStatement ps, Long runId) {
        super("assess-trail");
        this.conn = conn;
        this.ps = ps;
        this.runId = runId;
        setDaemon(true);
    }

    void put(List<AssignmentFact> facts) {
        check();
        try {
            queue.put(facts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("写入审计记录被中断", e);
        }
    }

    @Override
    public void run() {
        try {
            for (List<AssignmentFact> facts = queue.take(); facts != END; facts = queue.take()) {
                for (AssignmentFact a : facts) {
                    int g = (int) Math.floorMod(a.getUnitId(), (long) groupCount);
                    TrailCodec.Block block = groups[g];
                    if (block == null) {
                        block = groups[g] = new TrailCodec.Block(blockRows * 80);
                    }
                    block.add(a);
                    if (block.size() >= blockRows) {
                        write(block);
                    }
                }
            }
            for (TrailCodec.Block block : groups) {
                if (block != null && block.size() > 0) {
                    write(block);
                }
            }
            conn.commit();
        } catch (SQLException e) {
            failure = new IllegalStateException("写入审计记录失败：" + e.getMessage(), e);
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            queue.clear();
        }
    }

    void finish() {
        put(END);
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("写入审计记录被中断", e);
        }
        check();
    }

    void abort() {
        interrupt();
        try {
            join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    /** 一块审计记录压缩成一行（{@link TrailCodec}），清空这块接着攒；每写够 commitEvery 条提交一次。 */
    private void write(TrailCodec.Block block) throws SQLException {
        ps.setLong(1, runId);
        ps.setInt(2, ++seq);
        ps.setInt(3, block.size());
        ps.setBytes(4, block.payload());
        ps.setString(5, block.unitIds());
        ps.executeUpdate();
        sinceCommit += block.size();
        block.reset();
        if (sinceCommit >= commitEvery) {
            conn.commit();
            sinceCommit = 0;
        }
    }
}
