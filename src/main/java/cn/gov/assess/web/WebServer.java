package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import cn.gov.assess.io.InputException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * 网页工作台（assess serve）：Javalin（内嵌 Jetty 12）。每个请求先经过 {@link RequestGuard}：会话、CSRF、登录（都在读正文之前）；各页面的角色检查
 * 在各自的控制器里。页面由 FreeMarker 在服务器端生成，样式表从程序资源里取，不用任何外部网址。
 */
public final class WebServer implements AutoCloseable {
    static final String SESSION = "assess.session";
    static final String STARTED = "assess.started";

    /** 一个功能一个控制器。 */
    interface Controller {
        void routes(RoutesConfig r);
    }

    /**
     * 各辖区的库、结果、规则版本、后台任务（issue 28）。没有“那个库”的字段：每个请求经 {@link #office}/{@link #db} 用
     * 会话里的账号所属（或市级账号正在查看）的辖区，控制器因此不会用错辖区。
     */
    private final Offices offices;
    final Views views = new Views();
    final Sessions sessions = new Sessions();
    final LoginThrottle throttle = new LoginThrottle();
    final Accounts accounts;
    final AuditLog audit;
    final java.nio.file.Path rulesDir;
    /** 一次上传的默认上限（兆字节）：百万行的派单记录 CSV 约 100–150 MB，留出余量；超过时整个请求被拒绝（413）。 */
    static final int MAX_UPLOAD_MB = 600;
    /** 本服务的上传上限（serve --max-upload）。 */
    int maxUploadMb = MAX_UPLOAD_MB;
    /** 受信任的反向代理的地址（serve --trusted-proxy）：只有从这些地址来的 X-Forwarded-For/-Proto 才算数。 */
    final java.util.Set<String> trustedProxies = new java.util.concurrent.CopyOnWriteArraySet<>();
    private java.nio.file.Path keystore;
    private char[] keystorePassword;
    /** Jetty 从网络读进来的字节数（测试核对“读正文之前就拒绝”）。 */
    final org.eclipse.jetty.io.ConnectionStatistics traffic = new org.eclipse.jetty.io.ConnectionStatistics();
    private final RequestGuard guard = new RequestGuard(this);
    private Javalin app;
    /** 注册过的全部路由（“POST /corrections”这样），供测试逐个核对越权提交一律被拒。 */
    private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** 在 start 之前加入的其他控制器（测试用，如预览页的测试路由）。 */
    final List<Controller> extraControllers = new java.util.ArrayList<>();

    /** @param rulesDir 规则目录（工单历史用它列出已配置的渠道）；结果页面一律用各运行自己的规则快照 */
    public WebServer(Database db, java.nio.file.Path rulesDir) {
        this.rulesDir = rulesDir;
        this.audit = new AuditLog(db);
        this.offices = new Offices(db, audit);
        this.accounts = new Accounts(db, offices::db);
    }

    /** 登记表所在的辖区（单一办公室时就是它）。 */
    Offices.Office home() {
        return offices.home();
    }

    Offices offices() {
        return offices;
    }

    /** 这个请求用的辖区：市级账号正在查看的下级辖区，否则账号所属的辖区；没登录时是登记表所在的辖区。 */
    Offices.Office office(Context ctx) {
        Sessions.Session s = session(ctx);
        if (s == null || s.account() == null) {
            return offices.home();
        }
        Long viewing = s.viewing;
        return offices.of(viewing != null ? viewing : s.account().jurisdictionId());
    }

    /** 这个请求的辖区的库。 */
    Database db(Context ctx) {
        return office(ctx).db();
    }

    Results results(Context ctx) {
        return office(ctx).results();
    }

    cn.gov.assess.ruleversions.RulesVersions versions(Context ctx) {
        return office(ctx).versions();
    }

    Jobs jobs(Context ctx) {
        return office(ctx).jobs();
    }

    /** 上传上限（兆字节，serve --max-upload）；在 start 之前调用。 */
    public WebServer maxUploadMb(int mb) {
        if (mb < 1) {
            throw new InputException("上传上限至少 1 MB");
        }
        this.maxUploadMb = mb;
        return this;
    }

    /** 用这个密钥库（PKCS12 或 JKS）直接提供 HTTPS（Jetty 自己的 TLS）；在 start 之前调用。 */
    public WebServer tls(java.nio.file.Path keystore, char[] password) {
        this.keystore = keystore;
        this.keystorePassword = password.clone();
        return this;
    }

    /** 受信任的反向代理地址（如 127.0.0.1）；在 start 之前调用。 */
    public WebServer trustProxies(java.util.Collection<String> addresses) {
        trustedProxies.addAll(addresses);
        return this;
    }

