package cn.gov.assess.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 逐行读取的大 CSV 文件（派单导出可达千万行、上 GB）：内存里只有当前一行。编码识别与 {@link CsvTable} 相同
 * （UTF-8 含或不含 BOM、GB18030/GBK），按文件开头 64 KB 判断；其后如出现不合该编码的字节，报出所在行。
 * 读完后可取全文件的 SHA-256。
 */
public final class CsvStream implements RowSource {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private final String fileName;
    private final String encoding;
    private final List<String> header;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final InputStream raw;
    private final MessageDigest digest;
    private final Charset charset;
    private final CountingStream counter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord current;

    private CsvStream(String fileName, String encoding, Charset charset, InputStream raw, CountingStream counter,
                      MessageDigest digest, CSVParser parser) {
        this.fileName = fileName;
        this.charset = charset;
        this.encoding = encoding;
        this.raw = raw;
        this.counter = counter;
        this.digest = digest;
        this.parser = parser;
        this.records = parser.iterator();
        if (!records.hasNext()) {
            close();
            throw new InputException(Problem.inFile(fileName, "文件为空，没有表头也没有数据行"));
        }
        this.header = records.next().toList();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
    }

    /** 识别出的编码：字符集、显示名、BOM 的字节数。 */
    record Encoding(Charset charset, String label, int bom) {
    }

