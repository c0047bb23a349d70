package cn.gov.assess.notice;

import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.policy.RuleSet;
import freemarker.template.Configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 正文各渠道章节：用规则目录 templates/ 下的 FreeMarker 模板（工作人员可改）渲染。
 * 模板可用的变量见 rules/README.md。
 */
public final class SectionRenderer {
    private final Configuration freemarker;
    private final RuleSet rules;
    private TemplateModel model;
    private RunStore.StoredRun modelFor;

    public SectionRenderer(RuleSet rules) {
        this.rules = rules;
        freemarker = Templates.configuration(rules);
    }

    /** 同一次运行的模板模型只建一次（各渠道章节、正文“四”共用）。 */
    private TemplateModel templateModel(RunStore.StoredRun stored) {
        if (modelFor != stored) {
            model = TemplateModel.of(stored);
            modelFor = stored;
        }
        return model;
    }

    public String render(ChannelConfig channel, RunStore.StoredRun stored) {
        Map<String, Object> m = model(channel, stored);
        TemplateModel.addTo(m, templateModel(stored).forChannel(channel.name()));
        return render(channel.template(), "渠道“" + channel.name() + "”的正文模板", m);
    }

    /** 正文“四”：政府网站与政务新媒体。 */
    public String renderMonitoring(MonitoringReport report, RunStore.StoredRun stored) {
        Map<String, Object> m = report.model();
        TemplateModel.addTo(m, templateModel(stored).common());
        return render(stored.rules().parameters().text("监测.正文模板", null), "参数“监测.正文模板”指定的模板", m);
    }

    private String render(String template, String what, Map<String, Object> model) {
        return Templates.render(freemarker, rules, template, what, model).strip();
    }

    /**
     * 名单表里“正文”为“是”的名单（本范围上的）：名单名、全称、引导语、成员。默认模板在段末逐个写“引导语＋成员。”，
     * 新加的名单不改模板也能进正文。
     */
    static List<Map<String, Object>> tableLists(RunStore.StoredRun stored, String scope) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (cn.gov.assess.policy.PolicyTables.ListDef d : stored.rules().listTitles().values()) {
            if (!d.inText() || !d.channels().contains(scope)) {
                continue;
            }
            List<String> members = stored.lists().stream()
                    .filter(e -> e.getChannel().equals(scope) && e.getListName().equals(d.name()))
                    .map(RunListEntry::getUnitLabel).toList();
            Map<String, Object> l = new HashMap<>();
            l.put("name", d.name());
            l.put("title", d.title());
            l.put("intro", d.intro());
            l.put("members", members);
            out.add(l);
        }
        return out;
    }

    /** 规则定义的全部名单名：规则表（名单.csv）里的与本次运行产生的。 */
    static java.util.Set<String> listNames(RunStore.StoredRun stored) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        stored.rules().listTitles().keySet().forEach(names::add);
        stored.lists().forEach(e -> names.add(e.getListName()));
        return names;
    }

    static Map<String, Object> model(ChannelConfig channel, RunStore.StoredRun stored) {
        AssessmentRun run = stored.run();
        Tally total = stored.tallies().stream()
                .filter(t -> t.getChannel().equals(channel.name()) && t.getUnitId() == null)
                .findFirst().map(RunTally::toTally).orElse(new Tally(channel.name(), null));
        Map<String, Object> m = new HashMap<>();
        m.put("section", channel.section());
        m.put("channel", channel.name());
        m.put("annexNo", channel.annexNo());
        m.putAll(run.getPeriod().templateVariables()); // year、quarter（旧名）、periodWord、periodKind、periodStart…
        m.put("cutoff", run.getCutoff().toLocalDate());
        FrameWords.addTo(m, stored);
        m.put("orders", total.getDue());
        m.put("handled", total.getHandled());
        m.put("unhandled", total.getUnhandled());
        m.put("open", total.getOpen());
        m.put("completionRate", Percent.format(total.getHandled(), total.getDue()));
        m.put("onTimeRate", Percent.format(total.getOnTime(), total.getHandled()));
        m.put("overdueCompleted", total.getOverdueCompleted());
        m.put("overdueUnhandled", total.getOverdueUnhandled());
        m.put("late", total.getLate());
        m.put("overdueDays", total.getOverdueDays());
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> grouped = new LinkedHashMap<>();
        for (RunListEntry e : stored.lists()) {
            if (!e.getChannel().equals(channel.name())) {
                continue;
            }
            lists.computeIfAbsent(e.getListName(), k -> new ArrayList<>()).add(e.getUnitLabel());
            grouped.computeIfAbsent(e.getListName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getUnitGroup(), k -> new ArrayList<>()).add(e.getUnitLabel());
        }
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        grouped.forEach((k, v) -> groups.put(k, new ArrayList<>(v.values())));
        // 模板里引用了规则定义、但本渠道本期没有成员的名单时得到空表，而不是报错
        for (String known : listNames(stored)) {
            lists.putIfAbsent(known, List.of());
            groups.putIfAbsent(known, List.of());
        }
        m.put("lists", lists);
        m.put("groups", groups);
        m.put("tableLists", tableLists(stored, channel.name()));
        return m;
    }
}
