package cn.gov.assess.db;

/** --db 的地址写得不对（不支持的数据库、写不通的地址、地址里写了口令）：输入有误，消息是给人看的一句中文。 */
public class DatabaseAddressException extends IllegalArgumentException {
    public DatabaseAddressException(String message) {
        super(message);
    }
}
