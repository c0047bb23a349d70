package cn.gov.assess.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 会话（假时钟）：匿名访问不存会话、登录表单校验码是签名；空闲与绝对期限；每个账号与总数的上限。 */
class SessionsTest {
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final Sessions sessions = new Sessions(now::get);

    static Accounts.Account account(long id) {
        return new Accounts.Account(id, "账号" + id, Role.查看, null, null, true, LocalDateTime.now(), false);
    }

    @Test
    void anonymousVisitorsLeaveNothingOnTheServer() {
        Sessions.Session a = sessions.anonymous(null);
        assertTrue(a.fresh);
        Sessions.Session again = sessions.anonymous(a.id);
        assertFalse(again.fresh);
        assertEquals(a.csrf, again.csrf, "同一个 Cookie 得到同一个校验码");
        assertTrue(again.csrfMatches(a.csrf));
        assertFalse(sessions.anonymous(Sessions.token()).csrfMatches(a.csrf), "别的 Cookie 的校验码不能用");
        assertTrue(sessions.anonymous("短").fresh, "格式不对的 Cookie 换一个新的");
        assertFalse(new Sessions(now::get).anonymous(a.id).csrfMatches(a.csrf), "别的服务器（别的密钥）签的不算");
        assertEquals(0, sessions.size());
    }

    @Test
    void idleAndAbsoluteLifetimes() {
        Sessions.Session s = sessions.create(account(1));
        now.addAndGet(Sessions.IDLE.toMillis() - 1000);
        assertNotNull(sessions.get(s.id));
        now.addAndGet(Sessions.IDLE.toMillis() + 1);
        assertNull(sessions.get(s.id), "空闲 30 分钟过期");
        Sessions.Session busy = sessions.create(account(2));
        for (long t = 0; t < Sessions.ABSOLUTE.toMillis() - 600_000; t += 600_000) {
            now.addAndGet(600_000);
            assertNotNull(sessions.get(busy.id));
        }
        now.addAndGet(700_000);
        assertNull(sessions.get(busy.id), "一直在用也在登录 12 小时后过期");
    }

    @Test
    void capsDropTheLeastRecentlyUsed() {
        java.util.List<Sessions.Session> made = new java.util.ArrayList<>();
        for (int i = 0; i < Sessions.MAX_PER_ACCOUNT; i++) {
            now.addAndGet(1);
            made.add(sessions.create(account(7)));
        }
        now.addAndGet(1);
        assertNotNull(sessions.get(made.get(0).id), "第一个会话刚用过");
        now.addAndGet(1);
        sessions.create(account(7));
        assertEquals(Sessions.MAX_PER_ACCOUNT, sessions.size(), "每个账号最多 " + Sessions.MAX_PER_ACCOUNT + " 个会话");
        assertNotNull(sessions.get(made.get(0).id), "刚用过的留下");
        assertNull(sessions.get(made.get(1).id), "最久没用的被去掉");
        sessions.create(account(8));
        assertEquals(Sessions.MAX_PER_ACCOUNT + 1, sessions.size(), "别的账号不受影响");
        sessions.removeAccount(7);
        assertEquals(1, sessions.size());
    }
}
