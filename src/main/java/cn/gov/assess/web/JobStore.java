package cn.gov.assess.web;

import cn.gov.assess.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 后台任务记在表 web_job 里（迁移 V19），服务重启后任务页照样打开。提交时写一行，开始与结束时各更新一次；进行中的进度
 * 只在内存里（{@link Jobs}）。不存上传文件的内容；错误表只存前 {@link #PROBLEMS} 处（任务页也只列这么多）与总数。
 */
final class JobStore {
    /** 错误表存下、也在任务页列出的最多处数。 */
    static final int PROBLEMS = 200;
    /** 服务启动时发现上次停止前没做完的任务：这样说明。 */
    static final String INTERRUPTED = "服务在任务进行中停止（或重启）；导入与考核都是全有或全无，这次什么也没有改变，请重新提交。";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, kind, title, owner, remote, created_at, started_at, finished_at, elapsed_ms, state, phase, "
            + "done_count, total_count, summary, run_id, next_url, next_label, rules, files, failure, problem_count, problems";

    private final Database db;

    JobStore(Database db) {
        this.db = db;
    }

    /** 提交时：新的一行（排队）。 */
    void submitted(Jobs.Job job) {
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into web_job (" + COLUMNS + ") values "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.id);
                ps.setString(2, job.kind.name());
                ps.setString(3, cut(job.title, 2000));
                ps.setString(4, cut(job.owner, 100));
                ps.setString(5, cut(job.remote(), 100));
                ps.setTimestamp(6, time(job.created));
                int i = 7;
                i = setState(ps, i, job);
                return ps.executeUpdate();
            }
        });
    }

    /** 开始时与结束时：除编号、种类、标题、账号、来源、提交时间以外的各列。 */
    void update(Jobs.Job job) {
        Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("update web_job set started_at = ?, finished_at = ?, elapsed_ms = ?, "
                    + "state = ?, phase = ?, done_count = ?, total_count = ?, summary = ?, run_id = ?, next_url = ?, next_label = ?, "
                    + "rules = ?, files = ?, failure = ?, problem_count = ?, problems = ? where id = ?")) {
                int i = setState(ps, 1, job);
                ps.setString(i, job.id);
                return ps.executeUpdate();
            }
        });
    }

    private static int setState(PreparedStatement ps, int i, Jobs.Job job) throws SQLException {
        ps.setTimestamp(i++, time(job.started()));
        ps.setTimestamp(i++, time(job.finished()));
        if (job.finished() != null) {
            ps.setLong(i++, Math.round(job.seconds() * 1000));
        } else {
            ps.setNull(i++, java.sql.Types.BIGINT);
        }
        ps.setString(i++, job.state().name());
        ps.setString(i++, cut(job.phase(), 200));
        ps.setLong(i++, job.done());
        ps.setLong(i++, job.total());
        ps.setString(i++, cut(job.summary(), 2000));
        if (job.runId() != null) {
            ps.setLong(i++, job.runId());
        } else {
            ps.setNull(i++, java.sql.Types.BIGINT);
        }
        ps.setString(i++, job.next() == null ? null : cut(job.next(), 500));
        ps.setString(i++, job.nextLabel() == null ? null : cut(job.nextLabel(), 200));
        ps.setString(i++, cut(job.rules(), 500));
        ps.setString(i++, json(job.files()));
        ps.setString(i++, cut(job.failure(), 4000));
        ps.setInt(i++, job.problemCount());
        List<Map<String, String>> problems = new ArrayList<>();
        for (Jobs.Problem p : job.problems().subList(0, Math.min(PROBLEMS, job.problems().size()))) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("value", p.value());
            m.put("message", p.message());
            problems.add(m);
        }
        ps.setString(i++, json(problems));
        return i;
    }

    Optional<Jobs.Job> load(String id) {
        return Sql.work(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from web_job where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Jobs.Job>empty();
                }
            }
        });
    }

    /** 最近提交的任务，新的在前。 */
    List<Jobs.Job> recent(int limit) {
        return Sql.work(db, c -> {
            List<Jobs.Job> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from web_job order by created_at desc, id desc "
                    + "fetch first ? rows only")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * 服务启动时：上一个进程留下的排队、进行中的任务改为失败，并说明原因。导入与考核各在一个事务里生效（全有或全无），
     * 被打断的什么也没改变——除非它恰好在提交之后、记下结果之前被打断：开始之后库里有了新的导入记录或运行时，如实说出来，
     * 请用户先看一看。返回改为失败的任务（供写操作记录）。
     */
    List<Jobs.Job> failInterrupted() {
        List<Jobs.Job> left = Sql.work(db, c -> {
            List<Jobs.Job> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from web_job where state in (?, ?) order by created_at")) {
                ps.setString(1, Jobs.State.排队.name());
                ps.setString(2, Jobs.State.进行中.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
        List<Jobs.Job> failed = new ArrayList<>();
        for (Jobs.Job job : left) {
            String failure = job.started() == null ? INTERRUPTED : afterStart(job).orElse(INTERRUPTED);
            int n = Sql.work(db, c -> {
                try (PreparedStatement ps = c.prepareStatement("update web_job set state = ?, failure = ? where id = ? and state = ?")) {
                    ps.setString(1, Jobs.State.失败.name());
                    ps.setString(2, cut(failure, 4000));
                    ps.setString(3, job.id);
                    ps.setString(4, job.state().name());
                    return ps.executeUpdate();
                }
            });
            if (n == 1) {
                failed.add(job);
            }
        }
        return failed;
    }

    /** 任务开始之后生效的导入记录或运行（说明它可能在提交之后、记下结果之前被打断）。 */
    private Optional<String> afterStart(Jobs.Job job) {
        return Sql.work(db, c -> {
            if (job.kind == Jobs.Kind.导入) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from import_batch where state = 'done' and imported_at >= ?")) {
                    ps.setTimestamp(1, time(job.started()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long n = rs.getLong(1);
                        return n == 0 ? Optional.<String>empty() : Optional.of("服务在任务进行中停止（或重启）。任务开始之后库里有了 " + n
                                + " 条新的导入记录：这次导入可能在停止前已经完成（导入是全有或全无的，不会只导入一半），只是没来得及记下结果。"
                                + "请先看首页的导入记录，确实没有再重新提交。");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select id from assessment_run where state = 'done' and created_at >= ? order by id")) {
                ps.setTimestamp(1, time(job.started()));
                List<String> runs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.add("#" + rs.getLong(1));
                    }
                }
                return runs.isEmpty() ? Optional.<String>empty() : Optional.of("服务在任务进行中停止（或重启）。任务开始之后库里有了新的运行 "
                        + String.join("、", runs) + "：这次考核可能在停止前已经完成（考核是全有或全无的，不会只保存一半），只是没来得及"
                        + "记下结果。请先在“全部运行”里看一看，确实没有再重新提交。");
            }
        });
    }

    private static Jobs.Job read(ResultSet rs) throws SQLException {
        List<Map<String, Object>> files = parse(rs.getString("files"), new TypeReference<List<Map<String, Object>>>() { });
        List<Map<String, String>> problems = parse(rs.getString("problems"), new TypeReference<List<Map<String, String>>>() { });
        List<Jobs.Problem> ps = new ArrayList<>();
        for (Map<String, String> p : problems) {
            ps.add(new Jobs.Problem(s(p.get("file")), s(p.get("line")), s(p.get("column")), s(p.get("value")), s(p.get("message"))));
        }
        long elapsed = rs.getLong("elapsed_ms");
        Long runId = rs.getLong("run_id");
        if (rs.wasNull()) {
            runId = null;
        }
        return Jobs.Job.restored(rs.getString("id"), Jobs.Kind.valueOf(rs.getString("kind")), rs.getString("owner"), rs.getString("title"),
                rs.getString("remote"), local(rs.getTimestamp("created_at")), local(rs.getTimestamp("started_at")),
                local(rs.getTimestamp("finished_at")), elapsed / 1000.0, Jobs.State.valueOf(rs.getString("state")), rs.getString("phase"),
                rs.getLong("done_count"), rs.getLong("total_count"), rs.getString("summary"), runId, rs.getString("next_url"),
                rs.getString("next_label"), rs.getString("rules"), files, rs.getString("failure"), ps, rs.getInt("problem_count"));
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static <T> List<T> parse(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("任务记录里的 JSON 读不出：" + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp time(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t.truncatedTo(ChronoUnit.MICROS));
    }

    private static LocalDateTime local(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
