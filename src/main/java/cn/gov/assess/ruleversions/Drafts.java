package cn.gov.assess.ruleversions;

import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.ruleversions.RulesVersions.Reapplied;
import cn.gov.assess.ruleversions.RulesVersions.Version;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.gov.assess.ruleversions.RulesVersions.ABANDONED;
import static cn.gov.assess.ruleversions.RulesVersions.DRAFT;
import static cn.gov.assess.ruleversions.RulesVersions.FOLDER;
import static cn.gov.assess.ruleversions.RulesVersions.PUBLISHED;
import static cn.gov.assess.ruleversions.VersionStore.blank;
import static cn.gov.assess.ruleversions.VersionStore.insert;
import static cn.gov.assess.ruleversions.VersionStore.lockDraft;
import static cn.gov.assess.ruleversions.VersionStore.now;
import static cn.gov.assess.ruleversions.VersionStore.query;
import static cn.gov.assess.ruleversions.VersionStore.replaceFiles;
import static cn.gov.assess.ruleversions.VersionStore.requireDraft;

/**
 * 草稿：把规则目录登记为第 1 版，在当前发布版上起草、把旧版恢复为新草稿、改一个文件、放弃、在新发布版上重做。
 * 每次得到新内容都检查一遍（{@link CheckCache}），检查结果随草稿保存。
 */
final class Drafts {
    private final RulesVersions versions;
    private final VersionStore store;
    private final CheckCache checks;

    Drafts(RulesVersions versions, VersionStore store, CheckCache checks) {
        this.versions = versions;
        this.store = store;
        this.checks = checks;
    }

    /** 还没有任何版本时，把规则目录登记为第 1 版（已发布，作者与发布人为“规则目录”）。已有版本时什么也不做。 */
    Version ensureInitial(Path rulesDir) {
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
    Version createDraft(String author, String note) {
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本，无法起草"));
        Map<String, String> files = files(cur.id());
        return newDraft(cur, author, blank(note) ? "在" + cur.label() + "上起草" : note, files);
    }

    /** 把一个较早的版本恢复为新草稿（基于当前发布版，内容是那一版的全部文件；仍要经过发布）。 */
    Version restore(long versionId, String author) {
        Version old = version(versionId);
        if (old.draft()) {
            throw new InputException(old.label() + "是草稿，不能“恢复”；直接编辑它即可");
        }
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        return newDraft(cur, author, "恢复" + old.label() + "的内容", files(versionId));
    }

    /** 把草稿里的一个文件改为 content（表格表单、上传），重新检查。 */
    Version saveFile(long draftId, String editor, String path, String content) {
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
            Map<String, String> latest = new TreeMap<>(VersionStore.files(c, draftId));
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
    Version abandon(long draftId, String who) {
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
     * 在当前发布版上重做一份（因冲突不能发布的）草稿的修改：改动落在不同的文件或行（同一行的不同格也可以）时得到一份新草稿；
     * 改了同一格时不建草稿，逐条说出冲突在哪里。原草稿不动。
     */
    Reapplied reapply(long draftId, String author) {
        Version v = version(draftId);
        requireDraft(v);
        Version cur = currentVersion().orElseThrow(() -> new InputException("还没有发布的规则版本"));
        if (v.baseId() == null || cur.id() == v.baseId()) {
            throw new InputException(v.label() + "已经基于当前发布的" + cur.label() + "，可以直接发布");
        }
        TableMerge.Files merged = TableMerge.files(files(v.baseId()), files(draftId), files(cur.id()));
        if (!merged.clashes().isEmpty()) {
            return new Reapplied(null, merged.clashes());
        }
        return new Reapplied(newDraft(cur, author, "在" + cur.label() + "上重做" + v.label() + "的修改", merged.files()), List.of());
    }

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

    private List<String> check(RuleSet rules) {
        return checks.check(rules);
    }

    List<cn.gov.assess.io.Problem> located(Map<String, String> files) {
        return checks.located(RuleSet.fromSnapshot("规则草稿", files));
    }

    private Version version(long id) {
        return versions.version(id);
    }

    private Map<String, String> files(long id) {
        return versions.files(id);
    }

    private Optional<Version> currentVersion() {
        return versions.currentVersion();
    }

    private List<Version> all() {
        return versions.all();
    }

    private <T> T write(cn.gov.assess.db.Database.SqlWork<T> work) {
        return store.write(work);
    }
}
