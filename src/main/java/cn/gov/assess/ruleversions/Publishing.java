package cn.gov.assess.ruleversions;

import cn.gov.assess.ruleversions.RulesVersions.Refused;
import cn.gov.assess.ruleversions.RulesVersions.Version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static cn.gov.assess.ruleversions.RulesVersions.DRAFT;
import static cn.gov.assess.ruleversions.RulesVersions.MAX_REASON;
import static cn.gov.assess.ruleversions.RulesVersions.PUBLISHED;
import static cn.gov.assess.ruleversions.VersionDiff.overlap;
import static cn.gov.assess.ruleversions.VersionStore.blank;
import static cn.gov.assess.ruleversions.VersionStore.currentVersion;
import static cn.gov.assess.ruleversions.VersionStore.files;
import static cn.gov.assess.ruleversions.VersionStore.lockDraft;
import static cn.gov.assess.ruleversions.VersionStore.now;
import static cn.gov.assess.ruleversions.VersionStore.query;
import static cn.gov.assess.ruleversions.VersionStore.requireDraft;

/**
 * 四眼发布：审核（不是草稿作者）写明理由，发布检查通过、审核人看过的那份草稿；草稿所基于的版本已不是当前发布版时拒绝，
 * 说明冲突在哪里（草稿原样保留，可以重做）。
 */
final class Publishing {
    private final RulesVersions versions;
    private final VersionStore store;

    Publishing(RulesVersions versions, VersionStore store) {
        this.versions = versions;
        this.store = store;
    }

    /**
     * 发布草稿：publisher 不能是草稿作者；理由必填；草稿必须通过检查；草稿所基于的版本必须仍是当前发布版
     * （否则是冲突：说明在它之后谁在何时发布了哪一版、两边都改了哪些文件与行，草稿原样保留）。
     */
    Version publish(long draftId, String publisher, String reason) {
        return publish(draftId, publisher, reason, null);
    }

    /**
     * 同上；reviewed 是审核人看到（并预览过）的草稿指纹（发布表单带来）：草稿在那之后被改过（哪怕与发布同时），
     * 不发布，请审核人重新看过再发布——审核批准的必须正是发布出去的内容。为 null 时不核对（命令行、旧表单）。
     */
    Version publish(long draftId, String publisher, String reason, String reviewed) {
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
    Optional<Refused> conflict(long draftId) {
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

    private Version version(long id) {
        return versions.version(id);
    }

    private <T> T read(cn.gov.assess.db.Database.SqlWork<T> work) {
        return store.read(work);
    }

    private <T> T write(cn.gov.assess.db.Database.SqlWork<T> work) {
        return store.write(work);
    }
}
