package cn.gov.assess.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/** 一块：若干完整的行。可在任意线程里解析。 */
public final class CsvBlock {
    private final byte[] bytes;
    private final int length;
    private final int firstRecord;
    private final long firstLine;
    private final int records;
    private final Charset charset;
    private final String fileName;
    private final String encoding;

    CsvBlock(byte[] bytes, int length, int firstRecord, long firstLine, int records, Charset charset, String fileName,
             String encoding) {
        this.bytes = bytes;
        this.length = length;
        this.firstRecord = firstRecord;
        this.firstLine = firstLine;
        this.records = records;
        this.charset = charset;
        this.fileName = fileName;
        this.encoding = encoding;
    }

    /** 块内的行数上限（含全空白的行）。 */
    public int records() { return records; }

    /** 一行：行号与各列的取值方式。 */
    public interface RowConsumer {
        void row(int line, Line fields);
    }

    /**
     * 逐个非空行回调（全空白的行计入行号但不回调，与 {@link CsvStream#next()} 相同）。编码错误抛出
     * {@link InputException}，指出大约在第几行。
     */
    public void rows(RowConsumer consumer) {
        // 解码到本线程反复使用的字符缓冲里（不为每块建一个 2 MB 的字符串）；每个字符不多于一个字节（UTF-8、GBK 都如此）
        CharBuffer out = DECODED.get();
        if (out.capacity() < length) {
            out = CharBuffer.allocate(Math.max(length, out.capacity() * 2));
            DECODED.set(out);
        }
        out.clear();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError() || result.isOverflow()) {
            throw CsvErrors.translate(fileName, new java.nio.charset.MalformedInputException(result.isError() ? result.length() : 1),
                    badLine(), encoding);
        }
        char[] text = out.array();
        int n = out.position();
        Line line = new Line(text);
        int record = firstRecord;
        int from = 0;
        while (from < n) {
            int nl = from;
            while (nl < n && text[nl] != '\n') {
                nl++;
            }
            int end = nl;
            int stop = end > from && text[end - 1] == '\r' ? end - 1 : end;
            if (stop > from) {
                if (line.reset(from, stop)) {
                    consumer.row(record, line);
                }
                record++;
            }
            from = end + 1;
        }
    }

    /** 第一处不合编码的字节所在的行（文件里的实际行）。 */
    private long badLine() {
        long line = firstLine;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || bytes[i] == '\n') {
                if (CsvStream.decode(bytes, start, i, charset) == null) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return firstLine;
    }

    /** 每个校验线程一块解码用的字符缓冲（块约 1 MB，即 2 MB 字符），反复使用。 */
    private static final ThreadLocal<CharBuffer> DECODED = ThreadLocal.withInitial(() -> CharBuffer.allocate(1 << 20));

    /** 块里的一行：按逗号分列（文件里没有引号），取值去掉首尾空白，没有这一列时为空串。 */
    public static final class Line {
        private final char[] text;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int count;

        Line(char[] text) {
            this.text = text;
        }

        /** 分列；全空白的行返回 false。 */
        boolean reset(int from, int to) {
            count = 0;
            boolean blank = true;
            int s = from;
            for (int i = from; i <= to; i++) {
                if (i == to || text[i] == ',') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = s;
                    ends[count] = i;
                    count++;
                    s = i + 1;
                } else if (blank && !Character.isWhitespace(text[i])) {
                    blank = false;
                }
            }
            return !blank;
        }

        /** 第 index 列，与 String.strip() 相同地去掉首尾空白（空白字符都在基本平面内，逐个 char 看与按码点看相同）。 */
        public String get(int index) {
            if (index < 0 || index >= count) {
                return "";
            }
            int s = starts[index];
            int e = ends[index];
            while (s < e && Character.isWhitespace(text[s])) {
                s++;
            }
            while (e > s && Character.isWhitespace(text[e - 1])) {
                e--;
            }
            return s == e ? "" : new String(text, s, e - s);
        }
    }
}
