package cn.gov.assess.ruleversions;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.TemplateCheck;
import cn.gov.assess.policy.LineDiff;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.policy.RuleTable;
import cn.gov.assess.policy.RulesChecker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 规则版本（表 rules_version、rules_version_file，迁移 V18）：一个版本是规则目录全部文件的一份快照。
 * 规则管理在当前发布版上建草稿、改表格；审核（不是草稿作者）写明理由后发布；发布过的版本可以恢复成新草稿。
 * 两份草稿出自同一个发布版时先发布的生效，后一份被拒绝、原样保留，可以在新的发布版上重做它的改动。
 * 每次保存草稿都用与 {@code assess rules check} 相同的检查（规则、参数表类型、模板）检查，有错的草稿能保存、不能发布。
 */
public final class RulesVersions {
    public static final String DRAFT = "草稿";
    public static final String PUBLISHED = "已发布";
    public static final String ABANDONED = "已放弃";
    /** 服务器第一次启动时把规则目录登记为第 1 版，作者与发布人记为它。 */
    public static final String FOLDER = "规则目录";
    /** 发布理由最多几个字（rules_version.publish_reason 是 varchar(2000)）。 */
    public static final int MAX_REASON = 2000;

    /** 一个版本（不含文件内容）。checkErrors 为空表示检查通过。 */
    public record Version(long id, int number, String state, Long baseId, Integer baseNumber, String author,
                          LocalDateTime createdAt, LocalDateTime updatedAt, String note, String fingerprint,
                          List<String> checkErrors, String publisher, LocalDateTime publishedAt, String publishReason) {
        public String label() { return "第 " + number + " 版"; }
        public boolean draft() { return DRAFT.equals(state); }
        public boolean published() { return PUBLISHED.equals(state); }
        public boolean checkOk() { return checkErrors.isEmpty(); }
    }

    /** 当前发布的版本与它的规则。 */
    public record Current(Version version, RuleSet rules) {
    }

    /** 一个文件在两版之间的差异：表格逐行逐格的中文说明，或 DRL/模板的逐行比较。 */
    public record FileDiff(String path, String kind, List<String> changes, List<LineDiff.Line> lines) {
    }

    /** 发布被拒绝：中文理由；冲突时另有两边都改了的文件与行。 */
    public static final class Refused extends InputException {
        private final Version published;
        private final List<String> overlap;

        Refused(String message, Version published, List<String> overlap) {
            super(message);
            this.published = published;
            this.overlap = overlap;
        }

        /** 冲突时：草稿之后已发布的那一版；其他拒绝为 null。 */
        public Version published() { return published; }

        /** 冲突时：两边都改了的文件与行。 */
        public List<String> overlap() { return overlap; }

        public boolean conflict() { return published != null; }
    }

    /** 在当前发布版上重做一份草稿的结果：新草稿，或（两边改了同一格时）逐条说明冲突在哪里。 */
    public record Reapplied(Version draft, List<String> clashes) {
    }

    private final Database db;

