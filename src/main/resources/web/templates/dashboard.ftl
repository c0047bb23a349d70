<#import "layout.ftl" as l>
<#import "charts.ftl" as ch>
<@l.page title="工作台">
<h1>工作台<#if unitId??>：${unitName}</#if></h1>
<#if jurisdictionHeader?? && jurisdictionHeader.choices?has_content><p class="compare-link"><a id="compare-link" href="/jurisdictions/compare">辖区对比：各下级辖区各期的主要数字与通报</a></p></#if>
<#include "appeal-home.ftl">
<#include "unit-notices.ftl">
<section class="waiting" id="waiting">
<h2>待办</h2>
<#if waiting?size == 0>
<p class="note">现在没有等您处理的事。</p>
<#else>
<ul class="waiting-list"><#list waiting as w><li><span class="waiting-kind">${w.kind()}</span><a href="${w.href()}">${w.text()}</a></li></#list></ul>
</#if>
</section>
<#if !run??>
<p class="alert">还没有可看的考核结果。<#if operates>请先<a href="/import">导入</a>数据，再<a href="/assess">开始考核</a>。</#if></p>
<#else>
<p class="note">本期：${run.period}（${periodTitle}），结果取自<#if seesAll><a href="/runs/${run.id}">运行 #${run.id}</a><#else>运行 #${run.id}</#if>，截至 ${run.cutoff}（<span id="dashboard-run-status">${runStatus}</span>）。<#if previous??>比较的上期：${previous.period}（运行 #${previous.id}）。<#else>没有同类的上一期结果，不列变化。</#if>
<#if unitId??><a href="/runs/${run.id}/units/${unitId}">本单位的完整结果与工单</a></#if></p>
<h2 id="figures">本期主要数字<#if unitId??>（本单位）</#if></h2>
<div class="cards">
<#list cards as card>
<section class="card">
<h3>${card.channel}</h3>
<dl class="figures">
<#list card.figures as f>
<dt>${f.name}</dt><dd><span class="figure">${f.value}</span><#if f.change != ""> <span class="change<#if f.direction gt 0> up<#elseif f.direction lt 0> down</#if>">比上期 ${f.change}</span></#if></dd>
</#list>
</dl>
</section>
</#list>
</div>
<#if places??>
<h2 id="places">本单位在各名单上</h2>
<table class="grid">
<thead><tr><th>范围</th><th>名单</th><th>结论</th><th>名次</th></tr></thead>
<tbody><#list places as p><tr><td>${p.scope}</td><td>${p.list}</td><td class="<#if p.on>on<#else>off</#if>"><#if p.on>✓ 列入<#else>✗ 未列入</#if></td><td>${p.place}</td></tr></#list></tbody>
</table>
</#if>
<h2 id="trends">趋势（最近几期的正式结果）</h2>
<div class="charts">
<#list charts as c><@ch.chart c=c/></#list>
</div>
<@ch.scripts/>
<#if recent??>
<h2 id="recent">最近的运行</h2>
<ul><#list recent as r><li><a href="/runs/${r.id}">运行 #${r.id}</a>（${r.period}，${r.created}<#if r.retired>，已作废</#if>）</li></#list></ul>
<p><a href="/runs">全部考核期与运行</a></p>
</#if>
</#if>
</@l.page>
