package cn.gov.assess.assessment;

import cn.gov.assess.db.Database;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.notice.ReportWriter;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.RunStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 一份通报的文件：通报是它所用运行的报告（通报.docx、通报.md、附件.xlsx、annex-N.csv…），已签发的印上签发时的文号与成文日期；
 * 更正通报是 {@link CorrectionNotice} 排出的 更正通报.md、更正通报.docx。
 */
public final class NoticeFiles {
    private NoticeFiles() {
    }

    public static Map<String, byte[]> of(Database db, Notice n, RuleSet fallback) {
        if (Notice.CORRECTION.equals(n.getKind())) {
            return CorrectionNotice.compose(db, n, fallback).files();
        }
        RunStore.StoredRun s = new RunStore(db).load(n.getRunId());
        if (n.getDocNumber() != null) {
            Map<String, String> meta = new LinkedHashMap<>(s.meta());
            meta.put("文号", n.getDocNumber());
            meta.put("成文日期", n.getDocDate().toString());
            s = new RunStore.StoredRun(s.run(), s.tallies(), s.lists(), s.disqualifications(), s.checks(), s.notes(), meta,
                    s.ruleFiles(), s.indicators(), s.rules());
        }
        return new ReportWriter().render(s).files();
    }
}
