<#import "layout.ftl" as l>
<@l.page title="考核期与运行">
<h1>考核期与运行</h1>
<#if !seesAll && unitId??>
<p>您的账号只能查看本单位（${unitName}）的结果。</p>
</#if>
<#include "appeal-home.ftl">
<#include "unit-notices.ftl">
<#if periods?size == 0 && seesAll>
<p class="alert">数据库中还没有考核运行。请先导入并执行 <code>bin/assess run --period 考核期</code>（如 <code>2026-Q1</code>、<code>2026-03</code>）。</p>
</#if>
<#list periods as period, runs>
<section class="period">
<h2>${period}</h2>
<table class="grid">
<thead><tr><th>运行</th><th>状态</th><th>截至时点</th><th>运行时间</th><th>工单</th><th>转办</th><th>规则版本</th><th>规则指纹</th><th>数据指纹</th></tr></thead>
<tbody>
<#list runs as r>
<tr<#if r.official> class="official"</#if>>
  <td><#if seesAll><a href="/runs/${r.id}">运行 #${r.id}</a><#elseif unitId??><a href="/runs/${r.id}/units/${unitId}">运行 #${r.id}（本单位）</a><#else>运行 #${r.id}</#if></td>
  <td>${r.status}</td>
  <td>${r.cutoff}</td>
  <td>${r.created}</td>
  <td class="num">${r.orders}</td>
  <td class="num">${r.assignments}</td>
  <td>${r.version}</td>
  <td><code title="${r.rules}">${r.rules?substring(0, 12)}</code></td>
  <td><code title="${r.data}">${r.data?substring(0, 12)}</code></td>
</tr>
</#list>
</tbody>
</table>
</section>
</#list>
</@l.page>
