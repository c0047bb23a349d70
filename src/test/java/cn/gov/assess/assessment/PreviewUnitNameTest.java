package cn.gov.assess.assessment;

import cn.gov.assess.TestSupport;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 单位名称里有“ / ”（如“天度镇 / 东区”）：预览的单位变化仍是这个单位、范围仍是名单，不被比较结果的写法（“范围 / 单位”）误导——
 * 预览读 RunDiff 的记录，不拆它排出的文字。
 */
class PreviewUnitNameTest {
    static final Period Q = Period.parse("2021-Q4");
    static final String NAME = "天度镇 / 东区";

    @Test
    void aSlashInTheUnitNameDoesNotSplitIt() throws Exception {
        try (Database db = TestSupport.memoryDb()) {
            RuleSet base = TestSupport.rules();
            // 演示数据里的天度镇（单位表、各渠道的导出）改名为“天度镇 / 东区”
            Path data = Files.createTempDirectory("slash-data");
            try (var files = Files.list(TestSupport.fixture("2021-Q4"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                    // 导出有 UTF-8 的，也有 GB18030 的：按原来的编码写回
                    java.nio.charset.Charset cs = StandardCharsets.UTF_8;
                    String text;
                    try {
                        text = Files.readString(f, cs);
                    } catch (java.nio.charset.MalformedInputException e) {
                        cs = java.nio.charset.Charset.forName("GB18030");
                        text = Files.readString(f, cs);
                    }
                    Files.writeString(data.resolve(f.getFileName().toString()), text.replace("天度镇", NAME), cs);
                }
            }
            new Importer(db, base).importPaths(List.of(data));
            Preview.Outcome o = Preview.run(db, base, RuleSet.load(PreviewTest.quotaFive(Files.createTempDirectory("slash"))), Q, null);
            assertTrue(o.ok(), String.join("\n", o.errors()));
            Preview.Result r = o.result();

            List<Preview.UnitChange> mine = r.units().stream().filter(u -> u.kind().equals("名单") && u.what().startsWith("新进入")
                    && u.scope().equals("12345市民热线“按期办结且办理较好”")).toList();
            assertTrue(mine.stream().anyMatch(u -> u.unit().equals(NAME)), r.units().toString());
            assertTrue(r.units().stream().noneMatch(u -> u.unit().equals("东区") || u.scope().contains(" / ")), r.units().toString());
            assertEquals(List.of(NAME), PreviewTest.list(r, "12345市民热线").entering().stream().map(Preview.Member::unit).toList());
            assertTrue(PreviewText.lines(o, false).contains("  " + NAME + "（12345市民热线“按期办结且办理较好”） 名单："
                    + mine.get(0).what()), String.join("\n", PreviewText.lines(o, false)));
        }
    }

    /** RunDiff 的记录带单位与名单本身，命令行排出的文字照旧是“渠道 “名单” / 单位”。 */
    @Test
    void theDiffRecordCarriesTheWholeName() {
        RunDiff.ListEntryChange c = new RunDiff.ListEntryChange("12345市民热线", "按期办结且办理较好", 7, NAME, null, 4, 0, 4,
                "镇街第 4 名", List.of(new RunDiff.CorrectionCause(3, null)));
        assertEquals("12345市民热线 “按期办结且办理较好” / 天度镇 / 东区：新进入（第 4 位；镇街第 4 名）【原因：更正 #3】",
                cn.gov.assess.audit.DiffText.line(c));
        assertEquals(NAME, c.unit());
    }
}
