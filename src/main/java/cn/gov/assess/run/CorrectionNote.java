package cn.gov.assess.run;

import java.util.List;

/**
 * 两次运行之间登记或撤回的一条更正，给比较运行（audit.RunDiff）用的数据：编号、撤回的编号（不是撤回时为 null）、渠道、
 * 涉及的单位（原单位；改派的还有新单位）与一行可读的描述。
 */
public record CorrectionNote(long id, Long withdraws, String channel, List<String> units, String text) {
    public CorrectionNote {
        units = List.copyOf(units);
    }
}
