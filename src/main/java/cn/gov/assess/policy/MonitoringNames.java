package cn.gov.assess.policy;

import cn.gov.assess.facts.Parameters;

import java.util.List;

/**
 * 监测的用语：结果的名称（合格、不合格、未监测）与监测范围名（政府网站、政务新媒体、在线访谈），取自参数表“监测.…”各行。
 * 范围名是规则（rules/60–80 的 DRL）记名单与提示时用的“渠道”，报告据此把它们排进正文“四”；改名时两处一起改。
 * 没有这些参数的规则目录（本参数之前的规则与运行快照）用 {@link #STANDARD}，即当时写在程序里的用语，旧运行的报告因此不变。
 */
public record MonitoringNames(String passed, String failed, String unchecked, String website, String media,
                              String interviews) {
    public static final MonitoringNames STANDARD = new MonitoringNames("合格", "不合格", "未监测", "政府网站", "政务新媒体",
            "在线访谈");

    public static MonitoringNames of(Parameters p) {
        if (p == null) {
            return STANDARD;
        }
        return new MonitoringNames(text(p, "监测.结果.合格", STANDARD.passed), text(p, "监测.结果.不合格", STANDARD.failed),
                text(p, "监测.结果.未监测", STANDARD.unchecked), text(p, "监测.范围.政府网站", STANDARD.website),
                text(p, "监测.范围.政务新媒体", STANDARD.media), text(p, "监测.范围.在线访谈", STANDARD.interviews));
    }

    /** 一个监测对象本期的结果：有不合格项为不合格，监测过且无问题为合格，否则未监测。 */
    public String result(boolean anyFailure, boolean checked) {
        return anyFailure ? failed : checked ? passed : unchecked;
    }

    /** 三个监测范围名。 */
    public List<String> scopes() {
        return List.of(website, media, interviews);
    }

    private static String text(Parameters p, String key, String fallback) {
        String v = p.has(key) ? p.text(key, null).strip() : "";
        return v.isEmpty() ? fallback : v;
    }
}
