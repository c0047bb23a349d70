package cn.gov.assess.notice;

import cn.gov.assess.Engine;
import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 黄金测试：2021-Q4 的通报全文 通报.md 与 expected/通报.md 逐字相同，并且与已发布的 published/notice.txt
 * 去掉排版差别后逐行相同（DIFFERENCES.md 所列差异除外）。
 * H2 与 PostgreSQL 各跑一遍。
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.gov.assess.Engine#all")
class NoticeGoldenTest {
    @Parameter
    Engine engine;
    static final Path FIXTURE = TestSupport.fixture("2021-Q4");

    @Test
    void fullTextEqualsExpectedFile() throws IOException {
        String expected = Files.readString(FIXTURE.resolve("expected/通报.md"));
        assertEquals(expected, Files.readString(NoticeFixture.out(engine).resolve("通报.md")));
    }

    @Test
    void fullTextEqualsPublishedNoticeExceptDocumentedDifferences() throws IOException {
        List<String> published = new ArrayList<>(NoticeText.canonical(
                Files.readString(NoticeFixture.published().resolve("notice.txt"))));
        List<String> generated = new ArrayList<>(NoticeText.canonical(
                Files.readString(NoticeFixture.out(engine).resolve("通报.md"))));
        // DIFFERENCES.md：正文一 办结工单较多 漏列县人社局、部门按实办数排序
        NoticeText.replaceOnce(published, "城关街道办、绛帐镇、法门镇、县城管执法局、县住建局、县教体局、县市场监管局、县卫健局。",
                "城关街道办、绛帐镇、法门镇、县住建局、县市场监管局、县人社局、县城管执法局、县教体局、县卫健局。");
        // DIFFERENCES.md：正文一 按期办结且办理较好 部门按实办数 92、73、52 排序
        NoticeText.replaceOnce(published, "县市场监管局、县卫健局和县城管执法局等", "县市场监管局、县城管执法局和县卫健局等");
        // DIFFERENCES.md：正文四 按登记册写法印“县政府办公室”
        NoticeText.replaceOnce(published, "城关街道办，县政府办、", "城关街道办，县政府办公室、");
        // DIFFERENCES.md：附件4 监测时间一句用全角括号、冒号（与附件5 一致）
        NoticeText.replaceOnce(published, "(监测时间:每10天监测一次)", "（监测时间：每10天监测一次）");
        // DIFFERENCES.md：附件1 县人社局 按期办结率算术错误
        NoticeText.replaceOnce(published, NoticeText.ROW + "县人社局|75|75|100%|3|0|95.95%|",
                NoticeText.ROW + "县人社局|75|75|100%|3|0|96%|");
        // DIFFERENCES.md：附件2、3 行序按规则，各行内容相同
        for (List<String> side : List.of(published, generated)) {
            NoticeText.sortAnnexRows(side, "附件2");
            NoticeText.sortAnnexRows(side, "附件3");
        }
        NoticeText.assertSameLines(published, generated, "通报.md 与已发布 notice.txt");
    }

    @Test
    void fullTextContainsTheRenderedSectionsWordForWord() throws IOException {
        String full = Files.readString(NoticeFixture.out(engine).resolve("通报.md"));
        for (String paragraph : Files.readString(NoticeFixture.out(engine).resolve("sections.md")).split("\n\n")) {
            String p = paragraph.strip();
            assertTrue(full.contains(p), "通报.md 中应有：" + p);
        }
    }

    @Test
    void fullTextTablesEqualTheAnnexCsvs() throws IOException {
        List<String> lines = NoticeText.canonical(Files.readString(NoticeFixture.out(engine).resolve("通报.md")));
        for (int no = 1; no <= 5; no++) {
            int at = lines.indexOf("附件" + no);
            assertTrue(at >= 0, "附件" + no);
            List<String> table = new ArrayList<>();
            for (int i = at + 1; i < lines.size() && (table.isEmpty() || lines.get(i).startsWith(NoticeText.ROW)); i++) {
                if (lines.get(i).startsWith(NoticeText.ROW)) {
                    table.add(lines.get(i));
                }
            }
            List<String> csv = NoticeFixture.csv(NoticeFixture.out(engine).resolve("annex-" + no + ".csv")).stream()
                    .map(r -> NoticeText.ROW + String.join("|", r.stream().map(NoticeText::squash).toList())).toList();
            assertEquals(csv, table, "附件" + no);
        }
    }
}
