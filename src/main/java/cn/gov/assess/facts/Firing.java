package cn.gov.assess.facts;

/** 审计记录：一次规则触发，带规则名、匹配的事实（按身份）与比较用到的取值。 */
public record Firing(int seq, String ruleName, Long unitId, String channel, String facts, String values) {
}
