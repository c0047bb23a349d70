package cn.gov.assess.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * 合成一个季度的派单记录（固定种子，结果可重复）：N 次转办、M 个单位，约 5% 的工单派给两个单位，
 * 约 4% 逾期办结、0.3% 逾期未办、0.5% 截止时在办，其余按期办结。可打乱行序以验证结果与输入顺序无关。
 */
public final class SyntheticQuarter {
    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] CHANNELS = {"12345市民热线", "市长信箱", "县长信箱"};

    private SyntheticQuarter() {
    }

    /** 写出 units.csv 与 派单.csv，返回实际写出的转办数。 */
    public static long write(Path dir, long assignments, int units, long seed, boolean shuffled) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("units.csv"), StandardCharsets.UTF_8)) {
            w.write("单位名称,类型,排序,别名\n");
            for (int u = 0; u < units; u++) {
                String kind = u < units / 12 ? "镇" : u % 50 == 49 ? "其他" : "部门";
                w.write(unitName(u) + "," + kind + "," + (u + 1) + ",\n");
            }
        }
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
        long secondsInQuarter = 89L * 24 * 3600;
        long written = 0;
        long order = 0;
        // 打乱：按块生成后块内交错写出；与行序无关的结果应完全相同
        StringBuilder[] buckets = shuffled ? new StringBuilder[7] : null;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("派单.csv"), StandardCharsets.UTF_8)) {
            w.write("渠道,工单编号,受理时间,办理单位,办理时限,办结时间,诉求人,联系电话\n");
            while (written < assignments) {
                order++;
                double c = rnd.nextDouble();
                String channel = c < 0.9 ? CHANNELS[0] : c < 0.95 ? CHANNELS[1] : CHANNELS[2];
                LocalDateTime received = start.plusSeconds(rnd.nextLong(secondsInQuarter));
                LocalDateTime deadline = received.plusDays(channel.equals(CHANNELS[0]) ? 5 : 15).withHour(18).withMinute(0).withSecond(0);
                int handlers = written + 1 < assignments && rnd.nextDouble() < 0.05 ? 2 : 1;
                int first = pickUnit(rnd, units);
                for (int h = 0; h < handlers; h++) {
                    int unit = h == 0 ? first : (first + 1 + rnd.nextInt(units - 1)) % units;
                    double s = rnd.nextDouble();
                    LocalDateTime cutoff = LocalDateTime.of(2026, 3, 31, 23, 59, 59);
                    String completed;
                    if (s < 0.003 && deadline.isBefore(cutoff)) {
                        completed = "";
                    } else if (s < 0.043) {
                        LocalDateTime t = deadline.plusDays(1 + rnd.nextInt(10)).withHour(10);
                        completed = t.isAfter(cutoff) ? "" : t.format(F);
                    } else {
                        LocalDateTime t = received.plusMinutes(30 + rnd.nextLong(Math.max(1, java.time.Duration.between(received, deadline).toMinutes() - 30)));
                        completed = t.isAfter(cutoff) || rnd.nextDouble() < 0.005 && deadline.isAfter(cutoff) ? "" : t.format(F);
                    }
                    String line = channel + "," + String.format("S%09d", order) + "," + received.format(F) + "," + unitName(unit) + ","
                            + deadline.format(F) + "," + completed + ",张某,1380000" + String.format("%04d", order % 10000) + "\n";
                    if (shuffled) {
                        int b = (int) (order % buckets.length);
                        if (buckets[b] == null) {
                            buckets[b] = new StringBuilder();
                        }
                        buckets[b].append(line);
                        if (buckets[b].length() > 1 << 20) {
                            w.write(buckets[b].toString());
                            buckets[b].setLength(0);
                        }
                    } else {
                        w.write(line);
                    }
                    written++;
                }
            }
            if (shuffled) {
                for (int b = buckets.length - 1; b >= 0; b--) {
                    if (buckets[b] != null) {
                        w.write(buckets[b].toString());
                    }
                }
            }
        }
        return written;
    }

    /** 单位规模不均：少数单位承担大部分工单（近似现实中的头部部门）。 */
    private static int pickUnit(SplittableRandom rnd, int units) {
        double x = rnd.nextDouble();
        return (int) Math.min(units - 1, Math.floor(units * x * x));
    }

    static String unitName(int u) {
        return String.format("单位%05d", u);
    }
}
