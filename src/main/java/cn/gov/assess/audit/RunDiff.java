package cn.gov.assess.audit;

import cn.gov.assess.facts.Figures;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.notice.Percent;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.run.CorrectionNote;
import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.run.RunTally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * 两次运行的差异：每个单位×渠道变了哪些数字（旧 → 新），名单上谁进、谁出、名次怎么变，监测结果的变化；
 * 每一处都追到原因：两次运行之间登记或撤回的更正，或两份规则快照中不同的文件。结果是数据（{@link Change} 的各种记录），
 * 命令行、网页（{@link DiffText}）与预览各自排成文字。
 */
public final class RunDiff {
    /** 一处变化的原因。 */
    public sealed interface Cause permits CorrectionCause, RuleFileCause, NewData {
    }

    /** 涉及这一处的更正（withdraws 为它撤回的更正编号；列出全部更正时不注明）。 */
    public record CorrectionCause(long id, Long withdraws) implements Cause {
    }

    /** 两份规则快照中不同的一个文件。 */
    public record RuleFileCause(RuleFileChange file) implements Cause {
    }

    /** 其间没有更正、规则也相同，数据指纹不同：新导入的数据。 */
    public record NewData() implements Cause {
    }

    /**
     * 两份规则快照中不同的一个文件：新增、删除或修改（修改时记第一处不同的行号与前后两行；行号为 0 表示逐行都相同）。
     * sentences 是规则表（.csv）的改动逐格用中文说的句子（与规则版本页相同，{@link RuleTable#describe}），别的文件为空。
     */
    public record RuleFileChange(String file, Kind kind, int line, String before, String after, List<String> sentences) {
        public enum Kind { 新增, 删除, 修改 }

        public RuleFileChange(String file, Kind kind, int line, String before, String after) {
            this(file, kind, line, before, after, List.of());
        }
    }

    /** 一处变化。 */
    public sealed interface Change permits FigureChange, ListEntryChange, CheckChange {
        List<Cause> causes();
    }

    /** 一个数字的前后取值（按附件的写法；没有这一行时为空串）。 */
    public record FigureDelta(String figure, String before, String after) {
    }

    /** 一个单位（unitId 为 null 时是渠道合计，unit 为“合计”）在一个渠道的数字变化。 */
    public record FigureChange(String channel, Long unitId, String unit, List<FigureDelta> figures, List<Cause> causes)
            implements Change {
        public boolean total() {
            return unitId == null;
        }
    }

    /** 一个单位在一个名单（某渠道）上的变化：位次为 null 表示不在名单上；reason 是新运行里的理由（不在名单上时为 null）。 */
    public record ListEntryChange(String channel, String list, long unitId, String unit, Integer positionBefore,
                                  Integer positionAfter, int rankBefore, int rankAfter, String reason, List<Cause> causes)
            implements Change {
        public boolean entering() {
            return positionBefore == null;
        }

        public boolean leaving() {
            return positionAfter == null;
        }

        public boolean rankChanged() {
            return !entering() && !leaving() && rankBefore != rankAfter;
        }
    }

    /** 一项监测结果（结果、问题、备注）；没有这一项时为 null。 */
    public record Check(String result, String problems, String remark) {
    }

    /** 一个监测对象（政府网站或某平台上的新媒体）的结果变化。 */
    public record CheckChange(String kind, String platform, String subject, String owner, Check before, Check after,
                              List<Cause> causes) implements Change {
        public boolean website() {
            return RunCheckResult.WEBSITE.equals(kind);
        }
    }

    /** 比较的结果：两边的称呼、考核期，其间的更正、不同的规则文件、数据是否另有变化（新旧转办条数），以及各处变化。 */
    public record Result(String nameA, String nameB, Period period, List<CorrectionNote> corrections,
                         List<RuleFileChange> ruleFiles, boolean newData, long assignmentsA, long assignmentsB,
                         List<Change> changes) {
        public String header() {
            return DiffText.header(this);
        }

        /** “两次运行之间”的各行。 */
        public List<String> causes() {
            return DiffText.causes(this);
        }

        public List<String> lines() {
            return DiffText.lines(this);
        }
    }

    /** 比较的数字，按附件的顺序；取值与名称取自 {@link Figures}（月度逾期是各月逾期件数的编码，不是数字目录里的一项）。 */
    static final List<String> FIGURES = List.of("应办件数", "实办数", "未办件数", "办结率", "逾期办结件数", "逾期未办件数",
            "逾期天数", "按期办结率");
    static final String MONTHLY = "月度逾期";

    private RunDiff() {
    }

