package cn.gov.assess.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** 账号角色。服务器对每个请求按角色判断能否访问；第 1 部分只有“看”的页面和账号管理。 */
public enum Role {
    查看("办公室只读：所有运行、单位、名单、比较、工单"),
    单位("一个单位自己的账号：只看本单位的数字、理由和工单"),
    经办("导入、考核、更正（第 2 部分）；现可看全部"),
    规则管理("修改政策规则（第 2 部分）；现可看全部"),
    审核("审批发布的规则修改（第 2 部分）；现可看全部"),
    管理员("管理账号、看操作记录；可看全部");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() { return description; }

    /** 能否看全县的结果（运行、附件、名单、比较、任何工单）。单位账号不能。 */
    public boolean seesAll() { return this != 单位; }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.name().equals(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("未知角色“" + text + "”，可用的角色：" + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("、"));
    }
}
