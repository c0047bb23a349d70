package cn.gov.assess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 包之间只能向下依赖：一个包只引用列在它前面的包，因而没有双向依赖（DESIGN.md 的分层）。 */
class ArchitectureTest {
    /** 自下而上的层次；同一行的包互不引用。 */
    static final List<List<String>> LAYERS = List.of(
            List.of("io", "facts"),
            List.of("rules"),
            List.of("db"),
            List.of("unit"),
            List.of("monitoring"),
            List.of("workorder"),
            List.of("correction"),
            List.of("engine"),
            List.of("run"),
            List.of("notice"),
            List.of("audit"),
            List.of("bench"),
            List.of("web", "cli"));

    static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void packagesDependOnlyDownwards() throws IOException {
        Path root = Path.of("src/main/java/cn/gov/assess");
        Pattern ref = Pattern.compile("cn\\.gov\\.assess\\.([a-z]+)\\.[A-Z]");
        List<String> violations = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                if (layer(pkg) < 0) {
                    unknown.add(pkg);
                    continue;
                }
                Matcher m = ref.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.equals(pkg) || target.equals("assessment")) {
                        continue; // 旧包名只出现在兼容旧规则快照的改写里
                    }
                    if (layer(target) < 0 || layer(target) >= layer(pkg)) {
                        violations.add(f.getFileName() + "（" + pkg + "）引用了 " + target);
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "未列入分层的包：" + unknown);
        assertEquals(List.of(), violations.stream().distinct().toList());
    }
}
