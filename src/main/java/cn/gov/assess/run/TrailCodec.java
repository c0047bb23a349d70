package cn.gov.assess.run;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * 审计记录的一块：若干条转办的分类结果（规则名、当时的时限与办结时间、逾期天数），压缩成一个字节串存入 run_trail。
 * 格式：版本号 1，条数，然后逐条：转办编号、渠道、工单编号、单位编号、受理、时限、办结（UTC 秒，未办结为 Long.MIN_VALUE）、
 * 状态名、逾期天数、规则名；整体用 Deflate 压缩（1000 万条的运行实测每条约 20.5 字节）。
 * 版本 2（issue 24）在每条末尾加核减的说明（没有核减为空串）；版本 1 的旧块照样读，核减读作空串。
 */
public final class TrailCodec {
    private static final int VERSION = 2;
    private static final long NONE = Long.MIN_VALUE;

    /** 解开后的一条。 */
    public record Row(long assignmentId, String channel, String orderNo, long unitId, LocalDateTime receivedAt,
                      LocalDateTime deadline, LocalDateTime completedAt, AssignmentStatus status, int daysLate,
                      String ruleName, String excluded) {
        /** 这次转办是否经申诉核减（不计入考核）。 */
        public boolean isExcluded() { return excluded != null && !excluded.isEmpty(); }
    }

    private TrailCodec() {
    }

    public static byte[] encode(List<AssignmentFact> facts) {
        Block block = new Block(facts.size() * 64 + 64);
        facts.forEach(block::add);
        return block.payload();
    }

    /**
     * 正在攒的一块：逐条追加（未压缩），{@link #payload()} 时整块压缩成与 {@link #encode} 相同的格式。
     * 保存运行时按单位分组写审计记录用它：每组一块，攒够了就压缩写出，再 {@link #reset()} 接着攒。
     */
    public static final class Block {
        private final ByteArrayOutputStream raw;
        private final DataOutputStream out;
        private int count;
        private long[] units = new long[64];
        private int unitCount;

        public Block(int initialBytes) {
            raw = new ByteArrayOutputStream(initialBytes);
            out = new DataOutputStream(raw);
        }

        public void add(AssignmentFact a) {
            try {
                out.writeLong(a.getId());
                out.writeUTF(a.getChannel());
                out.writeUTF(a.getOrderNo());
                out.writeLong(a.getUnitId());
                out.writeLong(seconds(a.getReceivedAt()));
                out.writeLong(seconds(a.getDeadline()));
                out.writeLong(seconds(a.getCompletedAt()));
                out.writeUTF(a.getStatus() == null ? "" : a.getStatus().name());
                out.writeInt(a.getDaysLate());
                out.writeUTF(a.getClassifiedBy() == null ? "" : a.getClassifiedBy());
                out.writeUTF(a.getExcluded() == null ? "" : cut(a.getExcluded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            long unit = a.getUnitId();
            if (unitCount == 0 || units[unitCount - 1] != unit) {
                if (unitCount == units.length) {
                    units = java.util.Arrays.copyOf(units, unitCount * 2);
                }
                units[unitCount++] = unit;
            }
        }

        public int size() {
            return count;
        }

        /** 压缩后的整块（版本号、条数、各条）。 */
        public byte[] payload() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.size() / 3 + 64);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DataOutputStream z = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
                z.writeByte(VERSION);
                z.writeInt(count);
                raw.writeTo(z);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deflater.end();
            }
            return bytes.toByteArray();
        }

        /** 这块里的单位编号，格式同 {@link TrailCodec#unitIds}。 */
        public String unitIds() {
            long[] ids = java.util.Arrays.stream(units, 0, unitCount).distinct().sorted().toArray();
            return join(ids);
        }

        public void reset() {
            raw.reset();
            count = 0;
            unitCount = 0;
        }
    }

    public static void decode(byte[] payload, Consumer<Row> sink) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(payload), new java.util.zip.Inflater(), 1 << 16))) {
            int version = in.readByte();
            if (version != 1 && version != VERSION) {
                throw new IllegalStateException("审计记录格式版本 " + version + " 无法识别");
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                String channel = in.readUTF();
                String orderNo = in.readUTF();
                long unit = in.readLong();
                LocalDateTime received = time(in.readLong());
                LocalDateTime deadline = time(in.readLong());
                LocalDateTime completed = time(in.readLong());
                String status = in.readUTF();
                int days = in.readInt();
                String rule = in.readUTF();
                String excluded = version >= 2 ? in.readUTF() : "";
                sink.accept(new Row(id, channel, orderNo, unit, received, deadline, completed,
                        status.isEmpty() ? null : AssignmentStatus.valueOf(status), days, rule, excluded));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 一块里的单位编号：升序、去重、36 进制、逗号分隔，存入 run_trail.unit_ids。 */
    public static String unitIds(List<AssignmentFact> facts) {
        return join(facts.stream().mapToLong(AssignmentFact::getUnitId).distinct().sorted().toArray());
    }

    private static String join(long[] ids) {
        StringBuilder sb = new StringBuilder(ids.length * 4);
        for (long id : ids) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(Long.toString(id, 36));
        }
        return sb.toString();
    }

    /** {@link #unitIds} 的结果里有没有这个单位（二分查找）。 */
    public static boolean containsUnit(String unitIds, long unitId) {
        if (unitIds.isEmpty()) {
            return false;
        }
        String[] parts = unitIds.split(",");
        int lo = 0;
        int hi = parts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = Long.parseLong(parts[mid], 36);
            if (v == unitId) {
                return true;
            }
            if (v < unitId) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** writeUTF 最多 65535 字节：说明很长时截短（说明来自申诉，通常一句话）。 */
    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static long seconds(LocalDateTime t) {
        return t == null ? NONE : t.toEpochSecond(ZoneOffset.UTC);
    }

    private static LocalDateTime time(long s) {
        return s == NONE ? null : LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
    }
}
