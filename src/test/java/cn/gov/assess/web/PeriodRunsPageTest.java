package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 首页“考核期与运行”：月、季度、半年、全年的运行混在一起时，按考核期从新到旧排，同日结束的长期在前，标题带中文称呼。 */
class PeriodRunsPageTest {
    @Test
    void runsPageOrdersPeriodsOfEveryKind(@TempDir Path tmp) throws IOException, InterruptedException {
        Path data = TestSupport.fixture("scenarios/27-月度考核");
        RuleSet rules = TestSupport.rules();
        try (Database db = Database.open(Database.fileUrl(tmp.resolve("assess")))) {
            new Importer(db, rules).importPaths(List.of(data.resolve("units.csv"), data.resolve("12345市民热线.csv"),
                    data.resolve("县长信箱.csv")));
            // 故意打乱保存顺序：页面的顺序只看考核期
            for (String code : List.of("2026-Q1", "2026", "2026-03", "2026-H1", "2026-02", "2026-04")) {
                Period p = Period.parse(code);
                new AssessPeriod(db).assessAndSave(p, p.defaultCutoff(), rules);
            }
            new Accounts(db).add("查看甲", Role.查看, null, "correct-horse-1".toCharArray());
            WebServer server = new WebServer(db, TestSupport.rulesDir()).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String cookie = loginPage.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse("");
                Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
                assertTrue(token.find(), loginPage.body());
                String form = "_csrf=" + enc(token.group(1)) + "&name=" + enc("查看甲") + "&password=" + enc("correct-horse-1");
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(302, login.statusCode(), login.body());
                cookie = login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/runs")).header("Cookie", cookie)
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, page.statusCode());
                List<String> headings = new ArrayList<>();
                Matcher h = Pattern.compile("<h2>([^<]+)</h2>").matcher(page.body());
                while (h.find()) {
                    headings.add(h.group(1));
                }
                assertEquals(List.of("2026（2026年全年）", "2026-H1（2026年上半年）", "2026-04（2026年四月份）", "2026-Q1（2026年一季度）",
                        "2026-03（2026年三月份）", "2026-02（2026年二月份）"), headings, page.body());
            } finally {
                server.close();
            }
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
