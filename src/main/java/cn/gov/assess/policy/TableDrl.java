package cn.gov.assess.policy;

import cn.gov.assess.facts.Formula;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.policy.PolicyTables.Condition;
import cn.gov.assess.policy.PolicyTables.Indicator;
import cn.gov.assess.policy.PolicyTables.ListDef;
import cn.gov.assess.policy.PolicyTables.Penalty;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 规则表 → DRL：这里只把表格各行整理成模板要的数据（哪些指标先算、用哪个变量收集、考核范围怎样限定），
 * 生成的规则长什么样写在模板 src/main/resources/policy/规则表.drl.ftl 里。模板是程序生成规则的形状，
 * 不是工作人员的用语（工作人员改的是表格），所以随程序走，不放 rules/。
 */
final class TableDrl {
    static final String TEMPLATE = "规则表.drl.ftl";
    private static final Template SHAPE = load();

    private final PolicyTables tables;
    /** 收集指标取值的变量编号（$ivs1、$ivs2……），按生成顺序。 */
    private int inputVars;

    private TableDrl(PolicyTables tables) {
        this.tables = tables;
    }

    static String render(PolicyTables tables) {
        Map<String, Object> model = new TableDrl(tables).model();
        StringWriter out = new StringWriter();
        try {
            SHAPE.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("程序自带的规则表模板 " + TEMPLATE + " 有错：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Template load() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(TableDrl.class, "/policy");
        c.setDefaultEncoding("UTF-8");
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        try {
            return c.getTemplate(TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("sources", String.join("、", List.of(PolicyTables.INDICATORS, PolicyTables.LISTS, PolicyTables.CONDITIONS,
                PolicyTables.PENALTIES)));
        m.put("all", Policy.ALL_CHANNELS);
        m.put("cross", tables.indicators().stream().anyMatch(i -> !i.perChannel())
                || tables.lists().stream().anyMatch(l -> l.fromTable() && l.crossChannel()));
        m.put("penalties", tables.penalties().stream().map(this::penalty).toList());
        m.put("indicators", tables.indicators().stream().map(this::indicator).toList());
        m.put("lists", tables.lists().stream().filter(ListDef::fromTable).map(this::list).toList());
        return m;
    }

    private Map<String, Object> penalty(Penalty p) {
        Map<String, Object> m = new HashMap<>();
        m.put("file", PolicyTables.PENALTIES);
        m.put("line", p.line());
        m.put("comment", p.meaning().isEmpty() ? p.name() : p.meaning());
        m.put("rule", Policy.DEDUCTION_RULE_PREFIX + "：" + p.name());
        m.put("name", p.name());
        m.put("channels", p.channels());
        m.put("deduction", p.deduction());
        m.put("field", p.field());
        m.put("op", p.op());
        m.put("value", p.value());
        m.put("effect", p.effect());
        m.put("perItem", p.perItem());
        return m;
    }

    private Map<String, Object> indicator(Indicator i) {
        Map<String, Object> m = new HashMap<>();
        m.put("file", PolicyTables.INDICATORS);
        m.put("line", i.line());
        m.put("comment", i.meaning().isEmpty() ? i.name() + " = " + i.formula() : i.meaning());
        m.put("rule", PolicyTables.INDICATORS + "：" + i.name());
        m.put("name", i.name());
        m.put("channels", i.channels());
        m.put("perChannel", i.perChannel());
        m.put("sum", i.crossChannel().equals("合计"));
        m.put("inputs", inputs(indicatorInputs(Formula.of(i.formula()).names()), i.perChannel()));
        m.put("formula", i.formula());
        m.put("scale", i.scale());
        m.put("rounding", i.rounding());
        m.put("zero", i.zero());
        return m;
    }

    private Map<String, Object> list(ListDef l) {
        List<String> names = new ArrayList<>();
        l.conditions().forEach(c -> names.add(c.field()));
        if (l.ranked()) {
            names.add(l.rankBy());
        }
        Map<String, Object> m = new HashMap<>();
        m.put("file", PolicyTables.LISTS);
        m.put("line", l.line());
        m.put("comment", l.meaning().isEmpty() ? l.title() : l.meaning());
        m.put("prefix", PolicyTables.LISTS + "：" + l.name() + "：");
        m.put("name", l.name());
        m.put("channels", l.channels());
        m.put("cross", l.crossChannel());
        m.put("scope", scope(l.scope()));
        m.put("veto", l.veto());
        // 跨渠道指标的值记在“全部渠道”下，扣分记在各渠道下：按渠道的名单取同渠道的，跨渠道的名单取全部
        m.put("inputs", inputs(indicatorInputs(names), !l.crossChannel()));
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Condition c : l.conditions()) {
            conditions.add(Map.of("field", c.field(), "op", c.op(), "value", c.value()));
        }
        m.put("conditions", conditions);
        m.put("ranked", l.ranked());
        if (l.ranked()) {
            m.put("keyInputs", inputs(indicatorInputs(List.of(l.rankBy())), !l.crossChannel()));
            m.put("rankBy", l.rankBy());
            m.put("descending", l.descending());
            m.put("perGroup", l.perGroup());
            m.put("quota", l.quota());
        }
        return m;
    }

    /** 公式里用到的别的指标与扣分（它们先算出来，这条规则才触发；变了会重算）。 */
    private List<String> indicatorInputs(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (tables.indicator(n) != null
                    || tables.penalties().stream().anyMatch(p -> p.deduction() && p.name().equals(n))) {
                out.add(n);
            }
            if (n.equals(Policy.DEDUCTIONS)) {
                tables.penalties().stream().filter(Penalty::deduction).forEach(p -> out.add(p.name()));
            }
        }
        return out;
    }

    /**
     * 收集本单位的指标取值：按渠道的取同渠道的；跨渠道的取“全部渠道”下的指标与各渠道的扣分。
     * 没有要收集的时 n 为 0（模板写空表），否则按出现顺序编号。
     */
    private Map<String, Object> inputs(List<String> names, boolean sameChannel) {
        Map<String, Object> m = new HashMap<>();
        m.put("names", names);
        m.put("n", names.isEmpty() ? 0 : ++inputVars);
        m.put("sameChannel", sameChannel);
        m.put("deductions", tables.penalties().stream().filter(Penalty::deduction).map(Penalty::name)
                .filter(names::contains).toList());
        return m;
    }

    /** 考核范围：named 为写出的分组，others 为“其他”（不属于任何组的单位），all 为“全部”（不限）。 */
    private static Map<String, Object> scope(List<String> scope) {
        return Map.of("all", scope.contains("全部"), "others", scope.contains("其他"),
                "named", scope.stream().filter(g -> !g.equals("其他")).toList());
    }
}
