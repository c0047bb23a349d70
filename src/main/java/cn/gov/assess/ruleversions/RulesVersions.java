package cn.gov.assess.ruleversions;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.LineDiff;
import cn.gov.assess.policy.RuleSet;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.gov.assess.ruleversions.VersionStore.query;

/**
 * 规则版本（表 rules_version、rules_version_file，迁移 V18）：一个版本是规则目录全部文件的一份快照。
 * 规则管理在当前发布版上建草稿、改表格；审核（不是草稿作者）写明理由后发布；发布过的版本可以恢复成新草稿。
 * 两份草稿出自同一个发布版时先发布的生效，后一份被拒绝、原样保留，可以在新的发布版上重做它的改动。
 * 每次保存草稿都用与 {@code assess rules check} 相同的检查（规则、参数表类型、模板）检查，有错的草稿能保存、不能发布；
 * 这个检查由调用方给（{@link Check}，程序里是 assessment.RulesCheck::errors），规则版本本身不认识模板。
 * 这里是读与对外的入口；SQL 在 {@link VersionStore}，起草在 {@link Drafts}，发布在 {@link Publishing}，
 * 差异在 {@link VersionDiff}，合并在 {@link TableMerge}。
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

    /** 规则目录的全部检查（与 rules check 相同）：给出全部错误，没有错误为空表。 */
    @FunctionalInterface
    public interface Check {
        /** 每处错误（规则表的错带文件、行、列）。 */
        List<cn.gov.assess.io.Problem> problems(RuleSet rules);
    }

    /**
     * 这一版的检查结果，每处是 {@link cn.gov.assess.io.Problem}（编辑页据此标红出错的格）。库里只存句子，位置不存：
     * 按规则指纹重做检查（多半在缓存里；结果只取决于文件内容与本程序），不必为位置改表。
     */
    public List<cn.gov.assess.io.Problem> checkProblems(long id) {
        return drafts.located(files(id));
    }

    private final VersionStore store;
    private final Drafts drafts;
    private final Publishing publishing;

    /** @param check 每份草稿、每次登记规则目录时做的检查（结果按规则指纹缓存，见 {@link CheckCache}） */
    public RulesVersions(Database db, Check check) {
        this.store = new VersionStore(db);
        this.drafts = new Drafts(this, store, new CheckCache(check));
        this.publishing = new Publishing(this, store);
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
        return read(c -> Optional.ofNullable(VersionStore.currentVersion(c)));
    }

    /** 当前发布版的规则（网页上开始的运行用它）。 */
    public Current current() {
        Version v = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        return new Current(v, rules(v.id()));
    }

    public Map<String, String> files(long id) {
        return read(c -> VersionStore.files(c, id));
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

    // ---------------------------------------------------------------- 写（起草见 Drafts，发布见 Publishing）

    /** 还没有任何版本时，把规则目录登记为第 1 版（已发布，作者与发布人为“规则目录”）。已有版本时什么也不做。 */
    public Version ensureInitial(Path rulesDir) {
        return drafts.ensureInitial(rulesDir);
    }

    /** 在当前发布版上建一份草稿。 */
    public Version createDraft(String author, String note) {
        return drafts.createDraft(author, note);
    }

    /** 把一个较早的版本恢复为新草稿（基于当前发布版，内容是那一版的全部文件；仍要经过发布）。 */
    public Version restore(long versionId, String author) {
        return drafts.restore(versionId, author);
    }

    /** 把草稿里的一个文件改为 content（表格表单、上传），重新检查。 */
    public Version saveFile(long draftId, String editor, String path, String content) {
        return drafts.saveFile(draftId, editor, path, content);
    }

    /** 放弃一份草稿（保留记录，不再能编辑或发布）。 */
    public Version abandon(long draftId, String who) {
        return drafts.abandon(draftId, who);
    }

    /**
     * 发布草稿：publisher 不能是草稿作者；理由必填；草稿必须通过检查；草稿所基于的版本必须仍是当前发布版
     * （否则是冲突：说明在它之后谁在何时发布了哪一版、两边都改了哪些文件与行，草稿原样保留）。
     */
    public Version publish(long draftId, String publisher, String reason) {
        return publishing.publish(draftId, publisher, reason);
    }

    /**
     * 同上；reviewed 是审核人看到（并预览过）的草稿指纹（发布表单带来）：草稿在那之后被改过，不发布。为 null 时不核对。
     */
    public Version publish(long draftId, String publisher, String reason, String reviewed) {
        return publishing.publish(draftId, publisher, reason, reviewed);
    }

    /** 草稿所基于的版本已不是当前发布版时，发布会被拒绝的理由（谁在何时发布了哪一版、两边都改了什么）；否则为空。 */
    public Optional<Refused> conflict(long draftId) {
        return publishing.conflict(draftId);
    }

    /**
     * 在当前发布版上重做一份（因冲突不能发布的）草稿的修改（{@link TableMerge}）：改动落在不同的文件或行时得到一份新草稿；
     * 改了同一格时不建草稿，逐条说出冲突在哪里。原草稿不动。
     */
    public Reapplied reapply(long draftId, String author) {
        return drafts.reapply(draftId, author);
    }

    // ---------------------------------------------------------------- 差异

    /** 两版之间逐个文件的差异（from 为旧，to 为新）；没变的文件不列。 */
    public List<FileDiff> diff(long fromId, long toId) {
        return diff(files(fromId), files(toId));
    }

    public static List<FileDiff> diff(Map<String, String> before, Map<String, String> after) {
        return VersionDiff.diff(before, after);
    }

    private <T> T read(Database.SqlWork<T> work) {
        return store.read(work);
    }
}
