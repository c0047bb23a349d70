package cn.gov.assess.workorder;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 导入时“这个键见过没有”的紧凑索引：键是字符串的 128 位 MurmurHash3 摘要（千万个键中两个不同键摘要相同的概率约为
 * 10⁻²⁵，可以忽略），每个键按先来后到编号 0、1、2……，调用方用编号在自己的数组里存值。
 * 每个键约占 24 字节（两个 long 加装载率一半的 int 表），不保存字符串本身：按此估算 1000 万个工单编号约 240 MB。
 */
final class KeyIndex {
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int[] table = new int[2048]; // 存“编号 + 1”，0 表示空位；装载率不超过 1/2
    private int size;

    /** 键的编号；没有时返回 -1。 */
    int find(String key) {
        long[] h = MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
        return find(h[0], h[1]);
    }

    /** 加入键，返回它的编号；已有时返回 -(编号 + 1)。 */
    int add(String key) {
        long[] h = MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
        int found = find(h[0], h[1]);
        if (found >= 0) {
            return -(found + 1);
        }
        if (size == hi.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
        }
        hi[size] = h[0];
        lo[size] = h[1];
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        place(size);
        return size++;
    }

    int size() { return size; }

    private int find(long a, long b) {
        int mask = table.length - 1;
        for (int i = (int) (a ^ (a >>> 32)) & mask; ; i = (i + 1) & mask) {
            int e = table[i];
            if (e == 0) {
                return -1;
            }
            if (hi[e - 1] == a && lo[e - 1] == b) {
                return e - 1;
            }
        }
    }

    private void place(int entry) {
        int mask = table.length - 1;
        long a = hi[entry];
        int i = (int) (a ^ (a >>> 32)) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = entry + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int e = 0; e < size; e++) {
            place(e);
        }
    }
}
