<#import "layout.ftl" as l>
<@l.page title="规则${from.label}与${to.label}的差异">
<h1>规则${from.label} → ${to.label}</h1>
<p class="toc"><a href="/rules/versions">全部版本</a><a href="/rules/<#if to.draft>drafts<#else>versions</#if>/${to.id}">${to.label}</a></p>
<#if files?size == 0><p class="note">两版的文件内容完全相同。</p></#if>
<#list files as f>
<h2>${f.path}（${f.kind}）</h2>
<#if f.changes?size gt 0><ul class="reasons"><#list f.changes as c><li>${c}</li></#list></ul></#if>
<#if f.lines?size gt 0>
<table class="diff">
<#list f.lines as d><tr class="op${(d.op == "+")?then("add", (d.op == "-")?then("del", "same"))}"><td class="num">${d.old}</td><td class="num">${d.new}</td><td>${d.op}</td><td><code>${d.text}</code></td></tr></#list>
</table>
</#if>
</#list>
</@l.page>
