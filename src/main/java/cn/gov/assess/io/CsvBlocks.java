package cn.gov.assess.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** 切块器：读取线程调用 {@link #next()}，每块按换行切齐，记下块内第一行的行号。 */
public final class CsvBlocks {
    private static final int SIZE = 1 << 20;
    private final InputStream in;
    private final MessageDigest digest;
    private final Charset charset;
    private final String fileName;
    private final String encoding;
    private byte[] carry = new byte[0];
    private int record = 1; // 表头是第 1 行
    private long physical = 1;
    private boolean lastWasNewline = true;
    private boolean eof;

    CsvBlocks(InputStream in, MessageDigest digest, Charset charset, String fileName, String encoding) {
        this.in = in;
        this.digest = digest;
        this.charset = charset;
        this.fileName = fileName;
        this.encoding = encoding;
    }

    /** 下一块；没有了返回 null。 */
    public CsvBlock next() throws IOException {
        if (eof && carry.length == 0) {
            return null;
        }
        byte[] b = new byte[carry.length + SIZE];
        System.arraycopy(carry, 0, b, 0, carry.length);
        int n = carry.length;
        while (!eof && n < b.length) {
            int r = in.read(b, n, b.length - n);
            if (r < 0) {
                eof = true;
            } else {
                n += r;
            }
        }
        int end = n;
        if (!eof) {
            while (end > 0 && b[end - 1] != '\n') {
                end--;
            }
            if (end == 0) { // 一行超过 1 MB：整块带到下一次
                carry = Arrays.copyOf(b, n);
                return next();
            }
        }
        carry = Arrays.copyOfRange(b, end, n);
        int firstRecord = record + 1;
        long firstLine = physical + 1;
        int records = 0;
        for (int i = 0; i < end; i++) {
            byte c = b[i];
            if (c == '\n') {
                physical++;
                lastWasNewline = true;
            } else if (lastWasNewline && c != '\r') {
                records++; // 非空行（空行与只有回车的行不计，与 Commons CSV 的 ignoreEmptyLines 相同）
                lastWasNewline = false;
            }
        }
        record += records;
        if (end == 0) {
            return null;
        }
        return new CsvBlock(b, end, firstRecord, firstLine, records, charset, fileName, encoding);
    }

    String sha256() throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    void close() throws IOException {
        in.close();
    }
}
