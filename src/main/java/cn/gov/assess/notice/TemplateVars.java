package cn.gov.assess.notice;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.policy.PolicyTables;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `rules vars`：模板可用的每个变量及其中文含义、每项数字的含义、规则目录定义的渠道与名单、写法示例。 */
public final class TemplateVars {
    /** 一个变量：写法与含义。 */
    public record Var(String name, String meaning) {
    }

    /** 每个渠道正文模板都有的原有变量。 */
    public static final List<Var> SECTION_CLASSIC = List.of(
            new Var("section", "本章的章节号，如“一”（channels.csv 的“正文章节”）"),
            new Var("channel", "渠道名，如“12345市民热线”"),
            new Var("annexNo", "本渠道统计表的附件序号"),
            new Var("quarter", "季度的称呼，如“四季度”"),
            new Var("year", "年份（印出时写 ${year?c}，免得印成 2,021）"),
            new Var("cutoff", "截至日期：cutoff.year、cutoff.monthValue、cutoff.dayOfMonth"),
            new Var("orders", "本渠道受理件数（不重复工单）"),
            new Var("handled", "本渠道实办件数"),
            new Var("unhandled", "本渠道未办件数"),
            new Var("open", "本渠道在办件数"),
            new Var("completionRate", "本渠道办结率，印出的写法，如 96%"),
            new Var("onTimeRate", "本渠道按期办结率，印出的写法"),
            new Var("overdueCompleted", "本渠道逾期办结件数"),
            new Var("overdueUnhandled", "本渠道逾期未办件数"),
            new Var("late", "本渠道逾期件数（逾期办结 + 逾期未办）"),
            new Var("overdueDays", "本渠道逾期天数合计"),
            new Var("lists[\"名单名\"]", "本渠道该名单的单位名，按名单顺序"),
            new Var("groups[\"名单名\"]", "本渠道该名单按组（镇街、部门）分开的单位名"),
            new Var("tableLists", "名单表里“正文”为“是”、本渠道上的名单，每个：l.name、l.title（全称）、l.intro（引导语）、l.members（单位名）"));

    /** 每个渠道正文模板另有的本渠道数据（新）。 */
    public static final List<Var> SECTION_NEW = List.of(
            new Var("合计.数字[\"数字名\"]", "本渠道合计（按不重复工单计）的一项数字，印在通报里的写法：件数如 12，比率如 96%、83.08%，分母为 0 时为“—”"),
            new Var("合计.数值[\"数字名\"]", "同一项数字的数值，可以比较和计算：件数为整数，比率为分数（0.96 表示 96%）；分母为 0 时没有这一项（用 ?? 判断）"),
            new Var("单位[\"单位名\"]", "本渠道的一个单位（按官方排序）；本期在本渠道没有工单的单位不在其中，按名称取时先用 ?? 判断"),
            new Var("单位[\"单位名\"].数字[\"数字名\"]", "该单位在本渠道的一项数字（写法同 合计.数字），如 单位[\"县人社局\"].数字[\"办结率\"]"),
            new Var("单位[\"单位名\"].数值[\"数字名\"]", "该单位在本渠道的一项数字的数值（同 合计.数值）"),
            new Var("单位[\"单位名\"].名称 / .组 / .排序", "单位名、名单分组（镇街、部门；不在任何名单或指标里时为空）、官方排序"),
            new Var("单位[\"单位名\"].名单 / .名次[\"名单名\"]", "该单位在本渠道上了哪些名单；在某个名单上的名次（不排名的名单为 0）"),
            new Var("单位[\"单位名\"].否决", "该单位在本渠道的一票否决（每条见 否决）"),
            new Var("单位[\"单位名\"].指标[\"指标名\"]", "该单位本渠道的一项指标（见 指标）"),
            new Var("名单[\"名单名\"]", "本渠道的一个名单；规则定义了但本渠道没有成员的名单也在，是空名单"),
            new Var("名单[\"名单名\"].成员", "按名单顺序的成员，每个成员：.单位 .组 .序号（名单中的位置） .名次（组内名次，不排名为 0） "
                    + ".取值（排名或入选依据的数量，如实办数） .值（排名依据的取值，照附件写法，如 98.00、96%；不排名的名单同 .取值） "
                    + ".排名依据 .规则 .理由 .数字[\"数字名\"] .数值[\"数字名\"]"),
            new Var("名单[\"名单名\"].单位", "成员的单位名（同 lists[\"名单名\"]）"),
            new Var("名单[\"名单名\"].分组", "按组分开的单位名（同 groups[\"名单名\"]）"),
            new Var("名单[\"名单名\"].各组[\"组名\"]", "一个组的成员（每个成员同 .成员）"),
            new Var("名单[\"名单名\"].各组单位[\"组名\"]", "一个组的单位名（按名单顺序），按组列名单时不必写 ?map(m -> m.单位)"),
            new Var("名单[\"名单名\"].排名依据", "规则表名单的排名依据（数字或指标名）；不排名的名单为空"),
            new Var("名单[\"名单名\"].人数", "成员个数"),
            new Var("名单[\"名单名\"].全称 / .引导语", "规则表“名单.csv”里的全称与正文引导语；表里没有时全称为名单名、引导语为空"),
            new Var("否决", "本渠道的一票否决，每条：.单位 .渠道 .规则 .理由 .工单编号（导致否决的工单编号列表）"),
            new Var("提示", "本渠道规则写出的正文提示（如“多次督促”）"),
            new Var("指标[\"指标名\"]", "本渠道按指标表算出的各单位取值，每条：.单位 .组 .渠道 .值（数值，无从计算时没有） "
                    + ".文字（印出的写法，无从计算时为“—”） .算式 .各项（每项 .名称 .值 .文字） .说明"),
            new Var("本渠道", "以上本渠道的全部数据（同 全部渠道[\"渠道名\"]），另有 .名称 .附件序号 .章节"));

