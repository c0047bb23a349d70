package cn.gov.assess.web;

import cn.gov.assess.io.InputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** 修改自己的密码（任何角色）；管理员重置过密码的账号登录后先到这里。改完其他会话一律作废，本会话换新编号。 */
final class PasswordController implements WebServer.Controller {
    static final String PATH = "/account/password";
    private final WebServer web;

    PasswordController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH, ctx -> render(ctx, null, 200));
        r.post(PATH, this::change);
    }

    private void render(Context ctx, String message, int status) {
        WebServer.me(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("mustChange", WebServer.session(ctx).mustChange);
        model.put("minLength", PasswordPolicy.MIN_LENGTH);
        if (message != null) {
            model.put("message", message);
        }
        ctx.status(status);
        web.views.render(ctx, "password.ftl", model);
    }

    private void change(Context ctx) {
        Accounts.Account me = WebServer.me(ctx);
        String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
        char[] fresh = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        String repeat = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
        String ip = WebServer.ip(ctx);
        long until = web.throttle.blockedUntil(me.name(), ip, web.accounts.unlockedAt(me.name()));
        if (until > 0) {
            render(ctx, "原密码输错的次数太多，请于 " + LoginThrottle.clockTime(until) + " 后再试。", 429);
            return;
        }
        try {
            if (web.accounts.verify(me.name(), current).isEmpty()) {
                web.throttle.failed(me.name(), ip);
                web.audit(ctx, "修改密码失败", "原密码不对");
                render(ctx, "原密码不对，密码没有修改。", 400);
                return;
            }
            if (!new String(fresh).equals(repeat)) {
                render(ctx, "两次输入的新密码不一致，密码没有修改。", 400);
                return;
            }
            if (new String(fresh).equals(current)) {
                render(ctx, "新密码不能与原密码相同。", 400);
                return;
            }
            web.accounts.setPassword(me.id(), fresh, false);
        } catch (InputException e) {
            render(ctx, String.join("；", e.problems()) + "。密码没有修改。", 400);
            return;
        } finally {
            Arrays.fill(fresh, '\0');
        }
        web.sessions.removeAccount(me.id());
        Sessions.Session s = web.sessions.create(web.accounts.find(me.id()).orElseThrow());
        ctx.attribute(WebServer.SESSION, s);
        ctx.header("Set-Cookie", Sessions.cookieHeader(s, WebServer.https(ctx)));
        web.audit(ctx, "修改密码", "本人修改；其他会话已作废");
        ctx.redirect("/");
    }
}
