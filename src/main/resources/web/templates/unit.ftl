<#import "layout.ftl" as l>
<@l.page title="${u.unit()}（运行 #${run.id}）">
<h1>${u.unit()}</h1>
<#include "run-status.ftl">
<p class="note">${run.period}，运行 #${run.id}<#if seesAll>（<a href="/runs/${run.id}">整次运行</a>）</#if>；截至 ${run.cutoff}；规则指纹 <code>${run.rules?substring(0, 12)}</code></p>
<nav class="toc noprint"><a href="#figures">各项数字</a><a href="#lists">名单</a><a href="#vetoes">一票否决</a><a href="#orders">转办明细</a></nav>

<#include "unit-charts.ftl">
<h2 id="figures">各渠道数字</h2>
<#if u.figures()?size == 0>
<p class="note">本期没有转办。</p>
<#else>
<#list u.figures() as row>
<table class="grid">
<thead><tr><#list row as k, v><#if k != "办理单位"><th>${k}</th></#if></#list></tr></thead>
<tbody><tr><#list row as k, v><#if k != "办理单位"><td<#if v?matches("[0-9.,%]+")> class="num"</#if>><#if v == "">—<#else>${v}</#if></td></#if></#list></tr></tbody>
</table>
</#list>
</#if>
<#if u.monitoring()?size gt 0>
<h3>监测</h3>
<ul><#list u.monitoring() as m><li>${m}</li></#list></ul>
</#if>

<h2 id="lists">名单：为什么在或不在</h2>
<table class="grid">
<thead><tr><th class="w-scope">范围</th><th class="w-list">名单</th><th class="w-verdict">结论</th><th>依据（要求、取值与门槛）</th></tr></thead>
<tbody>
<#list u.lists() as v>
<tr>
<td>${v.scope()}</td>
<td><#if seesAll><a href="/runs/${run.id}/list?name=${v.list()?url('UTF-8')}&amp;scope=${v.scope()?url('UTF-8')}">${v.list()}</a><#else>${v.list()}</#if></td>
<#if v.on()>
<td class="on">✓ 列入</td>
<td<#if seesAll> title="规则“${v.rule()}”"</#if>><#list plain[v?index] as w>${w}</#list></td>
<#else>
<td class="off">✗ 未列入</td>
<td<#if seesAll> title="${v.why()?join("\n")}"</#if>><ul class="reasons"><#list plain[v?index] as w><li>${w}</li></#list></ul></td>
</#if>
</tr>
</#list>
</tbody>
</table>

<h2 id="vetoes">一票否决</h2>
<#if u.disqualifications()?size == 0>
<p>无。</p>
<#else>
<ul><#list u.disqualifications() as d><li>${d}</li></#list></ul>
<table class="grid veto">
<thead><tr><th>渠道</th><th>规则</th><th>理由</th><th>导致否决的工单</th></tr></thead>
<tbody>
<#list vetoes as v>
<tr><td>${v.channel}</td><td>${v.rule}</td><td>${v.reason}</td>
<td><#list v.orders as o><a class="veto-order" href="/orders?no=${o?url('UTF-8')}&amp;channel=${v.channel?url('UTF-8')}">${o}</a><#sep>、</#list></td></tr>
</#list>
</tbody>
</table>
</#if>

<#include "unit-appeal.ftl">

<h2 id="orders">转办明细（共 ${orderCount} 条<#if filteredCount != orderCount>，筛选后 ${filteredCount} 条</#if>）</h2>
<form class="inline" method="get" action="/runs/${run.id}/units/${unitId}#orders">
  <label>分类
    <select name="status"><option value="">全部</option><#list statuses as s><option value="${s}"<#if s == status> selected</#if>>${s}</option></#list></select>
  </label>
  <label>受理月份
    <select name="month"><option value="">全部</option><#list months as m><option value="${m}"<#if m == month> selected</#if>>${m}</option></#list></select>
  </label>
  <button type="submit">筛选</button>
</form>
<#include "unit-exports.ftl">
<#if orders?size gt 0>
<table class="grid">
<thead><tr><th>渠道</th><th>工单编号</th><th>受理时间</th><th>办理时限</th><th>办结时间</th><th>分类</th><th class="num">逾期天数</th><th>规则</th></tr></thead>
<tbody>
<#list printed as o>
<tr<#if o?index lt pageFrom || o?index gte pageTo> class="print-only"</#if>><td>${o["渠道"]}</td><td><a href="/orders?no=${o["工单编号"]?url('UTF-8')}&amp;channel=${o["渠道"]?url('UTF-8')}">${o["工单编号"]}</a></td>
<td>${o["受理时间"]}</td><td>${o["办理时限"]}</td><td>${o["办结时间"]}</td><td>${o["分类"]}</td><td class="num">${o["逾期天数"]}</td><td>${o["规则"]!""}</td></tr>
</#list>
</tbody>
</table>
<#if filteredCount gt printMax><p class="print-only-block">全部 ${filteredCount} 条，打印只含前 ${printMax} 条；全部转办请导出后查看。</p></#if>
<div class="pager">
<#if page gt 1><a href="?status=${status?url('UTF-8')}&amp;month=${month?url('UTF-8')}&amp;page=${page - 1}#orders">上一页</a></#if>
<span>第 ${page} / ${pages} 页</span>
<#if page lt pages><a href="?status=${status?url('UTF-8')}&amp;month=${month?url('UTF-8')}&amp;page=${page + 1}#orders">下一页</a></#if>
</div>
<#else>
<p class="note">没有符合条件的转办。</p>
</#if>
</@l.page>
