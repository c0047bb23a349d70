package cn.gov.assess.facts;

import cn.gov.assess.facts.Figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * 指标公式：用中文名写的四则运算，如 {@code 按期办结率*60 + 办结率*40 - 逾期未办件数*5}。
 * 可用 + - * /（也接受 × ÷ −）、括号、数字、百分数（90% 即 0.9）和名字（数字目录里的数字、别的指标、扣分）。
 * 计算用十进制（34 位有效数字），不经过二进制浮点；最后由指标按小数位舍入。某一项无从计算（比率的分母为 0）
 * 或除数为 0 时，结果为 null，并说明是哪一项；{@code 若无(满意率, 1)} 写出这一项无从计算时按什么算（逐项的“分母为零”）。
 */
public final class Formula {
    /** 解析失败：第几个字符、说明。 */
    public static final class FormulaException extends RuntimeException {
        private final int column;

        FormulaException(int column, String message) {
            super(message);
            this.column = column;
        }

        /** 出错位置，从 1 起算的第几个字。 */
        public int column() {
            return column;
        }
    }

    /** 计算结果：取值（null 为无从计算）、用到的各项及其取值、无从计算时的说明，以及相加的各部分（各项得分）。 */
    public record Result(BigDecimal value, Map<String, BigDecimal> terms, String problem, List<Part> parts) {
        public Result(BigDecimal value, Map<String, BigDecimal> terms, String problem) {
            this(value, terms, problem, List.of());
        }
    }

    /**
     * 公式最外层相加（相减）的一部分及其得分，如“满意率 82.22% × 30”得 24.666…（负号已算进 points）；
     * 解释时逐项列出一个单位每一项得了几分。points 为 null 表示这一部分无从计算。
     */
    public record Part(String text, BigDecimal points) {
    }

    /** 逐项“分母为零”的函数名：若无(甲, 乙) 在甲无从计算（比率分母为 0、除数为 0）时取乙。 */
    public static final String IF_NONE = "若无";

    private sealed interface Node permits Num, Name, Neg, Bin, IfNone {
    }

    private record IfNone(Node value, Node fallback) implements Node {
    }

    private record Num(BigDecimal value) implements Node {
    }

    private record Name(String name, int column) implements Node {
    }

    private record Neg(Node inner) implements Node {
    }

    private record Bin(char op, Node left, Node right) implements Node {
    }

    private static final Map<String, Formula> CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final Node root;
    private final List<String> names;

