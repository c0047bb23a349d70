<#import "layout.ftl" as l>
<@l.page title="名单：${lx.list()}">
<h1>名单“${lx.list()}”<#if scope != "">（${scope}）</#if></h1>
<p class="note">${run.period}，<a href="/runs/${run.id}">运行 #${run.id}</a></p>
<h2>成员（按名单顺序）</h2>
<#if lx.members()?size == 0>
<p>名单上没有单位。</p>
<#else>
<table class="grid members">
<thead><tr><th>范围</th><th class="num">位次</th><th>单位</th><th>规则</th><th>理由</th></tr></thead>
<tbody>
<#list lx.members() as m>
<tr><td>${m["范围"]}</td><td class="num">${m["位次"]}</td>
<td><#if unitIds[m["单位"]]??><a href="/runs/${run.id}/units/${unitIds[m["单位"]]}">${m["单位"]}</a><#else>${m["单位"]}</#if></td>
<td>${m["规则"]}</td><td>${m["理由"]}</td></tr>
</#list>
</tbody>
</table>
</#if>
<#include "list-chart.ftl">
<h2 id="next">差一点入选（谁排在后面）</h2>
<#if lx.nearMisses()?size == 0>
<p>无。</p>
<#else>
<table class="grid near">
<thead><tr><th>范围</th><th>单位</th><th>为什么没有入选</th></tr></thead>
<tbody>
<#list lx.nearMisses() as m>
<tr><td>${m["范围"]}</td>
<td><#if allUnits[m["单位"]]??><a href="/runs/${run.id}/units/${allUnits[m["单位"]]}">${m["单位"]}</a><#else>${m["单位"]}</#if></td>
<td>${m["白话"]!m["原因"]}</td></tr>
</#list>
</tbody>
</table>
</#if>
</@l.page>
