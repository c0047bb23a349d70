package cn.gov.assess.run;

import cn.gov.assess.facts.AssignmentFact;
import cn.gov.assess.facts.AssignmentStatus;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailCodecTest {
    @Test
    void aBlockOfClassifiedAssignmentsDecodesToTheSameRows() {
        List<AssignmentFact> facts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime received = LocalDateTime.of(2021, 10, 1, 8, 0).plusMinutes(i);
            AssignmentFact a = new AssignmentFact(1000 + i, 500 + i / 2, i % 7 == 0 ? "县长信箱" : "12345市民热线",
                    "GD2021" + i, 40 + i % 13, received, received.plusDays(5), i % 3 == 0 ? null : received.plusDays(i % 9));
            a.classify(i % 3 == 0 ? AssignmentStatus.OVERDUE_UNHANDLED : AssignmentStatus.ON_TIME, i % 3 == 0 ? 12 : 0);
            a.setClassifiedBy(i % 3 == 0 ? "转办分类：逾期未办" : "转办分类：按期办结");
            facts.add(a);
        }
        byte[] payload = TrailCodec.encode(facts);
        assertTrue(payload.length < facts.size() * 30, "压缩后每条应不到 30 字节，实为 " + payload.length / facts.size());
        List<TrailCodec.Row> rows = new ArrayList<>();
        TrailCodec.decode(payload, rows::add);
        assertEquals(facts.size(), rows.size());
        for (int i = 0; i < facts.size(); i++) {
            AssignmentFact a = facts.get(i);
            TrailCodec.Row r = rows.get(i);
            assertEquals(a.getId(), r.assignmentId());
            assertEquals(a.getChannel(), r.channel());
            assertEquals(a.getOrderNo(), r.orderNo());
            assertEquals(a.getUnitId(), r.unitId());
            assertEquals(a.getReceivedAt(), r.receivedAt());
            assertEquals(a.getDeadline(), r.deadline());
            assertEquals(a.getCompletedAt(), r.completedAt());
            assertEquals(a.getStatus(), r.status());
            assertEquals(a.getDaysLate(), r.daysLate());
            assertEquals(a.getClassifiedBy(), r.ruleName());
        }
        assertNull(rows.get(0).completedAt());
    }

    @Test
    void theUnitListOfABlockFindsExactlyItsUnits() {
        List<AssignmentFact> facts = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2021, 10, 1, 8, 0);
        for (long unit : new long[]{1_000_001, 7, 36, 35, 7, 1296, 51}) {
            facts.add(new AssignmentFact(unit, unit, "12345市民热线", "GD" + unit, unit, t, t.plusDays(1), null));
        }
        String ids = TrailCodec.unitIds(facts);
        assertEquals("7,z,10,1f,100,lflt", ids); // 36 进制
        for (long unit : new long[]{7, 35, 36, 51, 1296, 1_000_001}) {
            assertTrue(TrailCodec.containsUnit(ids, unit), "应含 " + unit);
        }
        for (long unit : new long[]{0, 6, 8, 37, 1295, 1_000_000, 1_000_002}) {
            assertTrue(!TrailCodec.containsUnit(ids, unit), "不应含 " + unit);
        }
        assertTrue(!TrailCodec.containsUnit("", 7));
    }
}
