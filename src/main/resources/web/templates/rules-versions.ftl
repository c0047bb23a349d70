<#import "layout.ftl" as l>
<@l.page title="规则版本">
<h1>规则版本</h1>
<p class="toc"><a href="/rules">规则管理</a></p>
<#if rulesMissing?? && rulesMissing?size gt 0><#list rulesMissing as w><p class="alert rules-missing">${w}。</p></#list></#if>
<table class="grid versions">
<thead><tr><th>版本</th><th>状态</th><th>基于</th><th>起草人</th><th>建立时间</th><th>说明</th><th>发布人</th><th>发布时间</th><th>发布理由</th><th>差异</th></tr></thead>
<tbody>
<#list versions as v>
<tr<#if v.current> class="official"</#if>>
  <td><a href="/rules/<#if v.draft>drafts<#else>versions</#if>/${v.id}">${v.label}</a></td>
  <td>${v.state}<#if v.current>（当前）</#if></td>
  <td>${v.baseLabel}</td>
  <td>${v.author}</td>
  <td>${v.created}</td>
  <td class="wrap">${v.note}</td>
  <td><#if v.published>${v.publisher}</#if></td>
  <td>${v.publishedAt}</td>
  <td class="wrap"><#if v.published>${v.reason}</#if></td>
  <td><#if v.baseId != ""><a href="/rules/versions/${v.id}/diff">与${v.baseLabel}比较</a></#if></td>
</tr>
</#list>
</tbody>
</table>
</@l.page>
