package cn.gov.assess.assessment;

import cn.gov.assess.audit.RunDiff;

import cn.gov.assess.db.Database;
import cn.gov.assess.engine.Assessor;
import cn.gov.assess.facts.IndicatorValue;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Placing;
import cn.gov.assess.facts.Evaluation;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.PolicyTables;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunDisqualification;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunStore;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 预览规则草稿：用现行规则与草稿规则各对库中同一批数据、同一截至时点做一次不保存的考核（两边都是预演，
 * 所以差异只来自规则），比较两次结论：每个单位的数字、指标、名次、一票否决与名单，名单上谁进谁出（带草稿运行的理由），
 * 以及按各自规则排出的通报全文（逐行、行内逐字标出增删）。
 * <p>不写数据库：不保存运行、不写审计记录、不改默认运行。草稿未通过检查（规则编译、参数表、模板）时只给出中文错误。
 */
public final class Preview {
    /** 名单上的一个单位：名单内位次、名次与理由。 */
    public record Member(String unit, String group, int position, int rank, String reason) {
    }

    /** 一个名单（某渠道）的变化：新进入、不再列入（都按名单顺序），以及前后的完整名单。 */
    public record ListChange(String channel, String list, String title, List<Member> entering, List<Member> leaving,
                             List<String> before, List<String> after) {
        public String label() {
            return channel + "“" + title + "”";
        }
    }

    /** 一个单位（或渠道合计、监测对象）的一处变化。 */
    public record UnitChange(String unit, String scope, String kind, String what) {
    }

    public enum Mark { SAME, INSERTED, DELETED }

    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("(#{1,3}) ");

    /** 通报全文一行里的一段：未变、新增或删去。 */
    public record Segment(Mark mark, String text) {
        public boolean inserted() { return mark == Mark.INSERTED; }
        public boolean deleted() { return mark == Mark.DELETED; }
    }

    /** 通报全文的一行（合并后的：未变的行、整行新增、整行删去，或行内有增删）。 */
    public record NoticeLine(int baseNo, int draftNo, List<Segment> segments) {
        public boolean changed() {
            return segments.stream().anyMatch(s -> s.mark() != Mark.SAME);
        }

        /** 整行都是新增（或都是删去）时为 INSERTED / DELETED，其余为 SAME（未变或行内有增删）。 */
        public Mark whole() {
            if (segments.isEmpty()) {
                return Mark.SAME;
            }
            Mark m = segments.get(0).mark();
            return m != Mark.SAME && segments.stream().allMatch(s -> s.mark() == m) ? m : Mark.SAME;
        }

        /** Markdown 标题行（“# ”“## ”“### ” 开头、前缀未改动）的级别，其余为 0；网页按标题显示，不印出井号。 */
        public int heading() {
            if (segments.isEmpty()) {
                return 0;
            }
            java.util.regex.Matcher m = HEADING.matcher(segments.get(0).text());
            return m.lookingAt() && segments.get(0).mark() != Mark.DELETED ? m.group(1).length() : 0;
        }

        /** 显示用的各段：标题行去掉井号前缀。 */
        public List<Segment> shown() {
            int h = heading();
            if (h == 0) {
                return segments;
            }
            List<Segment> out = new ArrayList<>(segments);
            Segment first = out.get(0);
            String rest = first.text().substring(h + 1);
            if (rest.isEmpty()) {
                out.remove(0);
            } else {
                out.set(0, new Segment(first.mark(), rest));
            }
            return out;
        }

        public boolean insertedLine() { return whole() == Mark.INSERTED; }
        public boolean deletedLine() { return whole() == Mark.DELETED; }

