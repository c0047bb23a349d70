package cn.gov.assess.web;

import cn.gov.assess.Engine;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 任务表 web_job（迁移 V19）：提交、开始、结束各写一次，读回的任务与内存里的一样（结果、文件表、下一步、错误表最多 200 处
 * 与总数）；最近的任务新的在前；启动时把上一个进程留下的排队、进行中的任务改为失败并说明——开始之后库里有了新的导入记录时
 * 如实说出来。H2 与 PostgreSQL 各跑一遍，每种引擎一个新库。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class JobStoreTest {
    @Parameter
    Engine engine;

    static Database db;
    static String url;
    static AuditLog audit;

    @BeforeParameterizedClassInvocation
    static void open(Engine engine) {
        url = engine.freshUrl(null);
        db = Database.open(url);
        audit = new AuditLog(db);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    private static final long MIN_MILLIS = 50;

    private static Jobs.Job await(Jobs jobs, Jobs.Job job) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!job.over() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(job.over(), "任务 10 秒内没有结束");
        return job;
    }

    @Test
    void aJobIsWrittenAtSubmitStartAndFinishAndReadsBackTheSame() throws Exception {
        JobStore store = new JobStore(db);
        Jobs.Job job;
        long before = System.nanoTime();
        try (Jobs jobs = new Jobs(audit, store)) {
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            job = jobs.submit(Jobs.Kind.考核, "经办甲", "127.0.0.1", "考核 2021-Q4，截至 2021-12-31", j -> {
                j.rules("rules（指纹 0123456789ab）");
                j.phase("逐个工单考核", 1000);
                j.advance(400);
                running.countDown();
                try {
                    assertTrue(go.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                j.run(7L, "运行 #7：2021-Q4，工单 12 个");
                j.next("/diff?a=3&b=7", "比较运行 #3 与新运行 #7");
                j.files(List.of(Map.of("file", "派单.csv", "kind", "派单记录", "encoding", "UTF-8", "read", 12, "added", 12)));
            }, () -> { });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            // 进行中：表里是开始时写下的状态；进度（400 / 1000）只在内存里
            Jobs.Job mid = store.load(job.id).orElseThrow();
            assertEquals(Jobs.State.进行中, mid.state());
            assertEquals("开始", mid.phase());
            assertEquals(0, mid.done());
            assertEquals(job.started().withNano(job.started().getNano() / 1000 * 1000), mid.started());
            assertEquals(400, jobs.get(job.id).done(), "本进程的任务从内存里读");
            Thread.sleep(MIN_MILLIS); // 任务至少进行这么久，用时才一定大于 0
            go.countDown();
            await(jobs, job);
        } // close() 等后台线程结束：任务的结束时刻与表里的一行此时都已写下
        long outside = System.nanoTime() - before;
        Jobs.Job back = store.load(job.id).orElseThrow();
        assertEquals(Jobs.State.完成, back.state());
        assertEquals(Jobs.Kind.考核, back.kind);
        assertEquals("经办甲", back.owner);
        assertEquals("127.0.0.1", back.remote());
        assertEquals("考核 2021-Q4，截至 2021-12-31", back.title);
        assertEquals(7L, back.runId());
        assertEquals("运行 #7：2021-Q4，工单 12 个", back.summary());
        assertEquals("/diff?a=3&b=7", back.next());
        assertEquals("比较运行 #3 与新运行 #7", back.nextLabel());
        assertEquals("rules（指纹 0123456789ab）", back.rules());
        assertEquals(1, back.files().size());
        assertEquals("派单.csv", back.files().get(0).get("file"));
        assertEquals(12, ((Number) back.files().get(0).get("added")).intValue());
        assertTrue(back.finished() != null);
        // 用时按毫秒存：读回的与内存里的一样；不少于任务被挡住的时间，不多于测试从提交前到结束后量到的时间
        assertEquals(Math.round(job.seconds() * 1000) / 1000.0, back.seconds(), 1e-9);
        assertTrue(back.seconds() >= MIN_MILLIS / 1000.0, "用时：" + back.seconds());
        assertTrue(back.seconds() <= outside / 1e9 + 0.001, "用时：" + back.seconds() + "，测试量到 " + outside / 1e9);
        assertEquals(100, back.percent());
    }

    @Test
    void aFailedImportKeepsTheFirst200ProblemsAndTheirCount() throws Exception {
        JobStore store = new JobStore(db);
        List<cn.gov.assess.io.Problem> problems = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            problems.add(new cn.gov.assess.io.Place("派单.csv", i + 1, 3, "受理时间", "2021-13-" + i,
                    "派单.csv 第 " + (i + 1) + " 行第 3 列（受理时间）").problem("无法识别的日期“2021-13-" + i + "”"));
        }
        Jobs.Job job;
        try (Jobs jobs = new Jobs(audit, store)) {
            job = await(jobs, jobs.submit(Jobs.Kind.导入, "经办甲", "10.0.0.9", "导入 派单.csv（3 KB）", j -> {
                throw InputException.of(problems);
            }, () -> { }));
        }
        Jobs.Job back = store.load(job.id).orElseThrow();
        assertEquals(Jobs.State.失败, back.state());
        assertEquals(job.failure(), back.failure());
        assertTrue(back.failure().contains("发现 250 处问题"), back.failure());
        assertEquals(250, back.problemCount());
        assertEquals(JobStore.PROBLEMS, back.problems().size());
        Jobs.Problem first = back.problems().get(0);
        assertEquals(new Jobs.Problem("派单.csv", "2", "受理时间（第 3 列）", "2021-13-1", "无法识别的日期“2021-13-1”"), first);
        assertEquals(job.problems().get(199), back.problems().get(199));
        assertNull(back.runId());
        assertNull(back.next());
    }

    @Test
    void anInternalFailureShowsTheChineseSummaryNeverTheLibraryOrInvariantText() throws Exception {
        JobStore store = new JobStore(db);
        try (Jobs jobs = new Jobs(audit, store)) {
            for (RuntimeException e : List.of(new IllegalStateException("Index 3 out of bounds for length 3"),
                    new IllegalStateException("读取转办时工单编号没有按顺序（7 在 9 之后）"), new NullPointerException())) {
                Jobs.Job job = await(jobs, jobs.submit(Jobs.Kind.考核, "经办甲", "127.0.0.1", "考核 2021-Q4", j -> {
                    throw e;
                }, () -> { }));
                assertEquals(Jobs.State.失败, job.state());
                assertTrue(job.failure().startsWith(Jobs.INTERNAL), job.failure());
                assertFalse(job.failure().contains("Index") || job.failure().contains("工单编号没有按顺序"), job.failure());
                assertEquals(job.failure(), store.load(job.id).orElseThrow().failure());
            }
            // 工作人员写错的值不是内部错误：照说原因
            Jobs.Job bad = await(jobs, jobs.submit(Jobs.Kind.考核, "经办甲", "127.0.0.1", "考核 2021-Q4", j -> {
                throw new cn.gov.assess.facts.InvalidValueException("rules/thresholds.csv", "参数表 rules/thresholds.csv 中没有参数“x”");
            }, () -> { }));
            assertTrue(bad.failure().startsWith("参数表 rules/thresholds.csv 中没有参数“x”。"), bad.failure());
        }
    }

    @Test
    void recentJobsAreNewestFirstAndLimited() throws Exception {
        JobStore store = new JobStore(db);
        List<String> ids = new ArrayList<>();
        try (Jobs jobs = new Jobs(audit, store)) {
            for (int i = 0; i < 3; i++) {
                Jobs.Job j = jobs.submit(Jobs.Kind.考核, "经办甲", "127.0.0.1", "第 " + i + " 个", x -> { }, () -> { });
                ids.add(0, j.id);
                await(jobs, j);
                Thread.sleep(5);
            }
            List<Jobs.Job> recent = jobs.recent(2);
            assertEquals(ids.subList(0, 2), recent.stream().map(j -> j.id).toList());
            assertEquals(Jobs.State.完成, recent.get(0).state());
        }
        assertEquals(ids.subList(0, 2), store.recent(2).stream().map(j -> j.id).toList());
    }

    @Test
    void jobsLeftQueuedOrRunningByAStoppedServerAreMarkedFailedWithTheReason() throws Exception {
        JobStore store = new JobStore(db);
        LocalDateTime t = LocalDateTime.now().minusMinutes(5);
        String queued = insert(Jobs.Kind.考核, "排队", t, null);
        String running = insert(Jobs.Kind.考核, "进行中", t, t.plusSeconds(1));
        String done = insert(Jobs.Kind.导入, "完成", t, t.plusSeconds(1));
        // 开始之后生效的导入记录：这次导入可能在提交之后、记下结果之前被打断
        String landed = insert(Jobs.Kind.导入, "进行中", t, t.plusSeconds(2));
        try (Connection c = Engine.connect(url); PreparedStatement ps = c.prepareStatement("insert into import_batch (id, file_name, "
                + "file_sha256, kind, imported_at, rows_read, rows_added, state) values (?, ?, ?, ?, ?, ?, ?, 'done')")) {
            ps.setLong(1, 990_001);
            ps.setString(2, "网页上传/派单.csv");
            ps.setString(3, "0".repeat(64));
            ps.setString(4, "派单记录");
            ps.setTimestamp(5, Timestamp.valueOf(t.plusSeconds(30)));
            ps.setInt(6, 10);
            ps.setInt(7, 10);
            ps.executeUpdate();
        }
        try (Jobs jobs = new Jobs(audit, store)) {
            jobs.failInterrupted();
        }
        for (String id : List.of(queued, running)) {
            Jobs.Job j = store.load(id).orElseThrow();
            assertEquals(Jobs.State.失败, j.state(), id);
            assertEquals(JobStore.INTERRUPTED, j.failure());
        }
        Jobs.Job l = store.load(landed).orElseThrow();
        assertEquals(Jobs.State.失败, l.state());
        assertTrue(l.failure().contains("1 条新的导入记录") && l.failure().contains("可能在停止前已经完成"), l.failure());
        assertEquals(Jobs.State.完成, store.load(done).orElseThrow().state(), "已结束的任务不变");
        assertTrue(audit.recent(0, 20, "经办乙").stream().filter(e -> e.action().endsWith("失败")).count() >= 3,
                "改为失败的任务各写一条操作记录");
        // 再启动一次：没有要改的了
        assertTrue(store.failInterrupted().isEmpty());
    }

    private static String insert(Jobs.Kind kind, String state, LocalDateTime created, LocalDateTime started) {
        String id = java.util.UUID.randomUUID().toString().replace("-", "");
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into web_job (id, kind, title, owner, remote, created_at, started_at, "
                    + "state, phase, done_count, total_count, summary, rules, failure, problem_count) "
                    + "values (?, ?, ?, '经办乙', '127.0.0.1', ?, ?, ?, '开始', 0, 0, '', '', '', 0)")) {
                ps.setString(1, id);
                ps.setString(2, kind.name());
                ps.setString(3, kind + "（上一个进程）");
                ps.setTimestamp(4, Timestamp.valueOf(created));
                ps.setTimestamp(5, started == null ? null : Timestamp.valueOf(started));
                ps.setString(6, state);
                return ps.executeUpdate();
            }
        });
        return id;
    }
}
