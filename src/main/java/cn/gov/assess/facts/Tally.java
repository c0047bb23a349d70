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
    /** 规则自定义的计数：工作人员新加的规则可以用 add("名称", n) 计数、用 extra("名称") 读取，无需改程序。 */
    private final TreeMap<String, Integer> extras = new TreeMap<>();

    public Tally(String channel, Long unitId) {
        this.channel = channel;
        this.unitId = unitId;
    }

    /** 计入一条已分类的转办。 */
    public void count(AssignmentFact a) {
        add(a.getStatus(), a.getDaysLate(), a.getOverdueMonth(), a.getOrderNo());
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

    public void merge(Tally other) {
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
