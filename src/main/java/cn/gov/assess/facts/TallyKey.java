package cn.gov.assess.facts;

/** 一张单位汇总的键：渠道与单位（汇总规则用它建齐本块出现的单位汇总）。 */
public record TallyKey(String channel, long unitId) {
}
