package cn.gov.assess.intake;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.io.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 28：市级导出（带“所属区县”列）在市里导入，各行进各县；区县或单位不认识的每行都报出文件、行、列与值，一条不写；
 * 第二个县的部分出错时第一个县已写入的也撤掉。H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class CityImportTest {
    @Parameter
    Engine engine;
    @TempDir
    Path tmp;
    Database registry;
    Jurisdictions all;

    @BeforeEach
    void setUp() {
        registry = engine.open();
        all = new Jurisdictions(registry);
        all.rename(all.home().name(), "宝鸡市", "市");
        for (String county : List.of("扶风县", "岐山县")) {
            all.add(county, "县", "宝鸡市");
            try (Database db = all.open(all.require(county))) {
                new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv")));
            }
        }
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    /** 扶风样例的 12345 导出加一列“所属区县”：工单编号尾数为偶数的进扶风县，奇数的进岐山县；edit 可改某一行。 */
    Path cityExport(java.util.function.BiFunction<Integer, String, String> edit) throws Exception {
        List<String> lines = Files.readAllLines(TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0).replace("\uFEFF", "") + ",所属区县");
        for (int i = 1; i < lines.size(); i++) {
            String order = lines.get(i).substring(0, lines.get(i).indexOf(','));
            String county = (order.charAt(order.length() - 1) - '0') % 2 == 0 ? "扶风县" : "岐山县";
            out.add(edit.apply(i + 1, lines.get(i) + "," + county));
        }
        Path f = tmp.resolve("12345市民热线.csv");
        Files.write(f, out);
        return f;
    }

    long orders(String county) {
        try (Database db = all.open(all.require(county))) {
            return TestSupport.scalar(db, "select count(*) from work_order");
        }
    }

    CityImport city() {
        return new CityImport(all, all.require("宝鸡市"), TestSupport.rules());
    }

    @Test
    void rowsGoToTheirCounty() throws Exception {
        Path f = cityExport((line, text) -> text);
        assertTrue(CityImport.routes(f, TestSupport.rules()));
        assertTrue(!CityImport.routes(TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv"), TestSupport.rules()),
                "县自己的导出照旧导入");
        var parts = city().importFiles(List.of(f), tmp.resolve("work"));
        assertEquals(List.of("岐山县", "扶风县"), parts.stream().map(p -> p.jurisdiction().name()).toList());
        long fufeng = orders("扶风县");
        long qishan = orders("岐山县");
        assertTrue(fufeng > 0 && qishan > 0, fufeng + " / " + qishan);
        try (Database alone = engine.open()) {
            new Importer(alone, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4").resolve("units.csv"),
                    TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv")));
            assertEquals(TestSupport.scalar(alone, "select count(*) from work_order"), fufeng + qishan);
        }
        assertEquals(0L, TestSupport.scalar(registry, "select count(*) from work_order"), "市里一条也没有");
    }

    @Test
    void unknownCountyOrUnitIsReportedWithFileLineColumnAndValueAndNothingIsWritten() throws Exception {
        Path f = cityExport((line, text) -> line == 5 ? text.replaceFirst(",[^,]*$", ",眉县")
                : line == 9 ? text.replace(",绛帐镇,", ",不存在的镇,").replace(",县人社局,", ",不存在的镇,")
                .replace(",杏林镇,", ",不存在的镇,").replace(",县商信局,", ",不存在的镇,") : text);
        InputException e = assertThrows(InputException.class, () -> city().importFiles(List.of(f), tmp.resolve("work")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("第 5 行第 10 列（所属区县）") && all.contains("“眉县”"), all);
        assertTrue(all.contains("第 9 行第 7 列（办理单位）") && all.contains("“不存在的镇”"), all);
        assertEquals(2, e.problems().size(), all);
        assertEquals(0L, orders("扶风县"));
        assertEquals(0L, orders("岐山县"));
    }

    @Test
    void aFailureInTheSecondCountyTakesBackTheFirst() throws Exception {
        // 第一行（RX…0001，奇数）进岐山县，岐山县先导入；扶风县的一行受理时间写错，岐山县已写入的随后被撤回
        List<String> lines = Files.readAllLines(TestSupport.fixture("2021-Q4").resolve("12345市民热线.csv"));
        int bad = -1;
        for (int i = 1; i < lines.size() && bad < 0; i++) {
            String order = lines.get(i).substring(0, lines.get(i).indexOf(','));
            if ((order.charAt(order.length() - 1) - '0') % 2 == 0 && i > 20) {
                bad = i + 1;
            }
        }
        int badLine = bad;
        Path f = cityExport((line, text) -> line == badLine ? text.replaceFirst(",2021-1\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,", ",昨天,")
                : text);
        assertThrows(InputException.class, () -> city().importFiles(List.of(f), tmp.resolve("work")));
        assertEquals(0L, orders("扶风县"));
        assertEquals(0L, orders("岐山县"));
        try (Database db = all.open(all.require("岐山县"))) {
            assertEquals(1L, TestSupport.scalar(db, "select count(*) from import_batch"), "只剩单位表的批次");
            assertEquals(0L, TestSupport.scalar(db, "select count(*) from assignment"));
        }
    }
}
