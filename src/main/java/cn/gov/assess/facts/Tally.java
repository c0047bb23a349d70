package cn.gov.assess.facts;


import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 汇总：一个单位在一个渠道的转办计数（unitId 非空），或一个渠道的不重复工单计数（unitId 为空）。
 * 计数由汇总规则调用；分块计算的部分汇总可相加合并，结果与顺序无关。
 */
public class Tally {
    private final String channel;
    private final Long unitId;
    private int due;
    private int handled;
    private int unhandled;
    private int overdueCompleted;
    private int overdueUnhandled;
    private int open;
    private long overdueDays;
    private final TreeMap<YearMonth, Integer> monthlyOverdue = new TreeMap<>();
    private final TreeSet<String> overdueUnhandledOrderNos = new TreeSet<>();
    // 可选字段的计数（issue 16；导出有这些列时才不为 0）：有签收时限的转办、其中按时签收的；已回访（满意、基本满意、
    // 不满意）、其中满意、基本满意、不满意的；未回访的；退回过的；重办的
    private int signDue;
    private int signedOnTime;
    private int satisfied;
    private int basicallySatisfied;
    private int dissatisfied;
    private int notSurveyed;
    private int returned;
    private int reopened;
    // 不计入本期的转办（参数“在办件计入应办”为“否”时的在办件）：只计入转办数
    private int notCounted;
    /** 这次运行的比率口径与程序里的定义不同的（规则表 数字.csv，见 {@link Figures.Rate}）；空表＝都按程序里的定义。 */
    private Map<String, Figures.Rate> rates = Map.of();
    /** 参数“签收.恰在时限算按时”为“否”时为真：恰在签收时限签收的不算按时。 */
    private boolean strictSign;
    public static final String SIGN_AT_DEADLINE = "签收.恰在时限算按时";
    /** 规则自定义的计数：工作人员新加的规则可以用 add("名称", n) 计数、用 extra("名称") 读取，无需改程序。 */
    private final TreeMap<String, Integer> extras = new TreeMap<>();

    /**
     * 参数表里列出满意率分子计哪些回访结果的参数。没有这一参数的规则目录（本参数之前的规则与运行快照）按
     * {@link #SATISFIED_BY_DEFAULT} 算，即当时写在程序里的“满意 + 基本满意”，旧运行的满意率因此不变。
     */
    public static final String SATISFIED_PARAMETER = "满意率.计为满意的回访结果";
    public static final List<String> SATISFIED_BY_DEFAULT = List.of("满意", "基本满意");
    /** 回访结果的写法（导出“回访满意度”一列，未回访不算已回访）。 */
    public static final List<String> SURVEY_ANSWERS = List.of("满意", "基本满意", "不满意");
    private List<String> satisfiedAnswers = SATISFIED_BY_DEFAULT;

    public Tally(String channel, Long unitId) {
        this.channel = channel;
        this.unitId = unitId;
    }

    /** 汇总规则建汇总时用：满意率的分子按参数表的 {@link #SATISFIED_PARAMETER}（没有这一参数时按旧写法）。 */
    public Tally(String channel, Long unitId, Parameters parameters) {
        this(channel, unitId);
        if (parameters != null && parameters.has(SATISFIED_PARAMETER)) {
            satisfiedAnswers = parameters.list(SATISFIED_PARAMETER); // 不可改的列表，各汇总共用
        }
        if (parameters != null) {
            rates = parameters.rates();
            strictSign = parameters.has(SIGN_AT_DEADLINE) && !parameters.flag(SIGN_AT_DEADLINE);
        }
    }

    /** 比率口径中与程序里的定义不同的（比率名 → 口径）。 */
    public Map<String, Figures.Rate> getRates() { return rates; }

    /** 转办数：应办件数加上不计入本期的转办（或工单，合计行）。 */
    public int getAssigned() { return due + notCounted; }

    /** 计入一条不计入本期的转办（或工单）：只算进转办数。 */
    public void countNotCounted() {
        notCounted++;
    }

    /** 满意率分子计入的回访结果。 */
    public List<String> getSatisfiedAnswers() { return satisfiedAnswers; }

    /** 满意率的分子：计为满意的回访结果的件数。 */
    public int getCountedSatisfied() {
        int n = 0;
        for (String a : satisfiedAnswers) {
            n += switch (a) {
                case "满意" -> satisfied;
                case "基本满意" -> basicallySatisfied;
                case "不满意" -> dissatisfied;
                default -> 0;
            };
        }
        return n;
    }

