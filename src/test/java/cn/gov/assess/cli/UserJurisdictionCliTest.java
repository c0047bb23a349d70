package cn.gov.assess.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** user add --jurisdiction：账号记在登记库里、属于那个辖区，单位在那个辖区的单位表里找；user list 列出辖区；不认识的辖区报错。 */
class UserJurisdictionCliTest {
    static CliTest.Outcome withPassword(String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream("correct-horse-1\n".getBytes(StandardCharsets.UTF_8)));
        try {
            return CliTest.exec(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void accountsAreBoundToAJurisdiction(@TempDir Path tmp) {
        String db = tmp.resolve("assess").toString();
        assertEquals(0, CliTest.exec("--db", db, "jurisdiction", "rename", "本辖区", "宝鸡市", "--level", "市").code());
        assertEquals(0, CliTest.exec("--db", db, "jurisdiction", "add", "扶风县", "--level", "县", "--parent", "宝鸡市").code());
        // 扶风县有单位表，市没有：单位账号只能建在扶风县
        assertEquals(0, CliTest.exec("--db", db, "--jurisdiction", "扶风县", "import",
                cn.gov.assess.TestSupport.fixture("2021-Q4").toString()).code());
        CliTest.Outcome cityUnit = withPassword("--db", db, "user", "add", "市住建", "--role", "单位", "--unit", "县住建局", "--password-stdin");
        assertEquals(1, cityUnit.code(), cityUnit.out());
        assertTrue(cityUnit.err().contains("单位表中没有“县住建局”"), cityUnit.err());
        CliTest.Outcome unit = withPassword("--db", db, "user", "add", "扶风住建", "--role", "单位", "--unit", "县住建局",
                "--jurisdiction", "扶风县", "--password-stdin");
        assertEquals(0, unit.code(), unit.err());
        assertTrue(unit.out().contains("已创建账号“扶风住建”（单位，单位 县住建局，辖区 扶风县）"), unit.out());
        assertEquals(0, withPassword("--db", db, "user", "add", "市查看", "--role", "查看", "--password-stdin").code());
        CliTest.Outcome list = CliTest.exec("--db", db, "user", "list");
        assertTrue(list.out().contains("扶风住建\t单位\t县住建局\t辖区 扶风县"), list.out());
        assertTrue(list.out().contains("市查看\t查看\n") || list.out().contains("市查看\t查看\r\n"), "库原有辖区的账号照旧：" + list.out());
        // 账号都在登记库：带 --jurisdiction 也列出同样的账号
        assertEquals(list.out(), CliTest.exec("--db", db, "--jurisdiction", "扶风县", "user", "list").out());
        CliTest.Outcome unknown = withPassword("--db", db, "user", "add", "某人", "--role", "查看", "--jurisdiction", "眉县",
                "--password-stdin");
        assertTrue(unknown.code() != 0 && unknown.err().contains("没有辖区“眉县”"), unknown.err());
    }

    /** notice/appeal 的 --by：账号从登记库找，只能在它自己的辖区做事；市的账号也不能直接改县的通报。 */
    @Test
    void byAccountsActOnlyInTheirOwnJurisdiction(@TempDir Path tmp) {
        String db = tmp.resolve("assess").toString();
        assertEquals(0, CliTest.exec("--db", db, "jurisdiction", "rename", "本辖区", "宝鸡市", "--level", "市").code());
        assertEquals(0, CliTest.exec("--db", db, "jurisdiction", "add", "扶风县", "--level", "县", "--parent", "宝鸡市").code());
        assertEquals(0, CliTest.exec("--db", db, "--jurisdiction", "扶风县", "import",
                cn.gov.assess.TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, CliTest.exec("--db", db, "--jurisdiction", "扶风县", "run", "--period", "2021-Q4").code());
        assertEquals(0, withPassword("--db", db, "user", "add", "扶风经办", "--role", "经办", "--jurisdiction", "扶风县",
                "--password-stdin").code());
        assertEquals(0, withPassword("--db", db, "user", "add", "市经办", "--role", "经办", "--password-stdin").code());

        CliTest.Outcome city = CliTest.exec("--db", db, "--jurisdiction", "扶风县", "notice", "draft", "--run", "1", "--by", "市经办");
        assertEquals(1, city.code(), city.out());
        assertTrue(city.err().contains("账号“市经办”属于宝鸡市，不能在扶风县做这件事"), city.err());
        CliTest.Outcome wrongPlace = CliTest.exec("--db", db, "notice", "draft", "--run", "1", "--by", "扶风经办");
        assertEquals(1, wrongPlace.code(), wrongPlace.out());
        assertTrue(wrongPlace.err().contains("账号“扶风经办”属于扶风县，不能在宝鸡市做这件事"), wrongPlace.err());
        CliTest.Outcome own = CliTest.exec("--db", db, "--jurisdiction", "扶风县", "notice", "draft", "--run", "1", "--by", "扶风经办");
        assertEquals(0, own.code(), own.err());
        assertTrue(CliTest.exec("--db", db, "--jurisdiction", "扶风县", "notices").out().contains("2021-Q4"));
    }
}
