package cn.gov.assess.web;

import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 导入错误在任务页表格里的一行：文件、行、列、值、说明，取自 Problem 的字段（CSV、Excel、整行、整个文件、没有位置时只有说明）。 */
class JobsProblemTest {
    @Test
    void csvCell() {
        Problem p = new Place("12345市民热线.csv", 500, 3, "受理时间", "2021-13-45 09:00", "12345市民热线.csv 第 500 行第 3 列（受理时间）")
                .problem("无法识别的日期“2021-13-45 09:00”（可用格式：2021-10-05）");
        assertEquals("12345市民热线.csv 第 500 行第 3 列（受理时间）：无法识别的日期“2021-13-45 09:00”（可用格式：2021-10-05）", p.message());
        assertEquals(new Jobs.Problem("12345市民热线.csv", "500", "受理时间（第 3 列）", "2021-13-45 09:00",
                "无法识别的日期“2021-13-45 09:00”（可用格式：2021-10-05）"), Jobs.Problem.of(p));
    }

    @Test
    void excelCellWithPlatformColumnName() {
        Problem p = new Place("坏.xlsx", 3, 6, "承办单位，即办理单位", "县城管局", "坏.xlsx 工作表“工单明细” 第 3 行 F 列（承办单位，即办理单位）")
                .problem("未知单位“县城管局”，最接近的已知单位是“县城管执法局”");
        assertEquals("坏.xlsx 工作表“工单明细” 第 3 行 F 列（承办单位，即办理单位）：未知单位“县城管局”，最接近的已知单位是“县城管执法局”", p.message());
        assertEquals(new Jobs.Problem("坏.xlsx", "3", "承办单位，即办理单位（F 列）", "县城管局",
                "未知单位“县城管局”，最接近的已知单位是“县城管执法局”"), Jobs.Problem.of(p));
    }

    @Test
    void wholeLineWholeFileAndFreeText() {
        Problem line = Place.row("units.csv", 7, "units.csv 第 7 行").problem("单位“法门镇”重复（首次出现在units.csv 第 3 行）");
        assertEquals(new Jobs.Problem("units.csv", "7", "", "", "单位“法门镇”重复（首次出现在units.csv 第 3 行）"), Jobs.Problem.of(line));
        assertEquals(new Jobs.Problem("a.csv", "", "", "", "文件为空，没有表头也没有数据行"),
                Jobs.Problem.of(Problem.inFile("a.csv", "文件为空，没有表头也没有数据行")));
        assertEquals("a.csv：文件为空，没有表头也没有数据行", Problem.inFile("a.csv", "文件为空，没有表头也没有数据行").message());
        assertEquals(new Jobs.Problem("", "", "", "", "另一个导入同时写入了相同的记录"), Jobs.Problem.of(Problem.of("另一个导入同时写入了相同的记录")));
    }
}
