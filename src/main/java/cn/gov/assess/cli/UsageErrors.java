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

    /** 按 picocli 异常的类型与字段翻译，不看它的英文句子；args 是命令行上的参数（判断缺的选项是否写了）。 */
    static String chinese(CommandLine.ParameterException ex, String[] args) {
        String m = String.valueOf(ex.getMessage());
        if (ex instanceof CommandLine.MissingParameterException mp) {
            List<ArgSpec> missing = mp.getMissing();
            if (!missing.isEmpty() && missing.stream().allMatch(a -> given(a, args))) {
                return "选项 " + names(missing) + " 后面缺少取值";
            }
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
        if (ex.getCause() != null && ex.getArgSpec() != null) { // 取值转换失败（如 --run a）
            ArgSpec spec = ex.getArgSpec();
            return names(List.of(spec)) + " 的取值“" + ex.getValue() + "”不对：" + expected(spec);
        }
        return "命令行参数有误：" + quoted(m);
    }

    /** 这个选项在命令行上写了（写了却缺取值，与根本没写是两种错）。 */
    private static boolean given(ArgSpec spec, String[] args) {
        if (!(spec instanceof OptionSpec o) || args == null) {
            return false;
        }
        for (String a : args) {
            for (String n : o.names()) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return true;
                }
            }
        }
        return false;
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
