package cn.gov.assess.notice;

import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.Note;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.io.InputException;
import cn.gov.assess.io.Problem;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.facts.Parameters;
import cn.gov.assess.facts.Policy;
import cn.gov.assess.policy.PolicyTables;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunDisqualification;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunNote;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;
import cn.gov.assess.facts.NoticeInfo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 模板检查：用规则目录建一次示例运行（每个渠道、每个名单分组、规则写出的每个名单与提示、监测结果、一票否决），
 * 按报告的做法渲染目录里的每个模板（channels.csv 的正文模板、参数“监测.正文模板”、参数“通报.全文模板”），
 * 报告未知变量与语法错误。示例渲染两遍：一遍各名单都有成员、通报信息齐全，一遍名单全空、没有通报信息，
 * 让 &lt;#if&gt; 的两个分支都走到；这样通过检查的目录，保存的运行在报告时不会因模板出错。
 */
public final class TemplateCheck {
    private static final Pattern LIST_ENTRY = Pattern.compile(
            "new\\s+ListEntry\\(\\s*\"([^\"]+)\"\\s*,\\s*(?:\"([^\"]+)\"|[^,]+)");
    private static final Pattern NOTE = Pattern.compile("new\\s+Note\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"");

    /** 检查结果：错误（已去重）与渲染过的模板数。 */
    public record Result(List<String> errors, int templates) {
        public boolean ok() { return errors.isEmpty(); }
    }

    private TemplateCheck() {
    }

    public static Result check(RuleSet rules) {
        Set<String> errors = new LinkedHashSet<>();
        Set<String> templates = new LinkedHashSet<>();
        for (boolean full : new boolean[]{true, false}) {
            RunStore.StoredRun sample;
            try {
                sample = sample(rules, full);
            } catch (InputException e) {
                return new Result(List.of(), 0); // 参数表、渠道表或规则表本身有错，已由规则检查报告
            }
            render(rules, sample, errors, templates);
        }
        // 全文模板经由运行快照渲染，报错里称作“运行 null 的规则快照中的 …”：改回实际检查的目录
        String snapshot = RuleSet.fromSnapshot("运行 null 的规则快照", Map.of()).where("");
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            String renamed = e.replace(snapshot, rules.where(""));
            if (!out.contains(renamed)) {
                out.add(renamed);
            }
        }
        return new Result(out, templates.size());
    }

    private static void render(RuleSet rules, RunStore.StoredRun sample, Set<String> errors, Set<String> templates) {
        SectionRenderer renderer = new SectionRenderer(rules);
        List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
        channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
        List<String> sections = new ArrayList<>();
        List<NoticeModel.AnnexSource> annexes = new ArrayList<>();
        int before = errors.size();
        for (ChannelConfig c : channels) { // 各渠道正文模板逐个渲染，一次报出全部有错的模板
            templates.add(c.template());
            annexes.add(new NoticeModel.AnnexSource(c.annexNo(), c.annexTitle(sample.run().getPeriod().word()), List.of(),
                    List.of(), List.of()));
            try {
                sections.add(renderer.render(c, sample));
            } catch (InputException e) {
                errors.addAll(e.problems());
                sections.add("（示例章节）");
            }
        }
        MonitoringReport monitoring = new MonitoringReport(sample);
        Parameters p = rules.parameters();
        if (p.has("监测.正文模板")) {
            templates.add(p.text("监测.正文模板", null));
            try {
                sections.add(renderer.renderMonitoring(monitoring, sample));
            } catch (InputException e) {
                errors.addAll(e.problems());
            }
        }
        boolean notice = NoticeModel.available(rules);
        if (notice) {
            templates.add(p.text(NoticeModel.TEMPLATE_PARAMETER, null));
        }
        if (errors.size() == before) {
            try { // 正文模板都通过了：按报告的做法完整排一遍（附件、全文模板及其【标记】），只是不生成 Word 与 Excel
                new ReportWriter().render(sample, false);
            } catch (InputException e) {
                errors.addAll(e.problems());
            }
        } else if (notice) {
            try { // 正文模板有错时，全文模板仍单独渲染一遍，只报模板本身的错（附件的核对等正文改好后再做）
                NoticeModel.compose(sample, sections, annexes, p.has("监测.正文模板"));
            } catch (InputException e) {
                e.located().stream().filter(x -> x.rule() != null).map(Problem::message).forEach(errors::add);
            }
        }
    }

