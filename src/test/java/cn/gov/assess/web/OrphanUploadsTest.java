package cn.gov.assess.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 服务被强行杀掉时留下的上传临时目录（派单导出，可能含群众信息）在下次启动时删掉；还在运行的服务（包括本进程）的上传、
 * 不知道属于谁的目录都不动。
 */
class OrphanUploadsTest {
    @Test
    void onlyUploadsOfProcessesThatAreGoneAreRemoved(@TempDir Path tmp) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long gone = p.pid();
        Path dead = Files.createDirectories(tmp.resolve(ImportRunController.UPLOAD_PREFIX + gone + "-123"));
        Files.writeString(dead.resolve("12345市民热线.csv"), "渠道,工单编号\n");
        Path mine = Files.createDirectories(tmp.resolve(ImportRunController.UPLOAD_PREFIX + ProcessHandle.current().pid() + "-1"));
        Path alive = Files.createDirectories(tmp.resolve(ImportRunController.UPLOAD_PREFIX + ProcessHandle.current().parent()
                .orElseThrow().pid() + "-2"));
        Path unknown = Files.createDirectories(tmp.resolve(ImportRunController.UPLOAD_PREFIX + "abc"));
        Path other = Files.createDirectories(tmp.resolve("something-else"));

        assertEquals(1, ImportRunController.removeOrphanUploads(tmp));
        assertFalse(Files.exists(dead));
        for (Path kept : new Path[]{mine, alive, unknown, other}) {
            assertTrue(Files.isDirectory(kept), kept.toString());
        }
    }
}
