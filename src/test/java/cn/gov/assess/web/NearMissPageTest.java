package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 名单页“差一点入选”：门槛类名单的每一行引条件自己的说明（名单条件.csv 的“说明”），不写文件名与规则名。
 * 演示数据按默认门槛没有差一点的单位，这里把“办结工单较多”的门槛改为 80（说明随之改），用一套新库（{@link CorrectionFixture}）。
 */
class NearMissPageTest {
    static CorrectionFixture f;

    @BeforeAll
    static void start() {
        f = new CorrectionFixture();
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void nearMissRowsQuoteTheConditionsOwnNote(@TempDir Path tmp) throws IOException {
        Path copy = TestSupport.copyRules(tmp.resolve("rules"));
        Path conditions = copy.resolve("名单条件.csv");
        Files.writeString(conditions, Files.readString(conditions).replace("办结工单较多,实办数,≥,50,实办数不少于 50 件",
                "办结工单较多,实办数,≥,80,实办数不少于 80 件"));
        Period q = Period.parse("2021-Q4");
        long run = new AssessPeriod(f.db).assessAndSave(q, q.defaultCutoff(), RuleSet.load(copy)).runId();
        String page = f.login(CorrectionFixture.VIEWER).get("/runs/" + run + "/list?name=" + WebFixture.enc("办结工单较多")
                + "&scope=" + WebFixture.enc("12345市民热线")).body();
        int at = page.indexOf("id=\"next\"");
        assertTrue(at > 0, page);
        String near = page.substring(at);
        Matcher rows = Pattern.compile("<tr><td>12345市民热线</td>.*?</tr>", Pattern.DOTALL).matcher(near);
        int n = 0;
        while (rows.find()) {
            String row = rows.group();
            assertTrue(row.contains("只差一项：未达到“实办数不少于 80 件”，本单位实办数 "), row);
            assertFalse(row.contains(".csv") || row.contains("规则“"), row);
            n++;
        }
        assertTrue(n > 0, "实办 64–79 的单位差一点：" + near);
    }
}
