package cn.gov.assess.engine;

import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.policy.ChannelConfig;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 考核期：月、季度、半年、全年的写法、起止、正文用语、顺序；截至早于期末时，截至之后受理的工单不计入本期。 */
class PeriodTest {
    @Test
    void quarterBoundsAndWords() {
        Period p = Period.parse("2026-Q1");
        assertEquals("2026-01-01", p.start().toString());
        assertEquals("2026-03-31", p.end().toString());
        assertEquals("一季度", p.word());
        assertEquals("2026-Q1", p.code());
        assertEquals(Period.Kind.QUARTER, p.kind());
        assertEquals("2021-10-01", Period.parse("2021-Q4").start().toString());
        assertEquals("四季度", Period.parse("2021-Q4").word());
        assertEquals(Period.parse("2021-Q4"), new Period(2021, 4)); // 旧的构造写法仍是季度
        for (String same : List.of("2021Q4", "2021-q4", " 2021-Q4 ", "2021年四季度", "2021年第四季度", "2021年第4季度", "２０２１－Ｑ４")) {
            assertEquals("2021-Q4", Period.parse(same).code(), same);
        }
    }

    @Test
    void monthBoundsAndWords() {
        Period p = Period.parse("2026-03");
        assertEquals(Period.Kind.MONTH, p.kind());
        assertEquals("2026-03", p.code());
        assertEquals(LocalDate.of(2026, 3, 1), p.start());
        assertEquals(LocalDate.of(2026, 3, 31), p.end());
        assertEquals("三月份", p.word());
        assertEquals("2024-02-29", Period.parse("2024-02").end().toString()); // 闰年
        assertEquals("2026-02-28", Period.parse("2026-2").end().toString());
        assertEquals("十一月份", Period.parse("2026-11").word());
        assertEquals("十二月份", Period.parse("2026-12").word());
        assertEquals("十月份", Period.parse("2026-10").word());
        assertEquals("一月份", Period.parse("2026-01").word());
        for (String same : List.of("2026-3", "2026/03", "2026.3", "2026年3月", "2026年03月", "2026年3月份", "2026年三月份", "2026年三月")) {
            assertEquals("2026-03", Period.parse(same).code(), same);
        }
        assertEquals("2026-12", Period.parse("2026年十二月").code());
        assertEquals("2026-11", Period.parse("2026年十一月份").code());
        assertEquals(List.of(java.time.YearMonth.of(2026, 3)), p.months());
    }

    @Test
    void halfYearBoundsAndWords() {
        Period h1 = Period.parse("2026-H1");
        assertEquals(Period.Kind.HALF_YEAR, h1.kind());
        assertEquals("2026-01-01", h1.start().toString());
        assertEquals("2026-06-30", h1.end().toString());
        assertEquals("上半年", h1.word());
        Period h2 = Period.parse("2026-H2");
        assertEquals("2026-07-01", h2.start().toString());
        assertEquals("2026-12-31", h2.end().toString());
        assertEquals("下半年", h2.word());
        assertEquals(6, h2.months().size());
        for (String same : List.of("2026上半年", "2026年上半年", "2026h1", "2026H1")) {
            assertEquals("2026-H1", Period.parse(same).code(), same);
        }
        assertEquals("2026-H2", Period.parse("2026年下半年").code());
    }

    @Test
    void yearBoundsAndWords() {
        Period y = Period.parse("2026");
        assertEquals(Period.Kind.YEAR, y.kind());
        assertEquals("2026", y.code());
        assertEquals("2026-01-01", y.start().toString());
        assertEquals("2026-12-31", y.end().toString());
        assertEquals("全年", y.word());
        assertEquals(12, y.months().size());
        for (String same : List.of("2026年", "2026年度", "2026全年", "2026年全年")) {
            assertEquals("2026", Period.parse(same).code(), same);
        }
    }

    @Test
    void everyCodeReadsBackAsItself() {
        for (Period.Kind k : Period.Kind.values()) {
            for (int n = 1; n <= 12 / k.months(); n++) {
                Period p = new Period(2026, k, n);
                assertEquals(p, Period.parse(p.code()), p.code());
                assertTrue(p.code().length() <= 10, "考核期列宽 varchar(10)：" + p.code());
                assertEquals(p.end().plusDays(1), p.start().plusMonths(k.months()), p.code());
            }
        }
    }

