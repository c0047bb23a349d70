package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --cutoff 写了认不出的日期：run、run-all、rules preview 都给同一句中文错误，不运行；写对了照常。 */
class CutoffOptionTest {
    @Test
    void aCutoffThatIsNoDateIsRefusedByEveryVerbThatTakesIt(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, CliTest.exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        for (String[] verb : new String[][]{{"run", "--period", "2021-Q4"}, {"run-all", "--period", "2021-Q4"},
                {"--rules", TestSupport.rulesDir().toString(),
                        "rules", "preview", "--period", "2021-Q4"}}) {
            String[] args = new String[verb.length + 4];
            args[0] = "--db";
            args[1] = db;
            System.arraycopy(verb, 0, args, 2, verb.length);
            args[verb.length + 2] = "--cutoff";
            args[verb.length + 3] = "十二月底";
            CliTest.Outcome o = CliTest.exec(args);
            assertTrue(o.code() != 0, String.join(" ", verb) + "：" + o.out());
            assertTrue(o.err().contains("--cutoff：无法识别的日期“十二月底”"), String.join(" ", verb) + "：" + o.err());
        }
        CliTest.Outcome runs = CliTest.exec("--db", db, "runs");
        assertTrue(!runs.out().contains("运行 #1"), runs.out());
        assertEquals(0, CliTest.exec("--db", db, "run", "--period", "2021-Q4", "--cutoff", "2021-12-31").code());
    }
}
