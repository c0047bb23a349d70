package cn.gov.assess.facts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 参数表 rules/thresholds.csv：每行一个参数（参数, 渠道, 值, 说明）。
 * 渠道为空的行是所有渠道的默认值，填了渠道的行只对该渠道生效。规则通过本类读数；读表与检查在 policy.ParameterTable。
 */
public final class Parameters {
    public static final String FILE = "thresholds.csv";
    private static final String ALL = "";

    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private Map<String, Figures.Rate> rates = Map.of();
    /** list() 的结果（参数表读入后不再改；每张汇总建立时都要读，不必每次按分隔符拆）。 */
    private final java.util.concurrent.ConcurrentHashMap<String, List<String>> lists = new java.util.concurrent.ConcurrentHashMap<>();

    /** 规则表 数字.csv 里与程序定义不同的比率口径（由 policy 读表后给出；汇总建立时取走，见 Tally）。 */
    public Parameters withRates(Map<String, Figures.Rate> changed) {
        this.rates = Map.copyOf(changed);
        return this;
    }

    public Map<String, Figures.Rate> rates() { return rates; }

    /** 由参数表的读取（policy.ParameterTable）逐行填入。 */
    public static Parameters of(Map<String, Map<String, String>> values, Map<String, String> descriptions,
                                Map<String, String> types) {
        Parameters p = new Parameters();
        values.forEach((k, v) -> p.values.put(k, new LinkedHashMap<>(v)));
        p.descriptions.putAll(descriptions);
        p.types.putAll(types);
        return p;
    }

    public String text(String key, String channel) {
        Map<String, String> byChannel = values.get(key);
        if (byChannel == null) {
            throw new InvalidValueException("rules/" + FILE, "参数表 rules/" + FILE + " 中没有参数“" + key + "”，请添加一行：" + key + ",," + "值,说明");
        }
        String v = channel == null ? null : byChannel.get(channel);
        if (v == null) {
            v = byChannel.get(ALL);
        }
        if (v == null) {
            throw new InvalidValueException("rules/" + FILE, "参数表 rules/" + FILE + " 中参数“" + key + "”没有渠道“" + channel
                    + "”的值，也没有渠道为空的默认值");
        }
        return v;
    }

    public int number(String key) { return number(key, null); }

    public int number(String key, String channel) {
        String v = text(key, channel);
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("rules/" + FILE, "参数表 rules/" + FILE + " 中参数“" + key + "”的值“" + v + "”不是整数");
        }
    }

    public boolean flag(String key) { return flag(key, null); }

    public boolean flag(String key, String channel) {
        String v = text(key, channel).strip();
        return switch (v) {
            case "是", "true", "TRUE", "1", "Y", "y" -> true;
            case "否", "false", "FALSE", "0", "N", "n", "" -> false;
            default -> throw new InvalidValueException("rules/" + FILE, "参数表 rules/" + FILE + " 中参数“" + key + "”的值“" + v + "”应为“是”或“否”");
        };
    }

    /** 以“、”或“;”分隔的取值列表。 */
    public List<String> list(String key) {
        List<String> cached = lists.get(key);
        if (cached == null) {
            cached = Arrays.stream(text(key, null).split("[、;；,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            lists.put(key, cached);
        }
        return cached;
    }

    public boolean contains(String key, String value) { return list(key).contains(value); }

    public Map<String, Map<String, String>> all() { return values; }

    public String description(String key) { return descriptions.getOrDefault(key, ""); }

    public String type(String key) { return types.getOrDefault(key, ""); }

    public boolean has(String key) { return values.containsKey(key); }
}
