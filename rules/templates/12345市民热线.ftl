${section}、${channel}

${periodWord}，全${辖区}共受理12345市民热线转办工单${orders}件，实办${handled}件，未办${unhandled}件，办结率为${completionRate}。<#if (合计.数值["核减件数"]!0) gt 0>经审核核减不合理工单${合计.数字["核减件数"]}件。</#if><#if lists["办结工单较多"]?has_content>其中办结工单较多的镇街和部门有：${lists["办结工单较多"]?join("、")}。</#if><#if lists["按期办结且办理较好"]?has_content>能按期办结且办理较好的镇街和部门有：<#list lists["按期办结且办理较好"] as u>${u}<#sep><#if u?index == lists["按期办结且办理较好"]?size - 2>和<#else>、</#if></#sep></#list>等。</#if><#list tableLists as l><#if l.members?has_content>${l.intro}${l.members?join("、")}。</#if></#list>

截至${cutoff.year?c}年${cutoff.monthValue}月${cutoff.dayOfMonth}日，逾期办结工单${late}件。（详见附件${annexNo}）。
