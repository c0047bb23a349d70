package cn.gov.assess.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 后台任务页 /jobs/{编号}：状态、阶段、进度条、结果或错误表。页面里的 job.js 每秒读一次 /jobs/{编号}.json 更新进度，
 * 结束时重新载入整页；不运行脚本的浏览器靠 &lt;noscript&gt; 里的自动刷新。只有经办能看（任务编号也猜不到）。本进程的任务
 * 从内存里读（有实时进度），其余（服务重启之前的）从任务表 web_job 读（{@link JobStore}）。
 */
final class JobController implements WebServer.Controller {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 导入页、考核页下方“最近的任务”列出的个数。 */
    static final int RECENT = 20;
    private final WebServer web;

    JobController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/jobs/{id}", this::job);
    }

    private void job(Context ctx) {
        WebServer.require(ctx, Role::operates);
        String id = ctx.pathParam("id");
        boolean json = id.endsWith(".json");
        Jobs.Job job = web.jobs(ctx).get(json ? id.substring(0, id.length() - 5) : id);
        if (job == null || job.kind == Jobs.Kind.预览) { // 预览有自己的页面（PreviewPage），按规则管理、审核的角色查
            throw WebError.notFound("没有这个任务。请从“导入”或“开始考核”页的“最近的任务”打开。");
        }
        if (json) {
            try {
                ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(status(job)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>(status(job));
        model.put("title", job.title);
        model.put("owner", job.owner);
        model.put("created", job.created.format(RunsController.TIME));
        model.put("started", job.started() == null ? "" : job.started().format(RunsController.TIME));
        model.put("finished", job.finished() == null ? "" : job.finished().format(RunsController.TIME));
        model.put("rules", job.rules());
        model.put("files", job.files());
        model.put("runId", job.runId());
        model.put("summary", job.summary());
        model.put("nextLabel", job.nextLabel() == null ? "" : job.nextLabel());
        model.put("failure", job.failure());
        List<Map<String, String>> problems = new ArrayList<>();
        for (Jobs.Problem p : job.problems()) {
            problems.add(Map.of("file", p.file(), "line", p.line(), "column", p.column(), "value", p.value(), "message", p.message()));
        }
        model.put("problems", problems.subList(0, Math.min(problems.size(), JobStore.PROBLEMS)));
        model.put("problemCount", job.problemCount());
        web.views.render(ctx, "job.ftl", model);
    }

    /** 页面与 JSON 共用的状态。 */
    /** 只许本程序自己的页面地址（“/diff?…”）：不许“//主机”“/\主机”这类浏览器当作别的网站的写法，也不许任何控制字符。 */
    static boolean internal(String url) {
        return url != null && url.matches("/[A-Za-z0-9][A-Za-z0-9/_.?=&%-]*");
    }

    static Map<String, Object> status(Jobs.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id);
        m.put("kind", job.kind.name());
        m.put("state", job.state().name());
        m.put("over", job.over());
        m.put("phase", job.phase());
        m.put("done", job.done());
        m.put("total", job.total());
        m.put("percent", job.percent());
        double s = job.seconds();
        m.put("seconds", Math.round(s * 10) / 10.0);
        m.put("progress", progressText(job, s));
        m.put("startedAt", job.started() == null ? null : job.started().toString());
        m.put("finishedAt", job.finished() == null ? null : job.finished().toString());
        // 完成后 job.js 直接转到这里（只会是本程序自己的页面地址）
        m.put("next", job.state() == Jobs.State.完成 && internal(job.next()) ? job.next() : null);
        return m;
    }

    private static String progressText(Jobs.Job job, double seconds) {
        StringBuilder b = new StringBuilder(job.phase());
        long done = job.done();
        if (done > 0) {
            b.append("：").append(String.format("%,d", done));
            if (job.total() > 0) {
                b.append(" / 约 ").append(String.format("%,d", Math.max(job.total(), done)));
            }
            b.append(" 行");
            if (seconds > 0.5 && !job.over()) {
                b.append("，已用 ").append(String.format("%.0f", seconds)).append(" 秒");
            }
        }
        return b.toString();
    }

    /** 任务列表里的一行（导入页、考核页下方的“最近的任务”）。 */
    static List<Map<String, Object>> rows(List<Jobs.Job> jobs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Jobs.Job j : jobs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", j.id);
            m.put("title", j.title);
            m.put("owner", j.owner);
            m.put("state", j.state().name());
            m.put("created", j.created.format(RunsController.TIME));
            m.put("runId", j.runId());
            out.add(m);
        }
        return out;
    }
}
