<#import "layout.ftl" as l>
<#import "charts.ftl" as ch>
<@l.page title="辖区对比">
<h1>辖区对比</h1>
<p class="hint">各下级辖区每一期所用的运行（已签发通报的正式结果；还没有签发时为最近一次工作运行）保存的汇总，与各辖区运行页上的数字相同。
点“查看运行”切换到那个辖区只读查看它的运行。</p>
<#if assessPeriods??>
<section class="assess-all">
<h2>考核全部辖区</h2>
<#if assessPeriods?has_content>
<form method="post" action="/jurisdictions/assess-all" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>考核期 <select name="period"><#list assessPeriods as p><option value="${p}">${p}</option></#list></select></label>
  <button type="submit">考核本级与全部下级辖区</button>
</form>
<p class="hint">各辖区用自己当前发布的规则，并行考核，结果与各自单独考核相同；没有工单的辖区不保存空运行。</p>
<#else>
<p>还没有任何辖区导入过工单。</p>
</#if>
</section>
</#if>
<#if chart??>
<h2>趋势</h2>
<form method="get" action="/jurisdictions/compare" class="inline">
  <label>渠道 <select name="channel"><#list channels as c><option value="${c}"<#if c == channel> selected</#if>>${c}</option></#list></select></label>
  <label>数字 <select name="figure"><#list figures as f><option value="${f}"<#if f == figure> selected</#if>>${f}</option></#list></select></label>
  <button type="submit">画图</button>
</form>
<div class="compare-chart"><@ch.chart chart/></div>
</#if>
<#if !blocks?has_content><p>各下级辖区还没有考核运行。</p></#if>
<#list blocks as b>
<h2>${b.period}（${b.title}）</h2>
<table class="grid compare">
<thead><tr><th>辖区</th><th>运行</th><th>通报</th><th>文号</th><th>渠道</th><#list figures as f><th class="num">${f}</th></#list></tr></thead>
<tbody>
<#list b.rows as r>
<#assign span = (r.channels?size gt 0)?then(r.channels?size, 1)>
<tr>
<td rowspan="${span}">${r.county}</td>
<td rowspan="${span}"><#if r.runId??>
<form method="post" action="/jurisdictions/view" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="id" value="${r.countyId?c}">
  <input type="hidden" name="next" value="/runs/${r.runId?c}">
  <button type="submit" class="link">查看运行 #${r.runId?c}</button>
</form>（<#if r.official>正式结果<#else>工作运行</#if>）<#else>没有运行</#if></td>
<td rowspan="${span}" class="state">${r.notice}</td>
<td rowspan="${span}">${r.docNumber!""}</td>
<#if r.channels?has_content>
<#list r.channels as c>
<#if c?index gt 0><tr></#if>
<td>${c.channel}</td><#list c.figures as v><td class="num">${v}</td></#list></tr>
</#list>
<#else>
<td>—</td><#list figures as f><td class="num">—</td></#list></tr>
</#if>
</#list>
</tbody>
</table>
</#list>
<#if chart??><@ch.scripts/></#if>
</@l.page>
