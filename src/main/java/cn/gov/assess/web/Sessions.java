package cn.gov.assess.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * 会话：只为登录了的人在服务器内存里建会话，编号是 256 位随机数，放在 HttpOnly、SameSite=Strict 的 Cookie 里，各有自己的
 * CSRF 校验码。没登录的访问者（登录页）不占服务器内存：同一个 Cookie 里只放一个随机数，登录表单的校验码是服务器密钥对它的
 * HMAC（签名的双重提交），成千上万次匿名访问不留下任何会话。登录成功换新编号（防会话固定）。会话空闲
 * {@link #IDLE} 或从登录起满 {@link #ABSOLUTE} 过期；总数最多 {@link #MAX}、每个账号最多 {@link #MAX_PER_ACCOUNT} 个，
 * 超出时去掉最久没用的。重启服务后需重新登录。
 */
public final class Sessions {
    public static final String COOKIE = "ASSESS_SESSION";
    static final Duration IDLE = Duration.ofMinutes(30);
    /** 一个工作日：早上登录，下班前不用再登；第二天必须重新登录。 */
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final int MAX = 10_000;
    static final int MAX_PER_ACCOUNT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 一个会话。account 为空表示尚未登录（这样的会话不存在服务器上）。 */
    public static final class Session {
        final String id;
        final String csrf;
        final Accounts.Account account;
        final long created;
        volatile long lastSeen;
        /** 管理员重置过密码：改密码之前只能到改密码页。 */
        volatile boolean mustChange;
        /** 匿名访问者的 Cookie 是这次才发的，响应要带上 Set-Cookie。 */
        final boolean fresh;
        /** 市级账号正在查看的下级辖区（只读）；空 = 账号自己的辖区。 */
        volatile Long viewing;

        Session(String id, String csrf, Accounts.Account account, long now, boolean fresh) {
            this.id = id;
            this.csrf = csrf;
            this.account = account;
            this.created = now;
            this.lastSeen = now;
            this.mustChange = account != null && account.mustChange();
            this.fresh = fresh;
        }

        public String csrf() { return csrf; }

        public Accounts.Account account() { return account; }

        public boolean loggedIn() { return account != null; }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final LongSupplier clock;

    Sessions() {
        this(System::currentTimeMillis);
    }

    Sessions(LongSupplier clock) {
        this.clock = clock;
        RANDOM.nextBytes(key);
    }

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** 会话编号对应的登录会话；过期的删掉并返回 null。 */
    Session get(String id) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        long now = clock.getAsLong();
        if (expired(s, now)) {
            sessions.remove(id);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** 没登录的访问者：沿用 Cookie 里的随机数（格式不对或没有时发一个新的），不在服务器上存任何东西。 */
    Session anonymous(String cookie) {
        boolean usable = cookie != null && cookie.matches("[A-Za-z0-9_-]{32,64}");
        String id = usable ? cookie : token();
        return new Session(id, sign(id), null, clock.getAsLong(), !usable);
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("login-csrf:" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 登录成功：新建会话（新编号、新校验码）。 */
    Session create(Accounts.Account account) {
        long now = clock.getAsLong();
        if (sessions.size() >= MAX) {
            sessions.values().removeIf(s -> expired(s, now));
            dropOldest(s -> true, MAX - 1);
        }
        dropOldest(s -> s.account.id() == account.id(), MAX_PER_ACCOUNT - 1);
        Session s = new Session(token(), token(), account, now, false);
        sessions.put(s.id, s);
        return s;
    }

    /** 满足 which 的会话多于 keep 个时，去掉最久没用的那些。 */
    private void dropOldest(java.util.function.Predicate<Session> which, int keep) {
        java.util.List<Session> matching = sessions.values().stream().filter(which).sorted(Comparator.comparingLong(s -> s.lastSeen)).toList();
        for (int i = 0; i < matching.size() - keep; i++) {
            sessions.remove(matching.get(i).id);
        }
    }

    private static boolean expired(Session s, long now) {
        return now - s.lastSeen > IDLE.toMillis() || now - s.created > ABSOLUTE.toMillis();
    }

    /** 服务器上现有的会话数（只有登录了的）。 */
    int size() {
        return sessions.size();
    }

    void remove(Session s) {
        if (s != null) {
            sessions.remove(s.id);
        }
    }

    /** 账号被停用、密码被重置或角色改了时让它的全部会话失效。 */
    void removeAccount(long accountId) {
        sessions.values().removeIf(s -> s.account != null && s.account.id() == accountId);
    }

    /** 会话 Cookie：HttpOnly（脚本读不到）、SameSite=Strict（别的网站发起的请求不带它）；经 HTTPS 访问时再加 Secure。 */
    static String cookieHeader(Session s, boolean https) {
        return COOKIE + "=" + s.id + "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
