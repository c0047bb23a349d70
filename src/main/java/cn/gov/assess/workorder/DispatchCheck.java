package cn.gov.assess.workorder;

import cn.gov.assess.io.Problem;

import cn.gov.assess.io.CsvBlock;
import cn.gov.assess.io.DateTimes;
import cn.gov.assess.unit.UnitDirectory;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.gov.assess.workorder.DispatchLoader.NONE;

/** 派单记录的逐行校验（在校验线程里并行）：渠道、日期、单位、可选列与前后矛盾，并算好工单键的摘要；建好后只读。 */
final class DispatchCheck {
    /** 每行从文件里取的列（标准列名），顺序即 {@link Rows#raw} 的下标。 */
    static final String[] WANTED = {"渠道", "工单编号", "受理时间", "办理单位", "办理时限", "办结时间", ColumnProfiles.SIGNED,
            ColumnProfiles.SIGN_DEADLINE, ColumnProfiles.SATISFACTION, ColumnProfiles.RETURNS, ColumnProfiles.REOPENED};
    private static final int CHANNEL = 0, ORDER = 1, RECEIVED = 2, UNIT = 3, DEADLINE = 4, COMPLETED = 5, SIGNED = 6,
            SIGN_DEADLINE = 7, SATISFACTION = 8, RETURNS = 9, REOPENED = 10;

    /** 渠道名 → 序号（工单键摘要的种子），与按序号取回的渠道名；建好后只读，校验线程共用。 */
    private final Map<String, Integer> channelNos = new HashMap<>();
    final String[] channelNames;

    /** 单位名 → 转办键里的单位号（本次导入内从 1 起编；建好后只读，校验线程共用）。 */
    private final Map<String, Integer> unitKeys = new HashMap<>();

    private final Set<String> channels;
    private final UnitDirectory units;

    DispatchCheck(Set<String> channels, UnitDirectory units) {
        this.channels = channels;
        this.units = units;
        for (String n : units.names()) {
            unitKeys.putIfAbsent(units.find(n).name(), unitKeys.size() + 1);
        }
        channelNames = channels.toArray(String[]::new);
        for (int i = 0; i < channelNames.length; i++) {
            channelNos.put(channelNames[i], i);
        }
    }

    /** 逐行校验（在校验线程里，与其他批并行）：不碰共享的可变状态。 */
    Rows validate(Rows r, Cols cols, ColumnProfiles.Mapping m) {
        List<Problem> problems = new ArrayList<>();
        String[] v = new String[WANTED.length];
        for (int i = 0; i < r.n; i++) {
            System.arraycopy(r.raw, i * WANTED.length, v, 0, WANTED.length);
            Arrays.fill(r.raw, i * WANTED.length, (i + 1) * WANTED.length, null);
            validate(r, i, v, cols, m, problems);
            if (!problems.isEmpty()) {
                r.problems[i] = List.copyOf(problems);
                problems.clear();
            }
        }
        return r;
    }

