package cn.gov.assess.web;

import cn.gov.assess.io.Problem;

import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Progress;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 网页的后台任务（导入、考核）。全部任务在一个线程上依次执行：同一个库上的导入与考核从不交错写入，后来的排队。
 * 任务记在表 web_job 里（{@link JobStore}：提交时写一行，开始与结束时更新），服务重启后任务页照样打开；进行中的进度只在
 * 内存里（最近 {@link #KEEP} 个任务）。开始与结束也写入操作记录。服务中途停止时正在做的导入或考核按其本身的全有或全无
 * 处理（未生效的暂存行在下次打开库时清除），不会留下半截数据；下次启动时这些任务标为失败并说明（{@link #failInterrupted}）。
 */
final class Jobs implements AutoCloseable {
    static final int KEEP = 200;

    /** 预览（规则草稿与现行规则各考核一次，都不保存）也在这条队列里，但不写任务表：结果只在内存里，见 {@link #submitOnce}。 */
    enum Kind { 导入, 考核, 预览, 全辖区考核 }

    enum State { 排队, 进行中, 完成, 失败 }

    /** 一处错误在页面表格里的一行：文件、行、列、值、说明，取自 {@link cn.gov.assess.io.Problem} 的字段（不知道的为空）。 */
    record Problem(String file, String line, String column, String value, String message) {
        static Problem of(cn.gov.assess.io.Problem p) {
            String column = p.columnName() == null ? ""
                    : p.columnName() + "（" + (p.column() == null ? "" : excel(p.file())
                    ? cn.gov.assess.io.RowSource.columnLetters(p.column() - 1) + " 列" : "第 " + p.column() + " 列") + "）";
            return new Problem(p.file() == null ? "" : p.file(), p.row() == null ? "" : String.valueOf(p.row()), column,
                    p.value() == null ? "" : p.value(), p.text());
        }

        /** Excel 的列按列字母称呼（F 列），CSV 按列号（第 3 列），与错误句子里的写法相同。 */
        private static boolean excel(String file) {
            String n = file == null ? "" : file.toLowerCase(java.util.Locale.ROOT);
            return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
        }
    }

    /** 一个任务。进度由工作线程经 {@link Progress.Sink} 写入，页面随时读取。 */
    static final class Job implements Progress.Sink {
        final String id;
        final Kind kind;
        final String owner;
        final String title;
        final LocalDateTime created;
        private final String remote;
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private volatile String phase = "排队，等前面的任务完成";
        private volatile State state = State.排队;
        private volatile LocalDateTime started;
        private volatile LocalDateTime finished;
        private volatile long startedNanos;
        private volatile long finishedNanos;
        /** 结果：已完成时的说明行（导入了哪些文件、几行；新运行的编号与数字）。 */
        private volatile List<Map<String, Object>> files = List.of();
        private volatile Long runId;
        private volatile String summary = "";
        /** 完成后接着去看的页面（如更正后重新考核：两次运行的比较）与链接文字。 */
        private volatile String next;
        private volatile String nextLabel;
        /** 用了哪一份规则（目录与指纹）。 */
        private volatile String rules = "";
        private volatile List<Problem> problems = List.of();
        private volatile String failure = "";
        /** 错误的总处数（从表里读回的任务只存了前 {@link JobStore#PROBLEMS} 处）。 */
        private volatile int problemCount;
        /** 从表里读回的任务：用时（秒），没有时为负。 */
        private volatile double storedSeconds = -1;
        /** 预览的结果（只在内存里）。 */
        private volatile Object result;

        Job(String id, Kind kind, String owner, String title, String remote) {
            this(id, kind, owner, title, remote, LocalDateTime.now());
        }

        private Job(String id, Kind kind, String owner, String title, String remote, LocalDateTime created) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.title = title;
            this.remote = remote;
            this.created = created;
        }

        /** 从表 web_job 读回的任务（{@link JobStore}）：上一个进程的，或已不在内存里的。 */
        static Job restored(String id, Kind kind, String owner, String title, String remote, LocalDateTime created,
                            LocalDateTime started, LocalDateTime finished, double seconds, State state, String phase, long done,
                            long total, String summary, Long runId, String next, String nextLabel, String rules,
                            List<Map<String, Object>> files, String failure, List<Problem> problems, int problemCount) {
            Job j = new Job(id, kind, owner, title, remote, created);
            j.started = started;
            j.finished = finished;
            j.storedSeconds = finished == null ? -1 : seconds;
            j.state = state;
            j.phase = phase;
            j.done.set(done);
            j.total = total;
            j.summary = summary == null ? "" : summary;
            j.runId = runId;
            j.next = next;
            j.nextLabel = nextLabel;
            j.rules = rules == null ? "" : rules;
            j.files = List.copyOf(files);
            j.failure = failure == null ? "" : failure;
            j.problems = List.copyOf(problems);
            j.problemCount = Math.max(problemCount, problems.size());
            return j;
        }

        @Override
        public void phase(String label, long total) {
            this.phase = label;
            this.total = total;
            this.done.set(0);
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
        }

        void files(List<Map<String, Object>> files) { this.files = List.copyOf(files); }
        void run(Long runId, String summary) {
            this.runId = runId;
            this.summary = summary;
        }
        void rules(String rules) { this.rules = rules; }
        void result(Object result) { this.result = result; }
        Object result() { return result; }
        void next(String url, String label) {
            this.next = url;
            this.nextLabel = label;
        }
        String next() { return next; }
        String nextLabel() { return nextLabel; }

        State state() { return state; }
        boolean over() { return state == State.完成 || state == State.失败; }
        String phase() { return phase; }
        long done() { return done.get(); }
        long total() { return total; }
        Long runId() { return runId; }
        String summary() { return summary; }
        String rules() { return rules; }
        List<Map<String, Object>> files() { return files; }
        List<Problem> problems() { return problems; }
        int problemCount() { return Math.max(problemCount, problems.size()); }
        String remote() { return remote; }
        String failure() { return failure; }
        LocalDateTime started() { return started; }
        LocalDateTime finished() { return finished; }

        /** 百分比（0–100）；总量未知时为 -1。总量是估计（CSV 的换行数），未完成时最多显示 99。 */
        int percent() {
            if (state == State.完成) {
                return 100;
            }
            long t = total;
            return t <= 0 ? -1 : (int) Math.min(99, done.get() * 100 / t);
        }

        /** 已用秒数（未开始为 0）。 */
        double seconds() {
            if (storedSeconds >= 0) {
                return storedSeconds;
            }
            long s = startedNanos;
            if (s == 0) {
                return 0;
            }
            long e = finishedNanos != 0 ? finishedNanos : System.nanoTime();
            return (e - s) / 1e9;
        }
    }

    /** 任务要做的事；抛出 {@link InputException} 表示输入有误（逐条列出，什么也没改）。 */
    @FunctionalInterface
    interface Work {
        void run(Job job);
    }

    private final AuditLog audit;
    private final JobStore store;
    private volatile boolean closing;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assess-web-jobs");
        t.setDaemon(true);
        return t;
    });

    Jobs(AuditLog audit, JobStore store) {
        this.audit = audit;
        this.store = store;
    }

    /**
     * 服务启动时（接收请求之前）：上一个进程停止时还在排队或进行中的任务改为失败并说明，各写一条操作记录。
     * 一个库只由一个 assess serve 使用（后台任务的“不交错写入”也以此为前提）。万一另一个 assess serve 仍在用这个库
     * （H2 经 AUTO_SERVER），它的任务被误标为失败只是一时的：那个进程在任务开始与结束时照常写表，改回实际的状态。
     */
    void failInterrupted() {
        for (Job j : store.failInterrupted()) {
            audit.record(j.owner, j.kind + "失败", j.title + "：服务在任务" + (j.state() == State.排队 ? "排队" : "进行") + "中停止（任务 " + j.id + "）",
                    j.remote());
        }
    }

    /** 写表失败不影响任务本身（结果仍在内存里，操作记录照写）：只写服务器日志。 */
    private void save(Job job, boolean insert) {
        if (job.kind == Kind.预览) {
            return; // 预览不写库：结果只在内存里，表里的一行在服务重启后只会是打不开的链接
        }
        try {
            if (insert) {
                store.submitted(job);
            } else {
                store.update(job);
            }
        } catch (RuntimeException e) {
            System.err.println("后台任务 " + job.id + " 没能写入任务表：" + e);
        }
    }

    /**
     * 排队一个任务。cleanup 在任务结束（无论成败）后执行，用来删掉上传的临时文件。编号是 128 位随机数，
     * 猜不到；页面仍按角色检查（只有经办能看任务）。
     */
    Job submit(Kind kind, String owner, String remote, String title, Work work, Runnable cleanup) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        Job job = new Job(HexFormat.of().formatHex(b), kind, owner, title, remote);
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEEP) {
                jobs.values().stream().filter(Job::over).findFirst().ifPresent(old -> jobs.remove(old.id));
            }
        }
        save(job, true);
        audit.record(owner, "开始" + kind, title + "（任务 " + job.id + "）", remote);
        try {
            worker.execute(() -> execute(job, work, cleanup));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            job.failure = "服务正在停止，任务没有开始。";
            job.state = State.失败;
            save(job, false);
            cleanup.run();
        }
        return job;
    }

    private void execute(Job job, Work work, Runnable cleanup) {
        if (closing) {
            job.failure = "服务正在停止，任务没有开始。请在服务重新启动后再提交一次。";
            job.state = State.失败;
            save(job, false);
            cleanup.run();
            return;
        }
        job.started = LocalDateTime.now();
        job.startedNanos = System.nanoTime();
        job.state = State.进行中;
        job.phase("开始", 0);
        save(job, false);
        try {
            work.run(job);
            job.state = State.完成;
        } catch (InputException e) {
            job.problems = e.located().stream().map(Problem::of).toList();
            job.problemCount = job.problems.size();
            job.failure = "发现 " + e.problems().size() + " 处问题，" + (job.kind == Kind.导入 ? "没有导入任何一行，数据库没有改变。"
                    : "没有开始考核，已有的运行没有改变。");
            job.state = State.失败;
        } catch (RuntimeException | Error e) {
            System.err.println("后台任务 " + job.id + "（" + job.kind + "）出错：" + e);
            if (Boolean.getBoolean("assess.debug")) {
                e.printStackTrace();
            }
            job.failure = shown(e) + (job.kind == Kind.导入 ? "没有导入任何一行。" : "这次运行没有保存，已有的运行没有改变。");
            job.state = State.失败;
        } finally {
            job.finishedNanos = System.nanoTime();
            job.finished = LocalDateTime.now();
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                System.err.println("后台任务 " + job.id + " 清理临时文件失败：" + e.getMessage());
            }
            save(job, false);
            String outcome = job.state == State.完成 ? (job.runId != null ? "运行 #" + job.runId
                    : job.kind == Kind.预览 ? job.summary : "已导入 " + job.files.size() + " 个文件")
                    : job.problems.isEmpty() ? "失败" : "失败：" + job.problems.size() + " 处问题";
            audit.record(job.owner, job.kind + (job.state == State.完成 ? "完成" : "失败"),
                    job.title + "：" + outcome + String.format(java.util.Locale.ROOT, "，用时 %.1f 秒", job.seconds())
                            + "（任务 " + job.id + "）", job.remote);
        }
    }

    /**
     * 失败时给用户看的一句：按异常的类型，从不看消息文字。工作人员写的值有误、数据库打不开时照说原因；其余是程序内部错误，
     * 只说一句中文，详细原因（可能带 SQL 与数据）只写服务器日志。
     */
    private static String shown(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof cn.gov.assess.db.DatabaseUnavailableException) {
                e = t; // 例如“写入派单记录失败”包着的“另一个导入同时写入了相同的工单”
                break;
            }
        }
        if (e instanceof cn.gov.assess.facts.InvalidValueException || e instanceof cn.gov.assess.db.DatabaseAddressException
                || e instanceof cn.gov.assess.db.DatabaseUnavailableException) {
            String m = e.getMessage();
            return m.endsWith("。") ? m : m + "。";
        }
        return INTERNAL;
    }

    /** 预览任务按“谁、哪两份规则、哪一期”记下，见 {@link #submitOnce}。 */
    private final Map<String, Job> once = new LinkedHashMap<>();

    /**
     * 同一个 key 的任务还在排队或进行中时不另起一个，返回它（刷新页面、连点两下都回到同一个预览）；否则排队一个新的。
     */
    Job submitOnce(String key, Kind kind, String owner, String remote, String title, Work work) {
        synchronized (once) {
            once.values().removeIf(Job::over);
            Job running = once.get(key);
            if (running != null) {
                return running;
            }
            Job job = submit(kind, owner, remote, title, work, () -> { });
            if (!job.over()) {
                once.put(key, job);
            }
            return job;
        }
    }

    /** 程序内部错误时任务页上的说明。 */
    static final String INTERNAL = "服务器内部错误（详细原因已写入服务器日志）。";

    /** 本进程的任务从内存里取（进行中的有实时进度），其余从任务表里读；没有时为 null。 */
    Job get(String id) {
        synchronized (jobs) {
            Job live = jobs.get(id);
            if (live != null) {
                return live;
            }
        }
        if (!id.matches("[0-9a-f]{32}")) {
            return null;
        }
        return store.load(id).orElse(null);
    }

    /** 最近提交的任务（任务表里的，新的在前）；本进程还在内存里的用内存里的（状态最新）。 */
    List<Job> recent(int limit) {
        List<Job> out = new ArrayList<>();
        for (Job stored : store.recent(limit)) {
            Job live;
            synchronized (jobs) {
                live = jobs.get(stored.id);
            }
            out.add(live != null ? live : stored);
        }
        return out;
    }

    /**
     * 停止：排队的任务不再开始；正在做的任务让它做完（最多等 60 秒）。不中断工作线程：中断正在读写文件的线程会让
     * H2 关掉库文件的通道。等不到的（服务被强行停止）按导入与考核本身的全有或全无处理。
     */
    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
                System.err.println("服务停止时仍有后台任务在进行，未完成的导入或考核不会生效。");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
