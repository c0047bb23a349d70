package cn.gov.assess.io;

import java.io.PrintStream;

/**
 * 终端进度：行数、速率、预计剩余时间，写在同一行；输出不是终端时（重定向、CI）什么也不写。
 */
public final class Progress {
    private final String what;
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long done;
    private long lastPrint;

    private Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = total;
        this.out = out;
    }

    /** 只有标准错误是终端、且总量达到门槛时才显示。 */
    public static Progress onTerminal(String what, long total, long threshold) {
        boolean terminal = System.console() != null && !"true".equals(System.getenv("CI"));
        return terminal && total >= threshold ? new Progress(what, total, System.err) : null;
    }

    public synchronized void advance(long n) {
        done += n;
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
