package cn.gov.assess.web;

import cn.gov.assess.db.Jurisdictions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 辖区（issue 28）：页头显示本辖区；市级账号（能看全部的角色）可切换到一个直接下级辖区只读查看，查看时一切写操作在这里
 * 统一拒绝（403），角色也按“查看”算（{@link WebServer#me}）。县级账号没有切换，也没有任何网址或参数能换到别的辖区。
 */
final class JurisdictionController implements WebServer.Controller {
    /** 页头用的辖区信息（请求属性，{@link Views} 放进每个页面）。 */
    static final String HEADER = "assess.jurisdiction";
    static final String VIEW = "/jurisdictions/view";

    private final WebServer web;

    JurisdictionController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.before(this::before);
        r.post(VIEW, this::view);
    }

    /** 账号自己的辖区 id（空 = 登记表所在的辖区）。 */
    static Long own(WebServer web, Accounts.Account a) {
        return a.jurisdictionId() != null ? a.jurisdictionId() : web.home().id();
    }

    /** 这个账号可以切换去只读查看的下级辖区：只有能看全部的角色（不是单位账号）才有。 */
    static List<Jurisdictions.Jurisdiction> viewable(WebServer web, Accounts.Account a) {
        if (!a.role().seesAll() || web.home().jurisdiction() == null) {
            return List.of();
        }
        return web.offices().children(own(web, a));
    }

    private void before(Context ctx) {
        Sessions.Session s = WebServer.session(ctx);
        if (s == null || s.account() == null || ctx.path().startsWith("/assets/")) {
            return;
        }
        List<Jurisdictions.Jurisdiction> children = viewable(web, s.account());
        Long asked = s.viewing;
        if (asked != null && children.stream().noneMatch(j -> j.id() == asked)) {
            s.viewing = null; // 账号改了辖区或角色：不再能查看
        }
        Long viewing = s.viewing;
        HandlerType m = ctx.method();
        boolean write = m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
        if (viewing != null && write && !ctx.path().equals(VIEW) && !ctx.path().equals("/logout")) {
            ctx.skipRemainingHandlers();
            if (ctx.isMultipartFormData()) {
                RequestGuard.drain(ctx);
            }
            web.error(ctx, 403, "正在只读查看下级辖区，不能修改任何内容。请先在页头的“辖区”里回到本级。");
            return;
        }
        if (web.offices().all().size() < 2) {
            return; // 只有一个辖区（单一办公室）：页面与从前一样
        }
        Map<String, Object> header = new LinkedHashMap<>();
        Long shown = viewing;
        Offices.Office office = web.office(ctx);
        header.put("name", office.name());
        header.put("viewing", shown != null);
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Jurisdictions.Jurisdiction j : children) {
            choices.add(Map.of("id", j.id(), "name", j.name(), "selected", shown != null && shown == j.id()));
        }
        header.put("choices", choices);
        header.put("ownName", web.offices().jurisdiction(own(web, s.account())).map(Jurisdictions.Jurisdiction::name).orElse(""));
        ctx.attribute(HEADER, header);
    }

    /** 切换查看的辖区：空 = 回到本级；只许本账号的直接下级，别的一律 403。 */
    private void view(Context ctx) {
        Sessions.Session s = WebServer.session(ctx);
        Accounts.Account a = s == null ? null : s.account();
        List<Jurisdictions.Jurisdiction> children = a == null ? List.of() : viewable(web, a);
        if (children.isEmpty()) {
            throw WebError.forbidden(); // 县级账号、单位账号、单一办公室：没有可切换的辖区
        }
        String id = ctx.formParam("id");
        if (id == null || id.isBlank()) {
            s.viewing = null;
            ctx.redirect(RequestGuard.safeNext(ctx.formParam("next")));
            return;
        }
        long target;
        try {
            target = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw WebError.forbidden();
        }
        Jurisdictions.Jurisdiction j = children.stream().filter(c -> c.id() == target).findFirst()
                .orElseThrow(WebError::forbidden);
        web.audit(ctx, "查看下级辖区", j.name()); // 记在本级的操作记录里
        s.viewing = j.id();
        ctx.redirect(RequestGuard.safeNext(ctx.formParam("next"))); // 辖区对比页的“查看运行”直接到那个县的运行
    }
}
