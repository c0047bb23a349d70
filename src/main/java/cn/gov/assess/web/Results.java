package cn.gov.assess.web;

import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.assessment.StoredRuns;
import cn.gov.assess.audit.Explainer;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import cn.gov.assess.notice.ReportWriter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 页面读到的全部结果，都取自已保存的运行（RunStore、Explainer、RunDiff、ReportWriter），不另算。运行一经保存就不再改变
 * （只增不改），所以按运行编号缓存读回的运行、生成的文件与解释；缓存有上限，最久未用的先丢。
 */
final class Results {
    private final Database db;
    private final Map<String, Object> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 200;
        }
    });

    Results(Database db) {
        this.db = db;
    }

    Database db() { return db; }

    List<AssessmentRun> runs() {
        return new RunStore(db).runs();
    }

    RunStore.StoredRun run(long id) {
        return cached("run:" + id, () -> {
            try {
                return new RunStore(db).load(id);
            } catch (InputException e) {
                throw WebError.notFound("没有编号为 " + id + " 的考核运行。");
            }
        });
    }

    ReportWriter.Rendered report(long id) {
        return cached("report:" + id, () -> new ReportWriter().render(run(id)));
    }

    Explainer.UnitExplanation unit(long runId, String unitName) {
        return cached("unit:" + runId + ":" + unitName, () -> StoredRuns.explainer(db).explainUnit(run(runId), unitName, null, true));
    }

    Explainer.ListExplanation list(long runId, String list, String scope) {
        return cached("list:" + runId + ":" + list + ":" + scope, () -> StoredRuns.explainer(db).explainList(run(runId), list, scope));
    }

    /** 一个名单在一次运行中记下的全部名次（排名类名单的每个候选；不是排名类的为空）。 */
    List<cn.gov.assess.facts.Placing> placings(long runId, String list) {
        return cached("placings:" + runId + ":" + list, () -> new RunStore(db).justifications(runId, null, list).placings().stream()
                .filter(p -> p.getList().equals(list)).toList());
    }

    RunDiff.Result diff(long a, long b) {
        return cached("diff:" + a + ":" + b, () -> {
            RunStore.StoredRun ra = run(a);
            RunStore.StoredRun rb = run(b);
            return StoredRuns.diff(db, ra, rb, "运行 #" + a, "运行 #" + b);
        });
    }

    /** 同一个键只算一次：同时来的请求（或启动时的预读）等第一个算完；出错不缓存，下次重算。 */
    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        Memo memo;
        synchronized (cache) {
            memo = (Memo) cache.computeIfAbsent(key, k -> new Memo());
        }
        try {
            return (T) memo.get(load);
        } catch (RuntimeException e) {
            synchronized (cache) {
                cache.remove(key, memo);
            }
            throw e;
        }
    }

    private static final class Memo {
        private Object value;

        synchronized Object get(Supplier<?> load) {
            if (value == null) {
                value = load.get();
            }
            return value;
        }
    }
}