    /** 正文“四”（政府网站与政务新媒体）的原有变量。 */
    public static final List<Var> MONITORING_CLASSIC = List.of(
            new Var("section", "章节号（参数“监测.正文章节”）"),
            new Var("quarter", "季度的称呼"),
            new Var("website.list / website.groups", "政府网站监测规则（60-政府网站监测.drl）所出名单的单位名 / 按组分开"),
            new Var("website.annexNo / website.units / website.notes", "附件序号 / 附件行数 / 正文提示"),
            new Var("media.list / media.groups", "政务新媒体监测规则（70-政务新媒体监测.drl）所出名单的单位名 / 按组分开"),
            new Var("media.annexNo / media.accounts / media.notes", "附件序号 / 附件账号数 / 正文提示（如“多次督促”）"),
            new Var("interviews", "本期举办过在线访谈的单位名"));

    /** 通报全文模板的原有变量。 */
    public static final List<Var> NOTICE_CLASSIC = List.of(
            new Var("issuer / docNo / addressees / cc / printer", "发文机关、文号、主送、抄送、印发机关（缺项印成“〔待填：文号〕”）"),
            new Var("date / printDate", "成文日期、印发日期，写成“2022年1月14日”"),
            new Var("meta[\"项目\"]", "通报信息.csv 的原值（没导入时没有，用 meta[\"文号\"]!\"\" 这样的写法）"),
            new Var("year / quarter / period", "年份（印出写 ${year?c}）、季度称呼、考核期代码如 2021-Q4"),
            new Var("sections", "已按正文模板排好的各章，按顺序"),
            new Var("monitoring", "有没有政府网站与新媒体监测（是/否）"),
            new Var("annexes", "各附件，按序号：a.no、a.title、a.notes"),
            new Var("tableLists", "名单表里“正文”为“是”的跨渠道名单（渠道为“全部渠道”，如红榜、黑榜），写法同渠道正文模板的 tableLists"));

    /** 每个模板都有的变量（新）。 */
    public static final List<Var> COMMON = List.of(
            new Var("全部渠道[\"渠道名\"]", "一个渠道的全部数据：.名称 .附件序号 .章节 .合计 .单位 .名单 .否决 .提示 .指标（含义同渠道正文模板里的同名变量）"),
            new Var("全部单位[\"单位名\"]", "一个单位：.名称 .组 .排序 .渠道[\"渠道名\"]（该单位在该渠道的数据，同 单位[\"单位名\"]） "
                    + ".否决（各渠道的一票否决） .指标[\"指标名\"]（跨渠道的指标）"),
            new Var("全部名单[\"渠道\"][\"名单名\"]", "任一渠道或监测范围（政府网站、政务新媒体、在线访谈）的名单（同 名单[\"名单名\"]）"),
            new Var("全部否决", "本期全部一票否决，每条：.单位 .渠道 .规则 .理由 .工单编号"),
            new Var("全部指标[\"指标名\"]", "一项指标的各单位取值（各渠道与跨渠道），每条同 指标[\"指标名\"] 的一条"),
            new Var("全部提示[\"范围\"]", "规则写出的正文提示，按范围（渠道或监测范围）"),
            new Var("监测结果", "政府网站与政务新媒体的每次监测结果：.类别 .序号 .平台 .名称 .责任主体 .结果 .问题 .备注"),
            new Var("通报信息[\"项目\"]", "通报信息.csv 的原值（同 meta）；没导入时是空的"));

