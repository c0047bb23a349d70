package cn.gov.assess.web;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 工作台首页与图表（H2）：首页的本期数字、比上期的变化与趋势图的数，单位页与名单页图里的数，都与已保存运行的汇总、名次相同
 * （测试直接读 run_tally 与理由，按数字目录取值，不经网页的代码）；单位账号只看到本单位；待办按角色。
 */
class DashboardTest {
    static DashboardFixture f;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        f = DashboardFixture.get();
    }

    static RunStore.StoredRun stored(long id) {
        return new RunStore(f.db).load(id);
    }

    static Tally tally(RunStore.StoredRun run, String channel, Long unitId) {
        for (RunTally t : run.tallies()) {
            if (t.getChannel().equals(channel) && Objects.equals(t.getUnitId(), unitId)) {
                return t.toTally();
            }
        }
        return null;
    }

    /** 图上应有的数：比率为百分数（两位小数），计数为整数；无从计算为 null。 */
    static BigDecimal expected(Tally t, String figure) {
        if (t == null) {
            return null;
        }
        BigDecimal v = Figures.get(figure).value(t);
        if (v == null) {
            return null;
        }
        return Figures.get(figure).rate() ? v.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) : v;
    }

    /** 页面里 id 为 chartId-data 的图数据。 */
    static JsonNode chart(String html, String chartId) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + Pattern.quote(chartId) + "-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "页面没有图 " + chartId);
        return JSON.readTree(m.group(1));
    }

    static void assertSeries(JsonNode chart, String channel, List<BigDecimal> expected) {
        for (JsonNode s : chart.get("series")) {
            if (s.get("name").asText().equals(channel)) {
                List<BigDecimal> got = new ArrayList<>();
                s.get("data").forEach(n -> got.add(n.isNull() ? null : n.decimalValue()));
                assertEquals(expected.size(), got.size(), channel);
                for (int i = 0; i < got.size(); i++) {
                    BigDecimal e = expected.get(i);
                    BigDecimal g = got.get(i);
                    assertTrue(e == null ? g == null : g != null && e.compareTo(g) == 0,
                            channel + " 第 " + (i + 1) + " 点：应为 " + e + "，图上是 " + g);
                }
                return;
            }
        }
        throw new AssertionError("图里没有渠道 " + channel + "：" + chart);
    }

    static List<String> channels(RunStore.StoredRun run) {
        List<String> out = new ArrayList<>();
        for (String c : run.rules().channels().keySet()) {
            if (tally(run, c, null) != null) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void homeShowsThisPeriodsFiguresTheChangeAndTrendsFromTheStoredRuns() throws Exception {
        WebClient c = f.client(DashboardFixture.VIEWER);
        HttpResponse<String> r = c.get("/");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<h1>工作台"), html);
        assertTrue(html.contains("运行 #" + f.latest()) && html.contains("2021-12") && html.contains("比较的上期：2021-11"), html);
        List<RunStore.StoredRun> runs = f.runs.stream().map(DashboardTest::stored).toList();
        RunStore.StoredRun now = runs.get(2);
        RunStore.StoredRun before = runs.get(1);
        List<String> channels = channels(now);
        assertFalse(channels.isEmpty());
        for (String ch : channels) {
            Tally t = tally(now, ch, null);
            // 本期数字：与附件同一写法
            for (String fig : List.of("应办件数", "实办数", "办结率", "按期办结率", "逾期件数")) {
                assertTrue(html.contains("<dt>" + fig + "</dt><dd><span class=\"figure\">" + Figures.get(fig).text(t) + "</span>"),
                        ch + " " + fig + " 应为 " + Figures.get(fig).text(t));
            }
            // 比上期：实办数的差
            long diff = t.getHandled() - tally(before, ch, null).getHandled();
            String change = diff == 0 ? "持平" : (diff > 0 ? "+" : "") + diff + " 件";
            assertTrue(html.contains("比上期 " + change), ch + " 实办数比上期应为 " + change);
        }
        // 趋势图：三期、每个渠道一条线，数与各月运行的渠道合计相同
        int i = 0;
        for (String fig : List.of("按期办结率", "办结率", "逾期件数")) {
            JsonNode chart = chart(html, "trend-" + (++i));
            assertEquals(List.of("2021-10", "2021-11", "2021-12"), JSON.convertValue(chart.get("categories"), List.class));
            for (String ch : channels) {
                List<BigDecimal> expected = new ArrayList<>();
                runs.forEach(run -> expected.add(expected(tally(run, ch, null), fig)));
                assertSeries(chart, ch, expected);
            }
        }
        assertTrue(html.contains("<script src=\"/assets/echarts.min.js\"></script>"));
        assertFalse(html.contains("<script>"), "不得有内联脚本");
        assertTrue(html.contains("href=\"/runs\""), "运行列表仍可从首页到达");
        assertEquals(200, c.get("/runs").statusCode());
    }

    @Test
    void aUnitAccountSeesItsOwnFiguresPlacesAndTrendOnly() throws Exception {
        WebClient c = f.client(DashboardFixture.UNIT_USER);
        String html = c.get("/").body();
        long unit = f.unitId(DashboardFixture.UNIT);
        assertTrue(html.contains("工作台：" + DashboardFixture.UNIT), html);
        assertTrue(html.contains("/runs/" + f.latest() + "/units/" + unit));
        assertFalse(html.contains("href=\"/runs/" + f.latest() + "\""), "单位账号不应看到整次运行的链接");
        RunStore.StoredRun now = stored(f.latest());
        List<RunStore.StoredRun> runs = f.runs.stream().map(DashboardTest::stored).toList();
        JsonNode chart = chart(html, "trend-1");
        int checked = 0;
        for (String ch : channels(now)) {
            Tally t = tally(now, ch, unit);
            if (t == null) {
                continue;
            }
            assertTrue(html.contains("<dt>实办数</dt><dd><span class=\"figure\">" + t.getHandled() + "</span>"), ch);
            List<BigDecimal> expected = new ArrayList<>();
            runs.forEach(run -> expected.add(expected(tally(run, ch, unit), "按期办结率")));
            assertSeries(chart, ch, expected);
            checked++;
        }
        assertTrue(checked > 0, "县人社局应有汇总");
        assertTrue(html.contains("本单位在各名单上"), html);
        for (String other : List.of("县住建局", "城关街道办")) {
            assertFalse(html.contains(other), "单位账号的首页不应出现别的单位：" + other);
        }
    }

    @Test
    void unitPageChartsEqualTheStoredTallies() throws Exception {
        long unit = f.unitId("县住建局");
        WebClient c = f.client(DashboardFixture.VIEWER);
        String html = c.get("/runs/" + f.latest() + "/units/" + unit).body();
        RunStore.StoredRun now = stored(f.latest());
        JsonNode overdue = chart(html, "unit-overdue");
        assertEquals(List.of("2021-12"), JSON.convertValue(overdue.get("categories"), List.class));
        JsonNode trend = chart(html, "unit-trend-3");
        List<RunStore.StoredRun> runs = f.runs.stream().map(DashboardTest::stored).toList();
        for (String ch : channels(now)) {
            Tally t = tally(now, ch, unit);
            if (t == null) {
                continue;
            }
            assertSeries(overdue, ch, List.of(BigDecimal.valueOf(t.getMonthlyOverdue().getOrDefault(YearMonth.of(2021, 12), 0))));
            List<BigDecimal> expected = new ArrayList<>();
            runs.forEach(run -> expected.add(expected(tally(run, ch, unit), "逾期件数")));
            assertSeries(trend, ch, expected);
        }
        // 图下的表：同样的数
        assertTrue(html.contains("图中的数字"));
    }

    @Test
    void listPageSpreadEqualsTheStoredPlacingsWithTheCutLine() throws Exception {
        long run = f.latest();
        List<Placing> placings = new RunStore(f.db).justifications(run, null, "按期办结且办理较好").placings().stream()
                .filter(p -> p.getList().equals("按期办结且办理较好") && "12345市民热线".equals(p.getChannel())).toList();
        if (placings.isEmpty()) {
            return; // 这一期没有排名（12345 数据不在该月）：名单页没有图，不在此检查
        }
        WebClient c = f.client(DashboardFixture.VIEWER);
        String html = c.get("/runs/" + run + "/list?name=" + WebFixture.enc("按期办结且办理较好") + "&scope="
                + WebFixture.enc("12345市民热线")).body();
        JsonNode chart = chart(html, "spread-1");
        String group = placings.get(0).getGroup();
        List<Placing> first = placings.stream().filter(p -> Objects.equals(p.getGroup(), group)).toList();
        List<BigDecimal> values = first.stream().map(Placing::getValue).toList();
        assertSeries(chart, first.get(0).getKey(), values);
        assertEquals(first.stream().filter(Placing::isSelected).count(), chart.get("cut").asLong());
    }

    @Test
    void waitingShowsDraftsToTheRolesThatCanActOnThem() {
        var v = f.server.home().versions().createDraft(DashboardFixture.EDITOR, "工作台测试的草稿");
        try {
            String reviewer = f.client(DashboardFixture.REVIEWER).get("/").body();
            assertTrue(reviewer.contains("审核发布规则草稿" + v.label()) && reviewer.contains("/rules/drafts/" + v.id()), reviewer);
            String editor = f.client(DashboardFixture.EDITOR).get("/").body();
            assertTrue(editor.contains("您起草的规则草稿" + v.label()), editor);
            String viewer = f.client(DashboardFixture.VIEWER).get("/").body();
            assertFalse(viewer.contains("规则草稿" + v.label()), "查看账号没有可处理的草稿");
            assertTrue(viewer.contains("现在没有等您处理的事"));
        } finally {
            f.server.home().versions().abandon(v.id(), DashboardFixture.EDITOR);
        }
    }

    @Test
    void everyRoleOpensHome() {
        for (String a : List.of(DashboardFixture.VIEWER, DashboardFixture.UNIT_USER, DashboardFixture.OPERATOR, DashboardFixture.ADMIN,
                DashboardFixture.REVIEWER, DashboardFixture.EDITOR)) {
            HttpResponse<String> r = f.client(a).get("/");
            assertEquals(200, r.statusCode(), a);
            assertNotNull(r.body());
        }
    }
}
