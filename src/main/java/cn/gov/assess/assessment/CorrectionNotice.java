package cn.gov.assess.assessment;

import cn.gov.assess.audit.DiffText;
import cn.gov.assess.audit.RunDiff;
import cn.gov.assess.db.Database;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.notice.DocxWriter;
import cn.gov.assess.notice.MarkdownWriter;
import cn.gov.assess.notice.NoticeDocument;
import cn.gov.assess.notice.NoticeModel;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.run.CorrectionNote;
import cn.gov.assess.run.RunStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 更正通报：比较被更正的已签发通报所用的运行与更正通报所用的新运行（{@link RunDiff}），列出每一处变了的数字（一格一条）、
 * 名单进出与监测结果，各带原因（其间的更正、申诉决定），再按参数“通报.更正通报模板”的模板排成 更正通报.md 与 更正通报.docx。
 * 措辞全在模板里。
 */
public final class CorrectionNotice {
    public static final String TEMPLATE_PARAMETER = "通报.更正通报模板";

    /** 一处更正：位置（渠道 / 单位，或名单、监测对象）、变了的数字与前后取值（名单与监测时为空，见 what）、原因。 */
    public record Item(String kind, String channel, String unit, String where, String figure, String before, String after,
                       String what, List<String> reasons) {
    }

    public record Result(Notice notice, Notice corrected, RunDiff.Result diff, List<Item> items, NoticeDocument document,
                         Map<String, byte[]> files) {
    }

    private CorrectionNotice() {
    }

    /**
     * @param fallback 新运行的规则快照里没有更正通报模板时（该运行早于此功能）用的规则
     */
    public static Result compose(Database db, Notice correction, RuleSet fallback) {
        if (!Notice.CORRECTION.equals(correction.getKind()) || correction.getCorrectsId() == null) {
            throw new InputException("通报 #" + correction.getId() + " 不是更正通报");
        }
        Notice corrected = new Notices(db).get(correction.getCorrectsId()).orElseThrow();
        RunStore store = new RunStore(db);
        RunStore.StoredRun before = store.load(corrected.getRunId());
        RunStore.StoredRun after = store.load(correction.getRunId());
        RunDiff.Result diff = StoredRuns.diff(db, before, after, "运行 #" + corrected.getRunId(), "运行 #" + correction.getRunId());
        List<Item> items = items(diff);
        RuleSet rules = after.rules().parameters().all().containsKey(TEMPLATE_PARAMETER) ? after.rules() : fallback;
        Map<String, Object> m = model(after.meta(), after.run().getPeriod(), new Signing(correction.getDocNumber(),
                correction.getDocDate(), correction.getRunId()), new Signing(corrected.getDocNumber(), corrected.getDocDate(),
                corrected.getRunId()), items,
                diff.corrections().stream().map(CorrectionNote::text).toList());
        NoticeDocument doc = NoticeModel.compose(rules, TEMPLATE_PARAMETER, m);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("更正通报.md", MarkdownWriter.write(doc).getBytes(StandardCharsets.UTF_8));
        LocalDateTime created = correction.getSignedAt() != null ? correction.getSignedAt() : correction.getPreparedAt();
        files.put("更正通报.docx", DocxWriter.write(doc, DocxWriter.Fonts.of(rules.parameters()), created));
        return new Result(correction, corrected, diff, items, doc, files);
    }

    /** 一份通报的文号、成文日期（未签发时为 null）与所用的运行。 */
    private record Signing(String docNumber, LocalDate docDate, long runId) {
    }

