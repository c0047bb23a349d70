package cn.gov.assess.io;

import java.util.List;

/** 输入有误：带一条或多条可读的中文错误（文件、行、列、值）。 */
public class InputException extends RuntimeException {
    private final List<String> problems;

    public InputException(String problem) {
        this(List.of(problem));
    }

    public InputException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " 处错误：" + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
