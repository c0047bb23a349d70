<#import "layout.ftl" as l>
<@l.page title="操作记录">
<h1>操作记录</h1>
<form class="inline" method="get" action="/admin/audit">
  <label>账号 <input name="account" value="${account}"></label>
  <button type="submit">筛选</button>
</form>
<p class="exports">导出<#if account != "">这个账号的</#if>操作记录：<a href="/admin/audit/export?account=${account?url('UTF-8')}&amp;format=xlsx">Excel 表格（XLSX）</a><a href="/admin/audit/export?account=${account?url('UTF-8')}&amp;format=csv">CSV 表格</a></p>
<table class="grid">
<thead><tr><th>时间</th><th>账号</th><th>操作</th><th>内容</th><th>来源</th></tr></thead>
<tbody>
<#list entries as e><#if e?index lt 100>
<tr><td>${e.at().toString()?replace("T", " ")}</td><td>${e.account()}</td><td>${e.action()}</td><td>${e.detail()}</td><td>${e.remote()}</td></tr>
</#if></#list>
</tbody>
</table>
<div class="pager">
<#if page gt 1><a href="?account=${account?url('UTF-8')}&amp;page=${page - 1}">较新的</a></#if>
<#if entries?size gt 100><a href="?account=${account?url('UTF-8')}&amp;page=${page + 1}">较早的</a></#if>
</div>
</@l.page>
