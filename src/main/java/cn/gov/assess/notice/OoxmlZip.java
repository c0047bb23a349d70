package cn.gov.assess.notice;

import org.apache.poi.ooxml.POIXMLProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** 让同一次运行生成的 .docx/.xlsx 逐字节相同：文件属性日期与压缩包内各文件的时间都取运行时间。 */
final class OoxmlZip {
    private OoxmlZip() {
    }

    static void stamp(POIXMLProperties.CoreProperties core, LocalDateTime created) {
        Date at = Date.from(created.withNano(0).atZone(ZoneId.systemDefault()).toInstant());
        core.setCreated(Optional.of(at));
        core.setModified(Optional.of(at));
    }

    /** 原样重写压缩包（顺序、内容不变），只把每个条目的时间改成 created。 */
    static byte[] normalise(byte[] zip, LocalDateTime created) {
        LocalDateTime at = created.withNano(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(at);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
