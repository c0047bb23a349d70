package cn.gov.assess.engine;

import cn.gov.assess.TestSupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * rules/ 里的每个 .drl 文件都有自己的规则测试：本包里名为 Rules&lt;编号&gt;…Test 的类，类的 Javadoc 以“rules/&lt;文件名&gt;”开头。
 * 新加一个 .drl 而没有测试时这里失败。
 */
class RuleFilesHaveTestsTest {
    private static final Pattern NUMBER = Pattern.compile("^(\\d+)-.*\\.drl$");

    @Test
    void everyDrlFileHasATestClassNamedAfterIt() throws IOException {
        Path tests = TestSupport.root().resolve("src/test/java/cn/gov/assess/engine");
        List<String> drl;
        try (Stream<Path> s = Files.list(TestSupport.rulesDir())) {
            drl = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        }
        assertFalse(drl.isEmpty(), "rules/ 里应有 .drl 文件");
        List<String> missing = new ArrayList<>();
        for (String file : drl) {
            Matcher m = NUMBER.matcher(file);
            if (!m.matches()) {
                missing.add(file + "（文件名应以编号开头，如 90-某某.drl）");
                continue;
            }
            String prefix = "Rules" + m.group(1);
            boolean found;
            try (Stream<Path> s = Files.list(tests)) {
                found = s.filter(p -> p.getFileName().toString().matches(prefix + "[A-Z]\\w*Test\\.java"))
                        .anyMatch(p -> javadocNames(p, "rules/" + file));
            }
            if (!found) {
                missing.add(file + "（应有 " + prefix + "…Test.java，Javadoc 写“/** rules/" + file + "：…”）");
            }
        }
        assertEquals(List.of(), missing, "这些规则文件没有测试");
    }

    /** 类声明之前的最后一段 Javadoc 里是否以 file 开头。 */
    private static boolean javadocNames(Path source, String file) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int cls = text.indexOf("\nclass ");
        int doc = cls < 0 ? -1 : text.lastIndexOf("/**", cls);
        return doc >= 0 && text.substring(doc + 3, cls).replaceFirst("^[\\s*]+", "").startsWith(file);
    }
}
