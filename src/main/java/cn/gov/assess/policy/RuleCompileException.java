package cn.gov.assess.policy;

import cn.gov.assess.io.InputException;

import java.util.List;

/** 规则目录编译失败：每条信息带文件与行号。 */
public class RuleCompileException extends InputException {
    public RuleCompileException(List<String> problems) {
        super(problems);
    }

    /** Drools 的编译错误：规则文件与行号是数据。 */
    public RuleCompileException(cn.gov.assess.io.Problem... problems) {
        super(problems);
    }
}
