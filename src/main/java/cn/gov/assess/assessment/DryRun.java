package cn.gov.assess.assessment;

import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.correction.Corrections;
import cn.gov.assess.db.Database;
import cn.gov.assess.facts.Period;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.AssessmentRun;
import cn.gov.assess.run.RunStore;

import java.time.LocalDateTime;

/**
 * run --dry-run：用给定的规则考核已存数据，不保存，与同一考核期最近一次正式运行比较；这一期还没有正式运行时与“无”比较
 * （{@link Nothing}），全部结果显示为新增。
 */
public final class DryRun {
    private DryRun() {
    }

    /** 比较结果；official 是比较的正式运行（与“无”比较时为 null）。 */
    public record Outcome(AssessmentRun official, RunDiff.Result diff) {
    }

    public static Outcome compare(Database db, Period period, LocalDateTime cutoff, RuleSet rules) {
        RunStore store = new RunStore(db);
        AssessmentRun latest = store.latestRun(period);
        cn.gov.assess.facts.AssessmentResult trial = new AssessPeriod(db).trial(period, cutoff, rules);
        RunStore.StoredRun preview = RunStore.preview(trial, rules);
        if (latest == null) {
            // 其他考核期的运行不拿来比
            return new Outcome(null, StoredRuns.diff(db, Nothing.stored(trial, rules), preview, Nothing.NAME, "假如"));
        }
        RunStore.StoredRun official = store.load(latest.getId());
        RunDiff.Result diff = StoredRuns.diff(db, official, preview, "运行 #" + latest.getId(), "假如");
        return new Outcome(latest, diff);
    }
}
