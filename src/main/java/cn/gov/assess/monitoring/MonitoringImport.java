package cn.gov.assess.monitoring;

import cn.gov.assess.io.Cells;
import cn.gov.assess.io.CsvTable;
import cn.gov.assess.io.Place;
import cn.gov.assess.io.Problem;
import cn.gov.assess.unit.UnitDirectory;
import org.hibernate.StatelessSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 监测类文件的校验与写入：网站栏目登记、网站监测、新媒体账号登记、新媒体监测、在线访谈。
 * 登记类文件（栏目、账号）再次导入时按新值更新；监测与访谈记录已有相同的跳过，值不同的报错。
 */
public final class MonitoringImport {
    /** 监测结果在名单、正文提示与附件里的范围名（规则用这些名字作渠道，如 new ListEntry(名单, "政府网站", …)）。 */
    public static final String WEBSITE_SCOPE = "政府网站";
    public static final String MEDIA_SCOPE = "政务新媒体";
    public enum Kind {
        WEBSITE_COLUMNS("网站栏目", List.of("序号", "单位名称")),
        WEBSITE_CHECKS("网站监测", List.of("监测日期", "单位名称", "栏目未更新天数", "空白栏目数", "超三个月未回复留言数", "网站可访问", "新发布信息数")),
        MEDIA_ACCOUNTS("新媒体账号", List.of("序号", "平台", "账号名称", "责任主体", "状态", "注销期限")),
        MEDIA_CHECKS("新媒体监测", List.of("监测日期", "平台", "账号名称", "距上次发布天数", "期间发布数", "转发要求信息", "督促次数")),
        INTERVIEWS("在线访谈", List.of("访谈日期", "单位名称", "主题"));

        public final String label;
        public final List<String> columns;

        Kind(String label, List<String> columns) {
            this.label = label;
            this.columns = columns;
        }

        /** 按表头识别文件种类；不是监测类文件时返回 null。 */
        public static Kind detect(CsvTable t) {
            if (t.has("监测日期") && t.has("账号名称")) {
                return MEDIA_CHECKS;
            }
            if (t.has("监测日期")) {
                return WEBSITE_CHECKS;
            }
            if (t.has("账号名称")) {
                return MEDIA_ACCOUNTS;
            }
            if (t.has("访谈日期")) {
                return INTERVIEWS;
            }
            if (t.has("序号") && t.has("单位名称") && !t.has("类型")) {
                return WEBSITE_COLUMNS;
            }
            return null;
        }
    }

    public static final Set<String> STATUSES = Set.of("正常", "注销中", "已注销");

    private record Column(Place where, int seq, UnitDirectory.Ref unit, String name) { }
    private record WCheck(Place where, LocalDate date, UnitDirectory.Ref unit, String spelling, int stale, int empty,
                          int unanswered, boolean reachable, int published) { }
    private record Account(Place where, int seq, String platform, String name, UnitDirectory.Ref owner, String spelling,
                           String status, LocalDate cancelDeadline) { }
    private record MCheck(Place where, LocalDate date, String platform, String account, int days, int posts,
                          boolean forwarded, int reminders) { }
    private record Talk(Place where, LocalDate date, UnitDirectory.Ref unit, String spelling, String topic) { }

    private final Map<CsvTable, Kind> kinds = new HashMap<>();
    private final Map<CsvTable, List<Object>> rows = new HashMap<>();
    private final Set<String> newAccounts = new HashSet<>();

