package cn.gov.assess.web;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 表格编辑页的列说明取自规则目录自己的 README.md；列宽按最长的格。 */
class ColumnHelpTest {
    @Test
    void columnsOfTheListTableComeFromTheRulesReadme() throws IOException {
        String readme = Files.readString(TestSupport.rulesDir().resolve("README.md"));
        ColumnHelp.Help help = ColumnHelp.of(readme, "名单.csv");
        assertTrue(help.columns().get("名额").startsWith("取前几名"), help.columns().toString());
        assertTrue(help.columns().containsKey("引导语") && help.columns().containsKey("正文"), "“正文、引导语”一行给两列");
        assertTrue(ColumnHelp.of(readme, "没有这张表.csv").columns().isEmpty());
        assertTrue(ColumnHelp.of(null, "名单.csv").columns().isEmpty());
    }

    @Test
    void widthsFollowTheLongestCell() {
        List<String> w = ColumnHelp.widths(List.of("否", "名额", "说明"),
                List.of(List.of("是", "镇街 3、部门 3", "表扬：全部按期办结、实办数达到门槛、未被一票否决的候选，按实办数在镇街、部门组内排名各取前 3 名")));
        assertEquals(List.of("cell-s", "cell-m", "cell-xl"), w);
    }
}
