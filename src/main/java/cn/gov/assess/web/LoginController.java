package cn.gov.assess.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** 登录与退出。登录成功换新会话（防会话固定）；输错过多被限流；每次登录、失败、退出都记入操作记录。 */
final class LoginController implements WebServer.Controller {
    private final WebServer web;

    LoginController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/login", this::form);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
    }

    private void form(Context ctx) {
        if (WebServer.session(ctx).loggedIn()) {
            ctx.redirect("/");
            return;
        }
        web.views.render(ctx, "login.ftl", Map.of());
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        if (web.throttle.blocked(name, ctx.ip())) {
            web.audit.record(name.isEmpty() ? "（空）" : name, "登录被限制", "输错次数过多，本次未核对密码", ctx.ip());
            ctx.status(429);
            model.put("message", "这个账号（或这台电脑）输错密码的次数太多，请 " + LoginThrottle.WINDOW.toMinutes() + " 分钟后再试，或请管理员帮助。");
            web.views.render(ctx, "login.ftl", model);
            return;
        }
        Optional<Accounts.Account> account = web.accounts.verify(name, password);
        if (account.isEmpty()) {
            web.throttle.failed(name, ctx.ip());
            web.audit.record(name.isEmpty() ? "（空）" : name, "登录失败", "账号或密码不对", ctx.ip());
            ctx.status(401);
            model.put("message", "账号或密码不对。");
            web.views.render(ctx, "login.ftl", model);
            return;
        }
        web.throttle.succeeded(name);
        web.sessions.remove(WebServer.session(ctx));
        Sessions.Session fresh = web.sessions.create(account.get());
        ctx.attribute(WebServer.SESSION, fresh);
        ctx.header("Set-Cookie", Sessions.cookieHeader(fresh, WebServer.https(ctx)));
        web.audit(ctx, "登录", "角色 " + account.get().role());
        ctx.redirect("/");
    }

    private void logout(Context ctx) {
        Sessions.Session s = WebServer.session(ctx);
        web.audit(ctx, "退出", "");
        web.sessions.remove(s);
        Sessions.Session anonymous = web.sessions.create(null);
        ctx.header("Set-Cookie", Sessions.cookieHeader(anonymous, WebServer.https(ctx)));
        ctx.redirect("/login");
    }
}
