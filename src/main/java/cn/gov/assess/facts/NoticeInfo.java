package cn.gov.assess.facts;

import java.util.List;

/** 通报的文头文尾信息里的一项：某考核期的“项目—内容”（导入的通报信息文件每行一项）。 */
public record NoticeInfo(String period, String field, String content) {
    /** 可填的项目。 */
    public static final List<String> FIELDS = List.of("发文机关", "文号", "主送", "成文日期", "抄送", "印发机关", "印发日期");
}
