package cn.gov.assess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/架构.md 的包表与 ArchitectureTest.MAY_USE 一致：每个包一行，“可用”一列就是它可以引用的包。 */
class ArchitectureDocTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z]+)/` \\|[^|]*\\| ([^|]*) \\|$");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    @Test
    void packageTableMatchesMayUse() throws IOException {
        String doc = Files.readString(TestSupport.root().resolve("docs/架构.md"));
        Map<String, Set<String>> table = new TreeMap<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            Set<String> uses = new TreeSet<>();
            Matcher n = NAME.matcher(row.group(2));
            while (n.find()) {
                uses.add(n.group(1));
            }
            table.put(row.group(1), uses);
        }
        Map<String, Set<String>> mayUse = new TreeMap<>();
        ArchitectureTest.MAY_USE.forEach((k, v) -> mayUse.put(k, new TreeSet<>(v)));
        assertEquals(mayUse, table, "docs/架构.md 的包表应与 ArchitectureTest.MAY_USE 相同");
    }
}
