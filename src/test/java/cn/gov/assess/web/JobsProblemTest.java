package cn.gov.assess.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 导入错误拆成表格的一行：文件、行、列、值、说明（CSV、Excel、整个文件、拆不出时只有说明）。 */
class JobsProblemTest {
    @Test
    void csvCell() {
        assertEquals(new Jobs.Problem("12345市民热线.csv", "500", "受理时间（第 3 列）", "2021-13-45 09:00",
                        "无法识别的日期“2021-13-45 09:00”（可用格式：2021-10-05）"),
                Jobs.Problem.parse("12345市民热线.csv 第 500 行第 3 列（受理时间）：无法识别的日期“2021-13-45 09:00”（可用格式：2021-10-05）"));
    }

    @Test
    void excelCellWithPlatformColumnName() {
        assertEquals(new Jobs.Problem("坏.xlsx 工作表“工单明细”", "3", "承办单位，即办理单位（F 列）", "县城管局",
                        "未知单位“县城管局”，最接近的已知单位是“县城管执法局”"),
                Jobs.Problem.parse("坏.xlsx 工作表“工单明细” 第 3 行 F 列（承办单位，即办理单位）：未知单位“县城管局”，最接近的已知单位是“县城管执法局”"));
    }

    @Test
    void wholeLineWholeFileAndFreeText() {
        assertEquals(new Jobs.Problem("units.csv", "7", "", "", "单位“法门镇”重复（首次出现在units.csv 第 3 行）").file(),
                Jobs.Problem.parse("units.csv 第 7 行：单位“法门镇”重复（首次出现在units.csv 第 3 行）").file());
        assertEquals("7", Jobs.Problem.parse("units.csv 第 7 行：单位“法门镇”重复").line());
        assertEquals("法门镇", Jobs.Problem.parse("units.csv 第 7 行：单位“法门镇”重复").value());
        assertEquals(new Jobs.Problem("a.csv", "", "", "", "文件为空，没有表头也没有数据行"),
                Jobs.Problem.parse("a.csv：文件为空，没有表头也没有数据行"));
        assertEquals(new Jobs.Problem("", "", "", "", "另一个导入同时写入了相同的记录"), Jobs.Problem.parse("另一个导入同时写入了相同的记录"));
    }
}
