package cn.gov.assess.notice;

import cn.gov.assess.run.RunStore;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 用运行快照中的全文模板（参数“通报.全文模板”）把通报信息、正文章节与附件表排成 NoticeDocument。 */
public final class NoticeModel {
    public static final String TEMPLATE_PARAMETER = "通报.全文模板";

    private static final Pattern TAG = Pattern.compile("^【([^】]+)】(.*)$");
    private static final Pattern ANNEX_TAG = Pattern.compile("^附件\\s*(\\d+)$");
    private static final Pattern HEADING1 = Pattern.compile("^[一二三四五六七八九十]+、[^。；！？]*$");
    private static final Pattern HEADING2 = Pattern.compile("^（[一二三四五六七八九十]+）[^。；！？]*$");

    private NoticeModel() {
    }

    /** 一个附件的数据：序号、标题、标题下的说明、表头与各行（取自 AnnexTable 或 MonitoringReport）。 */
    public record AnnexSource(int no, String title, List<String> notes, List<String> header, List<List<String>> rows) {
    }

    /** 该运行的规则快照里有没有全文模板；在本功能之前保存的运行没有，只生成原有文件。 */
    public static boolean available(RuleSet rules) {
        return rules.files().containsKey(cn.gov.assess.facts.Parameters.FILE)
                && rules.parameters().all().containsKey(TEMPLATE_PARAMETER);
    }

    public static NoticeDocument compose(RunStore.StoredRun stored, List<String> sections, List<AnnexSource> annexes,
                                         boolean monitoring) {
        RuleSet rules = stored.rules();
        String templateName = rules.parameters().text(TEMPLATE_PARAMETER, null);
        String text = render(rules, templateName, model(stored, sections, annexes, monitoring));
        Map<Integer, AnnexSource> byNo = new LinkedHashMap<>();
        annexes.forEach(a -> byNo.put(a.no(), a));
        return parse(text, byNo, templateName);
    }

    /**
     * 按参数 parameter 指定的另一个模板（如更正通报）把 model 排成 NoticeDocument：写法与全文模板相同，没有附件表。
     * 规则里没有这个参数时抛出中文说明。
     */
    public static NoticeDocument compose(RuleSet rules, String parameter, Map<String, Object> model) {
        if (!rules.parameters().all().containsKey(parameter)) {
            throw new InputException(rules.origin() + "的参数表里没有“" + parameter + "”（模板文件）");
        }
        String templateName = rules.parameters().text(parameter, null);
        return parse(render(rules, templateName, model), Map.of(), templateName);
    }

