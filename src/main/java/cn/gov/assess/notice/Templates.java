package cn.gov.assess.notice;

import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.RuleSet;
import freemarker.cache.StringTemplateLoader;
import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.NonBooleanException;
import freemarker.core.NonDateException;
import freemarker.core.NonHashException;
import freemarker.core.NonNumericalException;
import freemarker.core.NonSequenceException;
import freemarker.core.NonSequenceOrCollectionException;
import freemarker.core.NonStringException;
import freemarker.core.NonStringOrTemplateOutputException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 规则目录里的 FreeMarker 模板：统一的设置与渲染，出错时把 FreeMarker 的英文报错译成中文，
 * 写明模板文件、行、列与出错的名称（未知变量还列出此处可用的名称），不让英文原文到达使用者。
 */
public final class Templates {
    private static final String IDENT = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern FIRST = Pattern.compile("^(" + IDENT + ")");
    private static final Pattern STEP = Pattern.compile("^(?:\\.(" + IDENT + ")|\\[\\s*\"([^\"]*)\"\\s*\\])");

    private Templates() {
    }

    /** 规则目录（或运行快照）中全部 .ftl 的 FreeMarker 设置。 */
    public static Configuration configuration(RuleSet rules) {
        StringTemplateLoader loader = new StringTemplateLoader();
        rules.files().forEach((path, content) -> {
            if (path.endsWith(".ftl")) {
                loader.putTemplate(path, content);
            }
        });
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        return cfg;
    }

