package cn.gov.assess.policy;

import cn.gov.assess.facts.Parameters;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * 规则目录（默认 rules/）：DRL 规则、参数表、渠道配置与正文模板。运行时从目录读取，不打进程序包；
 * 每次运行把目录内容按文件快照保存，旧运行可以按当时的规则重现与解释。
 */
public final class RuleSet {
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final String origin;
    private final TreeMap<String, String> files;
    private Parameters parameters;
    private Map<String, ChannelConfig> channels;

    private final boolean snapshot;
    /** 这次运行没有产生的附件与章节（{@link Numbering} 的键）；报告用的规则（{@link #producing}）才有，其余为空。 */
    private Set<String> absent = Set.of();

    private RuleSet(String origin, Map<String, String> files, boolean snapshot) {
        this.origin = origin;
        this.snapshot = snapshot;
        this.files = new TreeMap<>(files);
    }

    public static RuleSet load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new cn.gov.assess.io.InputException("规则目录不存在：" + dir.toAbsolutePath());
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                if (rel.toLowerCase().endsWith(".xlsx")) {
                    // 规则表也可以是 Excel 工作簿（第一个工作表）：读成 CSV 文字存进快照，行号与 Excel 里的行号一致
                    files.put(rel, xlsxAsCsv(p));
                } else if (rel.toLowerCase().endsWith(".csv")) {
                    // 参数表、渠道配置常在 Excel/WPS 里编辑后另存：UTF-8（含 BOM）或 GBK 都接受
                    String text = cn.gov.assess.io.CsvTable.decodeText(Files.readAllBytes(p));
                    if (text == null) {
                        throw new cn.gov.assess.io.InputException("规则目录中的 " + rel + " 编码无法识别，请另存为“CSV UTF-8”");
                    }
                    files.put(rel, text);
                } else {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new cn.gov.assess.io.InputException("规则目录中的文件必须是 UTF-8 编码：" + dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSet(dir.toString(), files, false);
    }

    private static String xlsxAsCsv(Path p) throws IOException {
        StringBuilder out = new StringBuilder();
        try (cn.gov.assess.io.RowSource in = cn.gov.assess.io.RowSource.open(p);
             org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out,
                     org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(in.header());
            int line = 1;
            while (in.next()) {
                // 空行照样占一行（全是逗号，读表时跳过），报错时的行号就是 Excel 里的行号
                while (++line < in.line()) {
                    csv.printRecord(java.util.Collections.nCopies(Math.max(in.header().size(), 2), ""));
                }
                List<String> row = new ArrayList<>();
                for (int i = 0; i < in.header().size(); i++) {
                    row.add(in.get(i));
                }
                csv.printRecord(row);
            }
        } catch (cn.gov.assess.io.InputException e) {
            throw e;
        }
        return out.toString();
    }

    public static RuleSet fromSnapshot(String origin, Map<String, String> files) {
        return new RuleSet(origin, files, true);
    }

    /**
     * 给一次运行排报告用的规则：absent 里的附件与章节（没有监测数据时的 {@link Numbering#WEBSITE}、{@link Numbering#MEDIA}、
     * {@link Numbering#MONITORING}，设了“无工单时省略”而本期没有工单的渠道 {@link Numbering#channelKey}）不列出、不占号，
     * 渠道表里也没有这些渠道。absent 为空时就是本对象。
     */
    public RuleSet producing(Set<String> absentKeys) {
        if (absentKeys.equals(absent)) {
            return this;
        }
        RuleSet r = new RuleSet(origin, files, snapshot);
        r.absent = Set.copyOf(absentKeys);
        return r;
    }

    /** 设了“无工单时省略”的渠道（channels.csv 的可选列，见 {@link ChannelConfig#OMIT_COLUMN}）。 */
    public Set<String> omittedWhenEmpty() {
        return files.containsKey(ChannelConfig.FILE)
                ? ChannelConfig.omittedWhenEmpty(file(ChannelConfig.FILE).getBytes(StandardCharsets.UTF_8)) : Set.of();
    }

    public Map<String, String> files() { return files; }
    public String origin() { return origin; }

    /** 报错时怎样称呼目录里的一个文件：读自目录的写成“目录/文件”（就是检查的那个目录），运行快照写成“运行 N 的规则快照中的 文件”。 */
    public String where(String rel) {
        return snapshot ? origin + "中的 " + rel : origin.replaceAll("[/\\\\]+$", "") + "/" + rel;
    }

    public String file(String rel) {
        String s = files.get(rel);
        if (s == null) {
            throw new cn.gov.assess.io.InputException("规则目录 " + origin + " 中缺少文件 " + rel);
        }
        return s;
    }

    public synchronized Parameters parameters() {
        if (parameters == null) {
            Parameters p = ParameterTable.parse(file(Parameters.FILE).getBytes(StandardCharsets.UTF_8));
            if (files.containsKey(FigureTable.FILE)) {
                p.withRates(FigureTable.parse(files.get(FigureTable.FILE))); // 比率口径随参数交给汇总（见 Tally）
            }
            parameters = p;
        }
        return parameters;
    }

    private Map<String, ChannelConfig> rawChannels;
    private Numbering numbering;

    /** 渠道配置，附件序号与正文章节已按 {@link #numbering()} 填好。 */
    public synchronized Map<String, ChannelConfig> channels() {
        if (channels == null) {
            Numbering n = numbering();
            Map<String, ChannelConfig> out = new java.util.LinkedHashMap<>();
            rawChannels().forEach((name, c) -> {
                if (!absent.contains(Numbering.channelKey(name))) {
                    out.put(name, c.numbered(n.annex(Numbering.channelKey(name)), n.section(Numbering.channelKey(name))));
                }
            });
            channels = out;
        }
        return channels;
    }

    private synchronized Map<String, ChannelConfig> rawChannels() {
        if (rawChannels == null) {
            // 统计表列可以是规则表里的指标：规则表有错时它们的错由规则表报，这里不再据此报“未知列”
            java.util.Set<String> indicators;
            try {
                indicators = tables().valueNames();
            } catch (cn.gov.assess.io.InputException e) {
                indicators = null;
            }
            rawChannels = ChannelConfig.parse(file(ChannelConfig.FILE).getBytes(StandardCharsets.UTF_8), indicators);
        }
        return rawChannels;
    }

    /** 附件序号与正文章节：写了的照写，留空的自动编号；撞号时抛出 InputException，指出两处。 */
    public synchronized Numbering numbering() {
        if (numbering == null) {
            numbering = Numbering.of(folderName(), rawChannels(), files.containsKey(Parameters.FILE) ? parameters() : null,
                    tables().annexes(), absent);
        }
        return numbering;
    }

    private PolicyTables tables;

    /** 规则表（指标、名单、名单条件、否决与扣分）；没有这些表的目录（如旧运行的快照）得到空表。 */
    public synchronized PolicyTables tables() {
        if (tables == null) {
            // 参数表、渠道配置自己的错由它们报（rules check 已列出），这里只取能取到的分组与渠道
            java.util.Set<String> groups = new java.util.LinkedHashSet<>();
            java.util.Set<String> channelNames = new java.util.LinkedHashSet<>();
            try {
                if (files.containsKey(Parameters.FILE) && parameters().has("名单分组顺序")) {
                    groups.addAll(parameters().list("名单分组顺序"));
                }
            } catch (cn.gov.assess.io.InputException ignored) {
                groups = null; // 参数表有错时分组不明，不据此再报一串“没有分组”
            }
            try {
                if (files.containsKey(ChannelConfig.FILE)) {
                    // 只要渠道名：列名要等规则表读完才能查（见 rawChannels）
                    channelNames.addAll(ChannelConfig.parse(file(ChannelConfig.FILE).getBytes(StandardCharsets.UTF_8), null)
                            .keySet());
                }
            } catch (cn.gov.assess.io.InputException ignored) {
                // 见上
            }
            tables = PolicyTables.parse(folderName(), files, channelNames, groups);
        }
        return tables;
    }

    /**
     * 名单的全称、引导语、渠道顺序（名单名 → 名单表一行，按表中顺序）：取自规则表 名单.csv；
     * 早于规则表的运行快照没有这张表，用程序自带的当时的写法（resources/compat/名单.csv），旧运行的报告因此不变。
     */
    public synchronized Map<String, PolicyTables.ListDef> listTitles() {
        PolicyTables t = files.containsKey(PolicyTables.LISTS) ? tables() : legacyLists();
        Map<String, PolicyTables.ListDef> out = new java.util.LinkedHashMap<>();
        t.lists().forEach(l -> out.put(l.name(), l));
        return out;
    }

    private static PolicyTables legacy;

    private static synchronized PolicyTables legacyLists() {
        if (legacy == null) {
            try (java.io.InputStream in = RuleSet.class.getResourceAsStream("/compat/" + PolicyTables.LISTS)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                legacy = PolicyTables.parse("程序自带的旧名单说明", Map.of(PolicyTables.LISTS, text), java.util.Set.of(),
                        java.util.Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return legacy;
    }

    /** 报错时用的目录名：命令行给的目录，或“运行 N 的规则快照”。 */
    public String folderName() {
        return origin;
    }

    /** 规则表编译成的 DRL 在编译时用的文件名（报错与规则名里看得到）。 */
    public static final String GENERATED_DRL = "规则表（由表格生成）.drl";

    public List<String> drlFiles() {
        return files.keySet().stream().filter(f -> f.endsWith(".drl")).toList();
    }

    /** 整个目录的指纹：按路径排序的各文件 SHA-256 再求 SHA-256。 */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        files.forEach((k, v) -> sb.append(k).append('\0').append(sha256(v)).append('\n'));
        return sha256(sb.toString());
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private KieBase compiled;

    /**
     * 编译好的规则库，按规则目录的指纹缓存（同一进程里同一份规则只编译一次：网页服务、场景测试、预演、读旧运行的快照）。
     * 最多留 8 份，最久没用的先丢。KieBase 可以在多个线程上同时开会话。
     */
    private static final Map<String, KieBase> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
                    return size() > 8;
                }
            });

    /** 编译目录中全部 DRL（同一份规则只编译一次）；有错误时抛出带文件与行号的异常，不返回半成品。 */
    public synchronized KieBase compile() {
        if (compiled == null) {
            String key = compileKey();
            compiled = CACHE.get(key);
            if (compiled == null) {
                compiled = build();
                CACHE.put(key, compiled);
            }
        }
        return compiled;
    }

    /**
     * 编译缓存的键：只取编译用到的内容（各 DRL 文件与规则表生成的 DRL）。只改了参数表、模板、说明的两份规则（如网页上只改了
     * 门槛的草稿）共用一个编译好的规则库，不再各编译一遍（每次 2–5 秒）；参数表在运行时作为事实插入，不进规则库。
     */
    private String compileKey() {
        StringBuilder sb = new StringBuilder();
        for (String f : drlFiles()) {
            sb.append(f).append('\0').append(sha256(files.get(f))).append('\n');
        }
        String generated = tables().drl();
        sb.append(GENERATED_DRL).append('\0').append(generated == null ? "" : sha256(generated));
        return sha256(sb.toString());
    }

    private KieBase build() {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("cn.gov.assess", "rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        List<String> drls = drlFiles();
        String generated = tables().drl();
        if (drls.isEmpty() && generated == null) {
            throw new RuleCompileException(List.of("规则目录 " + origin + " 中没有 .drl 规则文件"));
        }
        for (String f : drls) {
            kfs.write("src/main/resources/" + f, FactNames.upgrade(files.get(f)));
        }
        if (generated != null) {
            kfs.write("src/main/resources/" + GENERATED_DRL, generated);
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<cn.gov.assess.io.Problem> problems = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "");
                String file = "rules/" + path;
                problems.add(cn.gov.assess.io.Problem.inRule(file, m.getLine() > 0 ? m.getLine() : null, null,
                        file + (m.getLine() > 0 ? " 第 " + m.getLine() + " 行" : ""), m.getText().strip().replace('\n', ' ')));
            }
            throw new RuleCompileException(problems.toArray(cn.gov.assess.io.Problem[]::new));
        }
        KieBase base = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return base;
    }
}
