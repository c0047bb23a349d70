package cn.gov.assess.facts;

/** 一个网站栏目或新媒体账号本期监测的结论（附件4、5的一行）：合格与否、存在的问题、备注。 */
public record CheckResult(String kind, int seq, String platform, String subject, String ownerLabel, Long unitId,
                          String result, String problems, String remark) {
    public static final String WEBSITE = "网站";
    public static final String MEDIA = "新媒体";
}
