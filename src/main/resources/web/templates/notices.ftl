<#import "layout.ftl" as l>
<@l.page title="通报">
<h1>通报</h1>
<p class="note">一期一份通报，由一次运行起草：草稿 → 核对中（单位核对、申诉，截至所定日期）→ 待签发 → 已签发（不再修改）。签发后的改动另出更正通报。已签发通报所用的运行是本期的正式结果。</p>
<#if error??><p class="alert" id="notice-error">${error}</p></#if>
<#if notices?size == 0>
<p>还没有通报。</p>
<#else>
<table class="grid" id="notices">
<thead><tr><th>通报</th><th>考核期</th><th>状态</th><th>运行</th><th>文号</th><th>成文日期</th><th>起草</th><th>签发</th></tr></thead>
<tbody>
<#list notices as n>
<tr<#if n.state == "已签发"> class="official"</#if>>
  <td><a href="/notices/${n.id?c}">${n.kind} #${n.id?c}</a></td>
  <td>${n.period}</td>
  <td>${n.state}<#if n.checking>（截至 ${n.openUntil}）</#if></td>
  <td>运行 #${n.run?c}</td>
  <td>${n.docNumber}</td>
  <td>${n.docDate}</td>
  <td>${n.preparedBy}</td>
  <td>${n.signedBy}</td>
</tr>
</#list>
</tbody>
</table>
</#if>
<#if runs??>
<h2>起草通报</h2>
<#if runs?size == 0>
<p class="note">没有可以起草通报的运行：每期已有通报（要换运行请到该期的通报页“换用运行”），或还没有运行。</p>
<#else>
<form method="post" action="/notices" id="draft-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>由运行 <select name="run"><#list runs as r><option value="${r.id?c}">运行 #${r.id?c}（${r.period}，${r.created}）</option></#list></select></label>
  <button type="submit">起草通报</button>
</form>
</#if>
</#if>
</@l.page>
