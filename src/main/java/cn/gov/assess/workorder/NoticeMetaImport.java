package cn.gov.assess.workorder;

import cn.gov.assess.io.Problem;

import cn.gov.assess.facts.NoticeInfo;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.DateTimes;
import org.hibernate.StatelessSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 通报信息文件的导入（期间, 项目, 内容）：项目须是 {@link NoticeInfo#FIELDS} 之一；同一期间同一项目后导入的覆盖先前的。 */
public final class NoticeMetaImport {
    public static final String KIND = "通报信息";

    private NoticeMetaImport() {
    }

    /** 表头是否像通报信息文件。 */
    public static boolean looksLike(CsvTable t) {
        return t.has("期间") && t.has("项目") && t.has("内容");
    }

    /** 通报信息：期间, 项目, 内容；项目须是 NoticeMeta.FIELDS 之一。 */
    public static Map<String, String[]> validateMeta(List<CsvTable> tables, List<Problem> problems) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (CsvTable t : tables) {
            for (CsvTable.Row r : t.rows()) {
                String period = t.get(r, "期间");
                String field = t.get(r, "项目");
                String content = t.get(r, "内容");
                try {
                    period = Period.parse(period).code();
                } catch (IllegalArgumentException e) {
                    problems.add(t.at(r, "期间").problem(e.getMessage()));
                    continue;
                }
                if (!NoticeMeta.FIELDS.contains(field)) {
                    problems.add(t.at(r, "项目").problem("未知项目“" + field + "”，可填：" + String.join("、", NoticeMeta.FIELDS)));
                    continue;
                }
                if ((field.endsWith("日期")) && DateTimes.parse(content, false) == null) {
                    problems.add(t.at(r, "内容").problem("无法识别的日期“" + content + "”"));
                    continue;
                }
                if (out.put(period + '\u0001' + field, new String[]{period, field, content}) != null) {
                    problems.add(t.at(r.line()).problem(period + " 的“" + field + "”重复"));
                }
            }
        }
        return out;
    }

    /** 写入校验过的通报信息（在调用方的事务里），返回新增或改动的项数。 */
    public static int write(StatelessSession s, Map<String, String[]> meta) {
        int metaChanged = 0;
        for (String[] m : meta.values()) {
            NoticeMeta ex = s.get(NoticeMeta.class, new NoticeMeta.Key(m[0], m[1]));
            if (ex == null) {
                s.insert(new NoticeMeta(m[0], m[1], m[2]));
                metaChanged++;
            } else if (!ex.getContent().equals(m[2])) {
                ex.setContent(m[2]);
                s.update(ex);
                metaChanged++;
            }
        }
        return metaChanged;
    }
}