    private Formula(String text, Node root, List<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    /** 解析（同一公式只解析一次）；语法错误抛出 FormulaException。 */
    public static Formula of(String text) {
        Formula f = CACHE.get(text);
        if (f == null) {
            f = new Parser(text).parse();
            CACHE.put(text, f);
        }
        return f;
    }

    public String text() {
        return text;
    }

    /** 公式里出现的名字，按出现顺序、不重复。 */
    public List<String> names() {
        return names;
    }

    /** 有除法或用到比率（可能遇到分母为 0），且不在 若无(…) 里（若无 已写明那一项怎么算）。 */
    public boolean mayDivideByZero() {
        return uncovered(root);
    }

    private static boolean uncovered(Node n) {
        if (n instanceof Name name) {
            Figures.Figure f = Figures.get(name.name());
            return f != null && f.rate();
        }
        if (n instanceof Neg neg) {
            return uncovered(neg.inner());
        }
        if (n instanceof IfNone f) {
            return uncovered(f.fallback());
        }
        if (n instanceof Bin b) {
            return b.op() == '/' || uncovered(b.left()) || uncovered(b.right());
        }
        return false;
    }

    /** 按名字取值计算；lookup 对无从计算的项返回 null（不是未知名字：未知名字在检查规则时已报出）。 */
    public Result evaluate(Function<String, BigDecimal> lookup) {
        return evaluate(lookup, n -> null, (n, v) -> String.valueOf(v));
    }

    /**
     * 按名字取值计算。substitute 给出一项无从计算时的默认值（指标“分母为零”一列；null 为没有默认），
     * 它不用于 若无(…) 的第一个参数（那里按 若无 的第二个参数算）；shown 把一项的取值写成解释里的样子（如 96%）。
     */
    public Result evaluate(Function<String, BigDecimal> lookup, Function<String, BigDecimal> substitute,
                           java.util.function.BiFunction<String, BigDecimal, String> shown) {
        Map<String, BigDecimal> raw = new java.util.LinkedHashMap<>();
        for (String n : names) {
            raw.put(n, lookup.apply(n));
        }
        Eval e = new Eval(raw, substitute, shown);
        BigDecimal v = e.eval(root, false);
        Map<String, BigDecimal> terms = new java.util.LinkedHashMap<>();
        raw.forEach((k, x) -> terms.put(k, x != null ? x : e.substituted.get(k)));
        List<Part> parts = new ArrayList<>();
        List<Object[]> summands = new ArrayList<>();
        summands(root, false, summands);
        for (Object[] s : summands) {
            Eval pe = new Eval(raw, substitute, shown);
            BigDecimal pv = pe.eval((Node) s[0], false);
            boolean negative = (Boolean) s[1];
            parts.add(new Part((negative ? "−" : "") + pe.render((Node) s[0], false), pv == null ? null : negative ? pv.negate() : pv));
        }
        return new Result(v, terms, e.problems.isEmpty() ? "" : String.join("；", e.problems), List.copyOf(parts));
    }

    /** 最外层相加、相减的各部分（负号记在第二格）。 */
    private static void summands(Node n, boolean negative, List<Object[]> out) {
        if (n instanceof Bin b && (b.op() == '+' || b.op() == '-')) {
            summands(b.left(), negative, out);
            summands(b.right(), b.op() == '-' ? !negative : negative, out);
        } else {
            out.add(new Object[]{n, negative});
        }
    }

    /** 一次计算：各名字的取值、用过的默认值、无从计算的说明。 */
    private static final class Eval {
        private final Map<String, BigDecimal> raw;
        private final Function<String, BigDecimal> substitute;
        private final java.util.function.BiFunction<String, BigDecimal, String> shown;
        private final Map<String, BigDecimal> substituted = new java.util.HashMap<>();
        private final List<String> problems = new ArrayList<>();

        Eval(Map<String, BigDecimal> raw, Function<String, BigDecimal> substitute,
             java.util.function.BiFunction<String, BigDecimal, String> shown) {
            this.raw = raw;
            this.substitute = substitute;
            this.shown = shown;
        }

        /** inIfNone：在 若无(…) 的第一个参数里，不用“分母为零”一列的默认值。 */
        BigDecimal eval(Node n, boolean inIfNone) {
            if (n instanceof Num num) {
                return num.value();
            }
            if (n instanceof Name name) {
                BigDecimal v = raw.get(name.name());
                if (v == null && !inIfNone) {
                    v = substitute.apply(name.name());
                    if (v != null) {
                        substituted.put(name.name(), v);
                    }
                }
                if (v == null && !problems.contains(name.name() + "无从计算")) {
                    problems.add(name.name() + "无从计算");
                }
                return v;
            }
            if (n instanceof Neg neg) {
                BigDecimal v = eval(neg.inner(), inIfNone);
                return v == null ? null : v.negate();
            }
            if (n instanceof IfNone f) {
                Eval inner = new Eval(raw, substitute, shown);
                BigDecimal v = inner.eval(f.value(), true);
                return v != null ? v : eval(f.fallback(), inIfNone);
            }
            Bin b = (Bin) n;
            BigDecimal l = eval(b.left(), inIfNone);
            BigDecimal r = eval(b.right(), inIfNone);
            return apply(b.op(), l, r, problems);
        }

        /** 一部分的写法，名字后面写上取值：“满意率 82.22% × 30”；若无 取了第二个参数时写“（满意率 无从计算，按 1 计）”。 */
        String render(Node n, boolean inIfNone) {
            if (n instanceof Num num) {
                return plain(num.value());
            }
            if (n instanceof Name name) {
                BigDecimal v = raw.get(name.name());
                if (v == null && !inIfNone && substitute.apply(name.name()) != null) {
                    return name.name() + " 无从计算，按 " + shown.apply(name.name(), substitute.apply(name.name())) + " 计";
                }
                return name.name() + " " + (v == null ? "无从计算" : shown.apply(name.name(), v));
            }
            if (n instanceof Neg neg) {
                return "−" + wrap(neg.inner(), inIfNone, true);
            }
            if (n instanceof IfNone f) {
                Eval inner = new Eval(raw, substitute, shown);
                if (inner.eval(f.value(), true) != null) {
                    return inner.render(f.value(), true);
                }
                Eval fb = new Eval(raw, substitute, shown);
                BigDecimal v = fb.eval(f.fallback(), inIfNone);
                String fallback = v == null ? "无从计算"
                        : f.value() instanceof Name name ? shown.apply(name.name(), v) : plain(v);
                return "（" + inner.render(f.value(), true) + "，按 " + fallback + " 计）";
            }
            Bin b = (Bin) n;
            boolean mul = b.op() == '*' || b.op() == '/';
            String op = switch (b.op()) {
                case '+' -> " + ";
                case '-' -> " − ";
                case '*' -> " × ";
                default -> " ÷ ";
            };
            return wrap(b.left(), inIfNone, mul) + op + wrap(b.right(), inIfNone, mul || b.op() == '-');
        }

        private String wrap(Node n, boolean inIfNone, boolean tight) {
            String s = render(n, inIfNone);
            return tight && n instanceof Bin b && (b.op() == '+' || b.op() == '-') ? "（" + s + "）" : s;
        }
    }

    /** 数的写法：去掉末尾的 0（0.50 写 0.5，40 不写成 4E+1）。 */
    static String plain(BigDecimal v) {
        BigDecimal b = v.stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    private static BigDecimal apply(char op, BigDecimal l, BigDecimal r, List<String> problems) {
        if (l == null || r == null) {
            return null;
        }
        return switch (op) {
            case '+' -> l.add(r);
            case '-' -> l.subtract(r);
            case '*' -> l.multiply(r);
            default -> {
                if (r.signum() == 0) {
                    problems.add("除数为 0");
                    yield null;
                }
                yield l.divide(r, Figures.PRECISION);
            }
        };
    }

    /**
     * 递归下降：表达式 = 项 {(+|-) 项}；项 = 因子 {(*|/) 因子}；
     * 因子 = 数字[%] | 名字 | 若无(表达式, 表达式) | (表达式) | -因子。
     */
    private static final class Parser {
        private final String s;
        private int i;
        private final Set<String> names = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        Formula parse() {
            skip();
            if (i >= s.length()) {
                throw new FormulaException(1, "公式为空");
            }
            Node n = expr();
            skip();
            if (i < s.length()) {
                throw new FormulaException(i + 1, "第 " + (i + 1) + " 个字“" + s.charAt(i) + "”多余或缺少运算符");
            }
            return new Formula(s, n, List.copyOf(names));
        }

        private Node expr() {
            Node n = term();
            while (true) {
                skip();
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-' || s.charAt(i) == '−'
                        || s.charAt(i) == '＋' || s.charAt(i) == '－')) {
                    char c = s.charAt(i++);
                    n = new Bin(c == '+' || c == '＋' ? '+' : '-', n, term());
                } else {
                    return n;
                }
            }
        }

        private Node term() {
            Node n = factor();
            while (true) {
                skip();
                if (i < s.length() && "*×/÷＊／".indexOf(s.charAt(i)) >= 0) {
                    char c = s.charAt(i++);
                    n = new Bin(c == '*' || c == '×' || c == '＊' ? '*' : '/', n, factor());
                } else {
                    return n;
                }
            }
        }

        private Node factor() {
            skip();
            if (i >= s.length()) {
                throw new FormulaException(i + 1, "公式在末尾缺少一项");
            }
            char c = s.charAt(i);
            if (c == '-' || c == '−' || c == '－') {
                i++;
                return new Neg(factor());
            }
            if (c == '(' || c == '（') {
                int open = i;
                i++;
                Node n = expr();
                skip();
                if (i >= s.length() || (s.charAt(i) != ')' && s.charAt(i) != '）')) {
                    throw new FormulaException(open + 1, "第 " + (open + 1) + " 个字的左括号没有对应的右括号");
                }
                i++;
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                BigDecimal v;
                try {
                    v = new BigDecimal(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw new FormulaException(start + 1, "“" + s.substring(start, i) + "”不是数");
                }
                if (i < s.length() && (s.charAt(i) == '%' || s.charAt(i) == '％')) {
                    i++;
                    v = v.movePointLeft(2);
                }
                return new Num(v);
            }
            if (isNameChar(c)) {
                int start = i;
                while (i < s.length() && (isNameChar(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
                    i++;
                }
                String name = s.substring(start, i);
                int after = i;
                skip();
                if (i < s.length() && (s.charAt(i) == '(' || s.charAt(i) == '（')) {
                    return function(name, start);
                }
                i = after;
                names.add(name);
                return new Name(name, start + 1);
            }
            throw new FormulaException(i + 1, "第 " + (i + 1) + " 个字“" + c + "”不能出现在这里");
        }

        /** 函数：现在只有 若无(值, 无从计算时的值)。 */
        private Node function(String name, int start) {
            if (!name.equals(IF_NONE)) {
                throw new FormulaException(start + 1, "第 " + (start + 1) + " 个字起的“" + name + "”不是可用的函数；可用的函数："
                        + IF_NONE + "（如 若无(满意率, 1)：满意率无从计算时按 1 算）");
            }
            int open = i;
            i++;
            Node value = expr();
            skip();
            if (i >= s.length() || (s.charAt(i) != ',' && s.charAt(i) != '，')) {
                throw new FormulaException(i + 1, "第 " + (i + 1) + " 个字：" + IF_NONE + "(…) 要写两项，用逗号隔开，如 若无(满意率, 1)");
            }
            i++;
            Node fallback = expr();
            skip();
            if (i >= s.length() || (s.charAt(i) != ')' && s.charAt(i) != '）')) {
                throw new FormulaException(open + 1, "第 " + (open + 1) + " 个字的左括号没有对应的右括号");
            }
            i++;
            return new IfNone(value, fallback);
        }

        private static boolean isNameChar(char c) {
            return Character.isLetter(c) || c == '_' || c == '·';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
