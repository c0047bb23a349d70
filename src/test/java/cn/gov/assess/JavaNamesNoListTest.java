package cn.gov.assess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 程序代码（不算注释）里不出现任何名单的名字：名单由 rules/ 的表格与 DRL 定义，Java 只按表读。 */
class JavaNamesNoListTest {
    static final Pattern DRL_LIST = Pattern.compile("Evaluation\\.of\\([^,]+,\\s*\"([^\"]+)\"");

    static Set<String> listNames(Path rules) throws IOException {
        Set<String> names = new TreeSet<>();
        List<String> lines = Files.readAllLines(rules.resolve("名单.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String name = line.split(",", 2)[0].strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        try (Stream<Path> drl = Files.list(rules)) {
            for (Path f : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = DRL_LIST.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    @Test
    void noJavaFileNamesAList() throws IOException {
        Path root = TestSupport.root();
        Set<String> names = listNames(root.resolve("rules"));
        assertTrue(names.size() >= 4, "应从规则目录读到名单：" + names);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                for (String n : names) {
                    if (code.contains(n)) {
                        found.add(f.getFileName() + " 写着名单“" + n + "”");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckSeesANameInCode() {
        String code = withoutComments("// 按期办结且办理较好\nString x = \"按期办结且办理较好\";");
        assertTrue(code.contains("按期办结且办理较好"));
        assertTrue(!withoutComments("/** 名单“按期办结且办理较好” */ int y;").contains("按期办结且办理较好"));
    }
}
