${section}、${channel}

${periodWord}，共受理${channel} ${orders} 件，实办 ${handled} 件，办结率为 ${completionRate}。各镇街、各部门均能高度重视${channel}来信办理工作，截止 ${cutoff.year?c} 年 ${cutoff.monthValue} 月 ${cutoff.dayOfMonth} 日，逾期办结工单 ${late} 件（详见附件 ${annexNo}）。<#list tableLists as l><#if l.members?has_content>${l.intro}${l.members?join("、")}。</#if></#list>
