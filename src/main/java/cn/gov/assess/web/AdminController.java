package cn.gov.assess.web;

import cn.gov.assess.io.InputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 管理员：账号（新建、停用、启用、解除登录限制、重置密码、改角色）与操作记录。每次修改都记入操作记录。 */
final class AdminController implements WebServer.Controller {
    private final WebServer web;

    AdminController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/admin/users", this::users);
        r.post("/admin/users", this::add);
        r.post("/admin/users/{id}/active", this::active);
        r.post("/admin/users/{id}/unlock", this::unlock);
        r.post("/admin/users/{id}/password", this::reset);
        r.post("/admin/users/{id}/role", this::role);
        r.get("/admin/audit", this::audit);
    }

    private void users(Context ctx) {
        WebServer.requireAdmin(ctx);
        render(ctx, null, Map.of());
    }

    private void render(Context ctx, String message, Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        java.util.Set<Long> scope = scope(ctx);
        List<Accounts.Account> all = web.accounts.all().stream().filter(a -> inScope(scope, a)).toList();
        model.put("accounts", all);
        // 多辖区时：账号表多一列“辖区”，新建账号可选本辖区及其下级（默认本辖区）
        Map<String, String> names = new LinkedHashMap<>();
        for (cn.gov.assess.db.Jurisdictions.Jurisdiction j : web.offices().all()) {
            if (scope == null || scope.contains(j.id())) {
                names.put(String.valueOf(j.id()), j.name());
            }
        }
        model.put("jurisdictions", names);
        Map<String, String> of = new LinkedHashMap<>();
        for (Accounts.Account a : all) {
            Long j = JurisdictionController.own(web, a);
            of.put(String.valueOf(a.id()), j == null ? "" : names.getOrDefault(String.valueOf(j), ""));
        }
        model.put("accountJurisdiction", of);
        Map<String, String> limited = new LinkedHashMap<>();
        for (Accounts.Account a : all) {
            long until = web.throttle.accountBlockedUntil(a.name());
            if (until > 0) {
                limited.put(String.valueOf(a.id()), LoginThrottle.clockTime(until));
            }
        }
        model.put("limited", limited);
        model.put("clashes", web.accounts.caseClashes());
        model.put("minLength", PasswordPolicy.MIN_LENGTH);
        model.put("roles", List.of(Role.values()));
        if (message != null) {
            model.put("message", message);
        }
        model.put("form", form);
        web.views.render(ctx, "users.ftl", model);
    }

    private void add(Context ctx) {
        WebServer.requireAdmin(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        String role = Optional.ofNullable(ctx.formParam("role")).orElse("");
        String unit = Optional.ofNullable(ctx.formParam("unit")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String jurisdiction = Optional.ofNullable(ctx.formParam("jurisdiction")).orElse("");
        try {
            Accounts.Account a = web.accounts.add(name, Role.parse(role), jurisdiction(ctx, jurisdiction), unit, password.toCharArray());
            web.audit(ctx, "新建账号", a.name() + "，角色 " + a.role() + (a.unitName() == null ? "" : "，单位 " + a.unitName()));
            ctx.redirect("/admin/users");
        } catch (InputException | IllegalArgumentException e) {
            ctx.status(400);
            String msg = e instanceof InputException ie ? String.join("；", ie.problems()) : e.getMessage();
            render(ctx, msg, Map.of("name", name, "role", role, "unit", unit, "jurisdiction", jurisdiction));
        }
    }

    private void active(Context ctx) {
        Accounts.Account me = WebServer.requireAdmin(ctx);
        long id = WebServer.longParam(ctx, "id");
        boolean active = "true".equals(ctx.formParam("active"));
        Accounts.Account target = web.accounts.find(id).orElseThrow(() -> WebError.notFound("没有这个账号。"));
        if (target.id() == me.id() && !active) {
            throw new WebError(400, "不能停用自己正在使用的账号。");
        }
        web.accounts.setActive(id, active);
        if (!active) {
            web.sessions.removeAccount(id);
        }
        web.audit(ctx, active ? "启用账号" : "停用账号", target.name());
        ctx.redirect("/admin/users");
    }

    /** 解除登录限制：忘掉这个账号的全部输错（网页服务内存里的，以及记下时间供命令行与服务各自核对）。 */
    private void unlock(Context ctx) {
        WebServer.requireAdmin(ctx);
        Accounts.Account target = target(ctx);
        web.accounts.unlock(target.id());
        web.throttle.unlock(target.name());
        web.audit(ctx, "解除登录限制", target.name());
        ctx.redirect("/admin/users");
    }

    /** 重置密码：设一个临时密码，对方下次登录必须先改；对方现有的会话作废。 */
    private void reset(Context ctx) {
        Accounts.Account me = WebServer.requireAdmin(ctx);
        Accounts.Account target = target(ctx);
        if (target.id() == me.id()) {
            throw new WebError(400, "自己的密码请在“修改密码”页修改（点右上角的账号名）。");
        }
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        try {
            web.accounts.setPassword(target.id(), password, true);
        } catch (InputException e) {
            ctx.status(400);
            render(ctx, "“" + target.name() + "”的密码没有重置：" + String.join("；", e.problems()), Map.of());
            return;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        web.sessions.removeAccount(target.id());
        web.audit(ctx, "重置密码", target.name() + "（下次登录须先修改密码）");
        ctx.redirect("/admin/users");
    }

    /** 改角色（改为“单位”时同时给出单位）；对方现有的会话作废，重新登录后按新角色。 */
    private void role(Context ctx) {
        Accounts.Account me = WebServer.requireAdmin(ctx);
        Accounts.Account target = target(ctx);
        if (target.id() == me.id()) {
            throw new WebError(400, "不能修改自己的角色（以免没有管理员）：请另一位管理员修改。");
        }
        String role = Optional.ofNullable(ctx.formParam("role")).orElse("");
        String unit = Optional.ofNullable(ctx.formParam("unit")).orElse("");
        try {
            Accounts.Account changed = web.accounts.setRole(target.id(), Role.parse(role), unit);
            web.sessions.removeAccount(target.id());
            web.audit(ctx, "修改角色", target.name() + "：" + target.role() + (target.unitName() == null ? "" : "（" + target.unitName() + "）")
                    + " → " + changed.role() + (changed.unitName() == null ? "" : "（" + changed.unitName() + "）"));
            ctx.redirect("/admin/users");
        } catch (InputException | IllegalArgumentException e) {
            ctx.status(400);
            String msg = e instanceof InputException ie ? String.join("；", ie.problems()) : e.getMessage();
            render(ctx, "“" + target.name() + "”的角色没有修改：" + msg, Map.of());
        }
    }

    /** 账号页上的账号：只许本辖区及其下级的，别的辖区的账号与不存在的一样（404，不泄露它是否存在）。 */
    private Accounts.Account target(Context ctx) {
        java.util.Set<Long> scope = scope(ctx);
        return web.accounts.find(WebServer.longParam(ctx, "id")).filter(a -> inScope(scope, a))
                .orElseThrow(() -> WebError.notFound("没有这个账号。"));
    }

    /** 管理员管得到的辖区：本辖区及其各级下级；单一办公室时为空（= 全部账号）。 */
    private java.util.Set<Long> scope(Context ctx) {
        if (web.home().jurisdiction() == null) {
            return null;
        }
        java.util.Set<Long> out = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(JurisdictionController.own(web, WebServer.me(ctx))));
        while (!todo.isEmpty()) {
            Long j = todo.pop();
            if (out.add(j)) {
                web.offices().children(j).forEach(c -> todo.push(c.id()));
            }
        }
        return out;
    }

    private boolean inScope(java.util.Set<Long> scope, Accounts.Account a) {
        return scope == null || scope.contains(JurisdictionController.own(web, a));
    }

    /** 新账号的辖区：表单给的编号（须在管理员管得到的范围里），空 = 管理员自己的辖区；登记表所在的辖区记作空（与旧账号一样）。 */
    private Long jurisdiction(Context ctx, String id) {
        java.util.Set<Long> scope = scope(ctx);
        if (scope == null) {
            return null;
        }
        Long j = JurisdictionController.own(web, WebServer.me(ctx));
        if (!id.isBlank()) {
            try {
                j = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw WebError.forbidden();
            }
            if (!scope.contains(j)) {
                throw WebError.forbidden();
            }
        }
        return j.equals(web.home().id()) ? null : j;
    }

    private void audit(Context ctx) {
        WebServer.requireAdmin(ctx);
        int page = Math.max(1, UnitController.parseInt(ctx.queryParam("page")));
        String account = UnitController.blankToNull(ctx.queryParam("account"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", web.office(ctx).audit().recent((page - 1) * 100, 101, account));
        model.put("page", page);
        model.put("account", account == null ? "" : account);
        web.views.render(ctx, "audit.ftl", model);
    }
}