    /**
     * 渲染一个模板。模板不存在时报“what 模板名 不存在”；语法或取值出错时抛出一行中文：
     * “模板 目录/templates/x.ftl 第 3 行第 40 列：没有变量“foo”，可用的有：…”。
     */
    public static String render(Configuration cfg, RuleSet rules, String template, String what, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new InputException(what + " " + template + " 不存在");
        } catch (ParseException e) {
            throw new InputException(at(rules, template, e.getLineNumber(), e.getColumnNumber(), syntax(e)));
        } catch (TemplateException e) {
            throw new InputException(at(rules, template, e.getLineNumber(), e.getColumnNumber(), runtime(e)));
        } catch (IOException e) {
            throw new InputException(what + " " + template + " 无法读取");
        }
    }

    /** 模板里的一处错误：规则是模板文件（rule 不为空，以此与其他输入错误区分），行、列是数据。 */
    static Problem at(RuleSet rules, String template, Integer line, Integer column, String text) {
        return Problem.inRule(rules.where(template), line != null && line > 0 ? line : null,
                line != null && line > 0 && column != null && column > 0 ? column : null, where(rules, template, line, column), text);
    }

    static String where(RuleSet rules, String template, Integer line, Integer column) {
        StringBuilder sb = new StringBuilder("模板 ").append(rules.where(template));
        if (line != null && line > 0) {
            sb.append(" 第 ").append(line).append(" 行");
            if (column != null && column > 0) {
                sb.append("第 ").append(column).append(" 列");
            }
        }
        return sb.toString();
    }

    /** 语法错误（模板读入时）。 */
    static String syntax(ParseException e) {
        String m = e.getEditorMessage() == null ? "" : e.getEditorMessage();
        Matcher x;
        if ((x = Pattern.compile("Unknown directive: #(\\w+(?:\\.\\w+)*)").matcher(m)).find()) {
            return "语法错误：没有指令“<#" + x.group(1) + ">”（常用的有 <#if>、<#else>、<#list>、<#sep>、<#assign>；自定义宏写作 <@名称>）";
        }
        if ((x = Pattern.compile("unclosed \"?([^\".\\s]+)\"?").matcher(m)).find() && m.contains("end of file")) {
            String what = x.group(1);
            String closing = what.startsWith("#") ? "</" + what + ">" : "}";
            return "语法错误：到模板末尾，“" + (what.startsWith("#") ? "<" + what : "$" + what)
                    + "”还没有结束（缺少对应的“" + closing + "”）";
        }
        if (m.contains("already in FreeMarker-expression-mode")) {
            return "语法错误：这里还在前面的 <#…> 标记或 ${…} 里面（它可能缺少结尾的“>”或“}”），不能再写 ${…}；标记里直接写变量名";
        }
        if ((x = Pattern.compile("Encountered \"([^\"]*)\", but at this place only this can be closed: \"([^\"]*)\"")
                .matcher(m)).find()) {
            return "语法错误：结束标记“" + x.group(1) + "”与前面还没结束的“<" + x.group(2) + ">”不配对（应先写“</"
                    + x.group(2) + ">”，或检查标记的嵌套）";
        }
        if ((x = Pattern.compile("Encountered \"([^\"]*)\"").matcher(m)).find()) {
            String tok = x.group(1);
            if (tok.startsWith("</#")) {
                return "语法错误：多出的结束标记“" + tok + "”，前面没有与它配对的开始标记";
            }
            return "语法错误：此处不应出现“" + tok + "”（常见原因：${ } 或 <#if …> 里的表达式没写完，引号、括号不成对）";
        }
        if (m.contains("Lexical error")) {
            Matcher ch = Pattern.compile("encountered \"([^\"]*)\" \\((\\d+)\\)").matcher(m);
            if (ch.find()) {
                int code = Integer.parseInt(ch.group(2));
                String c = new String(Character.toChars(code));
                String hint = code == 0x3000 ? "全角空格" : code > 0xFF00 && code < 0xFF5F ? "全角符号" : "字符";
                return "语法错误：表达式里有不能用的" + hint + "“" + c + "”（表达式里的引号、括号、空格须是半角）";
            }
            return "语法错误：有没结束的引号或不能识别的字符（表达式里的引号、括号须是半角并且成对）";
        }
        return "语法错误：写法不合模板语法（检查 ${ } 与 <#…> 是否成对、引号是否成对且为半角）";
    }

    /** 渲染时的错误（取值）。 */
    static String runtime(TemplateException e) {
        String expr = e.getBlamedExpressionString();
        String shown = expr == null ? "" : "“" + expr + "”";
        if (e instanceof InvalidReferenceException && expr != null) {
            return missing(e.getEnvironment(), expr);
        }
        if (e instanceof NonNumericalException) {
            Matcher m = Pattern.compile("Can't convert this string to number: \"([^\"]*)\"").matcher(
                    String.valueOf(e.getMessageWithoutStackTop()));
            if (m.find()) {
                return "“" + m.group(1) + "”不是数，不能转成数";
            }
            return shown + "不是数，不能用于加减乘除或比大小";
        }
        if (e instanceof NonStringOrTemplateOutputException || e instanceof NonStringException) {
            return shown + "不是文字或数，不能直接印出（它是" + kind(e) + "：名单用 ?join(\"、\") 连起来，表用 [\"名称\"] 取其中一项）";
        }
        if (e instanceof NonHashException) {
            return shown + "不是可以用“.名称”或“[\"名称\"]”取项的表（它是" + kind(e) + "）";
        }
        if (e instanceof NonSequenceOrCollectionException || e instanceof NonSequenceException) {
            return shown + "不是名单（列表），不能用 <#list> 或 ?join（它是" + kind(e) + "）";
        }
        if (e instanceof NonBooleanException) {
            return shown + "不是“是/否”，不能直接作条件（它是" + kind(e) + "；名单用 ?has_content，数用 > 0 这样的比较）";
        }
        if (e instanceof NonDateException) {
            return shown + "不是日期";
        }
        String msg = String.valueOf(e.getMessageWithoutStackTop());
        if (msg.contains("by zero")) {
            return "除数为 0" + (expr == null ? "" : "：" + shown);
        }
        if (msg.contains("Can't compare values of these types")) {
            return shown + "两边不是同一类值，不能比较（数只能和数比，文字只能和文字比）";
        }
        return "模板在这里无法取值" + (expr == null ? "" : "（" + shown + "）") + "，请对照 bin/assess rules vars 检查写法";
    }

    private static String kind(TemplateException e) {
        String msg = String.valueOf(e.getMessageWithoutStackTop());
        Matcher m = Pattern.compile("has evaluated to an? ([\\w+]+)").matcher(msg);
        if (!m.find()) {
            return "另一类值";
        }
        String k = m.group(1);
        if (k.contains("hash")) {
            return "表";
        }
        if (k.contains("sequence") || k.contains("collection")) {
            return "名单（列表）";
        }
        if (k.contains("string")) {
            return "文字";
        }
        if (k.contains("number")) {
            return "数";
        }
        if (k.contains("boolean")) {
            return "是/否";
        }
        if (k.contains("date") || k.contains("time")) {
            return "日期";
        }
        return "另一类值";
    }

    /**
     * 未知变量或表中没有的项：沿着 a.b["c"] 逐步取值，找到第一个不存在的名字，列出它所在的表里有的名字。
     * 循环变量（如 &lt;#list … as u&gt; 的 u）也按出错时的环境取得。
     */
    static String missing(Environment env, String expr) {
        Matcher first = FIRST.matcher(expr);
        if (!first.find()) {
            return "“" + expr + "”没有值（变量不存在或为空）";
        }
        String name = first.group(1);
        String rest = expr.substring(first.end());
        TemplateModel value;
        try {
            value = env == null ? null : env.getVariable(name);
        } catch (TemplateModelException ex) {
            value = null;
        }
        if (value == null) {
            Matcher last = Pattern.compile("(?:\\.(" + IDENT + ")|\\[\\s*\"([^\"]*)\"\\s*\\])$").matcher(rest);
            if (!rest.isEmpty() && last.find()) {
                // 循环变量（<#list … as u> 的 u）出错时已离开循环，取不到它的值：只说出哪一项没有
                return "“" + expr.substring(0, expr.length() - last.group(0).length()) + "”中没有“"
                        + (last.group(1) != null ? last.group(1) : last.group(2)) + "”";
            }
            return "没有变量“" + name + "”" + available(env == null ? null : env.getDataModel());
        }
        StringBuilder path = new StringBuilder(name);
        while (!rest.isEmpty()) {
            Matcher step = STEP.matcher(rest);
            if (!step.find()) {
                return "“" + expr + "”没有值（变量不存在或为空）";
            }
            String key = step.group(1) != null ? step.group(1) : step.group(2);
            rest = rest.substring(step.end());
            TemplateModel next = null;
            if (value instanceof TemplateHashModel h) {
                try {
                    next = h.get(key);
                } catch (TemplateModelException ex) {
                    next = null;
                }
            }
            if (next == null) {
                return "“" + path + "”中没有“" + key + "”" + (value instanceof TemplateHashModel h ? available(h) : "");
            }
            path.append(step.group(0));
            value = next;
        }
        return "“" + expr + "”没有值";
    }

    private static String available(TemplateHashModel hash) {
        if (!(hash instanceof TemplateHashModelEx ex)) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            TemplateCollectionModel keys = ex.keys();
            for (TemplateModelIterator it = keys.iterator(); it.hasNext(); ) {
                TemplateModel k = it.next();
                if (k instanceof TemplateScalarModel s) {
                    names.add(s.getAsString());
                }
            }
        } catch (TemplateModelException e) {
            return "";
        }
        if (names.isEmpty()) {
            return "（这里是空的）";
        }
        List<String> shown = new ArrayList<>(names);
        String more = "";
        if (shown.size() > 80) {
            more = " 等 " + shown.size() + " 个";
            shown = shown.subList(0, 80);
        }
        return "，可用的有：" + String.join("、", shown) + more;
    }
}
