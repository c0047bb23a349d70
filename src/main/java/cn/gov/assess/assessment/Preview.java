package cn.gov.assess.assessment;

import cn.gov.assess.db.Database;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 预览规则草稿：用现行规则与草稿规则各对库中同一批数据、同一截至时点做一次不保存的考核（两边都是预演，
 * 所以差异只来自规则），比较两次结论：每个单位的数字、指标、名次、一票否决与名单，名单上谁进谁出（带草稿运行的理由），
 * 以及按各自规则排出的通报全文（逐行、行内逐字标出增删）。比较在 {@link PreviewComparison}，文字在 {@link PreviewText}。
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
     * 预览：base 是现行规则（为 null 时与“无”比较，见 {@link Nothing}：草稿预演的全部结果显示为新增），draft 是草稿；两边对同一考核期、同一截至时点（为 null 时取考核期最后一天 23:59:59）的已存数据
     * 各考核一次（在两个线程上同时进行），不保存。
     */
    public static Outcome run(Database db, RuleSet base, RuleSet draft, Period period, LocalDateTime cutoff) {
        return run(db, base, draft, period, cutoff, "现行规则", "草稿");
    }

    public static Outcome run(Database db, RuleSet base, RuleSet draft, Period period, LocalDateTime cutoff,
                              String baseName, String draftName) {
        long t0 = System.nanoTime();
        LocalDateTime c = cutoff != null ? cutoff : period.defaultCutoff();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "assess-preview");
            t.setDaemon(true);
            return t;
        });
        try {
            // 现行规则的预演与草稿的检查、预演同时进行；每边的规则会话再用一半的核
            int each = Math.max(1, cores / 2);
            Future<Side> baseSide = base == null ? null : pool.submit(() -> side(db, base, period, c, each, baseName));
            long tc = System.nanoTime();
            List<String> errors = check(draft, draftName);
            long checkNanos = System.nanoTime() - tc;
            if (!errors.isEmpty()) {
                // 不中断现行规则那一边（H2 文件库的线程在读写时被中断会关掉库文件），让它自己做完，结果丢弃
                if (baseSide != null) {
                    baseSide.cancel(false);
                }
                return new Outcome(errors, null);
            }
            Future<Side> draftSide = pool.submit(() -> side(db, draft, period, c, each, draftName));
            Side a;
            Side b;
            try {
                b = draftSide.get();
                a = baseSide == null ? nothing(b) : baseSide.get();
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
            Result r = PreviewComparison.compare(a, b, period, c, baseName, draftName, System.nanoTime() - t0);
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
        List<String> errors = new java.util.ArrayList<>(RulesCheck.errors(draft));
        if (!errors.isEmpty()) {
            errors.add(0, draftName + "未通过检查，不能预览（共 " + errors.size() + " 处错误）：");
        }
        return errors;
    }

    /** 一边的预演：考核（不保存）、排出通报。 */
    record Side(AssessmentResult result, RunStore.StoredRun stored, String noticeFile, String notice, long nanos) {
    }

    private static Side side(Database db, RuleSet rules, Period period, LocalDateTime cutoff, int threads, String name) {
        long t0 = System.nanoTime();
        AssessmentResult r;
        RunStore.StoredRun stored;
        Map<String, byte[]> files;
        try {
            r = new AssessPeriod(db, threads).trial(period, cutoff, rules);
            stored = RunStore.preview(r, rules);
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

    /** “无”的一边：与草稿一边同一考核期、同一数据与规则，没有任何结论，通报全文为空。 */
    private static Side nothing(Side b) {
        AssessmentResult r = Nothing.like(b.result());
        return new Side(r, Nothing.stored(b.result(), b.stored().rules()), b.noticeFile(), "", 0);
    }

    /** 纯文字的预览（命令行用），见 {@link PreviewText}。 */
    public static List<String> text(Outcome o, boolean full) {
        return PreviewText.lines(o, full);
    }
}
