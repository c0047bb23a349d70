<#import "layout.ftl" as l>
<#import "rules-macros.ftl" as r>
<@l.page title="规则草稿${v.label}">
<h1>规则草稿${v.label}</h1>
<p class="toc"><a href="/rules">规则管理</a><a href="/rules/versions">全部版本</a><a href="/rules/versions/${v.id}/diff">与${v.baseLabel}比较</a><#if editsRules || approves><a id="preview" href="/rules/drafts/${v.id}/preview">预览</a></#if></p>
<#if message??><p class="alert" id="message">${message}</p></#if>
<#if conflict??>
<div class="alert" id="conflict"><strong>这份草稿不能直接发布：</strong>${conflict}
<#if overlap?size gt 0><ul class="reasons"><#list overlap as o><li>${o}</li></#list></ul></#if>
<p>草稿的内容原样保留。<#if editsRules>可以在${currentLabel}上重做本草稿的修改（改的是不同的文件或行时自动合并；改了同一格时会逐条说明）：</p>
<form method="post" action="/rules/drafts/${v.id}/reapply"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">在${currentLabel}上重做这些修改</button></form>
<#else>请规则管理账号在${currentLabel}上重做这些修改。</p></#if>
</div>
</#if>
<dl class="meta">
  <dt>基于</dt><dd><a href="/rules/versions/${v.baseId}">${v.baseLabel}</a>（草稿建立时的发布版本）</dd>
  <dt>起草</dt><dd>${v.author}，${v.created}</dd>
  <dt>最后修改</dt><dd>${v.updated}</dd>
  <dt>说明</dt><dd>${v.note}</dd>
</dl>
<@r.checkResult v=v/>
<h2>文件</h2>
<@r.fileTable v=v files=files editable=editsRules/>
<h2>发布</h2>
<#-- 只有审核能发布（起草人是规则管理，发布会被拒），别的角色不显示用不了的表单 -->
<#if approves>
<form class="inline" method="post" action="/rules/drafts/${v.id}/publish" id="publish">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="fingerprint" value="${v.fingerprint}">
  <label>发布理由（必填）<input name="reason" size="50" required></label>
  <button type="submit">发布${v.label}</button>
  <span class="hint">须由起草人（${v.author}）以外的审核账号发布；发布后网页上开始的考核使用这一版。</span>
</form>
<#else>
<p class="note">这份草稿须由起草人（${v.author}）以外的审核账号发布。</p>
</#if>
<#if editsRules>
<form class="inline" method="post" action="/rules/drafts/${v.id}/abandon">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit">放弃这份草稿</button>
</form>
</#if>
</@l.page>
