package cn.gov.assess.web;

import cn.gov.assess.assessment.AssessAll;
import cn.gov.assess.audit.Trends;
import cn.gov.assess.db.Jurisdictions;
import cn.gov.assess.facts.Period;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.issuance.Notice;
import cn.gov.assess.issuance.Notices;
import cn.gov.assess.run.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * 辖区对比（issue 28，市级账号）：各下级辖区 × 各考核期，每个渠道的主要数字取自那一期所用运行（正式结果，没有时最近一次工作运行，
 * 与各县工作台相同）保存的汇总，通报的状态与文号，一项数字各期各辖区的折线图；市的经办可在这里把本市与各下级的同一期一起考核
 * （{@link AssessAll}，后台任务）。只读：看某县的运行要先切换到那个县（只读查看）。
 */
final class ComparisonController implements WebServer.Controller {
    static final String PATH = "/jurisdictions/compare";
    static final String ASSESS_ALL = "/jurisdictions/assess-all";

    private final WebServer web;

    ComparisonController(WebServer web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH, this::compare);
        r.post(ASSESS_ALL, this::assessAll);
    }

    /** 能用这一页的账号（市级、能看全部的角色）的下级辖区；别的账号 403。 */
    private List<Jurisdictions.Jurisdiction> counties(Context ctx) {
        WebServer.requireAll(ctx);
        List<Jurisdictions.Jurisdiction> children = JurisdictionController.viewable(web, WebServer.session(ctx).account());
        if (children.isEmpty()) {
            throw WebError.forbidden();
        }
        return children;
    }

    private void compare(Context ctx) {
        List<Jurisdictions.Jurisdiction> counties = counties(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        // 每个县：考核期 → 那一期所用的运行
        Map<Jurisdictions.Jurisdiction, Map<Period, Long>> chosen = new LinkedHashMap<>();
        TreeSet<Period> periods = new TreeSet<>(Comparator.reverseOrder());
        for (Jurisdictions.Jurisdiction j : counties) {
            Map<Period, Long> runs = DashboardController.chosenRuns(web.offices().of(j.id()), false);
            chosen.put(j, runs);
            periods.addAll(runs.keySet());
        }
        List<String> channels = new ArrayList<>();
        List<Map<String, Object>> blocks = new ArrayList<>();
        Map<String, Map<Period, RunStore.StoredRun>> loaded = new LinkedHashMap<>();
        for (Period p : periods) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Jurisdictions.Jurisdiction j : counties) {
                Offices.Office office = web.offices().of(j.id());
                Long runId = chosen.get(j).get(p);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("county", j.name());
                row.put("countyId", j.id());
                Notices notices = new Notices(office.db());
                Optional<Notice> notice = notices.noticeOf(p.code());
                row.put("notice", notice.map(n -> n.getState().name()).orElse("未起草"));
                row.put("docNumber", notice.map(Notice::getDocNumber).orElse(null));
                List<Map<String, Object>> byChannel = new ArrayList<>();
                if (runId != null) {
                    RunStore.StoredRun run = office.results().run(runId);
                    loaded.computeIfAbsent(j.name(), k -> new LinkedHashMap<>()).put(p, run);
                    row.put("runId", runId);
                    row.put("official", notices.officialRunId(p.code()).map(runId::equals).orElse(false));
                    for (String c : Trends.channels(run)) {
                        if (!channels.contains(c)) {
                            channels.add(c);
                        }
                        Tally t = Trends.tally(run, c, null);
                        List<String> figures = new ArrayList<>();
                        for (String f : Trends.HEADLINE) {
                            figures.add(Trends.text(t, f));
                        }
                        byChannel.add(Map.of("channel", c, "figures", figures));
                    }
                }
                row.put("channels", byChannel);
                rows.add(row);
            }
            blocks.add(Map.of("period", p.code(), "title", p.title(), "rows", rows));
        }
        model.put("blocks", blocks);
        model.put("figures", Trends.HEADLINE);
        model.put("channels", channels);
        // 图：一个渠道的一项数字，各期从早到晚，每个县一条线
        String figure = Optional.ofNullable(ctx.queryParam("figure")).filter(Trends.HEADLINE::contains).orElse(Trends.TREND.get(0));
        String channel = Optional.ofNullable(ctx.queryParam("channel")).filter(channels::contains)
                .orElse(channels.isEmpty() ? null : channels.get(0));
        model.put("figure", figure);
        model.put("channel", channel);
        if (channel != null) {
            List<Period> ascending = new ArrayList<>(periods);
            java.util.Collections.reverse(ascending);
            Map<String, List<Tally>> tallies = new LinkedHashMap<>();
            for (Jurisdictions.Jurisdiction j : counties) {
                List<Tally> line = new ArrayList<>();
                for (Period p : ascending) {
                    RunStore.StoredRun run = loaded.getOrDefault(j.name(), Map.of()).get(p);
                    line.add(run == null ? null : Trends.tally(run, channel, null));
                }
                tallies.put(j.name(), line);
            }
            model.put("chart", Charts.byJurisdiction("compare-chart", figure, channel,
                    ascending.stream().map(Period::code).toList(), tallies));
        }
        Accounts.Account me = WebServer.me(ctx);
        if (me.role().operates()) {
            model.put("assessPeriods", periodsWithData(web.offices().of(JurisdictionController.own(web, me)), counties));
        }
        web.views.render(ctx, "jurisdictions.ftl", model);
    }

    /** 有工单的季度（本市与各下级的并集），新的在前：“考核全部辖区”可选的考核期。 */
    private List<String> periodsWithData(Offices.Office city, List<Jurisdictions.Jurisdiction> counties) {
        TreeSet<Period> out = new TreeSet<>(Comparator.reverseOrder());
        List<Offices.Office> offices = new ArrayList<>();
        offices.add(city);
        counties.forEach(j -> offices.add(web.offices().of(j.id())));
        for (Offices.Office o : offices) {
            Sql.work(o.db(), c -> {
                try (PreparedStatement ps = c.prepareStatement("select min(received_at), max(received_at) from work_order");
                     ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getTimestamp(1) != null) {
                        java.time.LocalDate from = rs.getTimestamp(1).toLocalDateTime().toLocalDate();
                        java.time.LocalDate to = rs.getTimestamp(2).toLocalDateTime().toLocalDate();
                        for (java.time.LocalDate d = from.withDayOfMonth(1); !d.isAfter(to) && out.size() < 40; d = d.plusMonths(3)) {
                            out.add(Period.quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1));
                        }
                        out.add(Period.quarter(to.getYear(), (to.getMonthValue() - 1) / 3 + 1));
                    }
                }
                return null;
            });
        }
        return out.stream().map(Period::code).toList();
    }

    /** 市的经办：本市与各下级辖区的同一期一起考核（后台任务，并行），结果按辖区列在任务页。 */
    private void assessAll(Context ctx) {
        Accounts.Account me = WebServer.require(ctx, Role::operates);
        String text = Optional.ofNullable(ctx.formParam("period")).orElse("").strip();
        Period p;
        try {
            p = Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WebError(400, "考核期“" + text + "”写法不对，例如 2021-Q4。");
        }
        List<Jurisdictions.Jurisdiction> counties = counties(ctx); // 县级的经办：403
        Offices.Office city = web.office(ctx);
        java.util.Set<Long> which = new java.util.HashSet<>();
        which.add(city.id());
        counties.forEach(j -> which.add(j.id()));
        java.time.LocalDateTime cutoff = p.defaultCutoff();
        int threads = Runtime.getRuntime().availableProcessors();
        String title = "考核全部辖区 " + p.code() + "（" + city.name() + "及下级 " + counties.size() + " 个辖区）";
        web.audit(ctx, "考核全部辖区", title);
        Jobs.Job job = city.jobs().submit(Jobs.Kind.全辖区考核, me.name(), WebServer.ip(ctx), title, j -> {
            j.phase("并行考核 " + which.size() + " 个辖区（各用自己当前发布的规则）", 0);
            List<AssessAll.Outcome> outcomes = new AssessAll(web.offices().jurisdictions(), web.rulesDir, threads)
                    .run(p, cutoff, x -> which.contains(x.id()));
            List<Map<String, Object>> rows = new ArrayList<>();
            int done = 0;
            for (AssessAll.Outcome o : outcomes) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", o.jurisdiction().name());
                m.put("rules", o.rulesLabel() == null ? "" : o.rulesLabel());
                if (o.ok()) {
                    done++;
                    m.put("result", "运行 #" + o.result().runId() + "：工单 " + o.result().orderCount() + " 个，转办 "
                            + o.result().assignmentCount() + " 条");
                } else {
                    m.put("result", (o.empty() ? "没有运行：" : "出错：") + o.problem());
                }
                rows.add(m);
            }
            j.files(rows);
            j.run(null, String.format("%s：%d 个辖区考核完成，%d 个没有运行", p.code(), done, outcomes.size() - done));
            j.next(PATH, "打开辖区对比");
        }, () -> { });
        ctx.redirect("/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
