package cn.gov.assess.cli;

import cn.gov.assess.db.DatabaseAddressException;
import cn.gov.assess.db.DatabaseUnavailableException;
import cn.gov.assess.facts.InvalidValueException;
import cn.gov.assess.io.InputException;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * 把执行中的异常变成给工作人员看的一行中文与退出码（见 README“退出码”）：输入或数据有误 1，命令行用法 2，
 * 核对不一致 3，文件或数据库无法读写 4，程序内部错误 5。不打印堆栈，除非 --debug。
 */
final class Failures {
    static final int INPUT = 1;
    static final int USAGE = 2;
    static final int MISMATCH = 3;
    static final int ENVIRONMENT = 4;
    static final int INTERNAL = 5;

    record Explained(int code, List<String> lines) {
    }

    private Failures() {
    }

    /**
     * 按异常的类型归类，从不看消息文字：输入有误（{@link InputException}、{@link InvalidValueException}、{@link DatabaseAddressException}）1，
     * 数据库打不开（{@link DatabaseUnavailableException}）与文件、数据库读写失败 4，其余一律是程序内部错误 5。
     */
    static Explained explain(Throwable ex) {
        if (ex instanceof InputException ie) {
            List<String> problems = ie.problems();
            if (problems.size() == 1) {
                return new Explained(INPUT, List.of("错误：" + problems.get(0)));
            }
            List<String> lines = new java.util.ArrayList<>();
            lines.add("错误：共 " + problems.size() + " 处，未做任何修改：");
            problems.forEach(p -> lines.add("  " + p));
            return new Explained(INPUT, lines);
        }
        if (ex instanceof InvalidValueException || ex instanceof DatabaseAddressException) {
            return new Explained(INPUT, List.of("错误：" + ex.getMessage()));
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException db) {
                return new Explained(ENVIRONMENT, List.of("错误：" + db.getMessage()));
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String fs = fileSystem(t);
            if (fs != null) {
                return new Explained(ENVIRONMENT, List.of("错误：" + fs));
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String db = database(t);
            if (db != null) {
                return new Explained(ENVIRONMENT, List.of("错误：" + db));
            }
        }
        return new Explained(INTERNAL, List.of(INTERNAL_SUMMARY + "（" + ex.getClass().getSimpleName() + "）"
                + "，未完成的修改已撤销。请加 --debug 重新运行，把输出交给维护人员"));
    }

    /** 程序内部错误的第一句（网页任务也用这一句）。 */
    static final String INTERNAL_SUMMARY = "错误：程序内部错误";

    private static String fileSystem(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "“" + e.getFile() + "”已存在而且不是目录（输出要写到一个目录里，请换一个目录名）";
        }
        if (t instanceof NoSuchFileException e) {
            return "文件或目录不存在：" + e.getFile() + (e.getOtherFile() != null ? "（" + e.getOtherFile() + "）" : "");
        }
        if (t instanceof NotDirectoryException e) {
            return "“" + e.getFile() + "”是文件，不是目录（请检查路径，例如 --db 或 --out）";
        }
        if (t instanceof AccessDeniedException e) {
            return "没有权限读写“" + e.getFile() + "”";
        }
        if (t instanceof DirectoryNotEmptyException e) {
            return "目录“" + e.getFile() + "”不是空的";
        }
        if (t instanceof FileSystemException e) {
            // 操作系统的原因只有英文句子：不看它，看路径本身（上级有一段是文件、磁盘只读或已满）
            Path p = e.getFile() == null ? null : Path.of(e.getFile()).toAbsolutePath();
            Path existing = p;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.equals(p) && !Files.isDirectory(existing)) {
                return "路径“" + e.getFile() + "”中有一段是文件而不是目录";
            }
            if (existing != null) {
                try {
                    FileStore store = Files.getFileStore(existing);
                    if (store.isReadOnly()) {
                        return "“" + e.getFile() + "”所在的磁盘只读";
                    }
                    if (store.getUsableSpace() == 0) {
                        return "磁盘已满，无法写入“" + e.getFile() + "”";
                    }
                } catch (java.io.IOException | RuntimeException ignored) {
                    // 查不到磁盘的情况：按一般的读写失败说
                }
            }
            return "无法读写“" + e.getFile() + "”（操作系统拒绝了这次读写）";
        }
        return null;
    }

    private static String database(Throwable t) {
        SQLException sql = null;
        if (t instanceof SQLException s) {
            sql = s;
        } else if (t instanceof org.hibernate.JDBCException j) {
            sql = j.getSQLException();
        }
        if (sql == null) {
            if (t instanceof org.flywaydb.core.api.FlywayException) {
                return "数据库无法打开或升级（加 --debug 可看详细原因）";
            }
            return null;
        }
        int code = sql.getErrorCode();
        String m = String.valueOf(sql.getMessage());
        // H2 的错误码（org.h2.api.ErrorCode）：90020 库已被打开，90062 建文件失败，90028/90031 读写失败，
        // 90030 文件损坏，90100 磁盘满
        if (code == 90020) {
            return "数据库正被另一个 assess 命令使用，请等它结束后再试";
        }
        if (code == 90062 || code == 90028 || code == 90031) {
            return "无法在这个位置建立或读写数据库文件：" + location(m) + "（请检查 --db 的路径：上级目录要存在、是目录、可写）";
        }
        if (code == 90046 || code == 90066 || code == 90008) {
            return "--db 的 JDBC 地址写法有误";
        }
        if (code == 28000) {
            return "数据库用户名或密码错误";
        }
        if (code == 90013 || code == 90146) {
            return "数据库不存在";
        }
        if (code == 90030) {
            return "数据库文件已损坏，请从备份恢复";
        }
        if (code == 90100) {
            return "磁盘已满，数据库无法写入";
        }
        return "数据库操作失败（错误码 " + code + (sql.getSQLState() != null ? "，状态 " + sql.getSQLState() : "")
                + "），未完成的修改已撤销；加 --debug 可看详细信息";
    }

    private static String location(String m) {
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(m);
        return x.find() ? x.group(1) : "（见 --db）";
    }
}
