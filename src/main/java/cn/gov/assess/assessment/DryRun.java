package cn.gov.assess.assessment;

import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;

import java.time.LocalDateTime;

/** run --dry-run：用给定的规则考核已存数据，不保存，与同一考核期最近一次正式运行比较。 */
public final class DryRun {
    private DryRun() {
    }

    /** 比较结果；official 是比较的正式运行。 */
    public record Outcome(AssessmentRun official, RunDiff.Result diff) {
    }

    public static Outcome compare(Database db, Period period, LocalDateTime cutoff, RuleSet rules) {
        RunStore store = new RunStore(db);
        AssessmentRun latest = store.latestRun(period);
        if (latest == null) {
            throw new InputException("考核期 " + period.code() + " 还没有正式运行可供比较（其他考核期的运行不拿来比），"
                    + "请先执行 assess run --period " + period.code());
        }
        RunStore.StoredRun official = store.load(latest.getId());
        RunStore.StoredRun preview = RunStore.preview(new AssessPeriod(db).trial(period, cutoff, rules), rules);
        RunDiff.Result diff = StoredRuns.diff(db, official, preview, "运行 #" + latest.getId(), "假如");
        return new Outcome(latest, diff);
    }
}