    /** 2022-01-14 → 2022年1月14日；为 null 时印成“〔待填：what〕”。 */
    public static String chineseDate(LocalDate d, String what) {
        return d == null ? "〔待填：" + what + "〕" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static Map<String, Object> model(RunStore.StoredRun stored, List<String> sections, List<AnnexSource> annexes,
                                     boolean monitoring) {
        Map<String, String> meta = stored.meta();
        Map<String, Object> m = new HashMap<>();
        m.put("meta", new LinkedHashMap<>(meta));
        m.put("issuer", field(meta, "发文机关"));
        m.put("docNo", field(meta, "文号"));
        m.put("addressees", field(meta, "主送"));
        m.put("date", chineseDate(meta, "成文日期"));
        m.put("cc", field(meta, "抄送"));
        m.put("printer", field(meta, "印发机关"));
        m.put("printDate", chineseDate(meta, "印发日期"));
        m.putAll(stored.run().getPeriod().templateVariables()); // year、quarter（旧名）、periodWord、periodKind、periodStart…
        m.put("period", stored.run().getPeriod().code());
        m.put("sections", List.copyOf(sections));
        m.put("monitoring", monitoring);
        List<Map<String, Object>> list = new ArrayList<>();
        for (AnnexSource a : annexes) {
            Map<String, Object> am = new HashMap<>();
            am.put("no", a.no());
            am.put("title", a.title());
            am.put("notes", a.notes());
            list.add(am);
        }
        m.put("annexes", list);
        // 跨渠道的名单（名单表“渠道”为“全部渠道”、“正文”为“是”的，如红榜、黑榜）在正文各节之后各写一句
        m.put("tableLists", SectionRenderer.tableLists(stored, cn.gov.assess.facts.Policy.ALL_CHANNELS));
        TemplateModel.addTo(m, TemplateModel.of(stored).common());
        FrameWords.addTo(m, stored);
        return m;
    }

    /** 缺少的通报信息印成醒目的占位，草稿照样能出，补填后重新运行即可。 */
    private static String field(Map<String, String> meta, String name) {
        String v = meta.get(name);
        return v == null || v.isBlank() ? "〔待填：" + name + "〕" : v.strip();
    }

    /** 2022-01-14 → 2022年1月14日（GB/T 9704：阿拉伯数字，年份写全，月日不编虚位）。 */
    static String chineseDate(Map<String, String> meta, String name) {
        String v = meta.get(name);
        if (v == null || v.isBlank()) {
            return "〔待填：" + name + "〕";
        }
        LocalDateTime t = DateTimes.parse(v.strip(), false);
        if (t == null) {
            throw new InputException("通报信息“" + name + "”的值“" + v + "”不是日期，应写作 2022-01-14");
        }
        LocalDate d = t.toLocalDate();
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String render(RuleSet rules, String templateName, Map<String, Object> model) {
        return Templates.render(Templates.configuration(rules), rules, templateName,
                "参数“" + TEMPLATE_PARAMETER + "”指定的模板", model);
    }

    /**
     * 模板输出的格式：以【标记】开头的行开始一个块，块一直到空行或下一个标记；其余每个非空行是一段正文，
     * “一、”“（一）”开头且不成句的行是一级、二级标题。
     */
    static NoticeDocument parse(String text, Map<Integer, AnnexSource> annexes, String templateName) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<NoticeDocument.Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            Matcher tag = TAG.matcher(line);
            if (!tag.matches()) {
                blocks.add(new NoticeDocument.Text(classify(line), List.of(line)));
                i++;
                continue;
            }
            int at = i + 1;
            String name = tag.group(1).strip();
            List<String> body = new ArrayList<>();
            if (!tag.group(2).isBlank()) {
                body.add(tag.group(2).strip());
            }
            i++;
            while (i < lines.length && !lines[i].isBlank() && !TAG.matcher(lines[i].strip()).matches()) {
                body.add(lines[i].strip());
                i++;
            }
            Matcher annex = ANNEX_TAG.matcher(name);
            if (annex.matches()) {
                int no = Integer.parseInt(annex.group(1));
                AnnexSource src = annexes.get(no);
                if (src == null) {
                    throw new InputException(where(templateName, at, line) + "：本期没有附件 " + no + "，现有附件："
                            + annexes.keySet());
                }
                if (body.isEmpty()) {
                    throw new InputException(where(templateName, at, line) + "：【" + name + "】下一行应是附件标题");
                }
                blocks.add(new NoticeDocument.Annex(no, name, body.get(0), body.subList(1, body.size()), src.header(),
                        src.rows()));
                continue;
            }
            NoticeDocument.Kind kind = NoticeDocument.Kind.byTag(name);
            if (kind == null) {
                List<String> known = new ArrayList<>();
                for (NoticeDocument.Kind k : NoticeDocument.Kind.values()) {
                    known.add("【" + k.tag() + "】");
                }
                known.add("【附件 N】");
                throw new InputException(where(templateName, at, line) + "：未知标记【" + name + "】，可用："
                        + String.join("", known));
            }
            if (body.isEmpty()) {
                continue;
            }
            if (kind == NoticeDocument.Kind.PARAGRAPH || kind == NoticeDocument.Kind.HEADING1
                    || kind == NoticeDocument.Kind.HEADING2) {
                body.forEach(l -> blocks.add(new NoticeDocument.Text(kind, List.of(l))));
            } else {
                blocks.add(new NoticeDocument.Text(kind, body));
            }
        }
        return new NoticeDocument(blocks);
    }

    static NoticeDocument.Kind classify(String line) {
        if (HEADING1.matcher(line).matches()) {
            return NoticeDocument.Kind.HEADING1;
        }
        if (HEADING2.matcher(line).matches()) {
            return NoticeDocument.Kind.HEADING2;
        }
        return NoticeDocument.Kind.PARAGRAPH;
    }

    private static String where(String templateName, int line, String text) {
        return "通报全文模板 " + templateName + " 输出的第 " + line + " 行“" + text + "”";
    }
}
