package cn.gov.assess.io;

import java.util.List;

/**
 * 输入有误：一处或多处 {@link Problem}（文件、行、列、规则是数据，说明是可读的中文）。只有中文句子的旧写法
 * （{@code new InputException("…")}）成为没有位置的问题，整句不变。
 */
public class InputException extends RuntimeException {
    private final List<Problem> problems;

    public InputException(String problem) {
        this(Problem.of(problem));
    }

    public InputException(List<String> problems) {
        this(problems.stream().map(Problem::of).toArray(Problem[]::new));
    }

    public InputException(Problem... problems) {
        super(summary(List.of(problems)));
        this.problems = List.of(problems);
    }

    /** 带位置的问题清单（至少一处）。 */
    public static InputException of(List<Problem> problems) {
        return new InputException(problems.toArray(Problem[]::new));
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("InputException without any problem");
        }
        String first = problems.get(0).message();
        return problems.size() == 1 ? first : problems.size() + " 处错误：" + first;
    }

    /** 每处问题的整句（给人看的中文，与 {@link Problem#message()} 相同）。 */
    public List<String> problems() {
        return problems.stream().map(Problem::message).toList();
    }

    /** 每处问题，位置是数据。 */
    public List<Problem> located() {
        return problems;
    }
}
