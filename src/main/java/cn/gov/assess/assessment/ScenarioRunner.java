package cn.gov.assess.assessment;

import cn.gov.assess.policy.RuleSet;

import cn.gov.assess.facts.Period;
import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunNote;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.AnnexTable;
import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.intake.Importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 场景测试：fixtures/scenarios/&lt;名称&gt;/ 下放小份输入文件和 expected.csv（检查, 渠道, 对象, 期望），
 * 用给定的规则目录在一个临时内存库里导入、考核，逐项比对。
 */
public final class ScenarioRunner {
    public static final String EXPECTED = "expected.csv";

    /** 一个场景的结果。 */
    public record Outcome(String name, int checks, List<String> differences) {
        public boolean passed() { return differences.isEmpty(); }
    }

    private final RuleSet rules;

    public ScenarioRunner(RuleSet rules) {
        this.rules = rules;
    }

    /** 列出目录下的场景（含 expected.csv 的子目录），按名称排序。 */
    public static List<Path> scenarios(Path dir) {
        if (Files.isRegularFile(dir.resolve(EXPECTED))) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(EXPECTED))).sorted().toList();
        } catch (IOException e) {
            throw new InputException("无法读取场景目录 " + dir + "：" + e.getMessage());
        }
    }

    /**
     * 场景自带的规则改动（子目录“规则”）：CSV 表的数据行追加到同名表之后（参数表 thresholds.csv 里同参数、同渠道的行替换原行），
     * 其他文件（模板、DRL）新增或替换。
     */
    public static final String RULE_CHANGES = "规则";

    /** 把场景的规则改动加到规则目录上；场景没有改动时原样返回。 */
    public static RuleSet withChanges(RuleSet base, Path scenario) {
        Path dir = scenario.resolve(RULE_CHANGES);
        if (!Files.isDirectory(dir)) {
            return base;
        }
        RuleSet changes = RuleSet.load(dir);
        java.util.Map<String, String> files = new java.util.TreeMap<>(base.files());
        changes.files().forEach((path, text) -> {
            String old = files.get(path);
            if (old != null && path.equals(cn.gov.assess.facts.Parameters.FILE)) {
                files.put(path, replaceParameters(old, text));
            } else if (old != null && path.equals(cn.gov.assess.policy.FigureTable.FILE)) {
                files.put(path, replaceRows(old, text, 1)); // 数字.csv：同一比率的一行替换原行
            } else if (old != null && path.endsWith(".csv")) {
                String rows = text.contains("\n") ? text.substring(text.indexOf('\n') + 1) : "";
                files.put(path, (old.endsWith("\n") ? old : old + "\n") + rows);
            } else {
                files.put(path, text);
            }
        });
        return RuleSet.fromSnapshot(base.origin() + " 加上场景 " + scenario.getFileName() + " 的规则改动", files);
    }

    /**
     * 参数表的改动：与已有的一行同参数、同渠道的行替换那一行（场景要把开关改为“否”、把门槛改个数），其余接在末尾。
     * 参数与渠道两格不含逗号与引号，按每行的前两格比较即可。
     */
    static String replaceParameters(String old, String changes) {
        return replaceRows(old, changes, 2);
    }

    /** 改动表里与原表前 keyCells 格相同的行替换那一行，其余接在末尾。 */
    static String replaceRows(String old, String changes, int keyCells) {
        List<String> lines = new ArrayList<>(List.of(old.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> rows = List.of(changes.split("\n"));
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String key = parameterKey(row, keyCells);
            int at = -1;
            for (int i = 1; i < lines.size() && at < 0; i++) {
                if (parameterKey(lines.get(i), keyCells).equals(key)) {
                    at = i;
                }
            }
            if (at > 0) {
                lines.set(at, row);
            } else {
                lines.add(row);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String parameterKey(String line, int keyCells) {
        String[] cells = line.split(",", 3);
        return cells[0].strip() + '\u0001' + (keyCells > 1 && cells.length > 1 ? cells[1].strip() : "");
    }

    public Outcome run(Path scenario) {
        String name = scenario.getFileName().toString();
        RuleSet rules;
        try {
            rules = withChanges(this.rules, scenario);
        } catch (InputException e) {
            return new Outcome(name, 0, List.of("场景的规则改动无法读取：" + String.join("；", e.problems())));
        }
        List<String> diffs = new ArrayList<>();
        CsvTable expected;
        try {
            expected = CsvTable.read(scenario.resolve(EXPECTED));
        } catch (IOException e) {
            return new Outcome(name, 0, List.of("无法读取 expected.csv：" + e.getMessage()));
        }
        Period period = null;
        LocalDateTime cutoff = null;
        for (CsvTable.Row r : expected.rows()) {
            if (expected.get(r, "检查").equals("期间")) {
                period = Period.parse(expected.get(r, "期望"));
            } else if (expected.get(r, "检查").equals("截至")) {
                cutoff = DateTimes.parse(expected.get(r, "期望"), true);
            }
        }
        if (period == null) {
            return new Outcome(name, 0, List.of("expected.csv 缺少“期间”一行（检查=期间，期望=如 2021-Q4）"));
        }
        if (cutoff == null) {
            cutoff = period.defaultCutoff();
        }
        List<Path> inputs;
        try (Stream<Path> s = Files.list(scenario)) {
            inputs = s.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().equals(EXPECTED))
                    .sorted().toList();
        } catch (IOException e) {
            return new Outcome(name, 0, List.of(e.getMessage()));
        }
        String url = "jdbc:h2:mem:scenario" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        int checks = 0;
        try (Database db = Database.open(url)) {
            new Importer(db, rules).importPaths(inputs);
            RunStore store = new RunStore(db);
            RunStore.StoredRun run = store.load(new AssessPeriod(db, 1).assessAndSave(period, cutoff, rules).runId());
            for (CsvTable.Row r : expected.rows()) {
                String check = expected.get(r, "检查");
                if (check.equals("期间") || check.equals("截至")) {
                    continue;
                }
                checks++;
                String channel = expected.get(r, "渠道");
                String subject = expected.get(r, "对象");
                String want = expected.get(r, "期望");
                String got;
                try {
                    got = actual(run, check, channel, subject);
                } catch (IllegalArgumentException e) {
                    diffs.add("expected.csv 第 " + r.line() + " 行：" + e.getMessage());
                    continue;
                }
                if (!Objects.equals(want, got)) {
                    diffs.add(check + (channel.isEmpty() ? "" : " / " + channel) + (subject.isEmpty() ? "" : " / " + subject)
                            + "：应为“" + want + "”，实为“" + got + "”");
                }
            }
        } catch (InputException e) {
            diffs.add("出错：" + String.join("；", e.problems()));
        }
        return new Outcome(name, checks, diffs);
    }

    static String actual(RunStore.StoredRun run, String check, String channel, String subject) {
        if (check.startsWith("指标:") || check.startsWith("指标：")) {
            String indicator = check.substring(3);
            return run.indicators().stream().filter(v -> v.getIndicator().equals(indicator)
                            && (channel.isEmpty() ? v.getChannel() == null || v.getChannel().equals(cn.gov.assess.facts.Policy.ALL_CHANNELS)
                            : channel.equals(v.getChannel())) && label(run, v.getUnitId()).equals(subject))
                    .map(v -> v.getValue() == null ? "不计" : v.getValue().toPlainString()).findFirst().orElse("无此项");
        }
        if (check.startsWith("名单:") || check.startsWith("名单：")) {
            String list = check.substring(3);
            return run.lists().stream().filter(e -> e.getChannel().equals(channel) && e.getListName().equals(list))
                    .map(RunListEntry::getUnitLabel).collect(Collectors.joining("、"));
        }
        switch (check) {
            case "一票否决" -> {
                return run.disqualifications().stream().anyMatch(d -> label(run, d.getUnitId()).equals(subject)) ? "是" : "否";
            }
            case "监测结果", "存在的问题", "备注" -> {
                if (check.equals("备注") && !channel.equals("政府网站") && !channel.equals("政务新媒体")) {
                    return annexCell(run, check, channel, subject);
                }
                String kind = channel.equals("政府网站") ? RunCheckResult.WEBSITE : RunCheckResult.MEDIA;
                RunCheckResult row = run.checks().stream().filter(c -> c.getKind().equals(kind) && c.getSubject().equals(subject))
                        .findFirst().orElse(null);
                if (row == null) {
                    return "无此行";
                }
                return check.equals("监测结果") ? row.getResult() : check.equals("存在的问题") ? row.getProblems() : row.getRemark();
            }
            case "附件标题" -> { // 附件的标题（{期}/{季度} 已换成考核期用语，如“三月份”）；渠道一列写渠道名或附件表里的附件名
                String word = run.run().getPeriod().word();
                ChannelConfig cfg = run.rules().channels().get(channel);
                if (cfg != null) {
                    return cfg.annexTitle(word);
                }
                return run.rules().tables().annexes().stream().filter(x -> x.name().equals(channel)).findFirst()
                        .map(x -> x.title(word))
                        .orElseThrow(() -> new IllegalArgumentException("渠道或附件“" + channel + "”未配置"));
            }
            case "附件序号" -> {
                // 渠道的附件，或附件表（附件.csv）里的附件（渠道一列写附件名）
                // 政府网站、政务新媒体写监测范围名；这次运行没有产生的附件（不占号）为“无此附件”
                ChannelConfig cfg = run.rules().channels().get(channel);
                cn.gov.assess.policy.MonitoringNames names = cn.gov.assess.policy.MonitoringNames.of(run.rules().parameters());
                String key = channel.equals(names.website()) ? cn.gov.assess.policy.Numbering.WEBSITE
                        : channel.equals(names.media()) ? cn.gov.assess.policy.Numbering.MEDIA
                        : cn.gov.assess.policy.Numbering.annexKey(channel);
                int no = cfg != null ? cfg.annexNo() : run.rules().numbering().annex(key);
                return no == 0 ? "无此附件" : String.valueOf(no);
            }
            case "正文章节" -> {
                ChannelConfig cfg = run.rules().channels().get(channel);
                if (cfg == null && run.rules().omittedWhenEmpty().contains(channel)) {
                    return "无此节"; // 设了“无工单时省略”、本期没有工单的渠道
                }
                if (cfg == null) {
                    throw new IllegalArgumentException("渠道“" + channel + "”未配置");
                }
                return cfg.section();
            }
            case "正文提示" -> {
                return run.notes().stream().map(RunNote::getKey).anyMatch(subject::equals) ? "是" : "否";
            }
            default -> {
                return annexCell(run, check, channel, subject);
            }
        }
    }

    private static String annexCell(RunStore.StoredRun run, String check, String channel, String subject) {
        {
            {
                ChannelConfig cfg = run.rules().channels().get(channel);
                cn.gov.assess.policy.PolicyTables.Annex def = run.rules().tables().annexes().stream()
                        .filter(x -> x.name().equals(channel)).findFirst().orElse(null);
                if (cfg == null && def != null) {
                    int col = def.columns().indexOf(check);
                    int unitCol = def.columns().indexOf(cn.gov.assess.policy.PolicyTables.UNIT_COLUMN);
                    if (col < 0 || unitCol < 0) {
                        throw new IllegalArgumentException("附件“" + channel + "”没有列“" + check + "”（或没有“办理单位”列），它的列："
                                + String.join("、", def.columns()));
                    }
                    cn.gov.assess.notice.NoticeModel.AnnexSource a = cn.gov.assess.notice.TableAnnex.build(def,
                            run.rules().numbering().annex(cn.gov.assess.policy.Numbering.annexKey(def.name())), run);
                    return a.rows().stream().filter(row -> row.get(unitCol).equals(subject)).map(row -> row.get(col))
                            .findFirst().orElse("无此行");
                }
                if (cfg == null) {
                    throw new IllegalArgumentException("渠道“" + channel + "”未配置");
                }
                int col = cfg.columns().indexOf(check);
                if (col < 0) {
                    throw new IllegalArgumentException("未知检查项“" + check + "”：可用 期间、截至、名单:名单名、一票否决、监测结果、"
                            + "存在的问题、备注、正文提示、附件标题，或附件列名 " + String.join("、", cfg.columns()));
                }
                AnnexTable table = AnnexTable.build(cfg, run.run().getPeriod().word(), run.tallies());
                return table.rows().stream().filter(row -> row.get(0).equals(subject)).map(row -> row.get(col))
                        .findFirst().orElse("无此行");
            }
        }
    }

    private static String label(RunStore.StoredRun run, Long unitId) {
        return run.tallies().stream().filter(t -> Objects.equals(t.getUnitId(), unitId)).map(t -> t.getUnitLabel())
                .findFirst().orElse(String.valueOf(unitId));
    }
}
