<#import "layout.ftl" as l>
<#import "rules-macros.ftl" as r>
<@l.page title="规则${v.label}">
<h1>规则${v.label}（${v.state}<#if current>，当前</#if>）</h1>
<p class="toc"><a href="/rules">规则管理</a><a href="/rules/versions">全部版本</a><#if v.baseId != ""><a href="/rules/versions/${v.id}/diff">与${v.baseLabel}比较</a></#if></p>
<dl class="meta">
  <dt>基于</dt><dd><#if v.baseId != "">${v.baseLabel}<#else>（第一个版本）</#if></dd>
  <dt>起草</dt><dd>${v.author}，${v.created}</dd>
  <dt>说明</dt><dd>${v.note}</dd>
  <#if v.published><dt>发布</dt><dd>${v.publisher}，${v.publishedAt}</dd>
  <dt>发布理由</dt><dd>${v.reason}</dd><#else><dt>处理</dt><dd>${v.reason}（${v.updated}）</dd></#if>
</dl>
<#if editsRules && !current>
<form class="inline" method="post" action="/rules/versions/${v.id}/restore">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit">把${v.label}恢复为新草稿</button>
  <span class="hint">新草稿的内容与${v.label}相同，基于当前发布的版本，仍须经审核发布。</span>
</form>
</#if>
<@r.checkResult v=v/>
<@r.fileTable v=v files=files editable=false/>
</@l.page>
