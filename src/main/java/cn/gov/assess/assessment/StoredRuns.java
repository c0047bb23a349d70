package cn.gov.assess.assessment;

import cn.gov.assess.audit.Explainer;
import cn.gov.assess.audit.Reconciler;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.audit.Units;
import cn.gov.assess.correction.Correction;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.db.Rows;
import cn.gov.assess.run.CorrectionNote;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.unit.Unit;
import cn.gov.assess.unit.UnitDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 读已存运行的几件事（解释、核对通报、比较两次运行）要的库外之物：单位表与两次运行之间的更正。在这里从库里读好交给
 * audit（audit 只读已存的运行，不开库、不认更正表与单位表）。
 */
public final class StoredRuns {
    private StoredRuns() {
    }

    /** 解释运行（explain、网页的单位页与名单页）：运行的理由从 RunStore 读，单位名称与别名从单位表读。 */
    public static Explainer explainer(Database db) {
        return new Explainer(new RunStore(db), db.read(c -> {
            Map<Long, String> names = new HashMap<>();
            for (Unit u : Rows.list(c, Unit.class, "")) {
                names.put(u.getId(), u.getName());
            }
            return units(UnitDirectory.load(c), names);
        }));
    }

    /** 核对手工编写的通报：单位名称与别名（连同单位类型，供“最接近的是”参考）从单位表读。 */
    public static Reconciler reconciler(Database db) {
        return new Reconciler(db.inTransaction(s -> units(UnitDirectory.load(s), Map.of())));
    }

    /** 比较两次运行，原因里带两次运行之间登记或撤回的更正。 */
    public static RunDiff.Result diff(Database db, RunStore.StoredRun a, RunStore.StoredRun b, String nameA, String nameB) {
        long from = Math.min(a.run().getCorrectionSeq(), b.run().getCorrectionSeq());
        long to = Math.max(a.run().getCorrectionSeq(), b.run().getCorrectionSeq());
        return RunDiff.compare(a, b, notes(new Corrections(db).between(from, to)), nameA, nameB);
    }

    /** 更正给比较用的数据：涉及的单位是原单位，改派的还有新单位。 */
    public static List<CorrectionNote> notes(List<Correction> corrections) {
        List<CorrectionNote> out = new ArrayList<>();
        for (Correction c : corrections) {
            List<String> units = Correction.UNIT.equals(c.getField()) ? List.of(c.getUnitName(), c.getNewValue())
                    : List.of(c.getUnitName());
            out.add(new CorrectionNote(c.getId(), c.getWithdrawsId(), c.getChannel(), units, c.describe()));
        }
        return out;
    }

    private static Units units(UnitDirectory d, Map<Long, String> names) {
        return new Units() {
            @Override
            public Ref find(String nameOrAlias) {
                UnitDirectory.Ref r = d.find(nameOrAlias);
                return r == null ? null : new Ref(r.id(), r.name());
            }

            @Override
            public String closest(String name) {
                return d.closest(name);
            }

            @Override
            public String name(long id) {
                return names.get(id);
            }
        };
    }
}
