package cn.gov.assess.web;

import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.PropertiesMessageResolver;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * 密码规则（Passay）：至少 12 个字符、不是常见密码（web/security/common-passwords.txt）、没有 5 个以上的连续数字、字母或
 * 键盘顺序、没有 4 个以上相同的字符、不含账号名；另按 UTF-8 不超过 72 字节（BCrypt 只用前 72 字节）。提示语都是中文。
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** BCrypt 只取密码的前 72 字节，更长的密码 spring-security-crypto 直接拒绝（英文）；这里先用中文说明。 */
    public static final int MAX_BYTES = 72;

    private static final PasswordValidator VALIDATOR = validator();

    private PasswordPolicy() {
    }

    /** 这个密码的问题（中文，一条一句）；没有问题时为空。 */
    public static List<String> problems(String account, char[] password) {
        String p = password == null ? "" : new String(password);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int bytes = p.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            out.add("密码太长：按 UTF-8 编码最多 " + MAX_BYTES + " 字节（一个汉字占 3 字节），这个密码有 " + bytes + " 字节");
        }
        RuleResult r = VALIDATOR.validate(new PasswordData(account == null ? "" : account.strip(), p));
        if (!r.isValid()) {
            out.addAll(VALIDATOR.getMessages(r));
        }
        return new ArrayList<>(out);
    }

    private static PasswordValidator validator() {
        Properties zh = new Properties();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/web/security/passay-zh.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DictionaryRule common = new DictionaryRule(new WordListDictionary(new ArrayWordList(commonPasswords(), false, new ArraysSort())));
        return new PasswordValidator(new PropertiesMessageResolver(zh), List.of(
                new LengthRule(MIN_LENGTH, 200),
                common,
                new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
                new RepeatCharacterRegexRule(4),
                new UsernameRule(true, true)));
    }

    /** 常见密码表（小写、去重）；比较时不分大小写。 */
    private static String[] commonPasswords() {
        List<String> words = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/web/security/common-passwords.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.stream().distinct().toArray(String[]::new);
    }

}
