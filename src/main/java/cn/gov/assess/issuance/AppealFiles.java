package cn.gov.assess.issuance;

import cn.gov.assess.io.InputException;
import org.hibernate.StatelessSession;

/**
 * 申诉的附件：PDF 或图片（PNG、JPEG），按文件开头的字节认类型（不信文件名与浏览器报的类型），大小有上限；
 * 存在库里（appeal_attachment），只给办公室和提出申诉的单位看。
 */
public final class AppealFiles {
    /** 一个附件的上限：5 MB 足够一份扫描的批复或几张照片；再大的请压缩后上传（库里不放大文件）。 */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** 上传的附件：文件名（只作显示）与内容。 */
    public record Attachment(String name, byte[] bytes) {
    }

    private AppealFiles() {
    }

    /** 大小与类型不合适时抛出 InputException（中文说明）。 */
    public static void check(Attachment a) {
        if (a.bytes() == null || a.bytes().length == 0) {
            throw new InputException("附件“" + safeName(a.name()) + "”是空文件");
        }
        if (a.bytes().length > MAX_BYTES) {
            throw new InputException("附件“" + safeName(a.name()) + "”太大（" + (a.bytes().length + 1048575) / 1048576
                    + " MB），最多 " + MAX_BYTES / 1048576 + " MB");
        }
        if (type(a.bytes()) == null) {
            throw new InputException("附件“" + safeName(a.name()) + "”不是 PDF 或图片（PNG、JPEG），请另存为 PDF 或图片后再上传");
        }
    }

    /** 按开头的字节认出的类型（application/pdf、image/png、image/jpeg）；都不是时为 null。 */
    public static String type(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf"; // %PDF-
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** 显示用的文件名：去掉路径与控制字符，最多 100 字；空时为“附件”。 */
    public static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() ? "附件" : n;
    }

    static void store(StatelessSession s, long appealId, byte[] bytes) {
        s.doWork(c -> {
            try (var ps = c.prepareStatement("insert into appeal_attachment (appeal_id, content) values (?, ?)")) {
                ps.setLong(1, appealId);
                ps.setBytes(2, bytes);
                ps.executeUpdate();
            }
        });
    }
}
