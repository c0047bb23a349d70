package cn.gov.assess.web;

import cn.gov.assess.io.InputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 管理员：账号（新建、停用、启用）与操作记录。每次修改都记入操作记录。 */
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
        r.get("/admin/audit", this::audit);
    }

    private void users(Context ctx) {
        WebServer.requireAdmin(ctx);
        render(ctx, null, Map.of());
    }

    private void render(Context ctx, String message, Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("accounts", web.accounts.all());
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
        try {
            Accounts.Account a = web.accounts.add(name, Role.parse(role), unit, password.toCharArray());
            web.audit(ctx, "新建账号", a.name() + "，角色 " + a.role() + (a.unitName() == null ? "" : "，单位 " + a.unitName()));
            ctx.redirect("/admin/users");
        } catch (InputException | IllegalArgumentException e) {
            ctx.status(400);
            String msg = e instanceof InputException ie ? String.join("；", ie.problems()) : e.getMessage();
            render(ctx, msg, Map.of("name", name, "role", role, "unit", unit));
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

    private void audit(Context ctx) {
        WebServer.requireAdmin(ctx);
        int page = Math.max(1, UnitController.parseInt(ctx.queryParam("page")));
        String account = UnitController.blankToNull(ctx.queryParam("account"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", web.audit.recent((page - 1) * 100, 101, account));
        model.put("page", page);
        model.put("account", account == null ? "" : account);
        web.views.render(ctx, "audit.ftl", model);
    }
}