    /** 计入一条已分类的转办。 */
    public void count(AssignmentFact a) {
        add(a.getStatus(), a.getDaysLate(), a.getOverdueMonth(), a.getOrderNo());
        if (!a.getStatus().isCounted()) {
            return;
        }
        Boolean onTime = a.getSignedOnTime();
        if (onTime != null && onTime && strictSign && a.getSignedAt().isEqual(a.getSignDeadline())) {
            onTime = false; // 恰在签收时限签收，按参数不算按时
        }
        if (onTime != null) {
            signDue++;
            if (onTime) {
                signedOnTime++;
            }
        }
        if (a.getSatisfaction() != null) {
            switch (a.getSatisfaction()) {
                case "满意" -> satisfied++;
                case "基本满意" -> basicallySatisfied++;
                case "不满意" -> dissatisfied++;
                default -> notSurveyed++;
            }
        }
        if (a.getReturnCount() != null && a.getReturnCount() > 0) {
            returned++;
        }
        if (Boolean.TRUE.equals(a.getReopened())) {
            reopened++;
        }
    }

    /** 计入一个已分类的工单（渠道合计）。 */
    public void count(OrderFact o) {
        add(o.getStatus(), o.getDaysLate(), null, o.getOrderNo());
    }

    private void add(AssignmentStatus status, int daysLate, YearMonth month, String orderNo) {
        if (!status.isCounted()) {
            return;
        }
        due++;
        if (status.isCompleted()) {
            handled++;
        } else {
            unhandled++;
        }
        switch (status) {
            case OVERDUE_COMPLETED -> overdueCompleted++;
            case OVERDUE_UNHANDLED -> {
                overdueUnhandled++;
                overdueUnhandledOrderNos.add(orderNo);
            }
            case OPEN -> open++;
            default -> { }
        }
        if (status.isLate()) {
            overdueDays += daysLate;
            if (month != null) {
                monthlyOverdue.merge(month, 1, Integer::sum);
            }
        }
    }

    public void add(String name, int n) {
        extras.merge(name, n, Integer::sum);
    }

    public int extra(String name) {
        return extras.getOrDefault(name, 0);
    }

    public Map<String, Integer> getExtras() { return extras; }

