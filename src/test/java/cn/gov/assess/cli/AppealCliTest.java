package cn.gov.assess.cli;

import cn.gov.assess.TestSupport;
import cn.gov.assess.db.Database;
import cn.gov.assess.issuance.NoticeRows;
import cn.gov.assess.web.Accounts;
import cn.gov.assess.web.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static cn.gov.assess.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** assess appeal file / list / decide：与网页同样的检查与中文说明；同意后重新考核，explain 写出核减与申诉。 */
class AppealCliTest {
    static final String ORDER = "RX202112120003"; // 县住建局唯一一件逾期未办

    @Test
    void paperAppealDecidedOnTheCommandLine(@TempDir Path tmp) {
        String db = "jdbc:h2:file:" + tmp.resolve("db/assess");
        assertEquals(0, exec("--db", db, "import", TestSupport.fixture("2021-Q4").toString()).code());
        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        long notice;
        try (Database d = Database.open(db)) {
            notice = NoticeRows.open(d, "2021-Q4", 1, LocalDate.now().plusDays(3));
            new Accounts(d).add("经办丙", Role.经办, null, "correct-horse-1".toCharArray());
            new Accounts(d).add("查看乙", Role.查看, null, "correct-horse-1".toCharArray());
        }
        CliTest.Outcome byViewer = exec("--db", db, "appeal", "file", "--period", "2021-Q4", "--unit", "县住建局", "--order", ORDER,
                "--kind", "非本单位职责", "--reason", "路灯属供电公司", "--by", "查看乙");
        assertEquals(1, byViewer.code());
        assertTrue(byViewer.err().contains("不能提出县住建局的申诉"), byViewer.err());

        CliTest.Outcome filed = exec("--db", db, "appeal", "file", "--period", "2021-Q4", "--unit", "县住建局", "--order", ORDER,
                "--kind", "非本单位职责", "--reason", "路灯属供电公司", "--by", "经办丙");
        assertEquals(0, filed.code(), filed.err());
        assertTrue(filed.out().contains("已登记申诉 #1，待经办审核"), filed.out());
        CliTest.Outcome list = exec("--db", db, "appeal", "list", "--period", "2021-Q4", "--state", "待审核");
        assertTrue(list.out().contains("申诉 #1  2021-Q4  县住建局  非本单位职责（不计入考核）  待审核"), list.out());
        assertTrue(list.out().contains("12345市民热线 " + ORDER), list.out());

        CliTest.Outcome wrongRole = exec("--db", db, "appeal", "decide", "--id", "1", "--accept", "--reason", "同意", "--by", "查看乙");
        assertEquals(1, wrongRole.code());
        assertTrue(wrongRole.err().contains("只有经办可以同意或不同意申诉"), wrongRole.err());
        CliTest.Outcome decided = exec("--db", db, "appeal", "decide", "--id", "1", "--accept", "--reason", "经核实属实",
                "--by", "经办丙");
        assertEquals(0, decided.code(), decided.err());
        assertTrue(decided.out().contains("已同意申诉 #1") && decided.out().contains("核减 12345市民热线 工单 " + ORDER), decided.out());

        assertEquals(0, exec("--db", db, "run", "--period", "2021-Q4").code());
        CliTest.Outcome explain = exec("--db", db, "explain", "县住建局");
        assertTrue(explain.out().contains("一票否决：无"), explain.out());
        assertTrue(explain.out().contains("核减 1 件：申诉 #1，非本单位职责，经办丙 于 " + LocalDate.now() + " 同意（12345市民热线 工单 "
                + ORDER + "）"), explain.out());

        try (Database d = Database.open(db)) {
            NoticeRows.until(d, notice, LocalDate.now().minusDays(1));
        }
        CliTest.Outcome late = exec("--db", db, "appeal", "file", "--period", "2021-Q4", "--unit", "县住建局", "--order",
                "RX202110030009", "--kind", "重复件", "--reason", "重复", "--by", "经办丙");
        assertEquals(1, late.code());
        assertTrue(late.err().contains("核对截止日") && late.err().contains("已过"), late.err());
    }
}
