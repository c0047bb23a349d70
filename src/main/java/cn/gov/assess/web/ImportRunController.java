package cn.gov.assess.web;

import cn.gov.assess.assessment.AssessPeriod;
import cn.gov.assess.facts.AssessmentResult;
import cn.gov.assess.facts.Period;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.io.InputException;
import cn.gov.assess.policy.RuleSet;
import cn.gov.assess.intake.Importer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 经办：上传文件导入（与 assess import 同一条路：{@link Importer#importPaths}，全有或全无），开始考核（与 assess run
 * 同一条路：检查规则与模板、拒绝空运行、{@link AssessPeriod}）。两者都作为后台任务排队执行，请求立即
 * 跳到任务页（{@link JobController}）。
 */
final class ImportRunController implements WebServer.Controller {
    /** 可导入的文件（与 assess import 读目录时相同的扩展名）。 */
    private static final java.util.regex.Pattern ACCEPTED = java.util.regex.Pattern.compile("(?i).+\\.(csv|xlsx|xlsm|xls)");
    /** 网页上传的文件在导入记录（import_batch.file_name）里的前缀。 */
    static final String UPLOADED = "网页上传/";
    private final WebServer web;

    ImportRunController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/import", this::importPage);
        r.post("/import", this::upload);
        r.get("/assess", this::assessPage);
        r.post("/assess", this::start);
    }

    private void importPage(Context ctx) {
        WebServer.require(ctx, Role::operates);
        renderImport(ctx, null);
    }

    private void renderImport(Context ctx, String message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("jobs", JobController.rows(web.jobs(ctx).recent(JobController.RECENT)));
        model.put("maxMb", web.maxUploadMb);
        if (message != null) {
            model.put("message", message);
        }
        web.views.render(ctx, "import.ftl", model);
    }

    /**
     * 上传的文件原名写进一个新的临时目录（导入按文件名与表头识别文件种类，错误信息也用原名），然后排队导入；
     * 任务结束（无论成败）即删除整个目录，上传的文件不留在服务器上。
     */
    private void upload(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        List<jakarta.servlet.http.Part> uploads;
        try {
            ctx.uploadedFiles("files"); // 让 Javalin 按上面的上限与临时目录配置解析 multipart
            uploads = ctx.req().getParts().stream()
                    .filter(part -> "files".equals(part.getName()) && part.getSubmittedFileName() != null
                            && !part.getSubmittedFileName().isBlank())
                    .toList();
        } catch (Exception e) {
            // 中断或格式坏了的 multipart（Jetty 的英文说明不给浏览器看）
            throw new InputException("上传没有完成，请重新选择文件上传");
        }
        if (uploads.isEmpty()) {
            ctx.status(400);
            renderImport(ctx, "请先选择要导入的文件（.csv、.xlsx 或 .xls，可一次选多个）。");
            return;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory(UPLOAD_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        try {
            Set<String> seen = new HashSet<>();
            for (jakarta.servlet.http.Part f : uploads) {
                String name = baseName(f.getSubmittedFileName());
                if (!ACCEPTED.matcher(name).matches() || name.startsWith(".") || name.startsWith("~$")) {
                    throw new InputException("“" + name + "”不是可导入的文件：只能导入 .csv、.xlsx、.xls 文件");
                }
                if (name.length() > MAX_NAME || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 240
                        || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                    throw new InputException("文件名“" + shorten(name) + "”太长或含有不可见字符，请改成简短的文件名（最多 "
                            + MAX_NAME + " 个字）后再上传");
                }
                if (!seen.add(name.toLowerCase())) {
                    throw new InputException("文件“" + name + "”选了两次，请只选一次");
                }
                Path target = dir.resolve(name).normalize();
                if (!dir.equals(target.getParent())) {
                    throw new InputException("“" + name + "”不是可用的文件名，请改名后再上传");
                }
                // Jetty 已把大于 1 MB 的部分写在磁盘上：write 只是把它移过来，不再复制一遍
                f.write(target.toString());
                names.add(name + "（" + kb(f.getSize()) + "）");
            }
        } catch (InputException e) {
            delete(dir);
            ctx.status(400);
            renderImport(ctx, String.join("；", e.problems()));
            return;
        } catch (IOException e) {
            delete(dir);
            throw new UncheckedIOException(e);
        }
        String prefix = dir + java.io.File.separator;
        Offices.Office office = web.office(ctx); // 任务在提交时取定辖区
        Jobs.Job job = office.jobs().submit(Jobs.Kind.导入, me.name(), WebServer.ip(ctx), "导入 " + String.join("、", names), j -> {
            RuleSet rules = web.rulesForRun(office);
            j.rules(rules.origin() + "（指纹 " + rules.fingerprint().substring(0, 12) + "）");
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.sorted(Comparator.comparing(Path::toString)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                List<Importer.FileResult> results = new Importer(office.db(), rules).withProgress(j).importPaths(files);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Importer.FileResult r : results) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", r.file().replace(prefix, ""));
                    m.put("kind", r.kind());
                    m.put("encoding", r.encoding());
                    m.put("read", r.rowsRead());
                    m.put("added", r.rowsAdded());
                    rows.add(m);
                }
                j.files(rows);
                // 导入记录里的文件名：临时目录换成“网页上传/”（临时目录已删除，留着它没有意义）
                Sql.work(office.db(), conn -> {
                    try (java.sql.PreparedStatement ps = conn.prepareStatement(
                            "update import_batch set file_name = ? || substring(file_name, ?) where file_name like ?")) {
                        ps.setString(1, UPLOADED);
                        ps.setInt(2, prefix.length() + 1);
                        ps.setString(3, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                        return ps.executeUpdate();
                    }
                });
            } catch (InputException e) {
                // 错误里的文件名只留原名，不露出服务器上的临时目录
                throw InputException.of(e.located().stream().map(p -> p.renamed(prefix, "")).toList());
            }
        }, () -> delete(dir));
        web.audit(ctx, "上传文件", String.join("、", names) + "（任务 " + job.id + "）");
        ctx.redirect("/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void assessPage(Context ctx) {
        WebServer.require(ctx, Role::operates);
        renderAssess(ctx, null, Map.of());
    }

    private void renderAssess(Context ctx, String message, Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("jobs", JobController.rows(web.jobs(ctx).recent(JobController.RECENT)));
        model.put("forms", Period.ACCEPTED_FORMS);
        model.put("rulesLabel", web.versions(ctx).currentVersion()
                .map(v -> "当前发布的规则" + v.label() + (v.publishedAt() == null ? "" : "（" + v.publishedAt().format(RunsController.TIME)
                        + (v.publisher() == null ? "" : "，" + v.publisher()) + " 发布）"))
                .orElse("规则目录 " + web.rulesDir));
        model.put("form", form);
        if (message != null) {
            model.put("message", message);
        }
        web.views.render(ctx, "assess.ftl", model);
    }

    /** 先在请求里检查考核期、截至日期与有没有工单（都很快），有错就留在表单上；然后排队考核。 */
    private void start(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        String periodText = ctx.formParam("period") == null ? "" : ctx.formParam("period").strip();
        String cutoffText = ctx.formParam("cutoff") == null ? "" : ctx.formParam("cutoff").strip();
        boolean allowEmpty = ctx.formParam("allowEmpty") != null;
        Map<String, String> form = Map.of("period", periodText, "cutoff", cutoffText, "allowEmpty", allowEmpty ? "on" : "");
        Period p;
        LocalDateTime cutoff;
        try {
            if (periodText.isEmpty()) {
                throw new IllegalArgumentException("请填写考核期，例如 2021-Q4。可用的写法：" + Period.ACCEPTED_FORMS);
            }
            p = Period.parse(periodText);
            cutoff = p.defaultCutoff();
            if (!cutoffText.isEmpty()) {
                cutoff = DateTimes.parse(cutoffText, true);
                if (cutoff == null) {
                    throw new IllegalArgumentException("截至日期：无法识别的日期“" + cutoffText + "”，例如 2021-12-31");
                }
            }
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            renderAssess(ctx, e.getMessage(), form);
            return;
        }
        if (!allowEmpty && !new AssessPeriod(web.db(ctx)).hasOrders(p, cutoff)) {
            ctx.status(400);
            renderAssess(ctx, AssessPeriod.emptyPeriodMessage(p, cutoff) + "请先在“导入”页导入派单记录；确要保存空运行，勾选“仍保存空运行”。",
                    form);
            return;
        }
        Period period = p;
        LocalDateTime c = cutoff;
        String title = "考核 " + p.code() + "，截至 " + c.toLocalDate() + (allowEmpty ? "（允许空运行）" : "");
        Jobs.Job job = web.jobs(ctx).submit(Jobs.Kind.考核, me.name(), WebServer.ip(ctx), title, assessment(web, web.office(ctx), period, c, null), () -> { });
        ctx.redirect("/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * 一次考核作为后台任务要做的事（开始考核、更正后重新考核共用，与命令行 run 同一个用例 {@link AssessPeriod}）：取当前发布的
     * 规则，检查规则与模板（未通过则不运行），考核并保存（空考核期已在提交前拒绝）。compareWith 不为空时，完成后任务页转到它与新运行的比较。
     */
    static Jobs.Work assessment(WebServer web, Offices.Office office, Period period, LocalDateTime c, Long compareWith) {
        return j -> {
            RuleSet rules = web.rulesForRun(office);
            j.rules(rules.origin() + "（指纹 " + rules.fingerprint().substring(0, 12) + "）");
            j.phase("检查规则与模板", 0);
            AssessmentResult r = new AssessPeriod(office.db()).withProgress(j).run(period, c, rules,
                    AssessPeriod.Check.inline(rules, "规则 " + rules.origin()), true, "");
            j.run(r.runId(), String.format("运行 #%d：%s，截至 %s，工单 %d 个，转办 %d 条，名单成员 %d 个，一票否决 %d 个",
                    r.runId(), period.code(), c.toLocalDate(), r.orderCount(), r.assignmentCount(), r.lists().size(),
                    r.disqualifications().size()) + (r.assignmentCount() == 0 ? "。注意：这是空运行（考核期内没有工单）" : ""));
            if (compareWith != null) {
                j.next("/diff?a=" + compareWith + "&b=" + r.runId(), "比较运行 #" + compareWith + " 与新运行 #" + r.runId());
            }
        };
    }

    /** 上传文件名的最长字数（磁盘上一个文件名最多 255 字节，中文一字 3 字节）。 */
    static final int MAX_NAME = 80;

    private static String shorten(String name) {
        String visible = name.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= 40 ? visible : visible.substring(0, 30) + "…" + visible.substring(visible.length() - 8);
    }

    /** 上传临时目录名的前缀，后接服务进程号：“assess-upload-12345-…”。 */
    static final String UPLOAD_PREFIX = "assess-upload-";

    /**
     * 服务启动时删掉已不在运行的服务进程留下的上传临时目录（那些进程被强行杀掉，没来得及删；里面是派单导出，可能含群众信息）。
     * 只删进程号对应的进程已不存在的目录，同机其他正在运行的服务的上传不受影响。返回删掉的目录数。
     */
    static int removeOrphanUploads(Path tmp) {
        int removed = 0;
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                String name = d.getFileName().toString();
                if (!name.startsWith(UPLOAD_PREFIX)) {
                    continue;
                }
                String rest = name.substring(UPLOAD_PREFIX.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // 旧版本的目录名里没有进程号：不知道是谁的，不动
                }
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                delete(d);
                removed++;
            }
        } catch (IOException e) {
            System.err.println("清理遗留的上传临时目录失败：" + e.getMessage());
        }
        return removed;
    }

    /** 浏览器给的文件名可能带路径（旧版 IE 给完整路径）：只取最后一段。 */
    static String baseName(String name) {
        String n = name == null ? "" : name;
        int i = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return n.substring(i + 1).strip();
    }

    private static String kb(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%d KB", Math.max(1, (bytes + 1023) / 1024));
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("删除上传的临时目录失败：" + dir + "：" + e.getMessage());
        }
    }
}