    public void validate(CsvTable t, Kind kind, UnitDirectory units, Set<String> knownAccounts, List<Problem> problems) {
        kinds.put(t, kind);
        List<Object> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            Cells c = new Cells(t, r, problems);
            int before = problems.size();
            Object row = switch (kind) {
                case WEBSITE_COLUMNS -> {
                    Integer seq = c.count("序号");
                    String name = c.text("单位名称");
                    UnitDirectory.Ref u = unit(c, "单位名称", name, units);
                    yield problems.size() > before ? null : new Column(c.whereRow(), seq, u, name);
                }
                case WEBSITE_CHECKS -> {
                    LocalDate d = c.date("监测日期", true);
                    String name = c.text("单位名称");
                    UnitDirectory.Ref u = unit(c, "单位名称", name, units);
                    Integer stale = c.count("栏目未更新天数");
                    Integer empty = c.count("空白栏目数");
                    Integer unanswered = c.count("超三个月未回复留言数");
                    Boolean ok = c.yesNo("网站可访问");
                    Integer published = c.count("新发布信息数");
                    yield problems.size() > before ? null
                            : new WCheck(c.whereRow(), d, u, name, stale, empty, unanswered, ok, published);
                }
                case MEDIA_ACCOUNTS -> {
                    Integer seq = c.count("序号");
                    String platform = c.text("平台");
                    String name = c.text("账号名称");
                    String owner = c.text("责任主体");
                    UnitDirectory.Ref u = unit(c, "责任主体", owner, units);
                    String status = c.text("状态");
                    if (status != null && !STATUSES.contains(status)) {
                        c.error("状态", "“" + status + "”应为 正常、注销中 或 已注销");
                    }
                    LocalDate deadline = c.date("注销期限", "注销中".equals(status));
                    if (problems.size() == before) {
                        newAccounts.add(platform + '\u0001' + name);
                    }
                    yield problems.size() > before ? null
                            : new Account(c.whereRow(), seq, platform, name, u, owner, status, deadline);
                }
                case MEDIA_CHECKS -> {
                    LocalDate d = c.date("监测日期", true);
                    String platform = c.text("平台");
                    String name = c.text("账号名称");
                    if (platform != null && name != null && !knownAccounts.contains(platform + '\u0001' + name)
                            && !newAccounts.contains(platform + '\u0001' + name)) {
                        c.error("账号名称", "未登记的账号：" + platform + "“" + name + "”，请先在新媒体账号登记表中登记");
                    }
                    Integer days = c.count("距上次发布天数");
                    Integer posts = c.count("期间发布数");
                    Boolean fwd = c.yesNo("转发要求信息");
                    Integer rem = c.count("督促次数");
                    yield problems.size() > before ? null
                            : new MCheck(c.whereRow(), d, platform, name, days, posts, fwd, rem);
                }
                case INTERVIEWS -> {
                    LocalDate d = c.date("访谈日期", true);
                    String name = c.text("单位名称");
                    UnitDirectory.Ref u = unit(c, "单位名称", name, units);
                    String topic = c.text("主题");
                    yield problems.size() > before ? null : new Talk(c.whereRow(), d, u, name, topic);
                }
            };
            if (row == null) {
                continue;
            }
            String key = key(row);
            String first = seen.putIfAbsent(key, c.whereRow().toString());
            if (first != null) {
                problems.add(c.whereRow().problem("与" + first + "重复"));
                continue;
            }
            out.add(row);
        }
        rows.put(t, out);
    }

    private static String key(Object row) {
        if (row instanceof Column c) {
            return c.unit().name();
        } else if (row instanceof WCheck w) {
            return w.date() + "|" + w.unit().name();
        } else if (row instanceof Account a) {
            return a.platform() + "|" + a.name();
        } else if (row instanceof MCheck m) {
            return m.date() + "|" + m.platform() + "|" + m.account();
        } else if (row instanceof Talk t) {
            return t.date() + "|" + t.unit().name() + "|" + t.topic();
        }
        throw new IllegalArgumentException(String.valueOf(row));
    }

    private static UnitDirectory.Ref unit(Cells c, String col, String name, UnitDirectory units) {
        if (name == null) {
            return null;
        }
        UnitDirectory.Ref u = units.find(name);
        if (u == null) {
            String near = units.closest(name);
            c.error(col, "未知单位“" + name + "”" + (near == null ? "，请先导入单位表" : "，最接近的已知单位是“" + near
                    + "”；如是同一单位，请在单位表的“别名”列加上它"));
        }
        return u;
    }

    /** 写入一个文件的行，返回新增或更新的行数；与已有记录冲突的行记入错误清单。 */
    public int write(StatelessSession s, CsvTable t, Map<String, Long> unitIds, List<Problem> problems) {
        int added = 0;
        Kind kind = kinds.get(t);
        for (Object row : rows.get(t)) {
            added += switch (kind) {
                case WEBSITE_COLUMNS -> {
                    Column c = (Column) row;
                    Long unitId = unitIds.get(c.unit().name());
                    WebsiteColumn ex = s.createSelectionQuery("from WebsiteColumn w where w.unitId = :u", WebsiteColumn.class)
                            .setParameter("u", unitId).uniqueResult();
                    if (ex == null) {
                        s.insert(new WebsiteColumn(c.seq(), unitId, c.name()));
                        yield 1;
                    }
                    if (ex.getSeq() != c.seq() || !ex.getNameWritten().equals(c.name())) {
                        ex.update(c.seq(), c.name());
                        s.update(ex);
                        yield 1;
                    }
                    yield 0;
                }
                case WEBSITE_CHECKS -> {
                    WCheck w = (WCheck) row;
                    Long unitId = unitIds.get(w.unit().name());
                    WebsiteCheck n = new WebsiteCheck(w.date(), unitId, w.spelling(), w.stale(), w.empty(), w.unanswered(),
                            w.reachable(), w.published());
                    WebsiteCheck ex = s.createSelectionQuery(
                                    "from WebsiteCheck k where k.unitId = :u and k.checkDate = :d", WebsiteCheck.class)
                            .setParameter("u", unitId).setParameter("d", w.date()).uniqueResult();
                    if (ex == null) {
                        s.insert(n);
                        yield 1;
                    }
                    if (!ex.sameValues(n)) {
                        problems.add(w.where().problem(w.unit().name() + " " + w.date() + " 的网站监测记录已导入，数值与本行不一致"));
                    }
                    yield 0;
                }
                case MEDIA_ACCOUNTS -> {
                    Account a = (Account) row;
                    MediaAccount n = new MediaAccount(a.seq(), a.platform(), a.name(), a.spelling(),
                            unitIds.get(a.owner().name()), a.status(), a.cancelDeadline());
                    MediaAccount ex = account(s, a.platform(), a.name());
                    if (ex == null) {
                        s.insert(n);
                        yield 1;
                    }
                    if (ex.getSeq() != n.getSeq() || !ex.getStatus().equals(n.getStatus())
                            || !ex.getOwnerSpelling().equals(n.getOwnerSpelling())
                            || !Objects.equals(ex.getCancelDeadline(), n.getCancelDeadline())) {
                        ex.update(n);
                        s.update(ex);
                        yield 1;
                    }
                    yield 0;
                }
                case MEDIA_CHECKS -> {
                    MCheck m = (MCheck) row;
                    MediaAccount a = account(s, m.platform(), m.account());
                    MediaCheck n = new MediaCheck(m.date(), a.getId(), m.days(), m.posts(), m.forwarded(), m.reminders());
                    MediaCheck ex = s.createSelectionQuery(
                                    "from MediaCheck k where k.accountId = :a and k.checkDate = :d", MediaCheck.class)
                            .setParameter("a", a.getId()).setParameter("d", m.date()).uniqueResult();
                    if (ex == null) {
                        s.insert(n);
                        yield 1;
                    }
                    if (!ex.sameValues(n)) {
                        problems.add(m.where().problem(m.platform() + "“" + m.account() + "” " + m.date() + " 的监测记录已导入，数值与本行不一致"));
                    }
                    yield 0;
                }
                case INTERVIEWS -> {
                    Talk t2 = (Talk) row;
                    Long unitId = unitIds.get(t2.unit().name());
                    Long n = s.createSelectionQuery("select count(*) from Interview i where i.unitId = :u and "
                                    + "i.interviewDate = :d and i.topic = :t", Long.class)
                            .setParameter("u", unitId).setParameter("d", t2.date()).setParameter("t", t2.topic()).getSingleResult();
                    if (n == 0) {
                        s.insert(new Interview(t2.date(), unitId, t2.spelling(), t2.topic()));
                        yield 1;
                    }
                    yield 0;
                }
            };
        }
        return added;
    }

    private static MediaAccount account(StatelessSession s, String platform, String name) {
        return s.createSelectionQuery("from MediaAccount a where a.platform = :p and a.name = :n", MediaAccount.class)
                .setParameter("p", platform).setParameter("n", name).uniqueResult();
    }

    /** 数据库中已登记的账号（平台 + 名称）。 */
    public static Set<String> knownAccounts(StatelessSession s) {
        Set<String> out = new HashSet<>();
        for (MediaAccount a : s.createSelectionQuery("from MediaAccount", MediaAccount.class).getResultList()) {
            out.add(a.getPlatform() + '\u0001' + a.getName());
        }
        return out;
    }
}
