package cn.gov.assess.db;

import cn.gov.assess.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 考核期锁按辖区（PostgreSQL 的 advisory 锁是整个库共用的）：一个县正在考核 2026-Q1 时，另一个县的 2026-Q1 不等它
 * （run-all 才真的并行，bench city 在 PostgreSQL 上量出两个线程反而比一个慢，就是因为这个）；同一个县的第二次考核照旧等。
 * H2 不用锁，那一遍只确认什么也不等。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class PeriodLockPerJurisdictionTest {
    @Parameter
    Engine engine;

    @Test
    void anotherCountyDoesNotWaitButTheSameCountyDoes() throws Exception {
        try (Database registry = engine.open()) {
            Jurisdictions all = new Jurisdictions(registry);
            all.rename(all.home().name(), "宝鸡市", "市");
            try (Database a = all.open(all.add("扶风县", "县", "宝鸡市")); Database b = all.open(all.add("岐山县", "县", "宝鸡市"));
                 Database a2 = all.open(all.require("扶风县"))) {
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
                Database.Lock held = a.lockPeriod("2026-Q1", out);
                try {
                    Database.Lock other = CompletableFuture.supplyAsync(() -> b.lockPeriod("2026-Q1", out)).get(20, TimeUnit.SECONDS);
                    other.close();
                    Database.Lock city = registry.lockPeriod("2026-Q1", out);
                    city.close();
                    assertEquals("", log.toString(StandardCharsets.UTF_8), "别的辖区同一期不等");
                    if (engine == Engine.POSTGRESQL) {
                        CompletableFuture<Database.Lock> same = CompletableFuture.supplyAsync(() -> a2.lockPeriod("2026-Q1", out));
                        long until = System.currentTimeMillis() + 20_000;
                        while (!log.toString(StandardCharsets.UTF_8).contains("正由另一个考核运行使用") && System.currentTimeMillis() < until) {
                            Thread.sleep(50);
                        }
                        assertTrue(log.toString(StandardCharsets.UTF_8).contains("考核期 2026-Q1 正由另一个考核运行使用"), log.toString());
                        assertFalse(same.isDone(), "同一个县的同一期要等");
                        held.close();
                        held = null;
                        same.get(20, TimeUnit.SECONDS).close();
                    }
                } finally {
                    if (held != null) {
                        held.close();
                    }
                }
            }
        }
    }
}
