package cn.gov.assess.notice;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RulesChecker;
import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunDisqualification;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunNote;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 模板能用的全部数据，只取自一次已保存的运行：每个单位每个渠道的每项数字（按 {@link Figures} 的中文名，计数与精确的比率，
 * 另有印在通报里的写法）、各渠道合计、名单成员及其取值与名次、按组的名单、一票否决及其工单编号、正文提示、监测结果、
 * 通报信息，以及规则表算出的指标（{@link #withIndicators}）。变量名用中文，含义见 {@link TemplateVars} 与 rules/README.md；
 * 原有的英文变量（section、orders、lists …）不变，照旧由 SectionRenderer、NoticeModel 提供。
 */
public final class TemplateModel {
    private final Map<Long, String> labels = new HashMap<>();
    private final Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> units = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> lists = new LinkedHashMap<>();
    private final List<Map<String, Object>> vetoes = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> indicators = new LinkedHashMap<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final List<Map<String, Object>> checks = new ArrayList<>();
    private final Map<String, String> meta;
    /** 规则表“名单.csv”给的全称与引导语（名单名 → [全称, 引导语]）。 */
    private final Map<String, String[]> titles = new HashMap<>();
    /** 规则表名单的排名依据（名单名 → 数字或指标名），成员的 .值 按它取。 */
    private final Map<String, String> rankBy = new HashMap<>();

    private TemplateModel(RunStore.StoredRun stored) {
        RuleSet rules = stored.rules();
        meta = new LinkedHashMap<>(stored.meta());
        List<String> declared = RulesChecker.declaredLists(rules);
        try {
            rules.tables().lists().forEach(l -> {
                titles.put(l.name(), new String[]{l.title(), l.intro()});
                rankBy.put(l.name(), l.rankBy());
            });
        } catch (cn.gov.assess.io.InputException e) {
            // 规则表有错时只是没有全称与引导语（rules check 会报告）
        }
        Map<String, ChannelConfig> configs = configs(rules);
        for (ChannelConfig c : configs.values()) {
            channel(c.name(), c);
        }
        List<RunTally> tallies = new ArrayList<>(stored.tallies());
        List<String> order = new ArrayList<>(configs.keySet());
        tallies.sort(Comparator.comparingInt((RunTally t) -> {
                    int i = order.indexOf(t.getChannel());
                    return i < 0 ? order.size() : i;
                }).thenComparing(RunTally::getChannel).thenComparingInt(RunTally::getUnitSortOrder)
                .thenComparing(RunTally::getUnitLabel));
        for (RunTally t : tallies) {
            Map<String, Object> ch = channel(t.getChannel(), configs.get(t.getChannel()));
            Tally tally = t.toTally();
            if (t.getUnitId() == null) {
                ch.put("合计", figures(tally));
                continue;
            }
            labels.put(t.getUnitId(), t.getUnitLabel());
            Map<String, Object> u = unitIn(t.getChannel(), t.getUnitLabel());
            u.put("排序", t.getUnitSortOrder());
            u.putAll(figures(tally));
            unit(t.getUnitLabel()).put("排序", t.getUnitSortOrder());
        }
        for (Map<String, Object> ch : channels.values()) {
            ch.putIfAbsent("合计", figures(new Tally((String) ch.get("名称"), null)));
            Map<String, Object> byName = submap(ch, "名单");
            for (String name : declared) {
                byName.put(name, emptyList(name, (String) ch.get("名称")));
            }
        }
        for (RunListEntry e : stored.lists()) {
            labels.putIfAbsent(e.getUnitId(), e.getUnitLabel());
            Map<String, Object> list = lists.computeIfAbsent(e.getChannel(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getListName(), k -> emptyList(k, e.getChannel()));
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("单位", e.getUnitLabel());
            member.put("组", e.getUnitGroup());
            member.put("序号", e.getPosition());
            member.put("名次", e.getRank());
            member.put("取值", e.getVolume());
            member.put("规则", e.getRuleName());
            member.put("理由", e.getReason());
            Map<String, Object> u = existingUnitIn(e.getChannel(), e.getUnitLabel());
            member.put("数字", u == null ? Map.of() : u.get("数字"));
            member.put("数值", u == null ? Map.of() : u.get("数值"));
            member.put("排名依据", rankBy.getOrDefault(e.getListName(), ""));
            member.put("值", memberValue(member, e.getVolume()));
            add(list, member);
            if (u != null) {
                u.put("组", e.getUnitGroup());
                list(u, "名单").add(e.getListName());
                submap(u, "名次").put(e.getListName(), e.getRank());
            }
            unit(e.getUnitLabel()).put("组", e.getUnitGroup());
        }
        lists.forEach((channel, byName) -> {
            Map<String, Object> ch = channels.get(channel);
            if (ch != null) {
                submap(ch, "名单").putAll(byName);
            }
        });
        for (String channel : channels.keySet()) {
            Map<String, Map<String, Object>> all = lists.computeIfAbsent(channel, k -> new LinkedHashMap<>());
            for (String name : declared) {
                all.putIfAbsent(name, emptyList(name, channel));
            }
        }
        for (RunDisqualification d : stored.disqualifications()) {
            Map<String, Object> v = new LinkedHashMap<>();
            String label = label(d.getUnitId());
            v.put("单位", label);
            v.put("渠道", d.getChannel());
            v.put("规则", d.getRuleName());
            v.put("理由", d.getReason());
            v.put("工单编号", d.getOrderNos().isEmpty() ? List.of() : Arrays.asList(d.getOrderNos().split(";")));
            vetoes.add(v);
            list(unit(label), "否决").add(v);
            Map<String, Object> ch = channels.get(d.getChannel());
            if (ch != null) {
                list(ch, "否决").add(v);
            }
            Map<String, Object> u = existingUnitIn(d.getChannel(), label);
            if (u != null) {
                list(u, "否决").add(v);
            }
        }
        for (RunNote n : stored.notes()) {
            List<String> keys = notes.computeIfAbsent(n.getScope(), k -> new ArrayList<>());
            if (!keys.contains(n.getKey())) {
                keys.add(n.getKey());
            }
            Map<String, Object> ch = channels.get(n.getScope());
            if (ch != null && !list(ch, "提示").contains(n.getKey())) {
                list(ch, "提示").add(n.getKey());
            }
        }
        cn.gov.assess.policy.MonitoringNames scopes = cn.gov.assess.policy.MonitoringNames.of(
                stored.rules().files().containsKey(cn.gov.assess.facts.Parameters.FILE) ? stored.rules().parameters() : null);
        for (RunCheckResult c : stored.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("类别", c.getKind().equals(RunCheckResult.WEBSITE) ? scopes.website() : scopes.media());
            m.put("序号", c.getSeq());
            m.put("平台", nz(c.getPlatform()));
            m.put("名称", nz(c.getSubject()));
            m.put("责任主体", nz(c.getOwnerLabel()));
            m.put("结果", nz(c.getResult()));
            m.put("问题", nz(c.getProblems()));
            m.put("备注", nz(c.getRemark()));
            checks.add(m);
        }
    }

    /**
     * 成员的 .值：名单排名依据的取值，照附件的写法（数字如 96%、32，指标照它的小数位如 98.00）；
     * 指标在 {@link #withIndicators} 里补上；不排名的名单是取值（数量）。
     */
    @SuppressWarnings("unchecked")
    private static String memberValue(Map<String, Object> member, int volume) {
        String key = (String) member.get("排名依据");
        Object text = key.isEmpty() ? null : ((Map<String, Object>) member.get("数字")).get(key);
        return text != null ? text.toString() : String.valueOf(volume);
    }

    /** 排名依据是指标的名单：成员的 .值 取这个单位这项指标印出的写法（按渠道的取本渠道的，跨渠道的取全部渠道的）。 */
    @SuppressWarnings("unchecked")
    private void memberIndicatorValues() {
        lists.forEach((channel, byName) -> byName.forEach((name, list) -> {
            String key = rankBy.getOrDefault(name, "");
            List<Map<String, Object>> values = indicators.get(key);
            if (values == null) {
                return;
            }
            for (Object o : (List<Object>) list.get("成员")) {
                Map<String, Object> member = (Map<String, Object>) o;
                values.stream().filter(v -> v.get("单位").equals(member.get("单位"))
                                && (v.get("渠道").equals(channel) || v.get("渠道").equals(Policy.ALL_CHANNELS)))
                        .findFirst().ifPresent(v -> member.put("值", v.get("文字")));
            }
        }));
    }

    /** 由一次已保存的运行建立模型（连同运行保存的指标）。 */
    public static TemplateModel of(RunStore.StoredRun stored) {
        TemplateModel m = new TemplateModel(stored);
        return stored.indicators() == null ? m : m.withIndicators(stored.indicators());
    }

    /**
     * 接入规则表算出的指标：有渠道的记在 全部渠道[渠道].单位[单位].指标[名称]，跨渠道的（渠道为空或“全部渠道”）
     * 记在 全部单位[单位].指标[名称]；
     * 另按指标名汇成 全部指标[名称]（各单位，按给出的顺序）。
     */
    public TemplateModel withIndicators(List<IndicatorValue> values) {
        for (IndicatorValue v : values) {
            String label = label(v.getUnitId());
            String channel = v.getChannel() == null || v.getChannel().equals(Policy.ALL_CHANNELS) ? null : v.getChannel();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("名称", v.getIndicator());
            m.put("单位", label);
            m.put("组", nz(v.getGroup()));
            m.put("渠道", channel == null ? Policy.ALL_CHANNELS : channel);
            if (v.getValue() != null) {
                m.put("值", v.getValue());
            }
            m.put("文字", v.getValue() == null ? "—" : v.getValue().toPlainString());
            m.put("算式", nz(v.getFormula()));
            List<Map<String, Object>> terms = new ArrayList<>();
            for (IndicatorValue.Term t : v.getTerms()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("名称", t.name());
                if (t.value() != null) {
                    tm.put("值", t.value());
                }
                tm.put("文字", t.value() == null ? "—" : t.value().toPlainString());
                terms.add(tm);
            }
            m.put("各项", terms);
            m.put("说明", v.getNote());
            indicators.computeIfAbsent(v.getIndicator(), k -> new ArrayList<>()).add(m);
            Map<String, Object> owner = channel == null ? unit(label) : unitIn(channel, label);
            submap(owner, "指标").put(v.getIndicator(), m);
            if (v.getGroup() != null && !v.getGroup().isEmpty()) {
                owner.putIfAbsent("组", v.getGroup());
                unit(label).putIfAbsent("组", v.getGroup());
            }
            if (channel != null) {
                @SuppressWarnings("unchecked")
                Map<String, List<Object>> byName = (Map<String, List<Object>>) (Map<String, ?>) submap(
                        channel(channel, null), "指标");
                byName.computeIfAbsent(v.getIndicator(), k -> new ArrayList<>()).add(m);
            }
        }
        memberIndicatorValues();
        return this;
    }

    /** 每个模板都有的变量（已有同名变量时不覆盖）。 */
    public Map<String, Object> common() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("全部渠道", channels);
        m.put("全部单位", units);
        m.put("全部名单", lists);
        m.put("全部否决", vetoes);
        m.put("全部指标", indicators);
        m.put("全部提示", notes);
        m.put("监测结果", checks);
        m.put("通报信息", meta);
        return m;
    }

    /** 一个渠道的正文模板另有的变量：本渠道的合计、单位、名单、否决、提示、指标。 */
    public Map<String, Object> forChannel(String channel) {
        Map<String, Object> m = common();
        Map<String, Object> ch = channel(channel, null);
        m.put("本渠道", ch);
        m.put("合计", ch.get("合计"));
        m.put("单位", ch.get("单位"));
        m.put("名单", ch.get("名单"));
        m.put("否决", ch.get("否决"));
        m.put("提示", ch.get("提示"));
        m.put("指标", ch.get("指标"));
        return m;
    }

    /** 把本模型的变量加到模板已有的变量里；名字相同的以原有的为准（旧模板照旧）。 */
    public static void addTo(Map<String, Object> target, Map<String, Object> extra) {
        extra.forEach(target::putIfAbsent);
    }

    /** 一个单位一个渠道的数字：数字（印在通报里的写法，比率如 96%、分母为 0 时为“—”）与数值（计数为整数，比率为分数）。 */
    static Map<String, Object> figures(Tally t) {
        Map<String, Object> text = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Figures.Figure f : Figures.all().values()) {
            BigDecimal v = f.value(t);
            text.put(f.name(), f.text(t));
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        t.getExtras().forEach((name, n) -> {
            text.putIfAbsent(name, String.valueOf(n));
            values.putIfAbsent(name, BigDecimal.valueOf(n));
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("数字", text);
        m.put("数值", values);
        return m;
    }

    private static Map<String, ChannelConfig> configs(RuleSet rules) {
        Map<String, ChannelConfig> out = new LinkedHashMap<>();
        if (!rules.files().containsKey(ChannelConfig.FILE)) {
            return out;
        }
        List<ChannelConfig> list = new ArrayList<>(rules.channels().values());
        list.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        list.forEach(c -> out.put(c.name(), c));
        return out;
    }

    private Map<String, Object> channel(String name, ChannelConfig c) {
        Map<String, Object> ch = channels.get(name);
        if (ch == null) {
            ch = new LinkedHashMap<>();
            ch.put("名称", name);
            ch.put("附件序号", c == null ? 0 : c.annexNo());
            ch.put("章节", c == null ? "" : c.section());
            ch.put("单位", new LinkedHashMap<String, Object>());
            ch.put("名单", new LinkedHashMap<String, Object>());
            ch.put("否决", new ArrayList<>());
            ch.put("提示", new ArrayList<>());
            ch.put("指标", new LinkedHashMap<String, Object>());
            channels.put(name, ch);
        }
        return ch;
    }

    private Map<String, Object> unit(String label) {
        return units.computeIfAbsent(label, k -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("名称", k);
            u.put("组", "");
            u.put("排序", 0);
            u.put("渠道", new LinkedHashMap<String, Object>());
            u.put("指标", new LinkedHashMap<String, Object>());
            u.put("否决", new ArrayList<>());
            return u;
        });
    }

    private Map<String, Object> existingUnitIn(String channel, String label) {
        Map<String, Object> ch = channels.get(channel);
        if (ch == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> u = (Map<String, Object>) submap(ch, "单位").get(label);
        return u;
    }

    private Map<String, Object> unitIn(String channel, String label) {
        Map<String, Object> u = existingUnitIn(channel, label);
        if (u != null) {
            return u;
        }
        u = new LinkedHashMap<>();
        u.put("名称", label);
        u.put("渠道", channel);
        u.put("组", "");
        u.put("排序", 0);
        u.putAll(figures(new Tally(channel, null)));
        u.put("名单", new ArrayList<>());
        u.put("名次", new LinkedHashMap<String, Object>());
        u.put("否决", new ArrayList<>());
        u.put("指标", new LinkedHashMap<String, Object>());
        submap(channel(channel, null), "单位").put(label, u);
        submap(unit(label), "渠道").put(channel, u);
        return u;
    }

    private Map<String, Object> emptyList(String name, String channel) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("名称", name);
        String[] t = titles.getOrDefault(name, new String[]{name, ""});
        l.put("全称", t[0] == null || t[0].isEmpty() ? name : t[0]);
        l.put("引导语", t[1] == null ? "" : t[1]);
        l.put("渠道", channel);
        l.put("成员", new ArrayList<>());
        l.put("单位", new ArrayList<>());
        l.put("分组", new ArrayList<>());
        l.put("各组", new LinkedHashMap<String, Object>());
        l.put("各组单位", new LinkedHashMap<String, Object>());
        l.put("排名依据", rankBy.getOrDefault(name, ""));
        l.put("人数", 0);
        return l;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> list, Map<String, Object> member) {
        ((List<Object>) list.get("成员")).add(member);
        ((List<Object>) list.get("单位")).add(member.get("单位"));
        Map<String, Object> byGroup = (Map<String, Object>) list.get("各组");
        List<Object> group = (List<Object>) byGroup.get((String) member.get("组"));
        if (group == null) {
            group = new ArrayList<>();
            byGroup.put((String) member.get("组"), group);
        }
        group.add(member);
        List<Object> grouped = new ArrayList<>();
        for (Object g : byGroup.values()) {
            List<Object> names = new ArrayList<>();
            for (Object o : (List<Object>) g) {
                names.add(((Map<String, Object>) o).get("单位"));
            }
            grouped.add(names);
        }
        list.put("分组", grouped);
        Map<String, Object> namesByGroup = (Map<String, Object>) list.get("各组单位");
        ((List<Object>) namesByGroup.computeIfAbsent((String) member.get("组"), k -> new ArrayList<>())).add(member.get("单位"));
        list.put("人数", ((List<Object>) list.get("成员")).size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> submap(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        return (List<Object>) m.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private String label(long unitId) {
        String l = labels.get(unitId);
        return l == null ? "单位 #" + unitId : l;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
