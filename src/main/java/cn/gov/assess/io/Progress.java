package cn.gov.assess.io;

import java.io.PrintStream;

/**
 * 进度：行数、速率、预计剩余时间。两种去处：终端（写在同一行；输出不是终端时——重定向、CI——什么也不写），
 * 或一个 {@link Sink}（网页的后台任务，页面按需读取）。
 */
public final class Progress {
    /** 终端以外的接收者：进入一个阶段（总量未知时为 0），处理了 n 行。由工作线程调用，实现须线程安全且很快。 */
    public interface Sink {
        void phase(String label, long total);

        void advance(long n);
    }

    private final String what;
    private final long total;
    private final PrintStream out;
    private final Sink sink;
    private final long started = System.nanoTime();
    private long done;
    private long lastPrint;

    private Progress(String what, long total, PrintStream out, Sink sink) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.sink = sink;
    }

    /** 只有标准错误是终端、且总量达到门槛时才显示。 */
    public static Progress onTerminal(String what, long total, long threshold) {
        boolean terminal = System.console() != null && !"true".equals(System.getenv("CI"));
        return terminal && total >= threshold ? new Progress(what, total, System.err, null) : null;
    }

    /** 把进度交给 sink（无论多少行）；开始即报告阶段 what。sink 为 null 时返回 null。 */
    public static Progress to(Sink sink, String what, long total) {
        if (sink == null) {
            return null;
        }
        sink.phase(what, total);
        return new Progress(what, total, null, sink);
    }

    public synchronized void advance(long n) {
        done += n;
        if (sink != null) {
            sink.advance(n);
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 500_000_000L && done < total) {
            return;
        }
        lastPrint = now;
        double secs = (now - started) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf("\r%s：%,d / %,d 行，%,.0f 行/秒，剩余约 %d 秒   ", what, done, total, rate, left);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    public void finish() {
        if (done < total) {
            advance(total - done);
        }
    }
}
