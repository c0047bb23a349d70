package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.db.Jurisdictions;
import io.javalin.http.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 本辖区找不到的编号是不是别的辖区的（issue 28：县的账号打开别的县的页面、运行、下载或规则，回答 403 而不是 404）。
 * 只在本辖区已答“没有”时才查，查的是地址里的运行、单位、规则版本、通报、申诉编号；回答里不说是哪个辖区的、是什么。
 */
final class ForeignRecords {
    /** 地址里的编号 → 它所在的表。 */
    private record Ref(String table, long id) {}

    private static final List<Object[]> PATHS = List.of(
            new Object[]{Pattern.compile("^/runs/(\\d+)(?:/|$)"), "assessment_run"},
            new Object[]{Pattern.compile("^/runs/\\d+/units/(\\d+)(?:/|$)"), "unit"},
            new Object[]{Pattern.compile("^/units/(\\d+)(?:/|$)"), "unit"},
            new Object[]{Pattern.compile("^/rules/versions/(\\d+)(?:/|$)"), "rules_version"},
            new Object[]{Pattern.compile("^/notices/(\\d+)(?:/|$)"), "notice"},
            new Object[]{Pattern.compile("^/appeals/(\\d+)(?:/|$)"), "appeal"});
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private ForeignRecords() {}

    /** 地址所指的某个编号本辖区没有、别的辖区有。 */
    static boolean elsewhere(WebServer web, Context ctx) {
        List<Jurisdictions.Jurisdiction> all = web.offices().all();
        if (all.size() < 2) {
            return false;
        }
        List<Ref> refs = refs(ctx);
        if (refs.isEmpty()) {
            return false;
        }
        Offices.Office own = web.office(ctx);
        List<Ref> missing = refs.stream().filter(r -> !exists(own.db(), r)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        for (Jurisdictions.Jurisdiction j : all) {
            if (own.id() != null && j.id() == own.id()) {
                continue;
            }
            Database other = web.offices().of(j.id()).db();
            if (missing.stream().anyMatch(r -> exists(other, r))) {
                return true;
            }
        }
        return false;
    }

    private static List<Ref> refs(Context ctx) {
        List<Ref> refs = new ArrayList<>();
        String path = ctx.path();
        for (Object[] p : PATHS) {
            Matcher m = ((Pattern) p[0]).matcher(path);
            if (m.find()) {
                refs.add(new Ref((String) p[1], Long.parseLong(m.group(1))));
            }
        }
        if (path.equals("/diff")) {
            for (String q : List.of("a", "b")) {
                String v = ctx.queryParam(q);
                if (v != null && NUMBER.matcher(v).matches()) {
                    refs.add(new Ref("assessment_run", Long.parseLong(v)));
                }
            }
        }
        return refs;
    }

    private static boolean exists(Database db, Ref r) {
        // 表名只取自上面的常量，编号是参数
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from " + r.table() + " where id = ?")) {
                ps.setLong(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
