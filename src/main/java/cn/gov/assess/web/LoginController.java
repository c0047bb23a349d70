package cn.gov.assess.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 登录与退出。登录成功换新会话（防会话固定）并回到登录前要去的页面（只许本站路径）；输错过多按 {@link LoginThrottle} 限流；
 * 每次登录、失败、被限制、退出都记入操作记录。
 */
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
        String next = RequestGuard.safeNext(ctx.queryParam("next"));
        if (WebServer.session(ctx).loggedIn()) {
            ctx.redirect(next);
            return;
        }
        web.views.render(ctx, "login.ftl", Map.of("next", next.equals("/") ? "" : next));
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = RequestGuard.safeNext(ctx.formParam("next"));
        String ip = WebServer.ip(ctx);
        String who = name.isEmpty() ? "（空）" : name;
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("next", next.equals("/") ? "" : next);
        long until = web.throttle.blockedUntil(name, ip, web.accounts.unlockedAt(name));
        if (until > 0) {
            web.audit.record(who, "登录被限制", "输错次数过多，本次未核对密码，限制到 " + LoginThrottle.clockTime(until), ip);
            refuse(ctx, model, "这个账号输错密码的次数太多，请于 " + LoginThrottle.clockTime(until) + " 后再试，或请管理员解除限制。");
            return;
        }
        long delay = web.throttle.sprayDelay(ip);
        if (delay > 0 && !web.throttle.acquire(ip)) {
            web.audit.record(who, "登录被限制", "这个地址输错过多，同时只处理一次登录", ip);
            refuse(ctx, model, "这个地址上输错密码的次数太多，登录要排队：请稍等几秒再试。");
            return;
        }
        Optional<Accounts.Account> account;
        try {
            if (delay > 0) {
                Thread.sleep(delay);
            }
            account = web.accounts.verify(name, password);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (delay > 0) {
                web.throttle.release(ip);
            }
        }
        if (account.isEmpty()) {
            web.throttle.failed(name, ip);
            web.audit.record(who, "登录失败", "账号或密码不对", ip);
            ctx.status(401);
            model.put("message", "账号或密码不对。");
            web.views.render(ctx, "login.ftl", model);
            return;
        }
        web.throttle.succeeded(name, ip);
        Sessions.Session fresh = web.sessions.create(account.get());
        ctx.attribute(WebServer.SESSION, fresh);
        ctx.header("Set-Cookie", Sessions.cookieHeader(fresh, WebServer.https(ctx)));
        web.audit(ctx, "登录", "角色 " + account.get().role() + (fresh.mustChange ? "（须先修改密码）" : ""));
        ctx.redirect(fresh.mustChange ? PasswordController.PATH : next);
    }

    private void refuse(Context ctx, Map<String, Object> model, String message) {
        ctx.status(429);
        model.put("message", message);
        web.views.render(ctx, "login.ftl", model);
    }

    private void logout(Context ctx) {
        Sessions.Session s = WebServer.session(ctx);
        web.audit(ctx, "退出", "");
        web.sessions.remove(s);
        ctx.header("Set-Cookie", Sessions.cookieHeader(web.sessions.anonymous(null), WebServer.https(ctx)));
        ctx.redirect("/login");
    }
}
