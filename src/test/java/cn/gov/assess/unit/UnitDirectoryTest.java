package cn.gov.assess.unit;

import cn.gov.assess.io.CsvTable;
import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 单位建议：别名、共有的字、单位表的类型，而不只是编辑距离（README 的例子：县城管局 → 县城管执法局）。 */
class UnitDirectoryTest {

    static UnitDirectory fixtureUnits() throws Exception {
        CsvTable t = CsvTable.read(TestSupport.fixture("2021-Q4").resolve("units.csv"));
        UnitDirectory d = new UnitDirectory();
        long id = 1;
        for (CsvTable.Row r : t.rows()) {
            String name = t.get(r, "单位名称");
            UnitDirectory.Ref ref = new UnitDirectory.Ref(id++, name);
            d.put(name, ref);
            d.kind(name, t.get(r, "类型"));
            Arrays.stream(t.get(r, "别名").split("[、;]")).map(String::strip).filter(a -> !a.isEmpty())
                    .forEach(a -> d.put(a, ref));
        }
        return d;
    }

    @Test
    void suggestionsUseSharedCharactersAliasesAndKinds() throws Exception {
        UnitDirectory d = fixtureUnits();
        assertEquals("县城管执法局", d.closest("县城管局"));   // 编辑距离会给 县人社局
        assertEquals("县城管执法局", d.closest("县城管"));     // 编辑距离会给 县妇联
        assertEquals("县城管执法局", d.closest("城管局"));     // 编辑距离会给 其他
        assertEquals("县城管执法局", d.closest("县城市管理局")); // 经别名 县城市管理执法局
        assertEquals("县交管大队", d.closest("县交警队"));      // 经别名 县交警大队
        assertEquals("法门镇", d.closest("法门"));
        assertEquals("城关街道办", d.closest("城关街"));
    }

    @Test
    void nearMissStillPlainEditDistanceWhenNothingShared() throws Exception {
        UnitDirectory d = fixtureUnits();
        // 与任何单位都没有共有的字：仍给出一个建议（不会是 null）
        assertEquals(true, d.closest("ＸＹＺ") != null);
        assertEquals("县人社局", d.closest("县人设局"));
    }
}
