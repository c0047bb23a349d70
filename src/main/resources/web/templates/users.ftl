<#import "layout.ftl" as l>
<@l.page title="账号">
<h1>账号</h1>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<table class="grid">
<thead><tr><th>账号</th><th>角色</th><th>单位</th><th>创建时间</th><th>状态</th><th>操作</th></tr></thead>
<tbody>
<#list accounts as a>
<tr><td>${a.name()}</td><td>${a.role()}</td><td>${a.unitName()!""}</td><td>${(a.createdAt().toString()?replace("T", " "))!""}</td>
<td><#if a.active()>正常<#else>已停用</#if></td>
<td><#if a.id() != me.id()>
<form method="post" action="/admin/users/${a.id()}/active" class="inline">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="active" value="${(!a.active())?c}">
<button type="submit"><#if a.active()>停用<#else>启用</#if></button>
</form></#if></td></tr>
</#list>
</tbody>
</table>
<h2>新建账号</h2>
<form method="post" action="/admin/users" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>账号名 <input name="name" value="${form.name!""}" required></label>
  <label>角色 <select name="role"><#list roles as r><option value="${r}"<#if (form.role!"") == r?string> selected</#if>>${r}</option></#list></select></label>
  <label>单位（仅“单位”角色） <input name="unit" value="${form.unit!""}"></label>
  <label>初始密码（至少 8 个字符） <input name="password" type="password" autocomplete="new-password" required></label>
  <button type="submit">新建</button>
</form>
<h2>角色</h2>
<ul><#list roles as r><li><b>${r}</b>：${r.description()}</li></#list></ul>
</@l.page>
