package cn.gov.assess.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jurisdiction add/list/rename；--jurisdiction 选辖区，不认识的名称报出已有的辖区（退出码 2）；不写时照旧用库原有的辖区。 */
class JurisdictionCliTest {
    @Test
    void addsListsRenamesAndSelects(@TempDir Path tmp) {
        String db = tmp.resolve("assess").toString();
        CliTest.Outcome rename = CliTest.exec("--db", db, "jurisdiction", "rename", "本辖区", "宝鸡市", "--level", "市");
        assertEquals(0, rename.code(), rename.err());
        CliTest.Outcome add = CliTest.exec("--db", db, "jurisdiction", "add", "扶风县", "--level", "县", "--parent", "宝鸡市");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("已新建辖区“扶风县”（县，上级 宝鸡市）"), add.out());
        CliTest.Outcome twice = CliTest.exec("--db", db, "jurisdiction", "add", "扶风县", "--level", "县");
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("辖区“扶风县”已经有了"), twice.err());
        CliTest.Outcome list = CliTest.exec("--db", db, "jurisdiction", "list");
        assertTrue(list.out().contains("宝鸡市\t市\t—") && list.out().contains("（默认）"), list.out());
        assertTrue(list.out().contains("扶风县\t县\t宝鸡市"), list.out());

        CliTest.Outcome unknown = CliTest.exec("--db", db, "--jurisdiction", "眉县", "runs");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("没有辖区“眉县”，已有的辖区：宝鸡市、扶风县"), unknown.err());

        CliTest.Outcome imported = CliTest.exec("--db", db, "--jurisdiction", "扶风县", "import",
                cn.gov.assess.TestSupport.fixture("2021-Q4").toString());
        assertEquals(0, imported.code(), imported.err());
        CliTest.Outcome run = CliTest.exec("--db", db, "run-all", "--period", "2021-Q4");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("扶风县：运行 #1") && run.out().contains("宝鸡市：未运行"), run.out());
        CliTest.Outcome home = CliTest.exec("--db", db, "runs");
        CliTest.Outcome county = CliTest.exec("--db", db, "--jurisdiction", "扶风县", "runs");
        assertEquals(0, county.code(), county.err());
        assertTrue(county.out().contains("2021-Q4"), county.out());
        assertTrue(!home.out().contains("2021-Q4"), "库原有的辖区（市）没有这次运行：" + home.out());
    }
}
