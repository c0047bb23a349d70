<#-- 规则管理各页共用的小块 -->
<#macro checkResult v>
<#if v.checkOk>
<p class="on">规则检查通过（与 <code>assess rules check</code> 相同的检查：规则、参数表类型、模板）。</p>
<#else>
<div class="alert"><strong>规则检查发现 ${v.errors?size} 处错误</strong>（有错的草稿可以保存，不能发布）：
<ul class="reasons"><#list v.errors as e><li>${e}</li></#list></ul></div>
</#if>
</#macro>
<#macro fileTable v files editable>
<table class="grid">
<thead><tr><th>文件</th><th>种类</th><th class="num">行数</th><th>检查</th><th></th></tr></thead>
<tbody>
<#list files as f>
<tr>
  <td><a href="/rules/versions/${v.id}/file?path=${f.path?url('UTF-8')}">${f.path}</a></td>
  <td>${f.kind}</td>
  <td class="num">${f.lines}</td>
  <td><#if f.errors?size == 0><span class="on">通过</span><#else><span class="off">${f.errors?size} 处错误</span></#if></td>
  <td><#if editable && f.table><a href="/rules/drafts/${v.id}/edit?path=${f.path?url('UTF-8')}">编辑表格</a><#elseif !f.table>只读</#if></td>
</tr>
</#list>
</tbody>
</table>
</#macro>
