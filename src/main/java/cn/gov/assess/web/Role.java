package cn.gov.assess.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 账号角色。服务器对每个请求按角色判断能否访问（{@link WebServer#require}）：写操作只许对应的角色，
 * 其余角色（含查看、单位）直接提交一律 403。
 */
public enum Role {
    查看("办公室只读：所有运行、单位、名单、比较、工单"),
    单位("一个单位自己的账号：只看本单位的数字、理由和工单"),
    经办("导入数据、开始考核、登记与撤回更正；可看全部"),
    规则管理("修改政策规则（生成草稿）、预览；可看全部"),
    审核("审批发布别人起草的规则修改；可看全部"),
    管理员("管理账号、看操作记录；可看全部");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() { return description; }

    /** 能否看全县的结果（运行、附件、名单、比较、任何工单）。单位账号不能。 */
    public boolean seesAll() { return this != 单位; }

    /** 能否导入数据、开始考核、登记或撤回更正。 */
    public boolean operates() { return this == 经办; }

    /** 能否修改政策规则（每次修改生成草稿）、预览草稿、把旧版本恢复为草稿。 */
    public boolean editsRules() { return this == 规则管理; }

    /** 能否发布（批准）别人起草的规则草稿。 */
    public boolean approves() { return this == 审核; }

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
