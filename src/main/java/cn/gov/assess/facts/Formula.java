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
 * 或除数为 0 时，结果为 null，并说明是哪一项。
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

    /** 计算结果：取值（null 为无从计算）、用到的各项及其取值、无从计算时的说明。 */
    public record Result(BigDecimal value, Map<String, BigDecimal> terms, String problem) {
    }

    private sealed interface Node permits Num, Name, Neg, Bin {
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

    /** 有除法或用到比率（可能遇到分母为 0）。 */
    public boolean mayDivideByZero() {
        return text.contains("/") || text.contains("÷") || names.stream().anyMatch(n -> {
            Figures.Figure f = Figures.get(n);
            return f != null && f.rate();
        });
    }

    /** 按名字取值计算；lookup 对无从计算的项返回 null（不是未知名字：未知名字在检查规则时已报出）。 */
    public Result evaluate(Function<String, BigDecimal> lookup) {
        Map<String, BigDecimal> terms = new java.util.LinkedHashMap<>();
        for (String n : names) {
            terms.put(n, lookup.apply(n));
        }
        List<String> problems = new ArrayList<>();
        BigDecimal v = eval(root, terms, problems);
        return new Result(v, terms, problems.isEmpty() ? "" : String.join("；", problems));
    }

    private static BigDecimal eval(Node n, Map<String, BigDecimal> terms, List<String> problems) {
        if (n instanceof Num num) {
            return num.value();
        }
        if (n instanceof Name name) {
            BigDecimal v = terms.get(name.name());
            if (v == null && !problems.contains(name.name() + "无从计算")) {
                problems.add(name.name() + "无从计算");
            }
            return v;
        }
        if (n instanceof Neg neg) {
            BigDecimal v = eval(neg.inner(), terms, problems);
            return v == null ? null : v.negate();
        }
        Bin b = (Bin) n;
        BigDecimal l = eval(b.left(), terms, problems);
        BigDecimal r = eval(b.right(), terms, problems);
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
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

    /** 递归下降：表达式 = 项 {(+|-) 项}；项 = 因子 {(*|/) 因子}；因子 = 数字[%] | 名字 | (表达式) | -因子。 */
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
                names.add(name);
                return new Name(name, start + 1);
            }
            throw new FormulaException(i + 1, "第 " + (i + 1) + " 个字“" + c + "”不能出现在这里");
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