    /**
     * 写法示例（测试逐条用示例运行渲染过）。名单、渠道与指标取自这个规则目录自己的表（名单表里第一个排名的名单、
     * 按附件序号的最后一个渠道、第一个跨渠道指标），目录里没有的就不举那一例：程序不认识任何名单名。
     */
    public static List<Var> examples(RuleSet rules) {
        List<Var> out = new ArrayList<>();
        out.add(new Var("${合计.数字[\"办结率\"]}", "本渠道的办结率，印成 96%"));
        out.add(new Var("<#if 单位[\"县人社局\"]??>${单位[\"县人社局\"].数字[\"办结率\"]}</#if>", "一个单位本渠道的办结率；先判断本期有没有它"));
        String list = exampleList(rules);
        if (list != null) {
            out.add(new Var("<#list 名单[\"" + list + "\"].成员 as m>${m.单位}（第${m.名次}名，实办${m.数字[\"实办数\"]}件）<#sep>、</#sep></#list>",
                    "名单成员连同名次和数字"));
            out.add(new Var("<#list 名单[\"" + list + "\"].各组单位 as 组名, 单位们>${组名}：${单位们?join(\"、\")}<#sep>；</#sep></#list>",
                    "按组列出名单"));
            out.add(new Var("<#list 名单[\"" + list + "\"].各组 as 组名, 成员>${组名}：<#list 成员 as m>${m.单位}（${m.值}）<#sep>、</#sep></#list>"
                    + "<#sep>；</#sep></#list>", "按组列出名单，带排名依据的取值（写法同附件）"));
        }
        out.add(new Var("<#list 单位 as 名称, u><#if (u.数值[\"办结率\"]!1) < 0.9>${名称}办结率${u.数字[\"办结率\"]}<#sep>，</#sep></#if></#list>",
                "办结率低于 90% 的单位（分母为 0 的不算）"));
        List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
        channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        if (!channels.isEmpty()) {
            String other = channels.get(channels.size() - 1).name();
            out.add(new Var("${全部渠道[\"" + other + "\"].合计.数字[\"实办数\"]}", "在任何模板里取另一个渠道的合计（该渠道须在 channels.csv 中）"));
        }
        out.add(new Var("<#list 全部否决 as v>${v.单位}（${v.工单编号?join(\"、\")}）<#sep>，</#sep></#list>", "被一票否决的单位与工单编号"));
        String indicator = exampleIndicator(rules);
        if (indicator != null) {
            out.add(new Var("<#if (全部单位[\"县人社局\"].指标[\"" + indicator + "\"])??>${全部单位[\"县人社局\"].指标[\"" + indicator
                    + "\"].文字}</#if>", "一个单位的跨渠道指标（指标表里定义的“" + indicator + "”）"));
        }
        return out;
    }

    /** 名单表里第一个排名的名单（没有排名的取第一个），规则目录没有名单表时取规则写出的第一个名单。 */
    private static String exampleList(RuleSet rules) {
        Map<String, PolicyTables.ListDef> defs = rules.listTitles();
        for (PolicyTables.ListDef l : defs.values()) {
            if (l.ranked() && !l.crossChannel()) {
                return l.name();
            }
        }
        if (!defs.isEmpty()) {
            return defs.keySet().iterator().next();
        }
        return null;
    }

    private static String exampleIndicator(RuleSet rules) {
        try {
            return rules.tables().indicators().stream().filter(i -> !i.perChannel()).map(PolicyTables.Indicator::name)
                    .findFirst().orElse(null);
        } catch (cn.gov.assess.io.InputException e) {
            return null;
        }
    }

    private TemplateVars() {
    }