    /** @param corrections 两次运行之间登记或撤回的更正（按编号） */
    public static Result compare(RunStore.StoredRun a, RunStore.StoredRun b, List<CorrectionNote> corrections, String nameA,
                                 String nameB) {
        List<RuleFileChange> ruleFiles = ruleFileChanges(a.ruleFiles(), b.ruleFiles());
        boolean dataDiffers = !a.run().getDataFingerprint().equals(b.run().getDataFingerprint());
        List<Change> changes = new ArrayList<>();
        Map<String, RunTally> ta = tallies(a);
        Map<String, RunTally> tb = tallies(b);
        TreeSet<String> keys = new TreeSet<>(ta.keySet());
        keys.addAll(tb.keySet());
        for (String k : keys) {
            RunTally x = ta.get(k);
            RunTally y = tb.get(k);
            Tally tx = x == null ? new Tally(null, null) : x.toTally();
            Tally ty = y == null ? new Tally(null, null) : y.toTally();
            List<FigureDelta> parts = new ArrayList<>();
            for (String name : FIGURES) {
                delta(name, shown(Figures.get(name), tx), shown(Figures.get(name), ty), parts);
            }
            RunTally any = y != null ? y : x;
            String channel = any.getChannel();
            if (!tx.encodeMonthly().equals(ty.encodeMonthly())) {
                // 月度逾期按附件备注的写法说（channels.csv 的备注格式，如“10月逾期 19件”），不印内部编码
                parts.add(new FigureDelta(MONTHLY, remark(a, channel, tx), remark(b, channel, ty)));
            }
            if (!parts.isEmpty()) {
                String label = any.getUnitId() == null ? "合计" : any.getUnitLabel();
                changes.add(new FigureChange(channel, any.getUnitId(), label, parts,
                        causes(corrections, ruleFiles, channel, any.getUnitId() == null ? null : names(a, b, any.getUnitId()),
                                dataDiffers)));
            }
        }
        Map<String, RunListEntry> la = lists(a);
        Map<String, RunListEntry> lb = lists(b);
        TreeSet<String> lk = new TreeSet<>(la.keySet());
        lk.addAll(lb.keySet());
        for (String k : lk) {
            RunListEntry x = la.get(k);
            RunListEntry y = lb.get(k);
            RunListEntry any = y != null ? y : x;
            if (x != null && y != null && x.getPosition() == y.getPosition() && x.getRank() == y.getRank()) {
                continue;
            }
            changes.add(new ListEntryChange(any.getChannel(), any.getListName(), any.getUnitId(), any.getUnitLabel(),
                    x == null ? null : x.getPosition(), y == null ? null : y.getPosition(), x == null ? 0 : x.getRank(),
                    y == null ? 0 : y.getRank(), y == null ? null : y.getReason(),
                    causes(corrections, ruleFiles, null, names(a, b, any.getUnitId()), dataDiffers)));
        }
        Map<String, RunCheckResult> ca = checks(a);
        Map<String, RunCheckResult> cb = checks(b);
        TreeSet<String> ck = new TreeSet<>(ca.keySet());
        ck.addAll(cb.keySet());
        for (String k : ck) {
            Check x = check(ca.get(k));
            Check y = check(cb.get(k));
            if (!Objects.equals(x, y)) {
                RunCheckResult any = cb.get(k) != null ? cb.get(k) : ca.get(k);
                changes.add(new CheckChange(any.getKind(), any.getPlatform(), any.getSubject(), any.getOwnerLabel(), x, y,
                        causes(corrections, ruleFiles, null, List.of(any.getOwnerLabel()), dataDiffers)));
            }
        }
        return new Result(nameA, nameB, b.run().getPeriod(), List.copyOf(corrections), ruleFiles, dataDiffers,
                a.run().getAssignmentCount(), b.run().getAssignmentCount(), changes);
    }

    private static String remark(RunStore.StoredRun r, String channel, Tally t) {
        try {
            ChannelConfig c = r.rules().channels().get(channel);
            if (c != null) {
                return AnnexTable.remark(c, t);
            }
        } catch (RuntimeException e) {
            // 规则快照读不出渠道表时照旧印编码
        }
        return t.encodeMonthly();
    }

    private static void delta(String name, String x, String y, List<FigureDelta> out) {
        if (!x.equals(y)) {
            out.add(new FigureDelta(name, x, y));
        }
    }

    /** 附件里的写法：计数为整数，比率为百分比（分母为 0 时为“—”）。 */
    static String shown(Figures.Figure f, Tally t) {
        return f.rate() ? Percent.format(f.numerator().applyAsLong(t), f.denominator().applyAsLong(t))
                : String.valueOf(f.count().applyAsLong(t));
    }

