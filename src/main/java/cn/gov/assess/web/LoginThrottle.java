package cn.gov.assess.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 登录限流：同一账号名连续输错 5 次，或同一来源地址 15 分钟内输错 20 次，之后 15 分钟内不再核对密码（即使密码对也拒绝）。
 * 登录成功清零该账号名的计数。
 */
public final class LoginThrottle {
    static final int MAX_PER_NAME = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Count(int failures, long since) {
    }

    private final Map<String, Count> byName = new ConcurrentHashMap<>();
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();

    boolean blocked(String name, String address) {
        return over(byName, key(name), MAX_PER_NAME) || over(byAddress, address, MAX_PER_ADDRESS);
    }

    void failed(String name, String address) {
        bump(byName, key(name));
        bump(byAddress, address);
    }

    void succeeded(String name) {
        byName.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean over(Map<String, Count> m, String k, int max) {
        Count c = m.get(k);
        if (c == null) {
            return false;
        }
        if (System.currentTimeMillis() - c.since > WINDOW.toMillis()) {
            m.remove(k);
            return false;
        }
        return c.failures >= max;
    }

    private static void bump(Map<String, Count> m, String k) {
        long now = System.currentTimeMillis();
        m.compute(k, (key, c) -> c == null || now - c.since > WINDOW.toMillis() ? new Count(1, now) : new Count(c.failures + 1, c.since));
    }
}
