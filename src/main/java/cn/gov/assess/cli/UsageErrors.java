package cn.gov.assess.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** picocli 的命令行用法错误（英文）译成中文。 */
final class UsageErrors {
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private UsageErrors() {
    }

    static String chinese(CommandLine.ParameterException ex) {
        String m = String.valueOf(ex.getMessage());
        if (ex instanceof CommandLine.MissingParameterException mp) {
            if (m.startsWith("Missing required parameter for option")) {
                return "选项 " + names(mp.getMissing()) + " 后面缺少取值";
            }
            List<ArgSpec> missing = mp.getMissing();
            boolean options = missing.stream().allMatch(ArgSpec::isOption);
            return (options ? "缺少必填的选项：" : "缺少参数：") + names(missing);
        }
        if (ex instanceof UsageError) {
            return m;
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException ua) {
            List<String> unmatched = ua.getUnmatched();
            String what = unmatched.stream().map(u -> "“" + u + "”").collect(Collectors.joining("、"));
            boolean option = !unmatched.isEmpty() && unmatched.get(0).startsWith("-");
            String s = (option ? "没有这个选项：" : "多余的参数：") + what;
            List<String> suggestions = ua.getSuggestions();
            if (!suggestions.isEmpty()) {
                s += "，是不是要用：" + String.join("、", suggestions.subList(0, Math.min(3, suggestions.size())));
            }
            return s;
        }
        if (ex instanceof CommandLine.OverwrittenOptionException oo) {
            return "选项 " + names(List.of(oo.getOverwritten())) + " 只能给一次";
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return "参数太多：" + quoted(m);
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "这些选项不能同时使用：" + quoted(m);
        }
        if (m.startsWith("Invalid value for")) {
            ArgSpec spec = ex.getArgSpec();
            Matcher q = QUOTED.matcher(m.substring(m.indexOf(':') + 1));
            String value = q.find() ? q.group(1) : ex.getValue();
            return (spec == null ? "参数" : names(List.of(spec))) + " 的取值“" + value + "”不对：" + expected(spec);
        }
        if (m.startsWith("Expected parameter for option")) {
            return "选项 " + (ex.getArgSpec() == null ? "" : names(List.of(ex.getArgSpec()))) + " 后面缺少取值";
        }
        return "命令行参数有误：" + quoted(m);
    }

    private static String expected(ArgSpec spec) {
        if (spec == null) {
            return "格式不对";
        }
        Class<?> t = spec.type();
        if (t == Long.class || t == long.class || t == Integer.class || t == int.class) {
            return "应为整数";
        }
        if (t == Double.class || t == double.class) {
            return "应为数字";
        }
        if (t == Path.class) {
            return "应为文件或目录路径";
        }
        if (t.isEnum()) {
            return "可选：" + java.util.Arrays.stream(t.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、"));
        }
        return "格式不对";
    }

    private static String names(List<ArgSpec> specs) {
        return specs.stream().map(s -> {
            if (s instanceof OptionSpec o) {
                return o.longestName() + (o.paramLabel() == null || o.arity().max() == 0 ? "" : " " + o.paramLabel());
            }
            return ((PositionalParamSpec) s).paramLabel();
        }).collect(Collectors.joining("、"));
    }

    /** 英文消息里只取引号中的内容（选项名、值）。 */
    private static String quoted(String m) {
        Matcher q = QUOTED.matcher(m);
        StringBuilder s = new StringBuilder();
        while (q.find()) {
            if (!s.isEmpty()) {
                s.append("、");
            }
            s.append(q.group(1));
        }
        return s.toString();
    }
}
