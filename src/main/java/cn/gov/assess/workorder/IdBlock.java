package cn.gov.assess.workorder;

import cn.gov.assess.db.Vendor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * 从数据库序列成块取编号（序列步长 1000，一次取值占用其后 1000 个编号）。PostgreSQL 上一次往返取 50 个值（5 万个编号），
 * 取到的值可能与别的导入交错，每个值各自占用其后 1000 个编号，互不重叠。
 */
final class IdBlock {
    private static final int PREFETCH = 50;
    private final Connection c;
    private final String sequence;
    private final long[] ahead = new long[PREFETCH];
    private int aheadAt;
    private int aheadCount;
    private long next;
    private long end;

    IdBlock(Connection c, String sequence, long first) {
        this.c = c;
        this.sequence = sequence;
        this.next = first;
        this.end = first + 1000;
    }

    long next() throws SQLException {
        if (next >= end) {
            next = nextBlock();
            end = next + 1000;
        }
        return next++;
    }

    private long nextBlock() throws SQLException {
        if (aheadAt == aheadCount) {
            String many = Vendor.of(c).nextValues(sequence);
            if (many == null) {
                return DispatchLoader.nextValue(c, sequence);
            }
            try (PreparedStatement ps = c.prepareStatement(many)) {
                ps.setInt(1, PREFETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    aheadAt = 0;
                    aheadCount = 0;
                    while (rs.next()) {
                        ahead[aheadCount++] = rs.getLong(1);
                    }
                }
            }
        }
        return ahead[aheadAt++];
    }
}
