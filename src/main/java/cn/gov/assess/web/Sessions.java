package cn.gov.assess.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 会话：服务器内存中，以 256 位随机数为编号，放在 HttpOnly、SameSite=Strict 的 Cookie 里。每个会话有自己的 CSRF 校验码。
 * 登录成功时换一个新会话（编号与校验码都换），登录前的编号作废。空闲 30 分钟过期；重启服务后需重新登录。
 */
public final class Sessions {
    public static final String COOKIE = "ASSESS_SESSION";
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 一个会话。account 为空表示尚未登录。 */
    public static final class Session {
        final String id;
        final String csrf;
        final Accounts.Account account;
        volatile long lastSeen = System.currentTimeMillis();

        Session(String id, String csrf, Accounts.Account account) {
            this.id = id;
            this.csrf = csrf;
            this.account = account;
        }

        public String csrf() { return csrf; }

        public Accounts.Account account() { return account; }

        public boolean loggedIn() { return account != null; }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** 会话编号对应的会话；过期的删掉并返回 null。 */
    Session get(String id) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        if (now - s.lastSeen > IDLE.toMillis()) {
            sessions.remove(id);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    Session create(Accounts.Account account) {
        if (sessions.size() > 10_000) {
            long now = System.currentTimeMillis();
            sessions.values().removeIf(s -> now - s.lastSeen > IDLE.toMillis());
        }
        Session s = new Session(token(), token(), account);
        sessions.put(s.id, s);
        return s;
    }

    void remove(Session s) {
        if (s != null) {
            sessions.remove(s.id);
        }
    }

    /** 账号被停用时让它的全部会话失效。 */
    void removeAccount(long accountId) {
        sessions.values().removeIf(s -> s.account != null && s.account.id() == accountId);
    }

    /** 会话 Cookie：HttpOnly（脚本读不到）、SameSite=Strict（别的网站发起的请求不带它）；经 HTTPS 访问时再加 Secure。 */
    static String cookieHeader(Session s, boolean https) {
        return COOKIE + "=" + s.id + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
