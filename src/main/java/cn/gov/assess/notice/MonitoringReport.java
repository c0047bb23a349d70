package cn.gov.assess.notice;

import cn.gov.assess.run.RunCheckResult;
import cn.gov.assess.run.RunListEntry;
import cn.gov.assess.run.RunNote;
import cn.gov.assess.run.RunStore;
import cn.gov.assess.facts.Parameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 附件4（政府网站）、附件5（政务新媒体）与正文“四”的数据，取自一次已保存的运行。 */
public final class MonitoringReport {
    public static final List<String> WEBSITE_HEADER = List.of("序号", "单位名称", "合格/不合格", "存在的问题", "备注");
    public static final List<String> MEDIA_HEADER = List.of("序号", "新媒体类型", "新媒体名称", "责任主体名称", "合格/不合格", "存在问题", "备注");

    private final RunStore.StoredRun run;
    private final Parameters parameters;

    public MonitoringReport(RunStore.StoredRun run) {
        this.run = run;
        this.parameters = run.rules().parameters();
    }

    public boolean present() {
        String interviews = names().interviews();
        return !run.checks().isEmpty() || run.lists().stream().anyMatch(e -> e.getChannel().equals(interviews));
    }

    public int websiteAnnexNo() { return run.rules().numbering().annex(cn.gov.assess.policy.Numbering.WEBSITE); }
    public int mediaAnnexNo() { return run.rules().numbering().annex(cn.gov.assess.policy.Numbering.MEDIA); }

    public String websiteTitle() {
        return run.run().getPeriod().fill(parameters.text("网站.附件标题", null));
    }

    public String mediaTitle() {
        return run.run().getPeriod().fill(parameters.text("新媒体.附件标题", null));
    }

    /** 附件4标题下的一句，如“（监测时间：每 10 天监测一次）”。 */
    public String websiteFrequency() {
        return "（监测时间：" + parameters.text("网站.监测频次", null) + "监测一次）";
    }

    /** 附件5标题下的一句，由参数表各平台的监测频次生成。 */
    public String mediaFrequency() {
        List<String> parts = new ArrayList<>();
        Map<String, String> byPlatform = parameters.all().getOrDefault("新媒体.监测频次", Map.of());
        byPlatform.forEach((platform, freq) -> {
            if (!platform.isEmpty() && !freq.isBlank()) {
                parts.add(platform + freq + "监测一次");
            }
        });
        return "（监测时间：" + String.join("，", parts) + "）";
    }

    public List<List<String>> websiteRows() {
        List<List<String>> rows = new ArrayList<>();
        for (RunCheckResult c : run.checks()) {
            if (c.getKind().equals(RunCheckResult.WEBSITE)) {
                rows.add(List.of(String.valueOf(c.getSeq()), c.getSubject(), c.getResult(), c.getProblems(), c.getRemark()));
            }
        }
        return rows;
    }

    public List<List<String>> mediaRows() {
        List<List<String>> rows = new ArrayList<>();
        for (RunCheckResult c : run.checks()) {
            if (c.getKind().equals(RunCheckResult.MEDIA)) {
                rows.add(List.of(String.valueOf(c.getSeq()), c.getPlatform(), c.getSubject(), c.getOwnerLabel(), c.getResult(),
                        c.getProblems(), c.getRemark()));
            }
        }
        return rows;
    }

    /** 正文“四”模板的数据。 */
    public Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("section", run.rules().numbering().section(cn.gov.assess.policy.Numbering.MONITORING));
        FrameWords.addTo(m, run);
        m.putAll(run.run().getPeriod().templateVariables()); // year、quarter（旧名）、periodWord、periodKind、periodStart…
        cn.gov.assess.policy.MonitoringNames names = names();
        Map<String, Object> website = scope(names.website());
        website.put("annexNo", websiteAnnexNo());
        website.put("units", websiteRows().size());
        Map<String, Object> media = scope(names.media());
        media.put("annexNo", mediaAnnexNo());
        media.put("accounts", mediaRows().size());
        m.put("website", website);
        m.put("media", media);
        m.put("interviews", scope(names.interviews()).get("list"));
        return m;
    }

    /** 监测范围名（参数“监测.范围.…”，旧规则目录按当时的写法）。 */
    private cn.gov.assess.policy.MonitoringNames names() {
        return cn.gov.assess.policy.MonitoringNames.of(parameters);
    }

    /** 一个监测范围的名单成员（该范围上规则选出的名单，不论名单叫什么）与正文提示。 */
    private Map<String, Object> scope(String channel) {
        List<String> list = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (RunListEntry e : run.lists()) {
            if (e.getChannel().equals(channel)) {
                list.add(e.getUnitLabel());
                groups.computeIfAbsent(e.getUnitGroup(), k -> new ArrayList<>()).add(e.getUnitLabel());
            }
        }
        List<String> notes = new ArrayList<>();
        for (RunNote n : run.notes()) {
            if (n.getScope().equals(channel) && !notes.contains(n.getKey())) {
                notes.add(n.getKey());
            }
        }
        Map<String, Object> m = new HashMap<>();
        m.put("list", list);
        m.put("groups", new ArrayList<>(groups.values()));
        m.put("notes", notes);
        return m;
    }
}
