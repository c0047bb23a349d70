package cn.gov.assess.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 密码规则（Passay）：每条拒绝都说中文；合规的密码没有问题。 */
class PasswordPolicyTest {
    static String problems(String account, String password) {
        return String.join("；", PasswordPolicy.problems(account, password.toCharArray()));
    }

    @Test
    void shortAndCommonPasswordsAreRefusedInChinese() {
        String p = problems("张三", "12345678");
        assertTrue(p.contains("密码至少 12 个字符"), p);
        assertTrue(p.contains("连续的数字"), p);
        assertTrue(problems("张三", "password1234").contains("常见密码"), problems("张三", "password1234"));
        assertTrue(problems("张三", "PASSWORD1234").contains("常见密码"), "常见密码不分大小写");
        assertTrue(problems("张三", "woaini1314abc").isEmpty(), problems("张三", "woaini1314abc"));
        assertTrue(problems("zhangsan", "my-zhangsan-pass").contains("不能包含账号名"));
        assertTrue(problems("张三", "qwertyuiop-9x").contains("键盘"));
        assertTrue(problems("张三", "aaaa-bcx-7391").contains("4 个或更多相同的字符"));
        for (String pw : List.of("12345678", "password1234", "qwertyuiop-9x", "aaaa-bcx-7391")) {
            assertFalse(problems("张三", pw).matches("(?s).*(Password|must|contains|characters|sequence).*"), "不应有英文提示：" + problems("张三", pw));
        }
    }

    @Test
    void bcryptsSeventyTwoByteLimitIsExplainedInChinese() {
        String p = problems("张三", "考核".repeat(13)); // 26 个汉字 = 78 字节
        assertTrue(p.contains("最多 72 字节") && p.contains("78 字节"), p);
        assertTrue(problems("张三", "考核工作台的密码很长也可以用" + "x7").isEmpty(), "72 字节以内的汉字密码可以用");
    }

    @Test
    void goodPasswordsPass() {
        assertEquals(List.of(), PasswordPolicy.problems("管理员甲", "correct-horse-1".toCharArray()));
        assertEquals(List.of(), PasswordPolicy.problems("经办", "rain-on-window-7".toCharArray()));
    }
}
