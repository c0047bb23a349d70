package cn.gov.assess.web;

import cn.gov.assess.correction.Corrections;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 一个工单的历史：原始记录、全部更正（含撤回），即 history 命令打印的内容。
 * 单位账号只能查派给本单位的工单，且只看到本单位那一条转办及其更正；别的工单一律 403，不说明它是否存在。
 */
final class OrderController implements WebServer.Controller {
    private final WebServer web;
    private final Set<String> channels;

    OrderController(WebServer web) {
        this.web = web;
        this.channels = configuredChannels(web.rulesDir);
    }

    /** 规则目录里配置的渠道（找工单时先按渠道查唯一索引）；规则读不出时为空（退回只按编号查）。 */
    static Set<String> configuredChannels(Path rules) {
        try {
            return rules == null ? Set.of() : RuleSet.load(rules).channels().keySet();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/orders", this::show);
    }

    private void show(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        String no = UnitController.blankToNull(ctx.queryParam("no"));
        String channel = UnitController.blankToNull(ctx.queryParam("channel"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("no", no == null ? "" : no);
        model.put("channel", channel == null ? "" : channel);
        model.put("channels", new ArrayList<>(channels));
        if (no != null) {
            if (!me.role().seesAll() && !assignedTo(ctx, no, channel, me.unitId())) {
                throw WebError.forbidden();
            }
            List<String> lines;
            try {
                lines = new Corrections(web.db(ctx)).history(no, channel, channels);
            } catch (InputException e) {
                throw WebError.notFound(String.join("；", e.problems()));
            }
            if (!me.role().seesAll()) {
                lines = ownOnly(lines, me.unitName());
            }
            model.put("lines", lines);
            if (me.role().operates()) {
                // 经办：从这里去登记或撤回更正（同一套检查，在“更正”页上）
                model.put("ops", new Corrections(web.db(ctx)).find(no, channel, channels));
            }
        }
        web.views.render(ctx, "order.ftl", model);
    }

    /** 工单（某渠道或任一渠道）是否有一条转办派给了这个单位。 */
    private boolean assignedTo(Context ctx, String no, String channel, Long unitId) {
        if (unitId == null) {
            return false;
        }
        return Sql.work(web.db(ctx), c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from assignment a join work_order o on o.id = a.order_id "
                    + "where o.order_no = ? and a.unit_id = ?" + (channel == null ? "" : " and o.channel = ?"))) {
                ps.setString(1, no);
                ps.setLong(2, unitId);
                if (channel != null) {
                    ps.setString(3, channel);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    /** 只留工单行和本单位那条转办（及紧随其后的更正行）。 */
    static List<String> ownOnly(List<String> lines, String unitName) {
        List<String> out = new ArrayList<>();
        boolean keep = false;
        for (String l : lines) {
            if (!l.startsWith(" ")) {
                out.add(l);
                keep = false;
            } else if (l.startsWith("  原始：")) {
                keep = l.startsWith("  原始：派给 " + unitName + "（");
                if (keep) {
                    out.add(l);
                }
            } else if (keep) {
                out.add(l);
            }
        }
        return out;
    }
}
