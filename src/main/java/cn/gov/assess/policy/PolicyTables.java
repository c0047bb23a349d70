package cn.gov.assess.policy;

import cn.gov.assess.facts.Policy;
import cn.gov.assess.io.InputException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 工作人员填的规则表：指标.csv、名单.csv 与 名单条件.csv、否决与扣分.csv。读入时逐格检查（文件、行、列、取值），
 * 再编译成 DRL（{@link #drl()}），与手写的规则一起编译、触发、记录理由与解释。读表与检查在 {@link TableParser}、
 * {@link AnnexParser}，生成的规则的形状在模板 policy/规则表.drl.ftl（{@link TableDrl} 填数据）。
 * 为什么不用 Drools 的 Excel 决策表：决策表的表头要写 DRL 片段（CONDITION、$param 等），
 * 工作人员照样得懂规则语法；这里的表只有中文的列，每格的意思在 rules/README.md 里讲明。
 */
public final class PolicyTables {
    public static final String INDICATORS = "指标.csv";
    public static final String LISTS = "名单.csv";
    public static final String CONDITIONS = "名单条件.csv";
    public static final String PENALTIES = "否决与扣分.csv";
    public static final String ANNEXES = "附件.csv";

    /** 附件表一行：不属于某个渠道的附件（如综合得分排名表），列取自数字与指标。no 为 0 时自动编号。 */
    public record Annex(int line, String name, int no, String title, String channel, List<String> columns,
                        List<String> order, boolean totalRow, String meaning) {
        public String title(String periodWord) {
            return title.replace("{季度}", periodWord).replace("{期}", periodWord);
        }
    }

    /** 附件表的列：办理单位、名次（按排序的第一项）、数字与指标的名字。 */
    public static final String UNIT_COLUMN = "办理单位";
    public static final String PLACE_COLUMN = "名次";

    /** 指标表一行。crossChannel：空（每个渠道各算）、“合计”（各渠道数字相加后算）、“平均”（逐渠道算后取平均）。 */
    public record Indicator(int line, String name, List<String> channels, String crossChannel, String formula, int scale,
                            String rounding, String zero, String meaning) {
        public boolean perChannel() {
            return crossChannel.isEmpty();
        }

        public String channelLabel() {
            return perChannel() ? null : Policy.ALL_CHANNELS;
        }
    }

    /** 名单条件表一行。 */
    public record Condition(int line, String field, String op, String value) {
    }

    /** 名单表一行及其条件。 */
    public record ListDef(int line, String name, String title, List<String> channels, List<String> scope,
                          String rankBy, boolean descending, String quota, boolean perGroup, boolean veto,
                          boolean inText, String intro, String source, String meaning, List<Condition> conditions) {
        public boolean crossChannel() {
            return channels.equals(List.of(Policy.ALL_CHANNELS));
        }

        public boolean ranked() {
            return !rankBy.isEmpty();
        }

        /** 名单由规则表定义（否则由 DRL 定义，表里只给全称与引导语）。 */
        public boolean fromTable() {
            return !source.equals("DRL");
        }
    }

    /** 否决与扣分表一行。effect：“取消表扬资格”或“扣分”。 */
    public record Penalty(int line, String name, List<String> channels, String field, String op, String value,
                          String effect, String perItem, String meaning) {
        public boolean deduction() {
            return effect.equals("扣分");
        }
    }

    private final String folder;
    private final List<Indicator> indicators;
    private final List<ListDef> lists;
    private final List<Penalty> penalties;
    private final List<Annex> annexes;

    PolicyTables(String folder, List<Indicator> indicators, List<ListDef> lists, List<Penalty> penalties,
                         List<Annex> annexes) {
        this.folder = folder;
        this.indicators = indicators;
        this.lists = lists;
        this.penalties = penalties;
        this.annexes = annexes;
    }

    public List<Annex> annexes() { return annexes; }

    public List<Indicator> indicators() { return indicators; }
    public List<ListDef> lists() { return lists; }
    public List<Penalty> penalties() { return penalties; }

    public boolean isEmpty() {
        return indicators.isEmpty() && lists.isEmpty() && penalties.isEmpty();
    }

    public ListDef list(String name) {
        return lists.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** 算出来记作指标取值的名字：指标表的指标与扣分行（附件可以用它们作列）。 */
    public Set<String> valueNames() {
        Set<String> out = new java.util.LinkedHashSet<>();
        indicators.forEach(i -> out.add(i.name()));
        penalties.stream().filter(Penalty::deduction).forEach(p -> out.add(p.name()));
        return out;
    }

    public Indicator indicator(String name) {
        return indicators.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    /** 读规则目录里的规则表（没有的表当作空表）；有错时抛出 InputException，列出每一处错。 */
    public static PolicyTables parse(String folder, Map<String, String> files, Set<String> channels, Set<String> groups) {
        TableParser p = new TableParser(folder, files, channels, groups);
        PolicyTables t = p.parse();
        if (!p.problems.isEmpty()) {
            throw InputException.of(p.problems);
        }
        return t;
    }

    static List<String> split(String cell) {
        return Arrays.stream(cell.split("[、，,；;|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * 编译成的 DRL（没有规则表时为 null）。规则名是“表名：名单名：步骤”，不含行号（表里插一行不改变规则名，
     * 两次运行的比较不会因此出现假变化）；行号写在生成的规则上方的注释里。规则的形状在模板 policy/规则表.drl.ftl 里。
     */
    public String drl() {
        return isEmpty() ? null : TableDrl.render(this);
    }
}
