package cn.gov.assess;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 没有一处按消息文字做决定：“是你的输入错还是程序错”“这是哪一行哪一列”“是不是模板的错”都看异常的类型与
 * {@link cn.gov.assess.io.Problem} 的字段，不看句子里有没有汉字、某个词或“第 N 行第 M 列”。
 */
class NoMessageTextDecisionsTest {
    static final Map<String, Pattern> FORBIDDEN = Map.ofEntries(
            entry("按是否含汉字判断", Pattern.compile("UnicodeScript\\.HAN|\\\\p\\{IsHan}|\\\\p\\{script=Han}|Failures\\.chinese")),
            entry("按异常消息的文字判断", Pattern.compile("getMessage\\(\\)\\)?\\.(contains|startsWith|endsWith|matches|equals|indexOf)\\(")),
            entry("按“参数表”判断", Pattern.compile("contains\\(\"参数表\"\\)")),
            entry("按“模板 ”判断", Pattern.compile("startsWith\\(\"模板 \"\\)")),
            entry("按 already in use 判断", Pattern.compile("already in use")),
            entry("从句子里拆“第 N 行第 M 列”", Pattern.compile("第 \\(")),
            entry("Jobs.readable 式的判断", Pattern.compile("String readable\\(Throwable")),
            entry("按 picocli 的英文句子判断", Pattern.compile("m\\.startsWith\\(\"(Missing|Invalid|Expected)")));

    @Test
    void noJavaFileDecidesByMessageText() throws IOException {
        Path root = TestSupport.root().resolve("src/main/java/cn/gov/assess");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String name = root.relativize(f).toString().replace('\\', '/');
                FORBIDDEN.forEach((what, p) -> {
                    if (p.matcher(text).find()) {
                        found.add(name + " " + what);
                    }
                });
            }
        }
        assertEquals(List.of(), found.stream().sorted().toList(), "按消息文字做决定的地方");
    }
}
