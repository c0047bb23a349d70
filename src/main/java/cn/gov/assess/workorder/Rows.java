package cn.gov.assess.workorder;

import cn.gov.assess.io.Problem;

import cn.gov.assess.unit.UnitDirectory;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** 一批行：行号与原始值由读取线程（或解析块的校验线程）填，其余由校验线程填。 */
final class Rows {
    int n;
    final int[] line;
    /** 原始值，每行 DispatchCheck.WANTED.length 个，按行接续存放（不为每行建一个数组）。 */
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
        raw = new String[size * DispatchCheck.WANTED.length];
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

    static void offer(BlockingQueue<Future<Rows>> q, Future<Rows> f, AtomicBoolean stop) {
        try {
            while (!stop.get() && !q.offer(f, 100, TimeUnit.MILLISECONDS)) {
                // 等本线程取走
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Future<Rows> take(BlockingQueue<Future<Rows>> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入被中断", e);
        }
    }

    /** 取回一批的校验结果；读取或校验时的异常（如文件编码、CSV 格式错误）原样抛出。 */
    static Rows result(Future<Rows> f) {
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
}
