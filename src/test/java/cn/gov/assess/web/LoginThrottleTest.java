package cn.gov.assess.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 登录限流的规则（假时钟）：逐次翻倍的等待、按账号与按地址+账号分开、喷洒的地址只是变慢、解除限制。 */
class LoginThrottleTest {
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final LoginThrottle t = new LoginThrottle(now::get);

    @Test
    void delaysDoubleAfterFiveFailuresFromOneAddress() {
        for (int i = 0; i < 4; i++) {
            t.failed("张三", "10.0.0.1");
            assertEquals(0, t.blockedUntil("张三", "10.0.0.1", 0), "前 4 次不限");
        }
        t.failed("张三", "10.0.0.1");
        assertEquals(now.get() + 60_000, t.blockedUntil("张三", "10.0.0.1", 0), "第 5 次后等 1 分钟");
        assertEquals(0, t.blockedUntil("张三", "10.0.0.2", 0), "别的地址不受这个地址的影响");
        assertEquals(0, t.blockedUntil("李四", "10.0.0.1", 0), "同一地址的别的账号不受影响");
        now.addAndGet(61_000);
        assertEquals(0, t.blockedUntil("张三", "10.0.0.1", 0));
        t.failed("张三", "10.0.0.1");
        assertEquals(now.get() + 120_000, t.blockedUntil("张三", "10.0.0.1", 0), "再错一次等 2 分钟");
        now.addAndGet(121_000);
        t.failed("张三", "10.0.0.1");
        assertEquals(now.get() + 240_000, t.blockedUntil("张三", "10.0.0.1", 0), "再错一次等 4 分钟");
        t.succeeded("张三", "10.0.0.1");
        assertEquals(0, t.blockedUntil("张三", "10.0.0.1", 0), "登录成功清零");
    }

    @Test
    void anAccountGuessedFromManyAddressesWaitsTooButAtMostFifteenMinutes() {
        for (int i = 0; i < 9; i++) {
            t.failed("Admin", "10.1.0." + i);
        }
        assertEquals(0, t.blockedUntil("admin", "10.9.9.9", 0));
        t.failed("ADMIN", "10.1.0.99");
        assertEquals(now.get() + 60_000, t.blockedUntil("admin", "10.9.9.9", 0), "账号名不分大小写");
        for (int i = 0; i < 20; i++) {
            now.addAndGet(16 * 60_000);
            t.failed("admin", "10.2.0." + i);
        }
        assertEquals(now.get() + 15 * 60_000, t.blockedUntil("admin", "10.9.9.9", 0), "最多 15 分钟");
        assertTrue(t.accountBlockedUntil("admin") > 0);
        t.unlock("admin");
        assertEquals(0, t.blockedUntil("admin", "10.2.0.19", 0), "解除限制后立即可以");
    }

    @Test
    void anUnlockRecordedByTheCommandLineClearsEarlierFailures() {
        for (int i = 0; i < 5; i++) {
            t.failed("王五", "10.0.0.1");
        }
        assertTrue(t.blockedUntil("王五", "10.0.0.1", now.get() - 1) > 0, "解除时间早于输错：不算");
        assertEquals(0, t.blockedUntil("王五", "10.0.0.1", now.get()), "解除时间不早于最后一次输错：清掉");
    }

    @Test
    void aSprayingAddressIsSlowedDownNotLockedOut() {
        for (int i = 0; i < 19; i++) {
            t.failed("用户" + i, "10.0.0.7");
        }
        assertEquals(0, t.sprayDelay("10.0.0.7"));
        t.failed("用户19", "10.0.0.7");
        assertEquals(250, t.sprayDelay("10.0.0.7"));
        for (int i = 0; i < 100; i++) {
            t.failed("再试" + i, "10.0.0.7");
        }
        assertEquals(5000, t.sprayDelay("10.0.0.7"), "最多 5 秒");
        assertEquals(0, t.blockedUntil("另一个人", "10.0.0.7", 0), "没被猜过的账号照常核对密码");
        assertTrue(t.acquire("10.0.0.7"));
        assertTrue(!t.acquire("10.0.0.7"), "同时只处理一次");
        t.release("10.0.0.7");
        now.addAndGet(16 * 60_000);
        assertEquals(0, t.sprayDelay("10.0.0.7"), "15 分钟不再输错后恢复");
    }

    @Test
    void theTimeToTryAgainIsRoundedUpToTheMinute() {
        assertTrue(LoginThrottle.clockTime(now.get()).matches("\\d\\d:\\d\\d"));
    }
}
