package cn.gov.assess.web;

import cn.gov.assess.Engine;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 28：辖区隔离（{@link CityFixture}：宝鸡市，扶风县、岐山县）。扶风县的每种账号打开岐山县的运行、单位、工单、下载、规则版本、
 * 通报、申诉，一律 403（哪个辖区都没有的编号仍是 404），页面里没有岐山县的任何字样；问“运行 #1”看到的是扶风县自己的；没有网址或参数能换到岐山县。
 * 市的账号能切换到下级只读查看（一切写操作 403、不显示修改的按钮），有辖区对比页，市的经办能考核全部辖区。H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionIsolationTest {
    @Parameter
    Engine engine;

    static CityFixture f;
    static final List<String> FUFENG = List.of("扶风经办", "扶风审核", "扶风查看", "扶风单位", "扶风管理员");

    @BeforeParameterizedClassInvocation
    static void setUp(Engine engine) {
        f = new CityFixture(engine);
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        f.close();
    }

    /** 岐山县的东西在扶风县账号眼里：不许看（403），正文里没有岐山县的字样。 */
    List<String> qishanOnly() {
        return List.of("/runs/2", "/runs/2/files/totals.csv", "/runs/2/files/" + WebFixture.enc("附件.xlsx"), "/runs/2/list",
                "/runs/2/units/" + f.qishanUnit, "/runs/1/units/" + f.qishanUnit, "/rules/versions/2",
                "/appeals/" + f.qishanAppeal, "/appeals/" + f.qishanAppeal + "/attachment", "/diff?a=1&b=2",
                "/runs/1/units/" + f.qishanUnit + "/export?format=csv");
    }

    /** 哪个辖区都没有的编号：仍是 404（403 只给别的辖区确有的）。 */
    List<String> nowhere() {
        return List.of("/runs/99", "/notices/2", "/rules/versions/99", "/diff?a=1&b=99");
    }

    /** 两个县都有的编号：扶风县账号看到的是扶风县自己的。 */
    List<String> shared() {
        return List.of("/", "/runs", "/runs/1", "/runs/1?jurisdiction=岐山县", "/runs/1?jurisdiction=" + f.qishan, "/notices",
                "/notices/1", "/appeals", "/rules", "/rules/versions", "/rules/versions/1", "/runs/1/files/totals.csv");
    }

    @Test
    @Order(1)
    void aCountyAccountNeverSeesTheOtherCounty() {
        List<String> wrong = new ArrayList<>();
        for (String who : FUFENG) {
            WebClient c = f.client(who);
            for (String path : qishanOnly()) {
                HttpResponse<String> r = c.get(path);
                if (r.statusCode() != 403) {
                    wrong.add(who + " " + path + " → " + r.statusCode());
                }
                leaks(who, path, r.body(), wrong);
            }
            for (String path : nowhere()) {
                HttpResponse<String> r = c.get(path);
                // 单位账号按角色就不许看这些页面（403），与编号无关
                if (r.statusCode() != (who.endsWith("单位") ? 403 : 404)) {
                    wrong.add(who + " " + path + " → " + r.statusCode() + "（应为 404）");
                }
            }
            for (String path : shared()) {
                HttpResponse<String> r = c.get(path);
                if (r.statusCode() >= 500) {
                    wrong.add(who + " " + path + " → " + r.statusCode());
                }
                leaks(who, path, r.body(), wrong);
            }
            // 找岐山县的工单、单位：与找一个谁都没有的一样（页面只回显所填的字）
            for (String[] q : List.of(new String[]{"/orders?no=", CityFixture.QISHAN_ORDER, "ZZNONE0001"},
                    new String[]{"/units/search?q=", CityFixture.QISHAN_UNIT, "不存在的测试局"})) {
                String asked = c.get(q[0] + WebFixture.enc(q[1])).body().replace(q[1], q[2]);
                String none = c.get(q[0] + WebFixture.enc(q[2])).body();
                if (!asked.equals(none)) {
                    wrong.add(who + " " + q[0] + q[1] + " 与找不存在的不同");
                }
            }
            // 辖区对比与切换：县级账号没有
            assertEquals(403, c.get(ComparisonController.PATH).statusCode(), who);
            HttpResponse<String> switched = c.postForm(JurisdictionController.VIEW, Map.of("id", String.valueOf(f.qishan)));
            assertEquals(403, switched.statusCode(), who);
            leaks(who, "切换到岐山县", switched.body(), wrong);
            assertEquals(403, c.postForm(JurisdictionController.VIEW, Map.of("id", String.valueOf(f.all.home().id()))).statusCode(),
                    who + " 不能切到市");
            leaks(who, "切换之后 /runs/2", c.get("/runs/2").body(), wrong);
        }
        assertEquals(List.of(), wrong);
    }

    private static void leaks(String who, String path, String body, List<String> wrong) {
        for (String mark : CityFixture.QISHAN_MARKS) {
            if (body.contains(mark)) {
                wrong.add(who + " " + path + " 的正文里有“" + mark + "”");
            }
        }
    }

    @Test
    @Order(1)
    void runOneIsTheAccountsOwnCountysRunOne() {
        WebClient fufeng = f.client("扶风查看");
        String run = fufeng.get("/runs/1").body();
        assertTrue(run.contains(">第 1 版<"), run);
        WebClient qishan = f.client("岐山查看");
        assertTrue(qishan.get("/runs/1").body().contains(">第 2 版<"));
        assertTrue(qishan.get("/runs/2/units/" + f.qishanUnit).body().contains(CityFixture.QISHAN_UNIT));
        // 两个县各自的单位账号：同名的“县住建局”，各是本县的
        assertTrue(f.client("岐山单位").get("/").body().contains("县住建局"));
        assertEquals(200, f.client("扶风单位").get("/").statusCode());
        // 通报 #1：扶风县的已签发，岐山县的核对中
        assertTrue(fufeng.get("/notices/1").body().contains(CityFixture.FUFENG_DOC));
        assertFalse(qishan.get("/notices/1").body().contains(CityFixture.FUFENG_DOC));
    }

    @Test
    @Order(1)
    void aCountyOperatorCannotWriteIntoTheOtherCountyOrAssessAll() {
        WebClient op = f.client("扶风经办");
        HttpResponse<String> all = op.postForm(ComparisonController.ASSESS_ALL, Map.of("period", "2021-Q4"));
        assertEquals(403, all.statusCode());
        // 作废“运行 #2”：扶风县没有这次运行（岐山县的运行 #2 不受影响）
        int retire = op.postForm("/runs/2/retire", Map.of("reason", "试图作废岐山县的运行")).statusCode();
        assertTrue(retire == 400 || retire == 404, "作废不存在的运行：" + retire);
        assertFalse(f.client("岐山查看").get("/runs/2").body().contains("试图作废"));
    }

    @Test
    @Order(1)
    void theCityViewsACountyReadOnly() {
        WebClient city = f.client("市经办");
        String home = city.get("/").body();
        assertTrue(home.contains("action=\"/jurisdictions/view\"") && home.contains("岐山县（只读）"), home);
        assertTrue(home.contains("id=\"compare-link\""));
        // 不是下级的编号：403
        assertEquals(403, city.postForm(JurisdictionController.VIEW, Map.of("id", "999999")).statusCode());
        assertEquals(403, city.postForm(JurisdictionController.VIEW, Map.of("id", String.valueOf(f.all.home().id()))).statusCode());
        HttpResponse<String> sw = city.postForm(JurisdictionController.VIEW, Map.of("id", String.valueOf(f.qishan), "next", "/runs/2"));
        assertEquals(302, sw.statusCode());
        assertEquals("/runs/2", sw.headers().firstValue("Location").orElse(""));
        String run = city.get("/runs/2").body();
        assertTrue(run.contains("正在只读查看下级辖区“岐山县”"), run);
        assertFalse(run.contains("action=\"/runs/2/retire\""), "只读查看时不显示作废的表单");
        assertTrue(city.get("/runs/2/units/" + f.qishanUnit).body().contains(CityFixture.QISHAN_UNIT));
        assertTrue(city.get("/appeals/" + f.qishanAppeal).body().contains(CityFixture.QISHAN_REASON));
        // 一切写操作 403（服务器拒绝，不看页面上有没有按钮）
        for (String path : List.of("/runs/2/retire", "/assess", "/corrections", "/notices", "/notices/1/close", "/appeals/1/decide",
                "/rules/drafts", ComparisonController.ASSESS_ALL, "/admin/users")) {
            HttpResponse<String> r = city.postForm(path, Map.of("reason", "只读时试图修改", "period", "2021-Q4"));
            assertEquals(403, r.statusCode(), path);
        }
        assertFalse(city.get("/runs/2").body().contains("只读时试图修改"));
        assertEquals(403, city.get("/import").statusCode(), "只读查看时经办的页面也不给");
        // 回到本级：又是经办
        assertEquals(302, city.postForm(JurisdictionController.VIEW, Map.of("id", "")).statusCode());
        assertEquals(200, city.get("/import").statusCode());
        assertFalse(city.get("/").body().contains("正在只读查看"));
    }

    @Test
    @Order(9) // 最后：考核全部辖区给两个县各添一次运行
    void theComparisonPageShowsEachCountysRunsAndNotices() throws InterruptedException {
        WebClient viewer = f.client("市查看");
        HttpResponse<String> page = viewer.get(ComparisonController.PATH);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("扶风县") && body.contains("岐山县"), body);
        assertTrue(body.contains(CityFixture.FUFENG_DOC), "扶风县已签发的文号");
        assertTrue(body.contains("已签发") && body.contains("核对中"), body);
        assertTrue(body.contains("查看运行 #1") && body.contains("查看运行 #2"), body);
        assertTrue(body.contains("compare-chart"), "各县一条线的图");
        assertFalse(body.contains("考核本级与全部下级辖区"), "只有经办能考核全部辖区");
        assertEquals(403, viewer.postForm(ComparisonController.ASSESS_ALL, Map.of("period", "2021-Q4")).statusCode());

        WebClient op = f.client("市经办");
        assertTrue(op.get(ComparisonController.PATH).body().contains("<option value=\"2021-Q4\">"));
        HttpResponse<String> started = op.postForm(ComparisonController.ASSESS_ALL, Map.of("period", "2021-Q4"));
        assertEquals(303, started.statusCode(), started.body());
        String job = started.headers().firstValue("Location").orElseThrow();
        String json = op.awaitJob(job, 180);
        assertTrue(json.contains("完成"), json);
        String done = op.get(job).body();
        assertTrue(done.contains("id=\"job-jurisdictions\"") && done.contains("扶风县") && done.contains("岐山县")
                && done.contains("宝鸡市"), done);
        assertTrue(done.contains("运行 #2") && done.contains("运行 #3"), "扶风县的第 2 次、岐山县的第 3 次运行：" + done);
        // 县级经办看不到市的任务
        assertEquals(404, f.client("扶风经办").get(job).statusCode());
    }
}
