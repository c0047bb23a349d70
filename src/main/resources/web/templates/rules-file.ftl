<#import "layout.ftl" as l>
<@l.page title="${path}（规则${v.label}）">
<h1>${path}（规则${v.label}，${v.state}）</h1>
<p class="toc"><a href="/rules/<#if v.draft>drafts<#else>versions</#if>/${v.id}">回到${v.label}</a><#if v.draft && editsRules && table??><a href="/rules/drafts/${v.id}/edit?path=${path?url('UTF-8')}">编辑表格</a></#if></p>
<#if errors?size == 0><p class="on">这个文件的检查没有发现错误。</p><#else>
<div class="alert"><strong>检查发现这个文件有 ${errors?size} 处错误：</strong><ul class="reasons"><#list errors as e><li>${e}</li></#list></ul></div>
</#if>
<#if table??>
<table class="grid">
<thead><tr><th class="num">行</th><#list table.header as h><th>${h}</th></#list></tr></thead>
<tbody><#list table.rows as row><tr><td class="num">${row?index + 2}</td><#list row as c><td>${c}</td></#list></tr></#list></tbody>
</table>
<#else>
<pre class="lines code"><#list text?split("\n") as line><span class="ln">${line?index + 1}</span>${line}
</#list></pre>
</#if>
</@l.page>