    /**
     * 识别 CSV 字节的编码（{@link CsvTable} 与本类共用）：拒绝空文件与 UTF-16；有 BOM 即 UTF-8；否则先试严格的 UTF-8，
     * 再试 GB18030。partial 为真表示 b 只是文件开头：判断到最后一个换行为止（0x0A 在 UTF-8 与 GB18030 中都不会是
     * 多字节字符的一部分）。
     */
    static Encoding detect(String name, byte[] b, int n, boolean partial) {
        if (n == 0 || isBlank(b, n)) {
            throw new InputException(Problem.inFile(name, "文件为空，没有表头也没有数据行"));
        }
        if (n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            throw new InputException(Problem.inFile(name, "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK（GB18030）编码的 CSV"));
        }
        if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, "UTF-8 (BOM)", 3);
        }
        int end = n;
        if (partial) {
            while (end > 0 && b[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                end = Math.max(0, n - 4);
            }
        }
        if (strict(b, 0, end, StandardCharsets.UTF_8)) {
            return new Encoding(StandardCharsets.UTF_8, "UTF-8", 0);
        }
        if (strict(b, 0, end, GB18030)) {
            return new Encoding(GB18030, "GB18030", 0);
        }
        throw new InputException(Problem.inFile(name, "无法识别文件编码（支持 UTF-8 与 GBK/GB18030），请用 Excel 或 WPS 另存为“CSV UTF-8”"));
    }

    public static CsvStream open(Path file) throws IOException {
        String name = file.toString();
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        }
        Encoding enc = detect(name, head, n, n == SNIFF);
        Charset cs = enc.charset();
        String encoding = enc.label();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream rawIn = Files.newInputStream(file);
        CountingStream counter = new CountingStream(new DigestInputStream(new BufferedInputStream(rawIn, 1 << 20), digest));
        counter.readNBytes(enc.bom());
        BufferedReader reader = new BufferedReader(new InputStreamReader(counter, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        CSVParser parser;
        try {
            parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
        } catch (IOException | UncheckedIOException e) {
            rawIn.close();
            throw CsvErrors.translate(name, e, 1, encoding);
        }
        try {
            return new CsvStream(name, encoding, cs, rawIn, counter, digest, parser);
        } catch (UncheckedIOException | IllegalStateException e) {
            rawIn.close();
            throw CsvErrors.translate(name, e, parser.getCurrentLineNumber() + 1, encoding);
        }
    }

    /** 按 cs 严格解码 b[off, end)，成功返回文字，有不合编码的字节返回 null。 */
    static String decode(byte[] b, int off, int end, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, end - off)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean strict(byte[] b, int off, int end, Charset cs) {
        return decode(b, off, end, cs) != null;
    }

    private static boolean isBlank(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** 下一个非空行；没有了返回 false。编码或 CSV 格式错误抛出 {@link InputException}，写明大约在第几行。 */
    public boolean next() {
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                for (int i = 0; i < r.size(); i++) {
                    String v = r.get(i);
                    if (v != null && !v.isBlank()) {
                        current = r;
                        return true;
                    }
                }
            }
            current = null;
            return false;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw CsvErrors.translate(fileName, e, parser.getCurrentLineNumber() + 1, encoding);
        }
    }

    /** 当前行的行号（表头为第 1 行，与 {@link CsvTable} 相同）。 */
    public int line() { return (int) current.getRecordNumber(); }

    /** 当前行第 index 列（从 0 起）去掉首尾空白的值；没有这一列时为空串。 */
    public String get(int index) {
        if (index < 0 || index >= current.size()) {
            return "";
        }
        String v = current.get(index);
        return v == null ? "" : v.strip();
    }

    @Override
    public String cell(int line, int columnIndex, String columnName) {
        return fileName + " 第 " + line + " 行第 " + (columnIndex + 1) + " 列（" + columnName + "）";
    }

    public boolean has(String column) { return columns.containsKey(column); }
    /** 列的下标（从 0 起），没有时为 -1。 */
    public int index(String column) { return columns.getOrDefault(column, -1); }
    /** 列号（从 1 起），供错误信息使用。 */
    public int columnNumber(String column) { return columns.get(column) + 1; }
    public String fileName() { return fileName; }
    public String encoding() { return encoding; }
    public List<String> header() { return header; }
    public long bytesRead() { return counter.count; }

    /** 读到文件末尾后全文件的 SHA-256（十六进制）。 */
    public String sha256() throws IOException {
        if (blocks != null) {
            return blocks.sha256();
        }
        counter.transferTo(java.io.OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        try {
            parser.close();
            raw.close();
            if (blocks != null) {
                blocks.close();
            }
        } catch (IOException e) {
            // 只读文件，关闭失败无碍
        }
    }


    // ---- 按块并行解析 ----

    private CsvBlocks blocks;

    /**
     * 可按块并行解析时返回切块器，否则返回 null（照常用 {@link #next()} 逐行读）。条件：整个文件里没有英文双引号
     * （没有引号就没有跨行的单元格、也没有转义），没有单独的回车，表头是第一行。先把文件扫一遍确认（只找两个字节，很快）。
     * 这时每个换行就是一行的结束，块可以在任意线程里解析，行号与逐行读取时完全相同（空行不计，与 Commons CSV 一致）。
     * 只能在第一次 {@link #next()} 之前调用。
     */
    public CsvBlocks blocks() throws IOException {
        if (current != null || blocks != null) {
            return blocks;
        }
        Path file = Path.of(fileName);
        byte[] buf = new byte[1 << 20];
        ByteBuffer words = ByteBuffer.wrap(buf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long headerEnd = -1;
        long pos = 0;
        boolean cr = false;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.readNBytes(buf, 0, buf.length); n > 0; n = in.readNBytes(buf, 0, buf.length)) {
                int i = 0;
                if (headerEnd < 0) {
                    for (; i < n && headerEnd < 0; i++) {
                        byte b = buf[i];
                        if (cr && b != '\n' || b == '"') {
                            return null;
                        }
                        cr = b == '\r';
                        if (b == '\n') {
                            headerEnd = pos + i + 1;
                        }
                    }
                }
                // 一次看 8 个字节：其中没有引号、也没有回车时整段跳过（平台导出的 CSV 几乎全是这样），有才逐字节看
                for (; i < n; ) {
                    if (!cr && i + 8 <= n) {
                        long x = words.getLong(i);
                        if (!hasByte(x, QUOTES) && !hasByte(x, CRS)) {
                            i += 8;
                            continue;
                        }
                    }
                    byte b = buf[i++];
                    if (cr && b != '\n' || b == '"') {
                        return null;
                    }
                    cr = b == '\r';
                }
                pos += n;
            }
        }
        int bom = encoding.contains("BOM") ? 3 : 0;
        if (cr || headerEnd < 0 || headerEnd <= bom + 2) { // 文件以回车结尾、只有表头、或第一行是空行
            return null;
        }
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream in = new DigestInputStream(Files.newInputStream(file), d);
        in.readNBytes((int) headerEnd);
        blocks = new CsvBlocks(in, d, charset, fileName, encoding);
        return blocks;
    }

    private static final long QUOTES = 0x2222222222222222L;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    /** 8 个字节里有没有一个等于 pattern 的每个字节（经典的“有零字节”判断，没有误报）。 */
    private static boolean hasByte(long x, long pattern) {
        long y = x ^ pattern;
        return ((y - 0x0101010101010101L) & ~y & 0x8080808080808080L) != 0;
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