    /**
     * 示例运行：每个渠道、每个名单分组各两个示例单位（另有一个不进名单的单位），名单与提示取自规则里写出的
     * new ListEntry("名单", 渠道 …)、new Note("范围", "提示" …)；渠道写成变量的名单放进每个渠道。
     */
    static RunStore.StoredRun sample(RuleSet rules, boolean full) {
        Parameters p = rules.parameters();
        Map<String, ChannelConfig> channels = rules.channels();
        Period period = Period.parse("2021-Q4");
        LocalDateTime cutoff = period.defaultCutoff();
        AssessmentRun run = new AssessmentRun(period, cutoff, cutoff, rules.fingerprint(), "-".repeat(64), 30, 60);
        run.complete("-".repeat(64), 30, 60, 0);
        List<String> groups = p.has("名单分组顺序") ? p.list("名单分组顺序") : List.of("镇街", "部门");
        List<UnitInfo> units = new ArrayList<>();
        long id = 1;
        for (String g : groups) {
            for (int i = 1; i <= 2; i++) {
                UnitInfo u = new UnitInfo(id, "示例" + g + "单位" + i, g, (int) id);
                u.setGroup(g);
                units.add(u);
                id++;
            }
        }
        UnitInfo other = new UnitInfo(id, "示例其他单位", "其他", (int) id);
        Map<String, Set<String>> listChannels = new LinkedHashMap<>();
        Map<String, Set<String>> notes = new LinkedHashMap<>();
        for (String file : rules.drlFiles()) {
            String text = rules.files().get(file);
            Matcher m = LIST_ENTRY.matcher(text);
            while (m.find()) {
                Set<String> chs = listChannels.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
                if (m.group(2) != null) {
                    chs.add(m.group(2));
                } else {
                    chs.addAll(channels.keySet());
                }
            }
            Matcher n = NOTE.matcher(text);
            while (n.find()) {
                notes.computeIfAbsent(n.group(1), k -> new LinkedHashSet<>()).add(n.group(2));
            }
        }
        PolicyTables tables = rules.tables();
        for (PolicyTables.ListDef l : tables.lists()) {
            Set<String> chs = listChannels.computeIfAbsent(l.name(), k -> new LinkedHashSet<>());
            chs.addAll(l.channels().isEmpty() ? channels.keySet() : l.channels());
        }
        List<RunTally> tallies = new ArrayList<>();
        for (ChannelConfig c : channels.values()) {
            tallies.add(new RunTally(null, tally(c.name(), null, 0), "合计", Integer.MAX_VALUE));
            int k = 0;
            for (UnitInfo u : units) {
                tallies.add(new RunTally(null, tally(c.name(), u.getId(), ++k), u.getName(), u.getSortOrder()));
            }
            tallies.add(new RunTally(null, tally(c.name(), other.getId(), 0), other.getName(), other.getSortOrder()));
        }
        List<RunListEntry> entries = new ArrayList<>();
        List<RunDisqualification> vetoes = new ArrayList<>();
        List<RunNote> runNotes = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        if (full) {
            listChannels.forEach((list, chs) -> {
                for (String ch : chs) {
                    int pos = 1;
                    for (UnitInfo u : units) {
                        entries.add(new RunListEntry(null, new ListEntry(list, ch, u, 10 - pos, pos, "示例规则", "示例理由"),
                                u.getName(), pos));
                        pos++;
                    }
                }
            });
            for (ChannelConfig c : channels.values()) {
                vetoes.add(new RunDisqualification(null, new Disqualification(other.getId(), c.name(), "示例规则", "示例理由",
                        List.of("示例工单1", "示例工单2"))));
            }
            notes.forEach((scope, keys) -> keys.forEach(key ->
                    runNotes.add(new RunNote(null, new Note(scope, key, "示例规则", "示例理由")))));
            for (String f : NoticeInfo.FIELDS) {
                meta.put(f, f.endsWith("日期") ? "2022-01-14" : "示例" + f);
            }
        }
        List<RunCheckResult> checks = List.of(
                new RunCheckResult(null, RunCheckResult.WEBSITE, 1, "", units.get(0).getName(), units.get(0).getName(),
                        units.get(0).getId(), "合格", "", ""),
                new RunCheckResult(null, RunCheckResult.MEDIA, 1, "微信", "示例账号", units.get(0).getName(),
                        units.get(0).getId(), "不合格", "示例问题", "示例备注"));
        List<IndicatorValue> indicators = new ArrayList<>();
        for (PolicyTables.Indicator i : tables.indicators()) {
            List<String> chs = !i.perChannel() ? List.of(Policy.ALL_CHANNELS)
                    : i.channels().isEmpty() ? new ArrayList<>(channels.keySet()) : i.channels();
            for (String ch : chs) {
                for (UnitInfo u : units) {
                    BigDecimal v = full ? new BigDecimal("88.5") : null;
                    indicators.add(new IndicatorValue("示例规则", i.name(), ch, u.getId(), u.getGroup(), v, i.formula(),
                            List.of(new IndicatorValue.Term("示例项", v)), full ? "" : "示例：无从计算"));
                }
            }
        }
        for (PolicyTables.Penalty d : tables.penalties()) { // 扣分也作为一项指标保存（Policy.deduction），按渠道
            if (!d.deduction()) {
                continue;
            }
            for (String ch : d.channels().isEmpty() ? channels.keySet() : d.channels()) {
                for (UnitInfo u : units) {
                    BigDecimal v = full ? new BigDecimal("5") : BigDecimal.ZERO;
                    indicators.add(new IndicatorValue("示例规则", d.name(), ch, u.getId(), u.getGroup(), v, d.field(),
                            List.of(new IndicatorValue.Term(d.field(), BigDecimal.ONE)), ""));
                }
            }
        }
        return new RunStore.StoredRun(run, tallies, entries, vetoes, checks, runNotes, meta, rules.files(), indicators, rules);
    }

    private static Tally tally(String channel, Long unitId, int k) {
        Tally t = new Tally(channel, unitId);
        int due = 10 + k;
        t.restore(due, due - 2, 2, 1, 1, 1, 3, "2021-10=1;2021-11=1", "示例工单1");
        return t;
    }
}
