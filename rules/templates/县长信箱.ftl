${section}、${channel}

${periodWord}，共受理${channel} ${orders} 件，实办 ${handled} 件，办结率为 ${completionRate}。<#if groups["按期办结且办理较好"]?has_content>${periodWord}按期办结且办理较好的镇街和部门有：<#list groups["按期办结且办理较好"] as g>${g?join("、")}<#sep>；</#sep></#list>。</#if>（详见附件 ${annexNo}）。<#list tableLists as l><#if l.members?has_content>${l.intro}${l.members?join("、")}。</#if></#list>