    public RulesVersions(Database db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- 读

    public List<Version> all() {
        return read(c -> query(c, "order by v.number desc"));
    }

    public Optional<Version> find(long id) {
        return read(c -> query(c, "where v.id = ?", id).stream().findFirst());
    }

    public Version version(long id) {
        return find(id).orElseThrow(() -> new InputException("没有这个规则版本（编号 " + id + "）"));
    }

    public Optional<Version> byNumber(int number) {
        return read(c -> query(c, "where v.number = ?", number).stream().findFirst());
    }

    /** 当前发布的版本（已发布中版本号最大的）；还没有任何版本时为空。 */
    public Optional<Version> currentVersion() {
        return read(c -> Optional.ofNullable(currentVersion(c)));
    }

    /** 当前发布版的规则（网页上开始的运行用它）。 */
    public Current current() {
        Version v = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        return new Current(v, rules(v.id()));
    }

    public Map<String, String> files(long id) {
        return read(c -> files(c, id));
    }

    /** 一个版本的规则（报错时称作“规则第 N 版”）。 */
    public RuleSet rules(long id) {
        Version v = version(id);
        return RuleSet.fromSnapshot("规则" + v.label(), files(id));
    }

    /** 一份草稿的规则：预览（试运行）用。不是草稿时报错。 */
    public RuleSet draftRules(long id) {
        Version v = version(id);
        if (!v.draft()) {
            throw new InputException(v.label() + "不是草稿（" + v.state() + "）");
        }
        return RuleSet.fromSnapshot("规则草稿" + v.label(), files(id));
    }

    /** 按 SHA-256 取一个规则文件的内容（任何版本或运行用过的）。 */
    public Optional<String> blob(String sha256) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select content from rule_blob where sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** 与指纹相同内容的已发布版本（当前发布版优先，其次最新的）；没有为空。命令行按目录运行时用它认出版本。 */
    public Optional<Version> publishedWithFingerprint(String fingerprint) {
        return read(c -> query(c, "where v.state = ? and v.fingerprint = ? order by v.number desc", PUBLISHED, fingerprint)
                .stream().findFirst());
    }

    /** 运行所记的规则版本（早于版本功能或按未登记的目录运行的为空）。 */
    public Optional<Version> ofRun(long runId) {
        return read(c -> query(c, "join assessment_run r on r.rules_version_id = v.id where r.id = ?", runId).stream().findFirst());
    }

    /** 各运行所记的规则版本号（运行编号 → 第几版），运行列表用。 */
    public Map<Long, Integer> runNumbers() {
        return read(c -> {
            Map<Long, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select r.id, v.number from assessment_run r join rules_version v on v.id = r.rules_version_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- 写

    /** 还没有任何版本时，把规则目录登记为第 1 版（已发布，作者与发布人为“规则目录”）。已有版本时什么也不做。 */
    public Version ensureInitial(Path rulesDir) {
        Optional<Version> cur = currentVersion();
        if (cur.isPresent() || !all().isEmpty()) {
            return cur.orElse(null);
        }
        if (!Files.isDirectory(rulesDir)) {
            return null;
        }
        RuleSet rules = RuleSet.load(rulesDir);
        List<String> errors = check(rules);
        long id = write(c -> {
            if (!query(c, "").isEmpty()) {
                return -1L; // 另一个进程刚登记过
            }
            LocalDateTime now = now();
            long vid = insert(c, 1, PUBLISHED, null, FOLDER, now, "服务器启动时登记的规则目录 " + rulesDir.toAbsolutePath(),
                    rules.files(), errors);
            try (PreparedStatement ps = c.prepareStatement(
                    "update rules_version set publisher = ?, published_at = ?, publish_reason = ? where id = ?")) {
                ps.setString(1, FOLDER);
                ps.setTimestamp(2, Timestamp.valueOf(now));
                ps.setString(3, "第一次启动网页服务时，服务器的规则目录作为第 1 版");
                ps.setLong(4, vid);
                ps.executeUpdate();
            }
            return vid;
        });
        return id < 0 ? currentVersion().orElse(null) : version(id);
    }

    /** 在当前发布版上建一份草稿。 */
    public Version createDraft(String author, String note) {
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本，无法起草"));
        Map<String, String> files = files(cur.id());
        return newDraft(cur, author, blank(note) ? "在" + cur.label() + "上起草" : note, files);
    }

    /** 把一个较早的版本恢复为新草稿（基于当前发布版，内容是那一版的全部文件；仍要经过发布）。 */
    public Version restore(long versionId, String author) {
        Version old = version(versionId);
        if (old.draft()) {
            throw new InputException(old.label() + "是草稿，不能“恢复”；直接编辑它即可");
        }
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        return newDraft(cur, author, "恢复" + old.label() + "的内容", files(versionId));
    }

    /** 把草稿里的一个文件改为 content（表格表单、上传），重新检查。 */
    public Version saveFile(long draftId, String editor, String path, String content) {
        Version v = version(draftId);
        requireDraft(v);
        Map<String, String> files = new TreeMap<>(files(draftId));
        if (!files.containsKey(path)) {
            throw new InputException(v.label() + "中没有文件 " + path);
        }
        if (files.get(path).equals(content)) {
            return v;
        }
        files.put(path, content);
        List<String> errors = check(RuleSet.fromSnapshot("规则草稿" + v.label(), files));
        write(c -> {
            lockDraft(c, draftId);
            // 别人可能同时保存了这份草稿的另一个文件：锁住草稿后重读，只换这一个文件
            Map<String, String> latest = new TreeMap<>(files(c, draftId));
            latest.put(path, content);
            List<String> result = latest.equals(files) ? errors : check(RuleSet.fromSnapshot("规则草稿" + v.label(), latest));
            replaceFiles(c, draftId, latest);
            try (PreparedStatement ps = c.prepareStatement(
                    "update rules_version set updated_at = ?, fingerprint = ?, check_errors = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.valueOf(now()));
                ps.setString(2, RuleSet.fromSnapshot("", latest).fingerprint());
                ps.setString(3, String.join("\n", result));
                ps.setLong(4, draftId);
                ps.executeUpdate();
            }
            return null;
        });
        return version(draftId);
    }

    /** 放弃一份草稿（保留记录，不再能编辑或发布）。 */
    public Version abandon(long draftId, String who) {
        Version v = version(draftId);
        requireDraft(v);
        write(c -> {
            lockDraft(c, draftId);
            try (PreparedStatement ps = c.prepareStatement(
                    "update rules_version set state = ?, updated_at = ?, publisher = ?, publish_reason = ? where id = ?")) {
                ps.setString(1, ABANDONED);
                ps.setTimestamp(2, Timestamp.valueOf(now()));
                ps.setString(3, who);
                ps.setString(4, "由 " + who + " 放弃");
                ps.setLong(5, draftId);
                ps.executeUpdate();
            }
            return null;
        });
        return version(draftId);
    }

    /**
     * 发布草稿：publisher 不能是草稿作者；理由必填；草稿必须通过检查；草稿所基于的版本必须仍是当前发布版
     * （否则是冲突：说明在它之后谁在何时发布了哪一版、两边都改了哪些文件与行，草稿原样保留）。
     */
    public Version publish(long draftId, String publisher, String reason) {
        return publish(draftId, publisher, reason, null);
    }

    /**
     * 同上；reviewed 是审核人看到（并预览过）的草稿指纹（发布表单带来）：草稿在那之后被改过（哪怕与发布同时），
     * 不发布，请审核人重新看过再发布——审核批准的必须正是发布出去的内容。为 null 时不核对（命令行、旧表单）。
     */
    public Version publish(long draftId, String publisher, String reason, String reviewed) {
        Version v = version(draftId);
        requireDraft(v);
        if (v.author().equals(publisher)) {
            throw new Refused("不能发布自己起草的" + v.label() + "：规则修改须由起草人以外的审核账号发布。", null, List.of());
        }
        if (blank(reason)) {
            throw new Refused("请写明发布理由。", null, List.of());
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new Refused("发布理由太长（" + reason.strip().length() + " 字），最多 " + MAX_REASON + " 字。", null, List.of());
        }
        if (!v.checkOk()) {
            throw new Refused(v.label() + "没有通过规则检查（" + v.checkErrors().size() + " 处错误），不能发布；请先改正。", null,
                    List.of());
        }
        return write(c -> {
            lockDraft(c, draftId);
            // 锁住草稿后重读：上面读到的可能已过时（与发布同时有人保存了草稿）。发布的必须是检查通过、审核人看过的那份内容
            Version locked = query(c, "where v.id = ?", draftId).get(0);
            if (reviewed != null && !reviewed.equals(locked.fingerprint())) {
                throw new Refused(v.label() + "在您打开之后又被修改过（" + locked.updatedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        + "），没有发布：请重新查看修改与预览后再发布。", null, List.of());
            }
            if (!locked.checkOk()) {
                throw new Refused(v.label() + "没有通过规则检查（" + locked.checkErrors().size() + " 处错误），不能发布；请先改正。", null,
                        List.of());
            }
            // 行锁住当前发布版：两个审核同时发布同一基础上的两份草稿时，后到的一方在这里等，然后看到新的发布版
            Version cur = currentVersion(c);
            if (cur != null) {
                try (PreparedStatement ps = c.prepareStatement("select id from rules_version where id = ? for update")) {
                    ps.setLong(1, cur.id());
                    ps.executeQuery().close();
                }
                cur = currentVersion(c);
            }
            Refused stale = conflict(c, v, cur);
            if (stale != null) {
                throw stale;
            }
            try (PreparedStatement ps = c.prepareStatement("update rules_version set state = ?, publisher = ?, published_at = ?, "
                    + "publish_reason = ?, updated_at = ? where id = ? and state = ?")) {
                LocalDateTime now = now();
                ps.setString(1, PUBLISHED);
                ps.setString(2, publisher);
                ps.setTimestamp(3, Timestamp.valueOf(now));
                ps.setString(4, reason.strip());
                ps.setTimestamp(5, Timestamp.valueOf(now));
                ps.setLong(6, draftId);
                ps.setString(7, DRAFT);
                if (ps.executeUpdate() != 1) {
                    throw new Refused(v.label() + "已不是草稿。", null, List.of());
                }
            }
            return query(c, "where v.id = ?", draftId).get(0);
        });
    }

    /** 草稿所基于的版本已不是当前发布版时，发布会被拒绝的理由（谁在何时发布了哪一版、两边都改了什么）；否则为空。 */
    public Optional<Refused> conflict(long draftId) {
        return read(c -> {
            List<Version> l = query(c, "where v.id = ?", draftId);
            return l.isEmpty() || !l.get(0).draft() ? Optional.empty() : Optional.ofNullable(conflict(c, l.get(0), currentVersion(c)));
        });
    }

    private static Refused conflict(Connection c, Version v, Version cur) throws SQLException {
        if (cur == null || (v.baseId() != null && cur.id() == v.baseId())) {
            return null;
        }
        Version base = v.baseId() == null ? null : query(c, "where v.id = ?", v.baseId()).get(0);
        List<String> overlap = base == null ? List.of() : overlap(files(c, base.id()), files(c, v.id()), files(c, cur.id()));
        return new Refused(v.label() + "基于" + (base == null ? "（无）" : base.label()) + "起草，但此后 " + cur.publisher()
                + " 已于 " + cur.publishedAt().toString().replace('T', ' ') + " 发布了" + cur.label() + "。"
                + (overlap.isEmpty() ? "两份修改改的是不同的文件或行，可以在" + cur.label() + "上重做本草稿的修改，再发布。"
                : "两边都改了：" + String.join("；", overlap) + "。"),
                cur, overlap);
    }

    /**
     * 在当前发布版上重做一份（因冲突不能发布的）草稿的修改：改动落在不同的文件或行（同一行的不同格也可以）时得到一份新草稿；
     * 改了同一格时不建草稿，逐条说出冲突在哪里。原草稿不动。
     */
    public Reapplied reapply(long draftId, String author) {
        Version v = version(draftId);
        requireDraft(v);
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        if (v.baseId() == null || cur.id() == v.baseId()) {
            throw new InputException(v.label() + "已经基于当前发布的" + cur.label() + "，可以直接发布");
        }
        Map<String, String> base = files(v.baseId());
        Map<String, String> mine = files(draftId);
        Map<String, String> theirs = files(cur.id());
        List<String> clashes = new ArrayList<>();
        Map<String, String> out = new TreeMap<>(theirs);
        for (String path : union(base, mine, theirs)) {
            String b = base.get(path), m = mine.get(path), t = theirs.get(path);
            if (eq(m, b) || eq(m, t)) {
                continue; // 我没改，或两边改得一样
            }
            if (eq(t, b)) {
                put(out, path, m);
                continue;
            }
            if (b != null && m != null && t != null && path.endsWith(".csv")) {
                RuleTable.Merge merged = RuleTable.merge(RuleTable.parse(b), RuleTable.parse(m), RuleTable.parse(t));
                if (merged.table() != null) {
                    out.put(path, merged.table().text());
                } else {
                    merged.clashes().forEach(x -> clashes.add(path + "：" + x));
                }
            } else {
                clashes.add(path + "：两边都改了这个文件");
            }
        }
        if (!clashes.isEmpty()) {
            return new Reapplied(null, clashes);
        }
        return new Reapplied(newDraft(cur, author, "在" + cur.label() + "上重做" + v.label() + "的修改", out), List.of());
    }

    // ---------------------------------------------------------------- 差异

    /** 两版之间逐个文件的差异（from 为旧，to 为新）；没变的文件不列。 */
    public List<FileDiff> diff(long fromId, long toId) {
        return diff(files(fromId), files(toId));
    }

    public static List<FileDiff> diff(Map<String, String> before, Map<String, String> after) {
        List<FileDiff> out = new ArrayList<>();
        for (String path : union(before, after, Map.of())) {
            String a = before.get(path), b = after.get(path);
            if (eq(a, b)) {
                continue;
            }
            if (a == null) {
                out.add(new FileDiff(path, "新增文件", List.of("新增文件 " + path), LineDiff.changesOnly(LineDiff.diff("", b), 3)));
            } else if (b == null) {
                out.add(new FileDiff(path, "删去文件", List.of("删去文件 " + path), List.of()));
            } else if (path.endsWith(".csv")) {
                List<String> changes;
                try {
                    changes = RuleTable.describe(RuleTable.parse(a), RuleTable.parse(b));
                } catch (InputException e) {
                    changes = List.of("表格无法逐行比较，按行列出");
                }
                out.add(new FileDiff(path, "表格", changes, LineDiff.changesOnly(LineDiff.diff(a, b), 1)));
            } else {
                out.add(new FileDiff(path, "文字", List.of(), LineDiff.changesOnly(LineDiff.diff(a, b), 3)));
            }
        }
        return out;
    }

    /** 两份修改都动了的地方（文件，表格里具体到行）：冲突说明用。 */
    static List<String> overlap(Map<String, String> base, Map<String, String> mine, Map<String, String> theirs) {
        List<String> out = new ArrayList<>();
        for (String path : union(base, mine, theirs)) {
            String b = base.get(path), m = mine.get(path), t = theirs.get(path);
            if (eq(m, b) || eq(t, b)) {
                continue;
            }
            if (b != null && m != null && t != null && path.endsWith(".csv")) {
                try {
                    RuleTable bt = RuleTable.parse(b), mt = RuleTable.parse(m), tt = RuleTable.parse(t);
                    Map<String, RuleTable.Row> br = bt.byKey(), mr = mt.byKey(), tr = tt.byKey();
                    List<String> rows = new ArrayList<>();
                    for (String k : union(br, mr, tr)) {
                        if (changed(br.get(k), mr.get(k)) && changed(br.get(k), tr.get(k))) {
                            rows.add(bt.label(k));
                        }
                    }
                    out.add(path + (rows.isEmpty() ? "（不同的行）" : "的 " + String.join("、", rows)));
                    continue;
                } catch (InputException e) {
                    // 按整个文件说
                }
            }
            out.add(path);
        }
        return out;
    }

    private static boolean changed(RuleTable.Row a, RuleTable.Row b) {
        if (a == null || b == null) {
            return a != b;
        }
        return !a.cells().equals(b.cells());
    }

    // ---------------------------------------------------------------- 检查

    /**
     * 检查结果按规则指纹留在内存里（最多 32 份）：起草、恢复、重做得到的文件常与已有版本一字不差，不必再编译一遍（每次约 2–5 秒）。
     * 结果只取决于文件内容与本程序，所以不存库里跨程序版本复用。
     */
    private static final Map<String, List<String>> CHECKED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > 32;
                }
            });

    /** 与 {@code assess rules check} 相同：规则与参数表（RulesChecker），再用示例运行渲染每个模板（TemplateCheck）。 */
    public static List<String> check(RuleSet rules) {
        String key = rules.fingerprint();
        List<String> known = CHECKED.get(key);
        if (known != null) {
            return known;
        }
        List<String> result = uncachedCheck(rules);
        CHECKED.put(key, result);
        return result;
    }

    private static List<String> uncachedCheck(RuleSet rules) {
        List<String> errors = new ArrayList<>();
        try {
            errors.addAll(RulesChecker.check(rules).errors());
            errors.addAll(TemplateCheck.check(rules).errors());
        } catch (InputException e) {
            errors.addAll(e.problems());
        } catch (RuntimeException e) {
            errors.add("检查时出错：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return errors.stream().distinct().toList();
    }

    // ---------------------------------------------------------------- 内部

    private Version newDraft(Version base, String author, String note, Map<String, String> files) {
        List<String> errors = check(RuleSet.fromSnapshot("规则草稿", files));
        long id = write(c -> {
            int number;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(number), 0) + 1 from rules_version");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
            return insert(c, number, DRAFT, base.id(), author, now(), note, files, errors);
        });
        return version(id);
    }

    private static long insert(Connection c, int number, String state, Long baseId, String author, LocalDateTime at, String note,
                               Map<String, String> files, List<String> errors) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into rules_version (number, state, base_id, author, created_at, "
                + "updated_at, note, fingerprint, check_errors) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            ps.setInt(1, number);
            ps.setString(2, state);
            if (baseId == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, baseId);
            }
            ps.setString(4, cut(author, 100));
            ps.setTimestamp(5, Timestamp.valueOf(at));
            ps.setTimestamp(6, Timestamp.valueOf(at));
            ps.setString(7, cut(note, 2000));
            ps.setString(8, RuleSet.fromSnapshot("", files).fingerprint());
            ps.setString(9, String.join("\n", errors));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        replaceFiles(c, id, files);
        return id;
    }

    private static void replaceFiles(Connection c, long id, Map<String, String> files) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from rules_version_file where version_id = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement has = c.prepareStatement("select 1 from rule_blob where sha256 = ?");
             PreparedStatement blob = c.prepareStatement("insert into rule_blob (sha256, content) values (?, ?)");
             PreparedStatement file = c.prepareStatement("insert into rules_version_file (version_id, path, sha256) values (?, ?, ?)")) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                String sha = RuleSet.sha256(f.getValue());
                has.setString(1, sha);
                boolean exists;
                try (ResultSet rs = has.executeQuery()) {
                    exists = rs.next();
                }
                if (!exists) {
                    blob.setString(1, sha);
                    blob.setString(2, f.getValue());
                    blob.executeUpdate();
                }
                file.setLong(1, id);
                file.setString(2, f.getKey());
                file.setString(3, sha);
                file.executeUpdate();
            }
        }
    }

    private static void lockDraft(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select state from rules_version where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !DRAFT.equals(rs.getString(1))) {
                    throw new InputException("这个版本已不是草稿（可能刚被别人发布或放弃），请刷新页面");
                }
            }
        }
    }

    private static void requireDraft(Version v) {
        if (!v.draft()) {
            throw new InputException(v.label() + "是" + v.state() + "的版本，不能再修改、发布或放弃；要在它的基础上修改，请“恢复为新草稿”");
        }
    }

    private static Version currentVersion(Connection c) throws SQLException {
        List<Version> l = query(c, "where v.state = ? order by v.number desc", PUBLISHED);
        return l.isEmpty() ? null : l.get(0);
    }

    private static Map<String, String> files(Connection c, long id) throws SQLException {
        Map<String, String> files = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select f.path, b.content from rules_version_file f join rule_blob b "
                + "on b.sha256 = f.sha256 where f.version_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return files;
    }

    private static List<Version> query(Connection c, String tail, Object... args) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select v.id, v.number, v.state, v.base_id, b.number, v.author, v.created_at, "
                + "v.updated_at, v.note, v.fingerprint, v.check_errors, v.publisher, v.published_at, v.publish_reason "
                + "from rules_version v left join rules_version b on b.id = v.base_id " + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String errors = rs.getString(11);
                    Timestamp pub = rs.getTimestamp(13);
                    out.add(new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), (Long) rs.getObject(4) == null ? null
                            : rs.getLong(4), rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6),
                            rs.getTimestamp(7).toLocalDateTime(), rs.getTimestamp(8).toLocalDateTime(), rs.getString(9),
                            rs.getString(10), errors == null || errors.isEmpty() ? List.of() : List.of(errors.split("\n")),
                            rs.getString(12), pub == null ? null : pub.toLocalDateTime(), rs.getString(14)));
                }
            }
        }
        return out;
    }

    private <T> T read(Database.SqlWork<T> work) {
        return db.read(work);
    }

    private <T> T write(Database.SqlWork<T> work) {
        try (Connection c = db.connect()) {
            try {
                T t = work.apply(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("保存规则版本失败：" + e.getMessage(), e);
        }
    }

    @SafeVarargs
    private static TreeSet<String> union(Map<String, ?>... maps) {
        TreeSet<String> s = new TreeSet<>();
        for (Map<String, ?> m : maps) {
            s.addAll(m.keySet());
        }
        return s;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v == null) {
            m.remove(k);
        } else {
            m.put(k, v);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().withNano(0);
    }
}