    /** rules vars 的全部输出行。 */
    public static List<String> describe(RuleSet rules) {
        List<String> out = new ArrayList<>();
        out.add("模板可用的变量（规则目录 " + rules.where("").replaceAll("/$", "") + "）");
        out.add("写法：FreeMarker，变量写在 ${…} 里；中文名的项用 [\"名称\"] 取，如 单位[\"县人社局\"].数字[\"办结率\"]。");
        out.add("");
        List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
        channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        List<String> sectionTemplates = channels.stream().map(ChannelConfig::template).distinct().toList();
        out.add("一、各渠道正文模板（" + String.join("、", sectionTemplates) + "）");
        out.add("  原有变量：");
        vars(out, SECTION_CLASSIC);
        out.add("  本渠道的数据：");
        vars(out, SECTION_NEW);
        out.add("");
        Parameters p = rules.parameters();
        out.add("二、正文“四”模板（参数“监测.正文模板”：" + (p.has("监测.正文模板") ? p.text("监测.正文模板", null) : "未设") + "）");
        vars(out, MONITORING_CLASSIC);
        out.add("");
        out.add("三、通报全文模板（参数“" + NoticeModel.TEMPLATE_PARAMETER + "”："
                + (p.has(NoticeModel.TEMPLATE_PARAMETER) ? p.text(NoticeModel.TEMPLATE_PARAMETER, null) : "未设") + "）");
        vars(out, NOTICE_CLASSIC);
        out.add("");
        out.add("四、每个模板都有的变量");
        vars(out, COMMON);
        out.add("");
        out.add("五、数字（数字[\"…\"] 印出的写法，数值[\"…\"] 可比较计算；比率的数值是分数，分母为 0 时没有）");
        int w = Figures.names().stream().mapToInt(String::length).max().orElse(4);
        for (Figures.Figure f : Figures.all().values()) {
            out.add("  " + pad(f.name(), w) + "  " + (f.rate() ? "比率" : f.unit()) + "  " + f.meaning());
        }
        out.add("  规则用 $t.add(\"名称\", n) 记下的自定义计数也按它的名称出现在 数字、数值 里。");
        out.add("  （满意、签收、回退、重办几项：导出没有这些列时为 0，相应的率为“—”。）");
        out.add("");
        out.add("六、本规则目录定义的");
        for (ChannelConfig c : channels) {
            out.add("  渠道 " + c.name() + "：附件 " + c.annexNo() + "，正文“" + c.section() + "”，模板 " + c.template());
        }
        Map<String, Set<String>> lists = listChannels(rules);
        lists.forEach((name, chs) -> out.add("  名单 " + name + "：" + String.join("、", chs)));
        try {
            for (PolicyTables.Indicator i : rules.tables().indicators()) {
                out.add("  指标 " + i.name() + "：" + (i.perChannel()
                        ? (i.channels().isEmpty() ? "各渠道" : String.join("、", i.channels())) + "各算"
                        : "跨渠道（" + i.crossChannel() + "），在 全部单位[\"单位名\"].指标 里") + "，" + i.formula()
                        + (i.meaning().isEmpty() ? "" : "（" + i.meaning() + "）"));
            }
        } catch (cn.gov.assess.io.InputException e) {
            out.add("  （规则表有错，指标未列出；请先 bin/assess rules check）");
        }
        if (p.has("名单分组顺序")) {
            out.add("  名单分组：" + String.join("、", p.list("名单分组顺序")));
        }
        out.add("");
        out.add("七、写法示例");
        for (Var v : examples(rules)) {
            out.add("  " + v.name());
            out.add("      " + v.meaning());
        }
        return out;
    }

    /** 规则里写出的名单及其渠道（渠道写成变量的记作“各渠道”）。 */
    static Map<String, Set<String>> listChannels(RuleSet rules) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        RunStore.StoredRun sample = TemplateCheck.sample(rules, true);
        Set<String> configured = rules.channels().keySet();
        for (RunListEntry e : sample.lists()) {
            out.computeIfAbsent(e.getListName(), k -> new LinkedHashSet<>()).add(e.getChannel());
        }
        out.replaceAll((k, v) -> v.containsAll(configured) && !configured.isEmpty()
                ? merge("各渠道", v, configured) : v);
        return out;
    }

    private static Set<String> merge(String all, Set<String> chs, Set<String> configured) {
        Set<String> out = new LinkedHashSet<>();
        out.add(all);
        chs.stream().filter(c -> !configured.contains(c)).forEach(out::add);
        return out;
    }

    private static void vars(List<String> out, List<Var> vars) {
        for (Var v : vars) {
            out.add("    " + v.name());
            out.add("        " + v.meaning());
        }
    }

    private static String pad(String s, int w) {
        return s + "　".repeat(Math.max(0, w - s.length()));
    }
}
