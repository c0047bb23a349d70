<#import "layout.ftl" as l>
<@l.page title="比较两次运行">
<h1>比较两次运行</h1>
<form class="inline" method="get" action="/diff">
  <label>较早的运行
    <select name="a"><#list runs as r><option value="${r.id}"<#if r.id?c == a> selected</#if>>运行 #${r.id}（${r.period}）</option></#list></select>
  </label>
  <label>较新的运行
    <select name="b"><#list runs as r><option value="${r.id}"<#if r.id?c == b> selected</#if>>运行 #${r.id}（${r.period}）</option></#list></select>
  </label>
  <button type="submit">比较</button>
</form>
<#if runs?size lt 2><p class="note">至少要有两次运行才能比较。</p></#if>
<#if header??>
<h2>${header}</h2>
<#if causes?size gt 0>
<h3>两次运行之间</h3>
<ul><#list causes as c><li>${c}</li></#list></ul>
</#if>
<#if !changed>
<p>结果没有变化。</p>
<#else>
<p class="exports">导出这些变化：<a href="/diff/export?a=${a?url('UTF-8')}&amp;b=${b?url('UTF-8')}&amp;format=xlsx">Excel 表格（XLSX）</a><a href="/diff/export?a=${a?url('UTF-8')}&amp;b=${b?url('UTF-8')}&amp;format=csv">CSV 表格</a></p>
</#if>
<#list byKind as kind, changes>
<h3>${kind}</h3>
<table class="grid">
<thead><tr><th>位置</th><th>变化</th><th>原因</th></tr></thead>
<tbody>
<#list changes as c>
<tr><td>${c.where}</td><td>${c.what}</td><td><#list c.causes as x>${x}<#sep><br></#list></td></tr>
</#list>
</tbody>
</table>
</#list>
</#if>
</@l.page>
