package cn.gov.assess.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 任务完成后自动转去的地址只能是本程序的页面：“//主机”“/\主机”、完整网址、脚本地址、带换行的都不行。 */
class JobNextLinkTest {
    @Test
    void onlyOwnPagesAreFollowed() {
        assertTrue(JobController.internal("/diff?a=1&b=2"));
        assertTrue(JobController.internal("/runs/12"));
        for (String bad : new String[]{null, "", "/", "//evil.example/", "/\\evil.example/", "https://evil.example/",
                "javascript:alert(1)", "/diff?a=1\r\nSet-Cookie: x=1", " /diff", "/diff?a=<b>"}) {
            assertFalse(JobController.internal(bad), String.valueOf(bad));
        }
    }
}
