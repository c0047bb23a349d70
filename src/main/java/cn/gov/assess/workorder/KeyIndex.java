package cn.gov.assess.workorder;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 导入时“这个键见过没有”的紧凑索引。键是两个 long：
 * <ul>
 *   <li>字符串键（渠道 + 工单编号）用 {@link #digest} 取 128 位 MurmurHash3 摘要（千万个键中两个不同键摘要相同的概率约为
 *       10⁻²⁵，可以忽略），摘要可在校验线程里并行算好；</li>
 *   <li>转办键是精确的：（工单的编号 + 1，单位）两个整数，lo 为 0。</li>
 * </ul>
 * 每个键按先来后到编号 0、1、2……，调用方用编号在自己的数组里存值。开放寻址表的槽里直接存键的高 64 位，查找一个新键
 * 通常只碰一次内存（此前槽里只存编号，每探一次要再去另一个数组比较，导入时这里是读取线程最热的地方）。
 * 每个键约 40 字节（槽表装载率 1/4–1/2），不保存字符串本身。
 */
final class KeyIndex {
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private long[] slotHi = new long[2048]; // 0 表示空位（键的高位为 0 时记作 1）
    private int[] slotEntry = new int[2048];
    private int size;

    /** 字符串的 128 位摘要。 */
    static long[] digest(String key) {
        return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
    }

    /** 以 seed 区分的字符串摘要（如同一工单编号在不同渠道里是不同的键）。 */
    static long[] digest(String key, int seed) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(b, 0, b.length, seed);
    }

    /** 键的编号；没有时返回 -1。 */
    int find(String key) {
        long[] h = digest(key);
        return find(h[0], h[1]);
    }

    /** 加入键，返回它的编号；已有时返回 -(编号 + 1)。 */
    int add(String key) {
        long[] h = digest(key);
        return add(h[0], h[1]);
    }

    /** 加入键 (a, b)，返回它的编号；已有时返回 -(编号 + 1)。 */
    int add(long a, long b) {
        if (a == 0) {
            a = 1;
        }
        int mask = slotHi.length - 1;
        int i = slot(a, mask);
        for (long s = slotHi[i]; s != 0; s = slotHi[i]) {
            if (s == a && lo[slotEntry[i]] == b) {
                return -(slotEntry[i] + 1);
            }
            i = (i + 1) & mask;
        }
        if (size == hi.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
        }
        hi[size] = a;
        lo[size] = b;
        slotHi[i] = a;
        slotEntry[i] = size;
        size++;
        if (size * 2 > slotHi.length) {
            rehash(slotHi.length * 2);
        }
        return size - 1;
    }

    /** 键 (a, b) 的编号；没有时返回 -1。 */
    int find(long a, long b) {
        if (a == 0) {
            a = 1;
        }
        int mask = slotHi.length - 1;
        for (int i = slot(a, mask); slotHi[i] != 0; i = (i + 1) & mask) {
            if (slotHi[i] == a && lo[slotEntry[i]] == b) {
                return slotEntry[i];
            }
        }
        return -1;
    }

    int size() { return size; }

    /** 槽位：高位再混一次（转办键是两个小整数，不混会挤在一起）。 */
    private static int slot(long a, int mask) {
        long h = a;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void rehash(int capacity) {
        slotHi = new long[capacity];
        slotEntry = new int[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int i = slot(hi[e], mask);
            while (slotHi[i] != 0) {
                i = (i + 1) & mask;
            }
            slotHi[i] = hi[e];
            slotEntry[i] = e;
        }
    }
}
