<#import "layout.ftl" as l>
<@l.page title="申诉">
<h1>申诉</h1>
<#if seesAll>
<p class="hint">单位在本单位页面上就本期自己的转办提出申诉（只在本期通报核对中、截止日之前）。经办打开一份申诉，同意或不同意并写明理由（单位会看到）；同意即按申诉类型登记更正或核减，重新考核该期后生效。</p>
<#else>
<p class="hint">本单位提出的申诉及办公室的决定。提出申诉请打开本期运行的本单位页面。</p>
</#if>
<form class="inline" method="get" action="/appeals" id="appeal-filter">
  <label>考核期 <input name="period" value="${period}" size="10" placeholder="如 2021-Q4"></label>
  <label>状态
    <select name="state"><option value="">全部</option><#list states as s><option value="${s}"<#if s == state> selected</#if>>${s}</option></#list></select>
  </label>
  <button type="submit">筛选</button>
</form>
<#if appeals?size == 0>
<p class="note" id="no-appeals">没有申诉。</p>
<#else>
<table class="grid" id="appeals">
<thead><tr><th>编号</th><th>考核期</th><th>单位</th><th>类型</th><th>工单</th><th>状态</th><th>提出</th><th>决定</th></tr></thead>
<tbody>
<#list appeals as r>
<#assign a = r.a>
<tr class="appeal-row" id="appeal-${a.getId()?c}">
  <td><a href="/appeals/${a.getId()?c}">申诉 #${a.getId()?c}</a></td>
  <td>${a.getPeriod()}</td>
  <td>${a.getUnitName()}</td>
  <td>${a.getKind()}</td>
  <td><#list r.orders as o>${o}<#sep>、</#list></td>
  <td class="appeal-state">${a.getState()?string}</td>
  <td>${a.getFiledBy()}，${a.filedText()}</td>
  <td><#if a.isDecided()>${a.getDecisionReason()}（${a.getDecidedBy()}，${a.decidedText()}）</#if></td>
</tr>
</#list>
</tbody>
</table>
</#if>
</@l.page>
