${section}、政府网站栏目信息保障及政务新媒体更新情况

${periodWord}，${辖区}政府网站各镇街、部门栏目信息保障良好<#if website.list?has_content>，信息保障好的镇街和部门有：<#list website.groups as g>${g?join("、")}<#sep>，</#sep></#list></#if>（详见附件 ${website.annexNo}）。

${periodWord}，全${辖区} ${media.accounts} 家政务新媒体整体运行良好，且绝大多数能按时更新并转发国办要求信息<#if media.notes?seq_contains("多次督促")>，但仍有个别单位更新较慢，需多次督促方能完成</#if>。<#if media.list?has_content>信息保障好的镇街和部门有：<#list media.groups as g>${g?join("、")}<#sep>，</#sep></#list></#if>（详见附件 ${media.annexNo}）。
<#if interviews?has_content>

${periodWord}，${interviews?join("、")}能提早谋划，积极参与政府网站“在线访谈”活动，效果良好。
</#if>
