<#import "layout.ftl" as l>
<@l.page title="运行 #${run.id}（${run.period}）">
<h1>${run.period} 考核结果（运行 #${run.id}）</h1>
<#include "run-status.ftl">
<nav class="toc noprint">
  <a href="#totals">各渠道合计</a><a href="#lists">名单</a><a href="#notice">通报全文</a>
  <#list annexes as a><a href="#annex-${a?index + 1}">${a.label}</a></#list>
</nav>
<dl class="meta">
  <dt>截至时点</dt><dd>${run.cutoff}</dd>
  <dt>运行时间</dt><dd>${run.created}</dd>
  <dt>工单 / 转办</dt><dd>${run.orders} 个 / ${run.assignments} 条</dd>
  <dt>规则版本</dt><dd><#if rulesVersion??><a href="/rules/versions/${rulesVersion.id}">${rulesVersion.label}</a><#else>规则目录，未登记为版本</#if></dd>
  <dt>规则指纹</dt><dd><code>${run.rules}</code></dd>
  <dt>数据指纹</dt><dd><code>${run.data}</code></dd>
</dl>
<h2 class="noprint">下载</h2>
<div class="downloads">
<#list files as f><a href="/runs/${run.id}/files/${f.name?url('UTF-8')}" download title="${f.name}">${f.label}</a></#list>
</div>
<#include "run-retire.ftl">

<h2 id="totals">各渠道合计</h2>
<#if totals?size gt 0>
<table class="grid">
<thead><tr><#list totals[0] as h><th>${h}</th></#list></tr></thead>
<tbody><#list totals[1..] as row><tr><#list row as c><td<#if c?index gt 0> class="num"</#if>>${c}</td></#list></tr></#list></tbody>
</table>
</#if>

<h2 id="lists">名单</h2>
<#list lists as channel, byName>
<h3>${channel}</h3>
<table class="grid">
<thead><tr><th class="w-list">名单</th><th>成员（按名单顺序）</th></tr></thead>
<tbody>
<#list byName as name, members>
<tr><td><a href="/runs/${run.id}/list?name=${name?url('UTF-8')}&amp;scope=${channel?url('UTF-8')}">${name}</a></td>
<td><#list members as m><a href="/runs/${run.id}/units/${m.unitId}" title="${m.reason}">${m.unit}</a><#sep>、</#list></td></tr>
</#list>
</tbody>
</table>
<#else>
<p class="note">本次运行没有名单。</p>
</#list>

<h2 id="notice">通报全文（打印样式）</h2>
<#if notice?size gt 0>
<article class="notice">
<#list notice as b>
<#list b.lines as line><p class="k-${b.kind}">${line}</p></#list>
</#list>
</article>
<#else>
<p class="note">这次运行的规则快照没有通报全文模板，只有附件。</p>
</#if>

<#list annexes as a>
<section class="annex" id="annex-${a?index + 1}">
<h2>${a.label}</h2>
<h3>${a.title}</h3>
<#list a.notes as n><p class="note">${n}</p></#list>
<table class="grid">
<thead><tr><#list a.header as h><th>${h}</th></#list></tr></thead>
<tbody>
<#list a.rows as row>
<tr><#list row as c><td<#if c?matches("[0-9.,%]+")> class="num"</#if>><#if unitIds[c]??><a href="/runs/${run.id}/units/${unitIds[c]}">${c}</a><#else>${c}</#if></td></#list></tr>
</#list>
</tbody>
</table>
</section>
</#list>
</@l.page>
