package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.ruleversions.RulesVersions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 网页服务里的各辖区（issue 28）：每个辖区一个 {@link Office}（它的库、结果缓存、规则版本、后台任务、待办），第一次用到时打开，
 * 服务停止时关闭。登记表所在的辖区用服务启动时的库；库里没有登记表的行时（单一办公室），只有这一个辖区。
 */
final class Offices implements AutoCloseable {
    /** 一个辖区在网页服务里用的一切：控制器只经 {@link WebServer#office} 拿到它，不会拿错辖区。 */
    record Office(Jurisdictions.Jurisdiction jurisdiction, Database db, Results results, RulesVersions versions, Jobs jobs,
                  List<WaitingItem.Provider> waiting, AuditLog audit) {
        /** 辖区名称（单一办公室时为空）。 */
        String name() {
            return jurisdiction == null ? null : jurisdiction.name();
        }

        Long id() {
            return jurisdiction == null ? null : jurisdiction.id();
        }
    }

    private final Database registry;
    private final AuditLog audit;
    private final Jurisdictions jurisdictions;
    private final Office home;
    private final Map<Long, Office> open = new ConcurrentHashMap<>();

    Offices(Database registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
        this.jurisdictions = new Jurisdictions(registry);
        Jurisdictions.Jurisdiction h;
        try {
            h = jurisdictions.home();
        } catch (IllegalStateException e) {
            h = null; // 库里没有本库自己的登记行（直接打开了某个辖区的 schema）：当作单一办公室
        }
        this.home = office(h, registry);
    }

    private Office office(Jurisdictions.Jurisdiction j, Database db) {
        RulesVersions versions = new RulesVersions(db, cn.gov.assess.assessment.RulesCheck::problems);
        List<WaitingItem.Provider> waiting = new java.util.concurrent.CopyOnWriteArrayList<>();
        waiting.add(new RuleDraftWaiting(versions));
        waiting.add(new NoticeAppealWaiting(db));
        // 操作记录各辖区一份（县的管理员只看本县的）；登记表所在的辖区用服务的那一份（登录失败等还不知道辖区的事记在那里）
        AuditLog log = db == registry ? audit : new AuditLog(db);
        return new Office(j, db, new Results(db), versions, new Jobs(log, new JobStore(db)), waiting, log);
    }

    Office home() {
        return home;
    }

    /** 辖区 id 的 Office（空 = 登记表所在的辖区）。 */
    Office of(Long id) {
        if (id == null || home.jurisdiction() == null || id == home.jurisdiction().id()) {
            return home;
        }
        return open.computeIfAbsent(id, k -> {
            Jurisdictions.Jurisdiction j = jurisdiction(k).orElseThrow(() -> WebError.forbidden());
            Office o = office(j, jurisdictions.open(j));
            o.jobs().failInterrupted();
            return o;
        });
    }

    /** 辖区 id 的库（账号核对单位用）。 */
    Database db(long id) {
        return of(id).db();
    }

    Optional<Jurisdictions.Jurisdiction> jurisdiction(long id) {
        return all().stream().filter(j -> j.id() == id).findFirst();
    }

    /** 登记的全部辖区；单一办公室时为空表。 */
    List<Jurisdictions.Jurisdiction> all() {
        return home.jurisdiction() == null ? List.of() : jurisdictions.all();
    }

    /** 辖区 id（空 = 登记表所在的辖区）的直接下级。 */
    List<Jurisdictions.Jurisdiction> children(Long id) {
        long parent = id != null ? id : home.jurisdiction() == null ? -1 : home.jurisdiction().id();
        return all().stream().filter(j -> j.parentId() != null && j.parentId() == parent).toList();
    }

    Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    Database registry() {
        return registry;
    }

    /** 已打开的全部 Office（含登记表所在的辖区）。 */
    List<Office> opened() {
        List<Office> out = new java.util.ArrayList<>();
        out.add(home);
        out.addAll(open.values());
        return out;
    }

    @Override
    public void close() {
        for (Office o : opened()) {
            o.jobs().close();
        }
        for (Office o : open.values()) {
            o.db().close();
        }
        open.clear();
    }
}
