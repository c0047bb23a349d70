package cn.gov.assess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 每个包只能引用它那一行列出的包（docs/架构.md 的“可用”表，按 shared/DESIGN.md）；表里没有的包不许出现。
 * 表是有向无环的，所以包之间没有双向依赖，也没有向上的引用。
 */
class ArchitectureTest {
    static final Set<String> RECORDS = Set.of("io", "db", "facts", "unit");

    /** 包 → 它可以引用的包。 */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            entry("io", Set.of()),
            entry("facts", Set.of()),
            entry("db", Set.of("io")),
            entry("policy", Set.of("facts", "io")),
            entry("unit", Set.of("io", "db", "facts")),
            entry("monitoring", RECORDS),
            entry("workorder", RECORDS),
            entry("correction", union(RECORDS, "workorder")),
            entry("intake", union(RECORDS, "policy", "workorder", "monitoring", "correction")),
            entry("engine", Set.of("facts", "policy", "io")),
            entry("run", Set.of("db", "facts", "io", "policy")),
            entry("ruleversions", Set.of("db", "policy", "facts", "io")),
            entry("notice", Set.of("run", "policy", "facts", "io")),
            entry("audit", Set.of("run", "policy", "facts", "io", "notice")),
            entry("issuance", union(RECORDS, "policy", "workorder", "correction", "run")),
            entry("assessment", union(RECORDS, "policy", "workorder", "monitoring", "correction", "intake", "engine",
                    "run", "ruleversions", "notice", "audit", "issuance")),
            entry("bench", union(RECORDS, "policy", "workorder", "monitoring", "correction", "intake", "engine",
                    "run", "ruleversions", "notice", "audit", "issuance", "assessment")),
            entry("web", union(RECORDS, "policy", "workorder", "monitoring", "correction", "intake", "engine",
                    "run", "ruleversions", "notice", "audit", "issuance", "assessment")),
            entry("cli", union(RECORDS, "policy", "workorder", "monitoring", "correction", "intake", "engine",
                    "run", "ruleversions", "notice", "audit", "issuance", "assessment", "bench", "web")));

    static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new TreeSet<>(base);
        s.addAll(List.of(more));
        return s;
    }

    @Test
    void everyPackageUsesOnlyItsRow() throws IOException {
        Path root = Path.of("src/main/java/cn/gov/assess");
        Pattern ref = Pattern.compile("cn\\.gov\\.assess\\.([a-z]+)\\.[A-Z]");
        Set<String> violations = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> allowed = MAY_USE.get(pkg);
                if (allowed == null) {
                    unknown.add(pkg);
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.getFileName().toString().equals("FactNames.java")) {
                    continue; // 只在改写旧快照的全名时提到旧包名
                }
                Matcher m = ref.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.equals(pkg) || allowed.contains(target)) {
                        continue;
                    }
                    violations.add(f.getFileName().toString().replace(".java", "") + "（" + pkg + "）→ " + target);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "未列入“可用”表的包：" + unknown);
        assertEquals(List.of(), new ArrayList<>(violations));
    }

    @Test
    void noSourceFileOver450Lines() throws IOException {
        Path root = Path.of("src/main/java/cn/gov/assess");
        List<String> large = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                long lines = Files.readAllLines(f, StandardCharsets.UTF_8).size();
                String name = root.relativize(f).toString().replace('\\', '/');
                if (lines > 450) {
                    large.add(name + "：" + lines + " 行");
                }
            }
        }
        assertEquals(List.of(), large, "一个文件只做一件事：超过 450 行的应拆开");
    }

    @Test
    void theTableHasNoCycle() {
        for (String p : MAY_USE.keySet()) {
            Set<String> seen = new TreeSet<>();
            List<String> todo = new ArrayList<>(MAY_USE.get(p));
            while (!todo.isEmpty()) {
                String q = todo.remove(todo.size() - 1);
                assertTrue(!q.equals(p), "“可用”表里有环：" + p);
                assertTrue(MAY_USE.containsKey(q), p + " 可用的 " + q + " 不在表里");
                if (seen.add(q)) {
                    todo.addAll(MAY_USE.get(q));
                }
            }
        }
    }
}
