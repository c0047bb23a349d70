package cn.gov.assess.notice;

import cn.gov.assess.TestSupport;
import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 旧运行的报告是当时那份文件：之后改了规则、参数、全文模板、通报信息，又导入了新数据，再报告旧运行，结果不变。 */
class OldRunReportTest {
    static final Period Q4 = Period.parse("2021-Q4");
    static final LocalDateTime CUTOFF = Q4.end().atTime(23, 59, 59);

    @Test
    void reportOfAnOldRunDoesNotChangeAfterRulesAndDataChange(@TempDir Path tmp) throws IOException {
        try (Database db = TestSupport.memoryDb()) {
            new Importer(db, TestSupport.rules()).importPaths(List.of(TestSupport.fixture("2021-Q4")));
            RunStore store = new RunStore(db);
            long run1 = new AssessPeriod(db).assessAndSave(Q4, CUTOFF, TestSupport.rules()).runId();
            Path before = tmp.resolve("before");
            new ReportWriter().write(store.load(run1), before);

            Path rules = TestSupport.copyRules(tmp.resolve("rules"));
            edit(rules.resolve("名单条件.csv"), "办结工单较多,实办数,≥,50,", "办结工单较多,实办数,≥,80,");
            edit(rules.resolve("thresholds.csv"), "通报.正文字体,,仿宋_GB2312,", "通报.正文字体,,宋体,");
            edit(rules.resolve("templates/通报全文.ftl"), "请各相关单位结合实际抓好整改落实。", "请各单位对照整改。");
            Path more = Files.createDirectories(tmp.resolve("more"));
            Files.writeString(more.resolve("12345补录.csv"), "工单编号,渠道,受理时间,办理单位,办理时限,办结时间\n"
                    + "RXTEST0001,12345市民热线,2021-12-30 09:00:00,法门镇,2021-12-31 18:00:00,2021-12-30 16:00:00\n");
            Files.writeString(more.resolve("通报信息.csv"), "期间,项目,内容\n2021-Q4,文号,扶政办函〔2022〕99号\n");
            RuleSet changed = RuleSet.load(rules);
            new Importer(db, changed).importPaths(List.of(more));
            long run2 = new AssessPeriod(db).assessAndSave(Q4, CUTOFF, changed).runId();

            Path after = tmp.resolve("after");
            new ReportWriter().write(store.load(run1), after);
            assertArrayEquals(Files.readAllBytes(before.resolve("通报.md")), Files.readAllBytes(after.resolve("通报.md")));
            assertEquals(docxTexts(before.resolve("通报.docx")), docxTexts(after.resolve("通报.docx")));
            try (Stream<Path> files = Files.list(before)) {
                for (Path f : files.toList()) {
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(after.resolve(f.getFileName())),
                            "旧运行再次报告应逐字节相同：" + f.getFileName());
                }
            }

            // 新运行确实用上了新的规则、模板、通报信息和数据，上面的“不变”不是因为改动没有生效
            Path second = tmp.resolve("run2");
            new ReportWriter().write(store.load(run2), second);
            String md = Files.readString(second.resolve("通报.md"));
            assertTrue(md.contains("扶政办函〔2022〕99号"), "新通报信息");
            assertTrue(md.contains("请各单位对照整改。"), "新模板");
            assertTrue(md.contains("转办工单1119件"), "新数据");
            assertTrue(md.contains("办结工单较多的镇街和部门有：城关街道办、绛帐镇、县住建局、县市场监管局。"), "新门槛");
            assertFalse(Files.readString(before.resolve("通报.md")).contains("99号"));
            try (XWPFDocument d = open(second.resolve("通报.docx"))) {
                XWPFRun r = d.getParagraphs().stream().filter(p -> p.getText().startsWith("现就")).findFirst()
                        .orElseThrow().getRuns().get(0);
                assertEquals("宋体", r.getFontFamily(XWPFRun.FontCharRange.eastAsia), "新字体参数");
            }
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), file + " 中应有：" + from);
        Files.writeString(file, s.replace(from, to));
    }

    private static XWPFDocument open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    /** 按顺序列出全部段落文字与表格各格。 */
    static List<String> docxTexts(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (XWPFDocument d = open(file)) {
            for (IBodyElement e : d.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    out.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        out.add(String.join("|", row.getTableCells().stream().map(XWPFTableCell::getText).toList()));
                    }
                }
            }
        }
        return out;
    }
}
