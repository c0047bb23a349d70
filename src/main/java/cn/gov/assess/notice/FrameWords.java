package cn.gov.assess.notice;

import cn.gov.assess.policy.ChannelConfig;
import cn.gov.assess.run.RunStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 通报的框架用语取自规则表，不写在模板里：辖区一字（参数“通报.辖区”：县、区、市，模板写“全${辖区}”“${辖区}政府网站”）
 * 与本期列出的渠道（`通报渠道`：按附件序号，每个有 .名称、.称呼（channels.csv“通报称呼”一列，留空为渠道名）、.附件序号）。
 * 每个模板（各渠道正文、正文“四”、通报全文）都能用；模板里已有同名变量时不覆盖。
 */
final class FrameWords {
    static final String JURISDICTION = "通报.辖区";

    private FrameWords() {
    }

    static void addTo(Map<String, Object> m, RunStore.StoredRun stored) {
        var rules = stored.rules();
        try {
            if (rules.files().containsKey(cn.gov.assess.facts.Parameters.FILE) && rules.parameters().has(JURISDICTION)) {
                m.putIfAbsent("辖区", rules.parameters().text(JURISDICTION, null).strip());
            }
            if (!rules.files().containsKey(ChannelConfig.FILE)) {
                return;
            }
            Map<String, String> calls = ChannelConfig.callNames(rules.file(ChannelConfig.FILE).getBytes(StandardCharsets.UTF_8));
            List<ChannelConfig> channels = new ArrayList<>(rules.channels().values());
            channels.sort(Comparator.comparingInt(ChannelConfig::annexNo));
            List<Map<String, Object>> out = new ArrayList<>();
            for (ChannelConfig c : channels) {
                Map<String, Object> ch = new LinkedHashMap<>();
                ch.put("名称", c.name());
                ch.put("称呼", calls.getOrDefault(c.name(), c.name()));
                ch.put("附件序号", c.annexNo());
                out.add(ch);
            }
            m.putIfAbsent("通报渠道", out);
        } catch (cn.gov.assess.io.InputException e) {
            // 参数表、渠道表的错由 rules check 报出；这里不再报一遍
        }
    }
}
