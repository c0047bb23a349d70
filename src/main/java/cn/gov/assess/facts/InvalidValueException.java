package cn.gov.assess.facts;

/**
 * 工作人员写的值用不了（输入或规则有误，不是程序错误）：参数表里缺参数或取值类型不对、考核期的写法、比较符、舍入方式。
 * 消息是给人看的中文；source 是出错的规则文件（如 rules/thresholds.csv），不知道时为 null。
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String source;

    public InvalidValueException(String message) {
        this(null, message);
    }

    public InvalidValueException(String source, String message) {
        super(message);
        this.source = source;
    }

    public String source() { return source; }
}
