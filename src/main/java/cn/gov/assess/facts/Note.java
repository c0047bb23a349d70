package cn.gov.assess.facts;


/** 结论：正文中某句话应当出现（措辞在模板里，条件在规则里），带规则名与理由。 */
public class Note {
    private final String scope;
    private final String key;
    private final String ruleName;
    private final String reason;

    public Note(String scope, String key, String ruleName, String reason) {
        this.scope = scope;
        this.key = key;
        this.ruleName = ruleName;
        this.reason = reason;
    }

    public String getScope() { return scope; }
    public String getKey() { return key; }
    public String getRuleName() { return ruleName; }
    public String getReason() { return reason; }
}
