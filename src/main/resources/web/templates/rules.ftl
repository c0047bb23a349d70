<#import "layout.ftl" as l>
<#import "rules-macros.ftl" as r>
<@l.page title="规则管理">
<h1>规则管理</h1>
<p class="toc"><a href="/rules/versions">全部版本</a></p>
<#if current??>
<dl class="meta">
  <dt>当前发布的版本</dt><dd><a href="/rules/versions/${current.id}">${current.label}</a></dd>
  <dt>发布</dt><dd>${current.publisher}，${current.publishedAt}</dd>
  <dt>发布理由</dt><dd>${current.reason}</dd>
</dl>
<p class="hint">网页上开始的考核一律使用当前发布的版本。修改规则要先起草：草稿改好、检查通过后，由起草人以外的审核账号写明理由发布。</p>
<#if editsRules>
<form class="inline" method="post" action="/rules/drafts">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>修改说明（可不填）<input name="note" size="40"></label>
  <button type="submit">在${current.label}上起草新版本</button>
</form>
</#if>
<h2>草稿</h2>
<#if drafts?size == 0><p class="note">现在没有草稿。</p><#else>
<table class="grid">
<thead><tr><th>草稿</th><th>基于</th><th>起草人</th><th>最后修改</th><th>说明</th><th>检查</th></tr></thead>
<tbody>
<#list drafts as d>
<tr><td><a href="/rules/drafts/${d.id}">${d.label}</a></td><td>${d.baseLabel}</td><td>${d.author}</td><td>${d.updated}</td><td>${d.note}</td>
<td><#if d.checkOk><span class="on">通过</span><#else><span class="off">${d.errors?size} 处错误</span></#if></td></tr>
</#list>
</tbody>
</table>
</#if>
<h2>${current.label}的文件</h2>
<@r.checkResult v=current/>
<p class="hint">表格（.csv）可以在草稿里用表单修改；规则（.drl）和正文模板（.ftl）在网页上只读，显示检查结果。</p>
<@r.fileTable v=current files=files editable=false/>
<#else>
<p class="alert">还没有登记任何规则版本。网页服务启动时会把规则目录登记为第 1 版。</p>
</#if>
</@l.page>