    public String encodeExtras() {
        StringBuilder sb = new StringBuilder();
        extras.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    public void restoreExtras(String encoded) {
        if (encoded != null && !encoded.isEmpty()) {
            for (String part : encoded.split(";")) {
                int eq = part.lastIndexOf('=');
                extras.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
            }
        }
    }

    /** 可选计数的保存写法：signDue=3;signedOnTime=2;satisfied=…（全为 0 时为空串）。 */
    public String encodeOptional() {
        int[] v = {signDue, signedOnTime, satisfied, basicallySatisfied, dissatisfied, notSurveyed, returned, reopened, notCounted};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                sb.append(sb.length() == 0 ? "" : ";").append(OPTIONAL[i]).append('=').append(v[i]);
            }
        }
        if (!satisfiedAnswers.equals(SATISFIED_BY_DEFAULT)) {
            // 只在与旧写法不同时记下，按旧写法算的运行保存的文字与以前一样
            sb.append(sb.length() == 0 ? "" : ";").append(SATISFIED_KEY).append('=').append(String.join("|", satisfiedAnswers));
        }
        // 改过的比率口径（没有改的运行不记，保存的文字与以前一样）
        rates.forEach((name, r) -> sb.append(sb.length() == 0 ? "" : ";").append(RATE_KEY).append(name).append('=')
                .append(r.encode()));
        return sb.toString();
    }

    /** 读回 {@link #encodeOptional()} 的写法；null 或空串（旧运行）不改变计数。 */
    public void restoreOptional(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String part : encoded.split(";")) {
            int eq = part.indexOf('=');
            if (part.substring(0, eq).equals(SATISFIED_KEY)) {
                satisfiedAnswers = List.of(part.substring(eq + 1).split("\\|", -1));
                continue;
            }
            if (part.startsWith(RATE_KEY)) {
                Map<String, Figures.Rate> m = new TreeMap<>(rates);
                m.put(part.substring(RATE_KEY.length(), eq), Figures.Rate.decode(part.substring(eq + 1)));
                rates = Map.copyOf(m);
                continue;
            }
            int n = Integer.parseInt(part.substring(eq + 1));
            switch (part.substring(0, eq)) {
                case "signDue" -> signDue = n;
                case "signedOnTime" -> signedOnTime = n;
                case "satisfied" -> satisfied = n;
                case "basicallySatisfied" -> basicallySatisfied = n;
                case "dissatisfied" -> dissatisfied = n;
                case "notSurveyed" -> notSurveyed = n;
                case "returned" -> returned = n;
                case "reopened" -> reopened = n;
                case "notCounted" -> notCounted = n;
                default -> { }
            }
        }
    }

    private static final String SATISFIED_KEY = "satisfiedAnswers";
    private static final String RATE_KEY = "rate.";
    private static final String[] OPTIONAL = {"signDue", "signedOnTime", "satisfied", "basicallySatisfied", "dissatisfied",
            "notSurveyed", "returned", "reopened", "notCounted"};

    /** 并入另一张汇总（分块计算的部分汇总、各渠道合计）；新建的空汇总取对方的满意率写法（同一次运行只有一种）。 */
    public void merge(Tally other) {
        if (satisfiedAnswers == SATISFIED_BY_DEFAULT) {
            satisfiedAnswers = other.satisfiedAnswers;
        }
        if (rates.isEmpty()) {
            rates = other.rates;
        }
        notCounted += other.notCounted;
        other.extras.forEach((k, v) -> extras.merge(k, v, Integer::sum));
        due += other.due;
        handled += other.handled;
        unhandled += other.unhandled;
        overdueCompleted += other.overdueCompleted;
        overdueUnhandled += other.overdueUnhandled;
        open += other.open;
        overdueDays += other.overdueDays;
        other.monthlyOverdue.forEach((m, n) -> monthlyOverdue.merge(m, n, Integer::sum));
        overdueUnhandledOrderNos.addAll(other.overdueUnhandledOrderNos);
        signDue += other.signDue;
        signedOnTime += other.signedOnTime;
        satisfied += other.satisfied;
        basicallySatisfied += other.basicallySatisfied;
        dissatisfied += other.dissatisfied;
        notSurveyed += other.notSurveyed;
        returned += other.returned;
        reopened += other.reopened;
    }

    /** 有签收时限的转办数（及时签收率的分母）。 */
    public int getSignDue() { return signDue; }
    public int getSignedOnTime() { return signedOnTime; }
    /** 及时签收率（百分数，0–100）：按时签收 / 有签收时限的转办；没有签收数据时为 0，规则先看 signDue &gt; 0。 */
    public double getSignOnTimeRate() { return rate("及时签收率"); }
    public int getSatisfied() { return satisfied; }
    public int getBasicallySatisfied() { return basicallySatisfied; }
    public int getDissatisfied() { return dissatisfied; }
    public int getNotSurveyed() { return notSurveyed; }
    /** 已回访件数（满意 + 基本满意 + 不满意，满意率的分母；未回访不计）。 */
    public int getSurveyed() { return satisfied + basicallySatisfied + dissatisfied; }
    /** 满意率（百分数）：计为满意的回访结果（默认满意 + 基本满意）/ 已回访；没有回访数据时为 0，规则先看 surveyed &gt; 0。 */
    public double getSatisfactionRate() { return rate("满意率"); }
    /** 退回过的转办数。 */
    public int getReturned() { return returned; }
    /** 回退率（百分数）：退回过的转办 / 应办。 */
    public double getReturnRate() { return rate("回退率"); }
    /** 重办的转办数。 */
    public int getReopened() { return reopened; }
    /** 重办率（百分数）：重办的转办 / 应办。 */
    public double getReopenRate() { return rate("重办率"); }

    /** 一个比率的百分数（0–100），分子分母按这次运行的口径（规则表 数字.csv）；分母为 0 时为 0，规则先看分母。 */
    private double rate(String name) {
        Figures.Figure f = Figures.get(name);
        long d = f.denominator(this);
        return d == 0 ? 0 : f.numerator(this) * 100.0 / d;
    }

    /** 按期办结件数 = 实办数 − 逾期办结件数。 */
    public int getOnTime() { return handled - overdueCompleted; }
    /** 逾期件数 = 逾期办结 + 逾期未办。 */
    public int getLate() { return overdueCompleted + overdueUnhandled; }

    public String encodeMonthly() {
        StringBuilder sb = new StringBuilder();
        monthlyOverdue.forEach((m, n) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(m).append('=').append(n);
        });
        return sb.toString();
    }

    public void restore(int due, int handled, int unhandled, int overdueCompleted, int overdueUnhandled, int open,
                 long overdueDays, String monthly, String unhandledOrders) {
        this.due = due;
        this.handled = handled;
        this.unhandled = unhandled;
        this.overdueCompleted = overdueCompleted;
        this.overdueUnhandled = overdueUnhandled;
        this.open = open;
        this.overdueDays = overdueDays;
        if (!monthly.isEmpty()) {
            for (String part : monthly.split(";")) {
                String[] kv = part.split("=");
                monthlyOverdue.put(YearMonth.parse(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        if (!unhandledOrders.isEmpty()) {
            overdueUnhandledOrderNos.addAll(List.of(unhandledOrders.split(";")));
        }
    }

    public String getChannel() { return channel; }
    public Long getUnitId() { return unitId; }
    public int getDue() { return due; }
    public int getHandled() { return handled; }
    public int getUnhandled() { return unhandled; }
    public int getOverdueCompleted() { return overdueCompleted; }
    public int getOverdueUnhandled() { return overdueUnhandled; }
    public int getOpen() { return open; }
    public long getOverdueDays() { return overdueDays; }
    public Map<YearMonth, Integer> getMonthlyOverdue() { return monthlyOverdue; }
    public List<String> getOverdueUnhandledOrderNos() { return new ArrayList<>(overdueUnhandledOrderNos); }
}
