package cn.gov.assess.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 按块并行解析与逐行读取（Commons CSV）给出完全相同的行号、取值与 SHA-256；有引号或单独回车的文件不按块解析。 */
class CsvBlocksTest {
    @TempDir
    Path dir;

    private static List<String> byRows(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (CsvStream in = CsvStream.open(f)) {
            while (in.next()) {
                out.add(in.line() + ":" + in.get(0) + "|" + in.get(1) + "|" + in.get(2) + "|" + in.get(7));
            }
            out.add(in.sha256());
        }
        return out;
    }

    private static List<String> byBlocks(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (CsvStream in = CsvStream.open(f)) {
            CsvBlocks blocks = in.blocks();
            assertNotNull(blocks, "应按块解析");
            for (CsvBlock b = blocks.next(); b != null; b = blocks.next()) {
                b.rows((line, v) -> out.add(line + ":" + v.get(0) + "|" + v.get(1) + "|" + v.get(2) + "|" + v.get(7)));
            }
            out.add(in.sha256());
        }
        return out;
    }

    @Test
    void blocksGiveTheSameLinesValuesAndDigestAsCommonsCsv() throws Exception {
        StringBuilder sb = new StringBuilder("\uFEFF渠道,工单编号,受理时间,办理单位\r\n");
        for (int i = 1; i <= 60_000; i++) { // 约 3 MB：跨过好几个 1 MB 的块
            if (i % 997 == 0) {
                sb.append("\r\n"); // 空行：不计行号
            }
            if (i % 1999 == 0) {
                sb.append("  ,  , \r\n"); // 全空白：计行号但跳过
            }
            sb.append(" 12345市民热线 ,RX").append(i).append(",2021-10-05 09:00, 绛帐镇").append(i % 3 == 0 ? "\r\n" : "\n");
        }
        sb.append("县长信箱,XZ1,2021-10-06,县医保局"); // 末行没有换行
        Path f = dir.resolve("a.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        List<String> rows = byRows(f);
        assertEquals(rows, byBlocks(f));
        assertEquals(60_002, rows.size());
    }

    @Test
    void gbkFileInBlocks() throws Exception {
        StringBuilder sb = new StringBuilder("渠道,工单编号,受理时间,办理单位\n");
        for (int i = 1; i <= 30_000; i++) {
            sb.append("县长信箱,XZ").append(i).append(",2021-10-05,县城市管理执法局\n");
        }
        Path f = dir.resolve("g.csv");
        Files.write(f, sb.toString().getBytes(Charset.forName("GBK")));
        assertEquals(byRows(f), byBlocks(f));
    }

    @Test
    void quotesOrLoneCarriageReturnsKeepTheRowByRowReader() throws Exception {
        Path q = dir.resolve("q.csv");
        Files.writeString(q, "渠道,工单编号\n12345市民热线,\"RX1\"\n", StandardCharsets.UTF_8);
        try (CsvStream in = CsvStream.open(q)) {
            assertNull(in.blocks());
        }
        Path cr = dir.resolve("cr.csv");
        Files.writeString(cr, "渠道,工单编号\r12345市民热线,RX1\r", StandardCharsets.UTF_8);
        try (CsvStream in = CsvStream.open(cr)) {
            assertNull(in.blocks());
        }
    }

    /** 一次看 8 个字节的扫描：引号或单独的回车落在第二个 1 MB 缓冲的任意字节位置上都要看到；CRLF 的文件仍按块。 */
    @Test
    void aQuoteOrLoneCarriageReturnAnywhereInALargeFileIsSeen() throws Exception {
        StringBuilder body = new StringBuilder("渠道,工单编号,受理时间\n");
        while (body.length() < 1_200_000) {
            body.append("12345市民热线,RX").append(body.length()).append(",2021-10-05 08:00:00\n");
        }
        String plain = body.toString();
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, plain.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        try (CsvStream in = CsvStream.open(ok)) {
            assertNotNull(in.blocks(), "CRLF 行尾仍可按块");
        }
        int at = plain.lastIndexOf("RX");
        for (int shift = 0; shift < 9; shift++) {
            for (String bad : new String[]{"\"", "\r"}) {
                String text = plain.substring(0, at + shift) + bad + plain.substring(at + shift);
                Path f = dir.resolve("bad" + shift + (bad.equals("\"") ? "q" : "r") + ".csv");
                Files.writeString(f, text, StandardCharsets.UTF_8);
                try (CsvStream in = CsvStream.open(f)) {
                    assertNull(in.blocks(), "第 " + (at + shift) + " 个字符处的" + (bad.equals("\"") ? "引号" : "回车") + "应被看到");
                }
            }
        }
    }

    @Test
    void badBytesAfterTheFirstBlockNameTheLine() throws Exception {
        StringBuilder sb = new StringBuilder("渠道,工单编号,受理时间,办理单位\n");
        for (int i = 1; i <= 40_000; i++) {
            sb.append("12345市民热线,RX").append(i).append(",2021-10-05,绛帐镇\n");
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "12345市民热线,RX0,2021-10-05,\u0000\n".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 2] = (byte) 0xFF; // 不合 UTF-8 的字节，在第 40002 行
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Path f = dir.resolve("bad.csv");
        Files.write(f, all);
        InputException e = assertThrows(InputException.class, () -> byBlocks(f));
        assertTrue(e.getMessage().contains("第 40002 行") && e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
