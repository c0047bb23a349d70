package cn.gov.assess.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * 登录限流（OWASP 身份验证指南）：挡住猜密码，又不把别人关在门外。
 * <ul>
 * <li>同一地址对同一账号：前 {@value #FREE_PER_PAIR} 次输错不限，之后每输错一次要等的时间翻倍（1、2、4……分钟，最多 30 分钟）；</li>
 * <li>同一账号（不论从哪里）：前 {@value #FREE_PER_ACCOUNT} 次不限，之后同样翻倍（最多 15 分钟）；</li>
 * <li>同一地址（不论哪个账号，防“喷洒”）：15 分钟内输错超过 {@value #FREE_PER_ADDRESS} 次后，这个地址每次登录都要多等几秒、
 *     同时只处理一次，但照常核对密码——办公室同一个出口地址后面其他人的正确密码仍能登录。</li>
 * </ul>
 * 登录成功清掉该账号与该地址对该账号的记录；管理员解除限制（网页或 {@code user unlock}）清掉该账号的全部记录。
 * 1 小时没有再输错的记录被忘掉。计数只在内存里：重启服务即清零。
 */
public final class LoginThrottle {
    static final int FREE_PER_PAIR = 5;
    static final int FREE_PER_ACCOUNT = 10;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_PAIR_DELAY = Duration.ofMinutes(30);
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(1);
    /** 喷洒的地址每次登录多等的时间：超出的次数 × 250 毫秒，最多 5 秒。 */
    static final long SPRAY_STEP_MS = 250;
    static final long SPRAY_MAX_MS = 5000;
    private static final int MAX_ENTRIES = 100_000;

    /** 一组输错：次数、第一次与最近一次的时间、在此之前不再核对密码。 */
    private record Count(int failures, long first, long last, long until) {
    }

    private final Map<String, Count> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Count> byPair = new ConcurrentHashMap<>();
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private final Set<String> spraying = ConcurrentHashMap.newKeySet();
    final LongSupplier clock;

    LoginThrottle() {
        this(System::currentTimeMillis);
    }

    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * 在这之前（毫秒）这个账号不再从这个地址核对密码；0 表示现在就可以。unlockedAt：管理员最近一次解除限制的时间，
     * 它之前的输错一律忘掉。
     */
    long blockedUntil(String name, String address, long unlockedAt) {
        String k = Accounts.key(name);
        Count a = byAccount.get(k);
        if (a != null && a.last <= unlockedAt) {
            unlock(name);
        }
        long now = clock.getAsLong();
        long until = Math.max(until(byAccount, k, now), until(byPair, pair(address, k), now));
        return until > now ? until : 0;
    }

    /** 这个地址正在喷洒时要多等的毫秒数；0 表示不用等。 */
    long sprayDelay(String address) {
        Count c = live(byAddress, address, clock.getAsLong(), ADDRESS_WINDOW);
        int over = c == null ? -1 : c.failures - FREE_PER_ADDRESS;
        return over < 0 ? 0 : Math.min(SPRAY_MAX_MS, (over + 1) * SPRAY_STEP_MS);
    }

    /** 喷洒的地址同时只处理一次登录：拿到返回 true，用完调用 {@link #release}。 */
    boolean acquire(String address) {
        return spraying.add(address);
    }

    void release(String address) {
        spraying.remove(address);
    }

    void failed(String name, String address) {
        long now = clock.getAsLong();
        String k = Accounts.key(name);
        prune(now);
        bump(byAccount, k, now, FREE_PER_ACCOUNT, MAX_ACCOUNT_DELAY, FORGET);
        bump(byPair, pair(address, k), now, FREE_PER_PAIR, MAX_PAIR_DELAY, FORGET);
        bump(byAddress, address, now, Integer.MAX_VALUE, Duration.ZERO, ADDRESS_WINDOW);
    }

    void succeeded(String name, String address) {
        String k = Accounts.key(name);
        byAccount.remove(k);
        byPair.remove(pair(address, k));
    }

    /** 管理员解除限制：忘掉这个账号（从任何地址）的全部输错。 */
    void unlock(String name) {
        String k = Accounts.key(name);
        byAccount.remove(k);
        byPair.keySet().removeIf(p -> p.endsWith("\n" + k));
    }

    /** 这个账号现在是否被限制（账号页显示“已限制到 HH:mm”）：只看账号本身的计数。 */
    long accountBlockedUntil(String name) {
        long now = clock.getAsLong();
        long until = until(byAccount, Accounts.key(name), now);
        return until > now ? until : 0;
    }

    /** “请于 HH:mm 后再试”里的时刻：向上取整到分钟，说的时刻一定已经放开。 */
    static String clockTime(long millis) {
        LocalTime t = Instant.ofEpochMilli(millis + 59_999).atZone(ZoneId.systemDefault()).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return t.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String pair(String address, String key) {
        return address + "\n" + key;
    }

    private static long until(Map<String, Count> m, String k, long now) {
        Count c = live(m, k, now, FORGET);
        return c == null ? 0 : c.until;
    }

    private static Count live(Map<String, Count> m, String k, long now, Duration keep) {
        Count c = m.get(k);
        if (c != null && now - c.last > keep.toMillis() && now >= c.until) {
            m.remove(k, c);
            return null;
        }
        return c;
    }

    private static void bump(Map<String, Count> m, String k, long now, int free, Duration max, Duration keep) {
        m.compute(k, (key, c) -> {
            boolean fresh = c == null || (now - c.last > keep.toMillis() && now >= c.until);
            int n = fresh ? 1 : c.failures + 1;
            long until = 0;
            if (n > free - 1 && free != Integer.MAX_VALUE) {
                // 第 free 次输错之后开始要等：1 分钟，之后每次翻倍
                long delay = FIRST_DELAY.toMillis() << Math.min(20, n - free);
                until = now + Math.min(max.toMillis(), delay);
            }
            return new Count(n, fresh ? now : c.first, now, until);
        });
    }

    /** 内存有界：记录太多时先删掉过期的，仍太多就删掉最早的一半。 */
    private void prune(long now) {
        for (Map<String, Count> m : java.util.List.of(byAccount, byPair, byAddress)) {
            if (m.size() > MAX_ENTRIES) {
                m.entrySet().removeIf(e -> now - e.getValue().last > ADDRESS_WINDOW.toMillis() && now >= e.getValue().until);
            }
            if (m.size() > MAX_ENTRIES) {
                long median = m.values().stream().mapToLong(Count::last).sorted().skip(m.size() / 2).findFirst().orElse(now);
                m.entrySet().removeIf(e -> e.getValue().last < median);
            }
        }
    }
}
