<#import "layout.ftl" as l>
<@l.page title="账号">
<h1>账号</h1>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<#list clashes as c><p class="alert" role="alert">${c}</p></#list>
<table class="grid">
<#assign multi = jurisdictions?size gt 1>
<thead><tr><th>账号</th><#if multi><th>辖区</th></#if><th>角色</th><th>单位</th><th>创建时间</th><th>状态</th><th>操作</th></tr></thead>
<tbody>
<#list accounts as a>
<tr><td>${a.name()}</td><#if multi><td>${accountJurisdiction[a.id()?c]!""}</td></#if><td>${a.role()}</td><td>${a.unitName()!""}</td><td>${(a.createdAt().toString()?replace("T", " "))!""}</td>
<td><#if a.active()>正常<#else>已停用</#if><#if a.mustChange()>；下次登录须改密码</#if><#if limited[a.id()?c]??>；输错过多，限制到 ${limited[a.id()?c]}</#if></td>
<td><#if a.id() != me.id()>
<form method="post" action="/admin/users/${a.id()}/active" class="inline">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="active" value="${(!a.active())?c}">
<button type="submit"><#if a.active()>停用<#else>启用</#if></button>
</form>
<form method="post" action="/admin/users/${a.id()}/unlock" class="inline">
<input type="hidden" name="_csrf" value="${csrf}">
<button type="submit">解除登录限制</button>
</form>
<details><summary>重置密码、改角色</summary>
<form method="post" action="/admin/users/${a.id()}/password" class="inline">
<input type="hidden" name="_csrf" value="${csrf}">
<label>临时密码 <input name="password" type="password" autocomplete="new-password" required minlength="${minLength}"></label>
<button type="submit">重置密码</button>
</form>
<form method="post" action="/admin/users/${a.id()}/role" class="inline">
<input type="hidden" name="_csrf" value="${csrf}">
<label>角色 <select name="role"><#list roles as r><option value="${r}"<#if a.role() == r> selected</#if>>${r}</option></#list></select></label>
<label>单位（仅“单位”角色） <input name="unit" value="${a.unitName()!""}"></label>
<button type="submit">改角色</button>
</form>
</details>
</#if></td></tr>
</#list>
</tbody>
</table>
<h2>新建账号</h2>
<form method="post" action="/admin/users" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>账号名 <input name="name" value="${form.name!""}" required></label>
  <label>角色 <select name="role"><#list roles as r><option value="${r}"<#if (form.role!"") == r?string> selected</#if>>${r}</option></#list></select></label>
  <#if multi><label>辖区 <select name="jurisdiction"><#list jurisdictions as id, name><option value="${id}"<#if (form.jurisdiction!"") == id> selected</#if>>${name}</option></#list></select></label></#if>
  <label>单位（仅“单位”角色，所选辖区的单位） <input name="unit" value="${form.unit!""}"></label>
  <label>初始密码（至少 ${minLength} 个字符） <input name="password" type="password" autocomplete="new-password" required minlength="${minLength}"></label>
  <button type="submit">新建</button>
</form>
<p class="hint">密码至少 ${minLength} 个字符，不能是常见密码，不能含账号名、连续的数字或字母、键盘上相邻的一串键或 4 个相同的字符；按 UTF-8 最多 72 字节。
账号名不分大小写（只差大小写的两个名字算同一个名字）。重置密码后，对方下次登录必须先改密码。</p>
<h2>角色</h2>
<ul><#list roles as r><li><b>${r}</b>：${r.description()}</li></#list></ul>
</@l.page>