    public boolean https() { return keystore != null; }

    public WebServer start(String host, int port) {
        List<Controller> controllers = List.of(new JurisdictionController(this), new LoginController(this), new RunsController(this), new RunController(this),
                new UnitController(this), new ListController(this), new DiffController(this), new OrderController(this),
                new CorrectionController(this), new AdminController(this), new RulesController(this), new RuleDraftController(this),
                new RuleTableController(this), new ImportRunController(this), new JobController(this), new PreviewPage(this),
                new AppealController(this),
                new NoticeController(this),
                new DashboardController(this), new ToolsController(this),

                new PasswordController(this), new ComparisonController(this));
        recordRulesFolder();
        int orphans = ImportRunController.removeOrphanUploads(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        if (orphans > 0) {
            System.err.println("已删除 " + orphans + " 个上次服务中断时遗留的上传临时目录");
        }
        offices.home().jobs().failInterrupted();
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "text/html; charset=utf-8";
            cfg.jetty.modifyServer(server -> server.setStopTimeout(1000));
            // Jetty 自己回的错误（请求行或请求头太长、格式坏了的请求：400、414、431 等）也用中文页面
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
            cfg.http.prefer405over404 = true;
            cfg.jetty.addConnector((server, http) -> Connectors.connector(server, http, host, port, keystore, keystorePassword, traffic));
            // 上传：超过 1 MB 的部分写到临时目录而不占内存（Jetty 在请求结束时删除）；单个文件与整个请求的上限
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            cfg.jetty.multipartConfig.maxFileSize(maxUploadMb, io.javalin.config.SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(maxUploadMb, io.javalin.config.SizeUnit.MB);
            cfg.events.handlerAdded(h -> routes.add(h.getHttpMethod().name() + " " + h.getPath()));
            cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            cfg.routes.before(guard::before);
            cfg.routes.after(guard::after);
            // 服务器处理一个请求用的时间（毫秒），供测速与排查：Server-Timing 响应头
            cfg.routes.after(ctx -> {
                Long t0 = ctx.attribute(STARTED);
                if (t0 != null) {
                    ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - t0) / 1e6));
                }
            });
            cfg.routes.get("/assets/{file}", this::asset);
            controllers.forEach(c -> c.routes(cfg.routes));
            extraControllers.forEach(c -> c.routes(cfg.routes));
            cfg.routes.exception(WebError.class, (e, ctx) -> {
                // 本辖区没有、别的辖区有的编号：不许看（403），不说是谁的
                boolean foreign = e.status == 404 && session(ctx) != null && session(ctx).account() != null
                        && ForeignRecords.elsewhere(this, ctx);
                error(ctx, foreign ? 403 : e.status, foreign ? WebError.forbidden().getMessage() : e.getMessage());
            });
            cfg.routes.exception(InputException.class, (e, ctx) -> error(ctx, 400, String.join("；", e.problems())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("网页请求 " + ctx.path() + " 出错：" + e);
                if (Boolean.getBoolean("assess.debug")) {
                    e.printStackTrace();
                }
                error(ctx, 500, "服务器内部错误，请把出错时间告诉管理员（详细原因已写入服务器日志）。");
            });
            cfg.routes.error(405, "*", ctx -> error(ctx, 405, "这个页面不接受这种请求方式（" + ctx.method() + "）。请从页面上的链接或按钮进入。"));
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    error(ctx, 404, "没有这个页面。");
                }
            });
        }).start(host, port);
        warmUp();
        return this;
    }

    public int port() { return app.port(); }

    /**
     * 网页上开始的运行（开始考核、更正后重新考核）用的规则，只此一处：当前发布的规则版本（规则管理起草、审核发布；
     * 运行因此记下这一版）。还没有任何版本时（服务启动时规则目录没能登记）用服务启动时指定的规则目录。
     */
    cn.gov.assess.policy.RuleSet rulesForRun(Context ctx) {
        return rulesForRun(office(ctx));
    }

    /** 一个辖区的当前规则（后台任务在提交时取定辖区，见 {@link #rulesForRun(Context)}）。 */
    cn.gov.assess.policy.RuleSet rulesForRun(Offices.Office office) {
        cn.gov.assess.ruleversions.RulesVersions versions = office.versions();
        return versions.currentVersion().map(v -> versions.rules(v.id()))
                .orElseGet(() -> cn.gov.assess.policy.RuleSet.load(rulesDir));
    }

    /** 注册过的路由，形如“POST /admin/users/{id}/active”（不含 before/after 等过滤器）。 */
    List<String> routes() {
        return routes.stream().filter(r -> r.startsWith("GET ") || r.startsWith("POST ") || r.startsWith("PUT ")
                || r.startsWith("PATCH ") || r.startsWith("DELETE ")).toList();
    }

    /** 库里还没有规则版本时，把服务器的规则目录登记为第 1 版（已发布）；目录有错照样登记，检查结果随版本保存。 */
    private void recordRulesFolder() {
        if (rulesDir == null) {
            return;
        }
        try {
            offices.home().versions().ensureInitial(rulesDir);
        } catch (InputException e) {
            System.err.println("规则目录没有登记为版本：" + String.join("；", e.problems()));
        }
    }

    /** 启动后在后台先读入最近一次运行并生成它的报告（第一次约需数秒），首个访问者不用等。 */
    private void warmUp() {
        Thread t = new Thread(() -> {
            try {
                Long latest = new cn.gov.assess.run.RunStore(home().db()).latestRunId();
                if (latest != null) {
                    home().results().report(latest);
                }
            } catch (RuntimeException e) {
                System.err.println("预先读入最近一次运行失败（不影响使用）：" + e.getMessage());
            }
        }, "assess-web-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        offices.close();
        if (app != null) {
            try {
                app.stop();
            } catch (io.javalin.util.JavalinException e) {
                // 优雅停止等连接关闭超时（客户端还留着长连接）：Jetty 此时已停止接收请求并关掉了连接，不算失败
                if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
                    throw e;
                }
            }
        }
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        if (file.equals(ErrorPages.ECHARTS_FILE)) {
            echarts(ctx);
            return;
        }
        if (!file.matches("[a-z0-9-]+\\.(css|js|svg)")) {
            throw WebError.notFound("没有这个文件。");
        }
        try (InputStream in = WebServer.class.getResourceAsStream("/web/assets/" + file)) {
            if (in == null) {
                throw WebError.notFound("没有这个文件。");
            }
            String type = file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml";
            ctx.contentType(type).header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ECharts 取自它的 webjar（pom.xml），不经网络。 */
    private void echarts(Context ctx) {
        try (InputStream in = WebServer.class.getResourceAsStream(ErrorPages.ECHARTS_RESOURCE)) {
            if (in == null) {
                throw WebError.notFound("没有这个文件。");
            }
            ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "max-age=86400").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void error(Context ctx, int status, String message) {
        ctx.status(status);
        views.render(ctx, "error.ftl", Map.of("status", status, "message", message));
    }

    /** 请求是否经 HTTPS 到达（直接，或经受信任的反向代理，见 {@link RequestGuard}）。 */
    static boolean https(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RequestGuard.HTTPS));
    }

    /** 请求的来源地址：直接连来的地址，或受信任的反向代理转告的客户端地址。 */
    static String ip(Context ctx) {
        String ip = ctx.attribute(RequestGuard.IP);
        return ip != null ? ip : ctx.ip();
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** 当前账号；市级账号正在查看下级辖区时，角色按“查看”（只读）算。 */
    static Accounts.Account me(Context ctx) {
        Sessions.Session s = session(ctx);
        if (s == null || s.account() == null) {
            throw WebError.forbidden();
        }
        return effective(s);
    }

    /** 会话的账号，查看下级辖区时换成只读的“查看”角色（页面据此不显示修改的按钮，服务器据此拒绝写操作）。 */
    static Accounts.Account effective(Sessions.Session s) {
        return s.viewing != null && s.account().role() != Role.查看 ? s.account().as(Role.查看) : s.account();
    }

    /** 只有能看全县结果的角色（除“单位”外）可以继续。 */
    static Accounts.Account requireAll(Context ctx) {
        Accounts.Account a = me(ctx);
        if (!a.role().seesAll()) {
            throw WebError.forbidden();
        }
        return a;
    }

    /** 当前账号必须是 allowed 里的一个角色，否则 403（写操作一律用它，按角色而不是按页面是否显示按钮来拦）。 */
    static Accounts.Account require(Context ctx, java.util.function.Predicate<Role> allowed) {
        Accounts.Account a = me(ctx);
        if (!allowed.test(a.role())) {
            throw WebError.notAllowed(a.role());
        }
        return a;
    }

    static Accounts.Account requireAdmin(Context ctx) {
        Accounts.Account a = me(ctx);
        if (a.role() != Role.管理员) {
            throw WebError.forbidden();
        }
        return a;
    }

    static long longParam(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw WebError.notFound("没有这个页面。");
        }
    }

    void audit(Context ctx, String action, String detail) {
        Sessions.Session s = session(ctx);
        office(ctx).audit().record(s != null && s.account() != null ? s.account().name() : "（未登录）", action, detail, ip(ctx));
    }
}
