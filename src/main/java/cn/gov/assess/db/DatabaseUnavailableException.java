package cn.gov.assess.db;

/**
 * 数据库打不开或连不上（不是输入的错，也不是程序的错）：H2 库正被另一个进程使用、服务器连不上、拒绝登录、没有这个库、
 * 没有建表权限。消息是给人看的一句中文；命令行以退出码 4 结束。
 */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
