package cn.gov.assess.run;


import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import java.time.LocalDate;

/** 监测事实与一行文字之间的转换（制表符分隔），用于随运行保存。 */
final class MonitoringFacts {
    private MonitoringFacts() {
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    static String encode(Object f) {
        if (f instanceof WebsiteColumnFact c) {
            return c.getSeq() + "\t" + c.getUnitId() + "\t" + clean(c.getNameWritten());
        } else if (f instanceof WebsiteCheckFact k) {
            return k.getDate() + "\t" + k.getUnitId() + "\t" + k.getStaleDays() + "\t" + k.getEmptyColumns() + "\t"
                    + k.getUnansweredMessages() + "\t" + k.isReachable() + "\t" + k.getPublished();
        } else if (f instanceof MediaAccountFact a) {
            return a.getId() + "\t" + a.getSeq() + "\t" + clean(a.getPlatform()) + "\t" + clean(a.getName()) + "\t"
                    + a.getOwnerUnitId() + "\t" + clean(a.getOwnerSpelling()) + "\t" + clean(a.getStatus()) + "\t"
                    + (a.getCancelDeadline() == null ? "" : a.getCancelDeadline());
        } else if (f instanceof MediaCheckFact k) {
            return k.getDate() + "\t" + k.getAccountId() + "\t" + k.getOwnerUnitId() + "\t" + clean(k.getPlatform()) + "\t"
                    + clean(k.getAccountName()) + "\t" + k.getDaysSincePost() + "\t" + k.getPosts() + "\t" + k.isForwarded()
                    + "\t" + k.getReminders();
        } else if (f instanceof InterviewFact i) {
            return i.getDate() + "\t" + i.getUnitId() + "\t" + clean(i.getTopic());
        }
        throw new IllegalArgumentException(String.valueOf(f));
    }

    static Object decode(String kind, String payload) {
        String[] v = payload.split("\t", -1);
        return switch (kind) {
            case "WebsiteColumnFact" -> new WebsiteColumnFact(Integer.parseInt(v[0]), Long.parseLong(v[1]), v[2]);
            case "WebsiteCheckFact" -> new WebsiteCheckFact(LocalDate.parse(v[0]), Long.parseLong(v[1]), Integer.parseInt(v[2]),
                    Integer.parseInt(v[3]), Integer.parseInt(v[4]), Boolean.parseBoolean(v[5]), Integer.parseInt(v[6]));
            case "MediaAccountFact" -> new MediaAccountFact(Long.parseLong(v[0]), Integer.parseInt(v[1]), v[2], v[3],
                    Long.parseLong(v[4]), v[5], v[6], v[7].isEmpty() ? null : LocalDate.parse(v[7]));
            case "MediaCheckFact" -> new MediaCheckFact(LocalDate.parse(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]), v[3], v[4],
                    Integer.parseInt(v[5]), Integer.parseInt(v[6]), Boolean.parseBoolean(v[7]), Integer.parseInt(v[8]));
            case "InterviewFact" -> new InterviewFact(LocalDate.parse(v[0]), Long.parseLong(v[1]), v[2]);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