    private void validate(Rows r, int i, String[] v, Cols cols, ColumnProfiles.Mapping m, List<Problem> problems) {
        int line = r.line[i];
        String channel = v[CHANNEL] != null ? v[CHANNEL] : m.channelFromFileName();
        Integer channelNo = channelNos.get(channel);
        if (channelNo == null) {
            problems.add(cols.at(line, "渠道").value(channel).problem("渠道“" + channel + "”未配置。请在规则目录的 channels.csv 中为它加一行"
                    + "（渠道、附件序号、附件标题、统计表列、备注格式、未办备注格式、正文章节、正文模板），已配置的渠道："
                    + String.join("、", channels)));
        }
        String orderNo = v[ORDER];
        if (orderNo.isEmpty()) {
            problems.add(cols.at(line, "工单编号").value("").problem("工单编号为空"));
        }
        String receivedText = v[RECEIVED];
        String deadlineText = v[DEADLINE];
        String completedText = v[COMPLETED];
        long received = date(cols, line, "受理时间", receivedText, false, true, problems);
        long deadline = date(cols, line, "办理时限", deadlineText, true, true, problems);
        long completed = date(cols, line, "办结时间", completedText, false, false, problems);
        long signed = v[SIGNED] == null ? NONE : date(cols, line, ColumnProfiles.SIGNED, v[SIGNED], false, false, problems);
        long signDeadline = v[SIGN_DEADLINE] == null ? NONE
                : date(cols, line, ColumnProfiles.SIGN_DEADLINE, v[SIGN_DEADLINE], true, false, problems);
        String satisfaction = v[SATISFACTION] == null ? null
                : OptionalFields.satisfaction(v[SATISFACTION], () -> cols.at(line, ColumnProfiles.SATISFACTION), problems);
        Integer returns = v[RETURNS] == null ? null
                : OptionalFields.count(v[RETURNS], () -> cols.at(line, ColumnProfiles.RETURNS), problems);
        Boolean reopened = v[REOPENED] == null ? null
                : OptionalFields.yesNo(v[REOPENED], () -> cols.at(line, ColumnProfiles.REOPENED), problems);
        if (received != NONE && signed != NONE && signed < received) {
            problems.add(cols.at(line, ColumnProfiles.SIGNED).value(v[SIGNED]).problem("签收时间 " + v[SIGNED] + " 早于受理时间 " + receivedText));
        }
        String spelling = v[UNIT];
        UnitDirectory.Ref unit = null;
        if (spelling.isEmpty()) {
            problems.add(cols.at(line, "办理单位").value("").problem("办理单位为空"));
        } else {
            unit = units.find(spelling);
            if (unit == null) {
                String near = units.closest(spelling);
                problems.add(cols.at(line, "办理单位").value(spelling).problem("未知单位“" + spelling + "”"
                        + (near == null ? "，单位表为空，请先导入单位表（单位名称,类型,排序,别名）"
                        : "，最接近的已知单位是“" + near + "”；如是同一单位，请在单位表的“别名”列加上它")));
            }
        }
        if (received != NONE && deadline != NONE && deadline < received) {
            problems.add(cols.at(line, "办理时限").value(deadlineText).problem("办理时限 " + deadlineText + " 早于受理时间 " + receivedText));
        }
        if (received != NONE && completed != NONE && completed < received) {
            problems.add(cols.at(line, "办结时间").value(completedText).problem("办结时间 " + completedText + " 早于受理时间 " + receivedText));
        }
        if (!problems.isEmpty()) {
            return;
        }
        // 工单键的摘要：工单编号的字节，以渠道的序号作种子（摘要只在本次导入的内存里比较）
        long[] h = KeyIndex.digest(orderNo, channelNo);
        channel = channelNames[channelNo]; // 同一个字符串对象：行里读出的那份随即可回收，写入时也只编码一次
        if (spelling.equals(unit.name())) {
            spelling = unit.name();
        }
        r.h0[i] = h[0];
        r.h1[i] = h[1];
        r.channel[i] = channel;
        r.channelNo[i] = channelNo;
        r.orderNo[i] = orderNo;
        r.spelling[i] = spelling;
        r.unit[i] = unit;
        r.unitKey[i] = unitKeys.get(unit.name());
        r.received[i] = received;
        r.deadline[i] = deadline;
        r.completed[i] = completed;
        r.signed[i] = signed;
        r.signDeadline[i] = signDeadline;
        r.satisfaction[i] = satisfaction;
        r.returns[i] = returns;
        r.reopened[i] = reopened;
    }

    /** 解析一块（在校验线程里）：取出需要的列，与逐行读取时的取值相同。 */
    static Rows parse(CsvBlock block, int[] idx) {
        Rows r = new Rows(block.records());
        block.rows((line, fields) -> {
            int at = r.n * WANTED.length;
            for (int k = 0; k < WANTED.length; k++) {
                r.raw[at + k] = idx[k] >= 0 ? fields.get(idx[k]) : null;
            }
            r.line[r.n++] = line;
        });
        return r;
    }

    private static long date(Cols cols, int line, String col, String v, boolean endOfDay, boolean required,
                             List<Problem> problems) {
        if (v.isEmpty()) {
            if (required) {
                problems.add(cols.at(line, col).value(v).problem(col + "为空"));
            }
            return NONE;
        }
        long fast = DateTimes.epochSecond(v, endOfDay);
        if (fast != DateTimes.NOT_CANONICAL) {
            return fast;
        }
        LocalDateTime d = DateTimes.parse(v, endOfDay);
        if (d == null) {
            d = DateTimes.excelSerial(v, endOfDay);
        }
        if (d == null) {
            problems.add(cols.at(line, col).value(v).problem("无法识别的日期“" + v + "”（可用格式：2021-10-05、2021-10-05 14:30、"
                    + "2021-10-05 14:30:00、2021/10/5，或 Excel 的日期单元格）"));
            return NONE;
        }
        return d.toEpochSecond(ZoneOffset.UTC);
    }
}