    private static Check check(RunCheckResult c) {
        return c == null ? null : new Check(c.getResult(), c.getProblems(), c.getRemark());
    }

    private static List<String> names(RunStore.StoredRun a, RunStore.StoredRun b, Long unitId) {
        List<String> out = new ArrayList<>();
        for (RunStore.StoredRun r : List.of(a, b)) {
            r.tallies().stream().filter(t -> Objects.equals(t.getUnitId(), unitId)).forEach(t -> out.add(t.getUnitLabel()));
            r.lists().stream().filter(e -> Objects.equals(e.getUnitId(), unitId)).forEach(e -> out.add(e.getUnitLabel()));
        }
        return out;
    }

    /** 一处变化的原因：涉及该单位（或该渠道合计）的更正；没有则是不同的规则文件；再没有则是新导入的数据。 */
    private static List<Cause> causes(List<CorrectionNote> corrections, List<RuleFileChange> ruleFiles, String channel,
                                      List<String> unitNames, boolean dataDiffers) {
        List<Cause> out = new ArrayList<>();
        for (CorrectionNote c : corrections) {
            boolean touches = unitNames == null
                    ? Objects.equals(c.channel(), channel)
                    : c.units().stream().anyMatch(unitNames::contains);
            if (touches && (channel == null || channel.equals(c.channel()))) {
                out.add(new CorrectionCause(c.id(), c.withdraws()));
            }
        }
        if (out.isEmpty() && unitNames != null && channel == null) {
            // 名单变化可能来自其他渠道的更正（如一票否决），列出全部更正
            corrections.forEach(c -> out.add(new CorrectionCause(c.id(), null)));
        }
        if (out.isEmpty()) {
            ruleFiles.forEach(f -> out.add(new RuleFileCause(f)));
        }
        if (out.isEmpty() && dataDiffers) {
            out.add(new NewData());
        }
        return out;
    }

    /** 两份规则快照中不同的文件（按文件名）。 */
    public static List<RuleFileChange> ruleFileChanges(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        List<RuleFileChange> out = new ArrayList<>();
        for (String f : all) {
            String x = a.get(f);
            String y = b.get(f);
            if (Objects.equals(x, y)) {
                continue;
            }
            if (x == null) {
                out.add(new RuleFileChange(f, RuleFileChange.Kind.新增, 0, null, null));
            } else if (y == null) {
                out.add(new RuleFileChange(f, RuleFileChange.Kind.删除, 0, null, null));
            } else {
                RuleFileChange first = firstDifference(f, x, y);
                out.add(new RuleFileChange(f, first.kind(), first.line(), first.before(), first.after(), sentences(f, x, y)));
            }
        }
        return out;
    }

    /** 规则表的改动，逐格一句（表读不成时为空，退回按行说）。 */
    private static List<String> sentences(String file, String x, String y) {
        if (!file.endsWith(".csv")) {
            return List.of();
        }
        try {
            return List.copyOf(RuleTable.describe(RuleTable.parse(x), RuleTable.parse(y)));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static RuleFileChange firstDifference(String file, String x, String y) {
        String[] lx = x.split("\n", -1);
        String[] ly = y.split("\n", -1);
        for (int i = 0; i < Math.max(lx.length, ly.length); i++) {
            String a = i < lx.length ? lx[i] : "";
            String b = i < ly.length ? ly[i] : "";
            if (!a.equals(b)) {
                return new RuleFileChange(file, RuleFileChange.Kind.修改, i + 1, a.strip(), b.strip());
            }
        }
        return new RuleFileChange(file, RuleFileChange.Kind.修改, 0, null, null);
    }

    private static Map<String, RunTally> tallies(RunStore.StoredRun r) {
        Map<String, RunTally> out = new LinkedHashMap<>();
        r.tallies().forEach(t -> out.put(t.getChannel() + '\u0001' + (t.getUnitId() == null ? "~" : String.format("%012d", t.getUnitId())), t));
        return out;
    }

    private static Map<String, RunListEntry> lists(RunStore.StoredRun r) {
        Map<String, RunListEntry> out = new LinkedHashMap<>();
        r.lists().forEach(e -> out.put(e.getChannel() + '\u0001' + e.getListName() + '\u0001' + String.format("%012d", e.getUnitId()), e));
        return out;
    }

    private static Map<String, RunCheckResult> checks(RunStore.StoredRun r) {
        Map<String, RunCheckResult> out = new LinkedHashMap<>();
        r.checks().forEach(c -> out.put(c.getKind() + '\u0001' + c.getPlatform() + '\u0001' + c.getSubject(), c));
        return out;
    }
}