        /** 纯文字写法：新增写成【+…】，删去写成【-…】。 */
        public String marked() {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                switch (s.mark()) {
                    case SAME -> sb.append(s.text());
                    case INSERTED -> sb.append("【+").append(s.text()).append("】");
                    case DELETED -> sb.append("【-").append(s.text()).append("】");
                }
            }
            return sb.toString();
        }
    }

    /** 通报全文的比较：file 是比较的文件（通报.md；规则没有全文模板时为 sections.md）。 */
    public record Notice(String file, List<NoticeLine> lines) {
        public long changedLines() {
            return lines.stream().filter(NoticeLine::changed).count();
        }
    }

    /** 预览结果。ruleFiles 是两份规则中不同的文件（及第一处不同）。 */
    public record Result(Period period, LocalDateTime cutoff, String baseName, String draftName, List<String> ruleFiles,
                         List<UnitChange> units, List<ListChange> lists, Notice notice, int orders, int assignments,
                         long millis) {
        public boolean unchanged() {
            return units.isEmpty() && lists.isEmpty() && notice.changedLines() == 0;
        }

        /** 有变化的单位（不含渠道合计与监测对象之外的重复）。 */
        public int changedUnits() {
            return (int) units.stream().map(UnitChange::unit).distinct().count();
        }
    }

    /** 草稿未通过检查时 errors 非空、result 为 null。 */
    public record Outcome(List<String> errors, Result result) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private Preview() {
    }

    /** 预览的考核期与截至时点。 */
    public record Target(Period period, LocalDateTime cutoff) {
    }

    /** 默认的考核期与截至时点：最近一次（未作废的）运行的；还没有运行时为 null。 */
    public static Target latest(Database db) {
        RunStore store = new RunStore(db);
        Long id = store.latestRunId();
        if (id == null) {
            return null;
        }
        return store.runs().stream().filter(r -> r.getId().equals(id)).findFirst()
                .map(r -> new Target(r.getPeriod(), r.getCutoff())).orElse(null);
    }

    /**
     * 预览：base 是现行规则，draft 是草稿；两边对同一考核期、同一截至时点（为 null 时取考核期最后一天 23:59:59）的已存数据
     * 各考核一次（在两个线程上同时进行），不保存。
     */
    public static Outcome run(Database db, RuleSet base, RuleSet draft, Period period, LocalDateTime cutoff) {
        return run(db, base, draft, period, cutoff, "现行规则", "草稿");
    }

    public static Outcome run(Database db, RuleSet base, RuleSet draft, Period period, LocalDateTime cutoff,
                              String baseName, String draftName) {
        long t0 = System.nanoTime();
        LocalDateTime c = cutoff != null ? cutoff : period.end().atTime(23, 59, 59);
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "assess-preview");
            t.setDaemon(true);
            return t;
        });
        try {
            // 现行规则的预演与草稿的检查、预演同时进行；每边的规则会话再用一半的核
            int each = Math.max(1, cores / 2);
            Future<Side> baseSide = pool.submit(() -> side(db, base, period, c, each, baseName));
            long tc = System.nanoTime();
            List<String> errors = check(draft, draftName);
            long checkNanos = System.nanoTime() - tc;
            if (!errors.isEmpty()) {
                // 不中断现行规则那一边（H2 文件库的线程在读写时被中断会关掉库文件），让它自己做完，结果丢弃
                baseSide.cancel(false);
                return new Outcome(errors, null);
            }
            Future<Side> draftSide = pool.submit(() -> side(db, draft, period, c, each, draftName));
            Side a;
            Side b;
            try {
                b = draftSide.get();
                a = baseSide.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InputException ie) {
                    return new Outcome(ie.problems(), null);
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("预览失败：" + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("预览被中断", e);
            }
            long t1 = System.nanoTime();
            Result r = compare(a, b, period, c, baseName, draftName, System.nanoTime() - t0);
            if (Boolean.getBoolean("assess.timing")) {
                System.err.printf("预览：检查草稿 %.2f 秒（与现行规则的考核同时），到两边都考核完、排好通报 %.2f 秒（现行 %.2f、草稿 %.2f），比较 %.2f 秒%n",
                        checkNanos / 1e9, (t1 - t0) / 1e9, a.nanos() / 1e9, b.nanos() / 1e9, (System.nanoTime() - t1) / 1e9);
            }
            return new Outcome(List.of(), r);
        } finally {
            pool.shutdown();
        }
    }

    /** 草稿的检查：与 rules check 相同的全部检查（{@link RulesCheck}）。 */
    static List<String> check(RuleSet draft, String draftName) {
        List<String> errors = RulesCheck.errors(draft);
        if (!errors.isEmpty()) {
            errors.add(0, draftName + "未通过检查，不能预览（共 " + errors.size() + " 处错误）：");
        }
        return errors;
    }

    /** 一边的预演：考核（不保存）、排出通报。 */
    private record Side(Assessor.Result result, RunStore.StoredRun stored, String noticeFile, String notice, long nanos) {
    }

    private static Side side(Database db, RuleSet rules, Period period, LocalDateTime cutoff, int threads, String name) {
        long t0 = System.nanoTime();
        Assessor.Result r;
        RunStore.StoredRun stored;
        Map<String, byte[]> files;
        try {
            r = new Assessor(db, threads).assess(period, cutoff, rules);
            stored = RunStore.preview(r);
            files = new ReportWriter().render(stored, false).files();
        } catch (InputException e) {
            List<String> problems = new ArrayList<>();
            problems.add(name + "不能考核或排出通报：");
            problems.addAll(e.problems());
            throw new InputException(problems);
        }
        String file = files.containsKey("通报.md") ? "通报.md" : "sections.md";
        return new Side(r, stored, file, new String(files.get(file), StandardCharsets.UTF_8), System.nanoTime() - t0);
    }

    private static Result compare(Side a, Side b, Period period, LocalDateTime cutoff, String baseName, String draftName,
                                  long nanos) {
        RunDiff.Result diff = RunDiff.compare(a.stored(), b.stored(), List.of(), baseName, draftName);
        List<String> ruleFiles = RunDiff.differingRuleFiles(a.stored().ruleFiles(), b.stored().ruleFiles());
        Map<Long, String> names = new TreeMap<>();
        a.result().units().forEach((id, u) -> names.put(id, u.getName()));
        b.result().units().forEach((id, u) -> names.put(id, u.getName()));
        Map<String, Integer> order = new LinkedHashMap<>();
        b.result().units().values().stream().sorted(Comparator.comparingInt(cn.gov.assess.facts.UnitInfo::getSortOrder))
                .forEach(u -> order.putIfAbsent(u.getName(), order.size()));

        List<UnitChange> units = new ArrayList<>();
        for (RunDiff.Change c : diff.changes()) {
            // RunDiff 的位置写成“范围 / 单位”（单位行）或“渠道 / 合计”
            int cut = c.where().lastIndexOf(" / ");
            String scope = cut < 0 ? "" : c.where().substring(0, cut).replace(" “", "“");
            String unit = cut < 0 ? c.where() : c.where().substring(cut + 3);
            String kind = switch (c.kind()) {
                case "数字变化" -> "数字";
                case "名单变化" -> "名单";
                case "监测结果变化" -> "监测";
                default -> c.kind();
            };
            if (kind.equals("名单") && c.what().startsWith("位次") && !c.what().contains("名次")) {
                continue; // 只是前面有单位进出、位次顺延，名次没变：名单变化里已有完整名单
            }
            units.add(new UnitChange(unit, scope, kind, c.what()));
        }
        indicators(a.result().indicators(), b.result().indicators(), names, units);
        places(a.result().placings(), b.result().placings(), names, units);
        vetoes(a.stored().disqualifications(), b.stored().disqualifications(), names, units);
        units.sort(Comparator.comparing((UnitChange u) -> u.unit().equals("合计") ? -1 : order.getOrDefault(u.unit(), Integer.MAX_VALUE))
                .thenComparing(UnitChange::unit).thenComparing(UnitChange::scope));

        List<ListChange> lists = lists(a, b);
        Notice notice = new Notice(b.noticeFile(), diffText(a.notice(), b.notice()));
        return new Result(period, cutoff, baseName, draftName, ruleFiles, units, lists, notice, b.result().orderCount(),
                b.result().assignmentCount(), nanos / 1_000_000);
    }

    private static void indicators(List<IndicatorValue> x, List<IndicatorValue> y, Map<Long, String> names,
                                   List<UnitChange> out) {
        Map<String, IndicatorValue> ix = new TreeMap<>();
        Map<String, IndicatorValue> iy = new TreeMap<>();
        x.forEach(v -> ix.put(v.getIndicator() + '\u0001' + v.getChannel() + '\u0001' + v.getUnitId(), v));
        y.forEach(v -> iy.put(v.getIndicator() + '\u0001' + v.getChannel() + '\u0001' + v.getUnitId(), v));
        Set<String> keys = new LinkedHashSet<>(ix.keySet());
        keys.addAll(iy.keySet());
        for (String k : keys) {
            String vx = value(ix.get(k));
            String vy = value(iy.get(k));
            if (!vx.equals(vy)) {
                IndicatorValue any = iy.getOrDefault(k, ix.get(k));
                out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())), any.getChannel(),
                        "指标", any.getIndicator() + " " + vx + " → " + vy));
            }
        }
    }

    private static String value(IndicatorValue v) {
        if (v == null) {
            return "无";
        }
        if (!v.isDefined()) {
            return "无从计算";
        }
        java.math.BigDecimal b = v.getValue().stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    /** 名次（排名类名单的组内名次与名额）的变化；入选与否的变化已在名单变化里。 */
    private static void places(List<Placing> x, List<Placing> y, Map<Long, String> names, List<UnitChange> out) {
        Map<String, Placing> px = new TreeMap<>();
        Map<String, Placing> py = new TreeMap<>();
        x.forEach(p -> px.put(p.getList() + '\u0001' + p.getChannel() + '\u0001' + p.getUnitId(), p));
        y.forEach(p -> py.put(p.getList() + '\u0001' + p.getChannel() + '\u0001' + p.getUnitId(), p));
        Set<String> keys = new LinkedHashSet<>(px.keySet());
        keys.addAll(py.keySet());
        for (String k : keys) {
            Placing p = px.get(k);
            Placing q = py.get(k);
            if (p != null && q != null && p.getPlace() == q.getPlace() && p.getValue().compareTo(q.getValue()) == 0) {
                continue; // 只是名额变了：入选与否的变化在名单变化里
            }
            Placing any = q != null ? q : p;
            out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())),
                    any.getChannel() + "“" + any.getList() + "”", "名次",
                    (p == null ? "不参加排名" : p.text()) + " → " + (q == null ? "不参加排名" : q.text())));
        }
    }

    private static void vetoes(List<RunDisqualification> x, List<RunDisqualification> y, Map<Long, String> names,
                               List<UnitChange> out) {
        Map<String, RunDisqualification> dx = new TreeMap<>();
        Map<String, RunDisqualification> dy = new TreeMap<>();
        x.forEach(d -> dx.put(d.getUnitId() + "\u0001" + d.getChannel() + '\u0001' + d.getRuleName(), d));
        y.forEach(d -> dy.put(d.getUnitId() + "\u0001" + d.getChannel() + '\u0001' + d.getRuleName(), d));
        Set<String> keys = new LinkedHashSet<>(dx.keySet());
        keys.addAll(dy.keySet());
        for (String k : keys) {
            RunDisqualification d = dx.get(k);
            RunDisqualification e = dy.get(k);
            if (d != null && e != null) {
                continue;
            }
            RunDisqualification any = e != null ? e : d;
            out.add(new UnitChange(names.getOrDefault(any.getUnitId(), String.valueOf(any.getUnitId())), any.getChannel(),
                    "一票否决", (e != null ? "新增一票否决：" : "不再一票否决（原为：") + any.getReason() + (e != null ? "" : "）")));
        }
    }

    private static List<ListChange> lists(Side a, Side b) {
        Map<String, List<RunListEntry>> la = byList(a.stored().lists());
        Map<String, List<RunListEntry>> lb = byList(b.stored().lists());
        Set<String> keys = new LinkedHashSet<>(lb.keySet());
        keys.addAll(la.keySet());
        Map<String, PolicyTables.ListDef> titles = new LinkedHashMap<>(a.stored().rules().listTitles());
        titles.putAll(b.stored().rules().listTitles());
        List<ListChange> out = new ArrayList<>();
        for (String k : keys) {
            List<RunListEntry> before = la.getOrDefault(k, List.of());
            List<RunListEntry> after = lb.getOrDefault(k, List.of());
            Set<Long> inBefore = new LinkedHashSet<>();
            before.forEach(e -> inBefore.add(e.getUnitId()));
            Set<Long> inAfter = new LinkedHashSet<>();
            after.forEach(e -> inAfter.add(e.getUnitId()));
            List<Member> entering = new ArrayList<>();
            for (RunListEntry e : after) {
                if (!inBefore.contains(e.getUnitId())) {
                    String placing = placing(b.result().placings(), e.getListName(), e.getChannel(), e.getUnitId());
                    String reason = Objects.toString(e.getReason(), "");
                    entering.add(new Member(e.getUnitLabel(), e.getUnitGroup(), e.getPosition(), e.getRank(),
                            reason + (placing == null || reason.contains(placing) ? "" : "（" + placing + "）")));
                }
            }
            List<Member> leaving = new ArrayList<>();
            for (RunListEntry e : before) {
                if (!inAfter.contains(e.getUnitId())) {
                    leaving.add(new Member(e.getUnitLabel(), e.getUnitGroup(), e.getPosition(), e.getRank(),
                            whyNot(b, e.getListName(), e.getChannel(), e.getUnitId())));
                }
            }
            List<String> x = before.stream().map(RunListEntry::getUnitLabel).toList();
            List<String> y = after.stream().map(RunListEntry::getUnitLabel).toList();
            if (entering.isEmpty() && leaving.isEmpty() && x.equals(y)) {
                continue;
            }
            RunListEntry any = after.isEmpty() ? before.get(0) : after.get(0);
            PolicyTables.ListDef def = titles.get(any.getListName());
            out.add(new ListChange(any.getChannel(), any.getListName(), def != null ? def.title() : any.getListName(),
                    entering, leaving, x, y));
        }
        return out;
    }

    private static Map<String, List<RunListEntry>> byList(List<RunListEntry> entries) {
        Map<String, List<RunListEntry>> out = new TreeMap<>();
        for (RunListEntry e : entries) {
            out.computeIfAbsent(e.getChannel() + '\u0001' + e.getListName(), k -> new ArrayList<>()).add(e);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(RunListEntry::getPosition)));
        return out;
    }

    private static String placing(List<Placing> placings, String list, String channel, long unitId) {
        return placings.stream().filter(p -> p.getList().equals(list) && p.getChannel().equals(channel) && p.getUnitId() == unitId)
                .findFirst().map(Placing::text).orElse(null);
    }

    /** 草稿运行里这个单位为什么不在名单上：名次在名额之外、条件不成立，或一票否决。 */
    private static String whyNot(Side b, String list, String channel, long unitId) {
        List<String> why = new ArrayList<>();
        for (Evaluation ev : b.result().evaluations()) {
            if (ev.getList().equals(list) && Objects.equals(ev.getChannel(), channel) && ev.getUnitId() == unitId && !ev.isPassed()) {
                ev.getFailed().forEach(f -> why.add(f.text()));
            }
        }
        String placing = placing(b.result().placings(), list, channel, unitId);
        if (why.isEmpty() && placing != null) {
            why.add(placing + "，在名额之外");
        }
        for (RunDisqualification d : b.stored().disqualifications()) {
            if (d.getUnitId() == unitId && why.isEmpty()) {
                why.add("一票否决：" + d.getReason());
            }
        }
        return why.isEmpty() ? "按草稿规则未选出" : String.join("；", why);
    }

    /**
     * 逐行比较两份全文；连续的改动行再逐字比较，行内标出增删。未变的行照原样列出，所以结果就是带标记的草稿全文
     * （删去的行也在其中）。
     */
    static List<NoticeLine> diffText(String base, String draft) {
        List<String> a = lines(base);
        List<String> b = lines(draft);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<NoticeLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int si = d.getSource().getPosition();
            while (i < si) {
                out.add(new NoticeLine(i + 1, j + 1, List.of(new Segment(Mark.SAME, a.get(i)))));
                i++;
                j++;
            }
            List<String> src = d.getSource().getLines();
            List<String> tgt = d.getTarget().getLines();
            switch (d.getType()) {
                case DELETE -> src.forEach(l -> out.add(new NoticeLine(0, 0, List.of(new Segment(Mark.DELETED, l)))));
                case INSERT -> tgt.forEach(l -> out.add(new NoticeLine(0, 0, List.of(new Segment(Mark.INSERTED, l)))));
                default -> out.addAll(inline(src, tgt));
            }
            i += src.size();
            j += tgt.size();
        }
        while (i < a.size()) {
            out.add(new NoticeLine(i + 1, j + 1, List.of(new Segment(Mark.SAME, a.get(i)))));
            i++;
            j++;
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** 几行改成几行：逐字比较（按字符，中文一字一个），再按换行切回各行。 */
    private static List<NoticeLine> inline(List<String> src, List<String> tgt) {
        List<String> x = chars(String.join("\n", src));
        List<String> y = chars(String.join("\n", tgt));
        Patch<String> patch = DiffUtils.diff(x, y);
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int si = d.getSource().getPosition();
            if (i < si) {
                segments.add(new Segment(Mark.SAME, String.join("", x.subList(i, si))));
            }
            if (!d.getSource().getLines().isEmpty()) {
                segments.add(new Segment(Mark.DELETED, String.join("", d.getSource().getLines())));
            }
            if (!d.getTarget().getLines().isEmpty()) {
                segments.add(new Segment(Mark.INSERTED, String.join("", d.getTarget().getLines())));
            }
            i = si + d.getSource().size();
        }
        if (i < x.size()) {
            segments.add(new Segment(Mark.SAME, String.join("", x.subList(i, x.size()))));
        }
        // 按换行切成行
        List<NoticeLine> out = new ArrayList<>();
        List<Segment> line = new ArrayList<>();
        for (Segment s : segments) {
            String[] parts = s.text().split("\n", -1);
            for (int k = 0; k < parts.length; k++) {
                if (k > 0) {
                    out.add(new NoticeLine(0, 0, List.copyOf(line)));
                    line.clear();
                }
                if (!parts[k].isEmpty()) {
                    line.add(new Segment(s.mark(), parts[k]));
                }
            }
        }
        out.add(new NoticeLine(0, 0, List.copyOf(line)));
        return out;
    }

    private static List<String> chars(String s) {
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    /** 纯文字的预览（命令行用）：汇总、名单变化、单位变化、通报全文（full 为假时只列改动的行及前后各一行）。 */
    public static List<String> text(Outcome o, boolean full) {
        List<String> out = new ArrayList<>();
        if (!o.ok()) {
            out.addAll(o.errors());
            return out;
        }
        Result r = o.result();
        out.add("预览（未保存）：" + r.draftName() + " 与 " + r.baseName() + "，考核期 " + r.period().code() + "，截至 "
                + r.cutoff().toString().replace('T', ' ') + "，同一批数据（工单 " + r.orders() + " 个，转办 " + r.assignments()
                + " 条），用时 " + String.format("%.1f", r.millis() / 1000.0) + " 秒");
        if (r.assignments() == 0) {
            out.add("注意：数据库中没有这个考核期（截至时点以前受理）的工单，两边都是空的考核；请确认考核期，或先导入数据。");
        }
        out.add("");
        out.add("一、汇总");
        if (r.ruleFiles().isEmpty()) {
            out.add("  两份规则的文件完全相同。");
        } else {
            out.add("  规则文件的不同：");
            r.ruleFiles().forEach(f -> out.add("    " + f));
        }
        if (r.unchanged()) {
            out.add("  没有变化：按" + r.draftName() + "考核，各单位的数字、名单和通报全文都与" + r.baseName() + "相同。");
            return out;
        }
        out.add("  " + r.changedUnits() + " 个单位（含合计、监测对象）有变化，" + r.lists().size() + " 个名单有变化，通报全文 "
                + r.notice().changedLines() + " 行有改动。");
        out.add("");
        out.add("二、名单变化");
        if (r.lists().isEmpty()) {
            out.add("  名单没有变化。");
        }
        for (ListChange l : r.lists()) {
            out.add("  " + l.label() + "：");
            l.entering().forEach(m -> out.add("    新进入  " + m.unit() + "（第 " + m.position() + " 位）：" + m.reason()));
            l.leaving().forEach(m -> out.add("    不再列入  " + m.unit() + "（原第 " + m.position() + " 位）：" + m.reason()));
            out.add("    现在：" + (l.after().isEmpty() ? "（无）" : String.join("、", l.after())));
        }
        out.add("");
        out.add("三、单位变化");
        if (r.units().isEmpty()) {
            out.add("  各单位的数字没有变化。");
        }
        for (UnitChange u : r.units()) {
            out.add("  " + u.unit() + (u.scope().isEmpty() ? "" : "（" + u.scope() + "）") + " " + u.kind() + "：" + u.what());
        }
        out.add("");
        out.add("四、通报全文（" + r.notice().file() + "；【+…】为新增，【-…】为删去）");
        List<NoticeLine> lines = r.notice().lines();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            boolean near = full || lines.get(k).changed() || (k > 0 && lines.get(k - 1).changed())
                    || (k + 1 < lines.size() && lines.get(k + 1).changed());
            if (!near) {
                skipped = true;
                continue;
            }
            if (skipped) {
                out.add("  ……");
                skipped = false;
            }
            out.add("  " + lines.get(k).marked());
        }
        if (skipped) {
            out.add("  ……");
        }
        return out;
    }
}