    @Test
    void nearMissesAreRefusedInChineseNamingTheAcceptedForms() {
        Map<String, String> why = Map.of(
                "2026-13", "月份应为 01–12",
                "2026-00", "月份应为 01–12",
                "2026年13月", "月份应为 01–12",
                "2026-Q5", "季度应为 Q1–Q4",
                "2021-Q0", "季度应为 Q1–Q4",
                "2026-H3", "半年应为 H1（上半年）或 H2（下半年）",
                "1899", "年份应在 1990–2100 之间",
                "2026-W10", "无法识别",
                "26-03", "无法识别",
                "2026-003", "无法识别");
        why.forEach((code, reason) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(code), code);
            assertEquals("考核期“" + code + "”写得不对：" + reason + "。可用的写法：" + Period.ACCEPTED_FORMS, e.getMessage());
            assertTrue(e.getMessage().contains("2026-03") && e.getMessage().contains("2026-Q1")
                    && e.getMessage().contains("2026-H1") && e.getMessage().contains("2026上半年")
                    && e.getMessage().contains("全年 2026"), e.getMessage());
        });
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse(" ")).getMessage().contains("没有填写考核期"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse(null)).getMessage().contains("没有填写考核期"));
        assertThrows(IllegalArgumentException.class, () -> new Period(2026, Period.Kind.MONTH, 13));
    }

    @Test
    void periodsOfDifferentKindsSortByEndThenShorterFirst() {
        List<String> expected = List.of("2025-Q4", "2025", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-06",
                "2026-Q2", "2026-H1", "2026-12", "2026-Q4", "2026-H2", "2026");
        List<Period> periods = new ArrayList<>(expected.stream().map(Period::parse).toList());
        Collections.reverse(periods);
        Collections.shuffle(periods, new java.util.Random(7));
        Collections.sort(periods);
        assertEquals(expected, periods.stream().map(Period::code).toList());
    }

    @Test
    void templateVariablesKeepQuarterForOldTemplates() {
        Map<String, Object> q4 = Period.parse("2021-Q4").templateVariables();
        assertEquals("四季度", q4.get("quarter"));
        assertEquals("四季度", q4.get("periodWord"));
        assertEquals("季度", q4.get("periodKind"));
        assertEquals(2021, q4.get("year"));
        assertEquals(LocalDate.of(2021, 10, 1), q4.get("periodStart"));
        assertEquals(LocalDate.of(2021, 12, 31), q4.get("periodEnd"));
        assertEquals(List.of(10, 11, 12), q4.get("periodMonths"));
        Map<String, Object> march = Period.parse("2026-03").templateVariables();
        assertEquals("三月份", march.get("periodWord"));
        assertEquals("三月份", march.get("quarter")); // 旧模板在月度考核里也读得通
        assertEquals("月", march.get("periodKind"));
        assertEquals("半年", Period.parse("2026-H2").templateVariables().get("periodKind"));
        assertEquals("年", Period.parse("2026").templateVariables().get("periodKind"));
    }

    @Test
    void annexTitlePlaceholders() {
        assertEquals("四季度 12345 市民热线工单办理情况统计表", Period.parse("2021-Q4").fill("{季度} 12345 市民热线工单办理情况统计表"));
        assertEquals("四季度 12345 市民热线工单办理情况统计表", Period.parse("2021-Q4").fill("{期} 12345 市民热线工单办理情况统计表"));
        assertEquals("三月份县长信箱办理情况统计表", Period.parse("2026-03").fill("{期}县长信箱办理情况统计表"));
        assertEquals("上半年县长信箱办理情况统计表", Period.parse("2026上半年").fill("{季度}县长信箱办理情况统计表"));
        assertEquals("全年统计表", Period.parse("2026").fill("{期}统计表"));
    }

    @Test
    void monthlyRemarksSpanningTwoYearsNameTheYear() {
        ChannelConfig c = new ChannelConfig("12345市民热线", 1, "{期}", List.of("办理单位", "备注"), "{月}月逾期 {件}件",
                "其中未办 {件}件", "一", "x.ftl");
        Tally oneYear = new Tally("12345市民热线", 1L);
        oneYear.restore(5, 5, 0, 3, 0, 0, 4, "2026-10=1;2026-11=2", "");
        assertEquals("10月逾期 1件 11月逾期 2件", AnnexTable.row(c, "甲", oneYear, true).get(1));
        Tally twoYears = new Tally("12345市民热线", 1L);
        twoYears.restore(5, 4, 1, 2, 1, 0, 4, "2026-12=2;2027-01=1", "X1");
        assertEquals("2026年12月逾期 2件 2027年1月逾期 1件 其中未办 1件", AnnexTable.row(c, "甲", twoYears, true).get(1));
        ChannelConfig withYear = new ChannelConfig("12345市民热线", 1, "{期}", List.of("办理单位", "备注"), "{年}年{月}月逾期{件}件",
                "", "一", "x.ftl");
        assertEquals("2026年12月逾期2件 2027年1月逾期1件", AnnexTable.row(withYear, "甲", twoYears, true).get(1).strip());
    }

    @Test
    void earlyCutoffLimitsWhichOrdersBelongToThePeriod() {
        Period q4 = Period.parse("2021-Q4");
        assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0), q4.receivedBefore(LocalDateTime.of(2021, 12, 31, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2021, 12, 26, 0, 0), q4.receivedBefore(LocalDateTime.of(2021, 12, 25, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0), q4.receivedBefore(LocalDateTime.of(2022, 1, 10, 23, 59, 59)));
        Period march = Period.parse("2026-03");
        assertEquals(LocalDateTime.of(2026, 4, 1, 0, 0), march.receivedBefore(LocalDateTime.of(2026, 3, 31, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2026, 4, 1, 0, 0), march.receivedBefore(LocalDateTime.of(2026, 4, 10, 23, 59, 59)));
        assertEquals(LocalDateTime.of(2027, 1, 1, 0, 0), Period.parse("2026").receivedBefore(LocalDateTime.of(2027, 1, 5, 0, 0)));
    }
}