    /** 更正通报模板的变量（可用变量见 rules/README.md“更正通报模板”）。 */
    private static Map<String, Object> model(Map<String, String> meta, cn.gov.assess.facts.Period period, Signing correction,
                                             Signing corrected, List<Item> items, List<String> corrections) {
        Map<String, Object> m = new HashMap<>();
        m.put("meta", new LinkedHashMap<>(meta));
        m.put("issuer", field(meta, "发文机关"));
        m.put("addressees", field(meta, "主送"));
        m.put("cc", field(meta, "抄送"));
        m.put("printer", field(meta, "印发机关"));
        m.putAll(period.templateVariables());
        m.put("period", period.code());
        m.put("docNo", correction.docNumber() == null ? "〔签发时填写：文号〕" : correction.docNumber());
        m.put("date", NoticeModel.chineseDate(correction.docDate(), "成文日期（签发时填写）"));
        m.put("printDate", NoticeModel.chineseDate(correction.docDate(), "印发日期（签发时填写）"));
        m.put("correctedDocNo", corrected.docNumber());
        m.put("correctedDate", NoticeModel.chineseDate(corrected.docDate(), "成文日期"));
        m.put("correctedRun", corrected.runId());
        m.put("run", correction.runId());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item i : items) {
            Map<String, Object> im = new HashMap<>();
            im.put("kind", i.kind());
            im.put("channel", i.channel());
            im.put("unit", i.unit());
            im.put("where", i.where());
            im.put("figure", i.figure());
            im.put("before", i.before());
            im.put("after", i.after());
            im.put("what", i.what());
            im.put("reasons", i.reasons());
            list.add(im);
        }
        m.put("items", list);
        m.put("corrections", corrections);
        return m;
    }

    /**
     * rules check 用：以一份示例差异（数字一格、名单一处，有原因与没有原因的各一）渲染更正通报模板，签发前（文号、日期待填）
     * 与签发后各一遍；模板有错时返回带文件与行号的中文说明。规则里没有参数“通报.更正通报模板”时不检查（返回空）。
     */
    public static List<String> checkTemplate(RuleSet rules) {
        try {
            rules.parameters();
        } catch (cn.gov.assess.io.InputException e) {
            return List.of(); // 参数表本身有错：RulesChecker 已逐格报出，这里不再渲染
        }
        if (!rules.files().containsKey(cn.gov.assess.facts.Parameters.FILE)
                || !rules.parameters().all().containsKey(TEMPLATE_PARAMETER)) {
            return List.of();
        }
        String name = rules.parameters().text(TEMPLATE_PARAMETER, null);
        if (!rules.files().containsKey(name)) {
            return List.of(rules.where(cn.gov.assess.facts.Parameters.FILE) + "：参数“" + TEMPLATE_PARAMETER + "”指定的模板 " + name
                    + " 不存在");
        }
        cn.gov.assess.facts.Period period = cn.gov.assess.facts.Period.parse("2021-Q4");
        Signing signed = new Signing("示例文号〔2022〕1号", LocalDate.of(2022, 1, 14), 1);
        List<Item> items = List.of(
                new Item("数字", "示例渠道", "示例单位", "示例渠道 / 示例单位", "逾期办结件数", "3", "2", "逾期办结件数 3 → 2",
                        List.of("更正 #1：示例更正")),
                new Item("名单", "示例渠道", "示例单位", "示例渠道 “示例名单”", "", "", "", "新进入", List.of()));
        List<String> errors = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String f : cn.gov.assess.facts.NoticeInfo.FIELDS) {
            meta.put(f, f.endsWith("日期") ? "2022-01-14" : "示例" + f);
        }
        for (boolean done : new boolean[]{false, true}) {
            Signing draft = done ? new Signing("示例文号〔2022〕2号", LocalDate.of(2022, 1, 20), 2) : new Signing(null, null, 2);
            try {
                NoticeModel.compose(rules, TEMPLATE_PARAMETER, model(done ? meta : Map.of(), period, draft, signed, items,
                        List.of("更正 #1：示例更正")));
            } catch (InputException e) {
                e.problems().stream().filter(x -> !errors.contains(x)).forEach(errors::add);
            }
        }
        return errors;
    }

    /** 差异中的每一处：数字一格一条，名单与监测一处一条。 */
    static List<Item> items(RunDiff.Result diff) {
        Map<Long, String> texts = new HashMap<>();
        diff.corrections().forEach(c -> texts.put(c.id(), c.text()));
        List<Item> out = new ArrayList<>();
        for (RunDiff.Change c : diff.changes()) {
            List<String> reasons = new ArrayList<>();
            List<String> plain = DiffText.causes(c);
            for (int i = 0; i < c.causes().size(); i++) {
                RunDiff.Cause cause = c.causes().get(i);
                reasons.add(cause instanceof RunDiff.CorrectionCause k && texts.containsKey(k.id()) ? texts.get(k.id()) : plain.get(i));
            }
            String kind = DiffText.kind(c);
            if (c instanceof RunDiff.FigureChange f) {
                for (RunDiff.FigureDelta d : f.figures()) {
                    out.add(new Item(kind, f.channel(), f.unit(), DiffText.where(c), d.figure(), none(d.before()), none(d.after()),
                            d.figure() + " " + none(d.before()) + " → " + none(d.after()), List.copyOf(reasons)));
                }
            } else {
                String unit = c instanceof RunDiff.ListEntryChange l ? l.unit() : ((RunDiff.CheckChange) c).subject();
                String channel = c instanceof RunDiff.ListEntryChange l ? l.channel() : ((RunDiff.CheckChange) c).kind();
                out.add(new Item(kind, channel, unit, DiffText.where(c), "", "", "", DiffText.what(c), List.copyOf(reasons)));
            }
        }
        return out;
    }

    private static String none(String s) {
        return s.isEmpty() ? "无" : s;
    }

    private static String field(Map<String, String> meta, String name) {
        String v = meta.get(name);
        return v == null || v.isBlank() ? "〔待填：" + name + "〕" : v.strip();
    }

    /** 通报信息里的日期（2022-01-14）；没有或写错时为 null。 */
    static LocalDate date(String text) {
        LocalDateTime t = text == null ? null : DateTimes.parse(text.strip(), false);
        return t == null ? null : t.toLocalDate();
    }
}
